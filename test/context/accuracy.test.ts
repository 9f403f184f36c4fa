/**
 * The accuracy bar of docs/context-accuracy.md as a test: on every failure history in
 * test/context/histories, every check of its EXPECTED.yaml (incidents in/out of scope, clusters
 * with counts within 15 %, anti-patterns only with their evidence sentence, expected constraints)
 * passes, and a merge of the report changes no line of the manifold it does not need to.
 *
 * Checks that are known to fail are listed below with the reason. A listed check that starts
 * passing fails the test too, so the list only shrinks.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateHistory } from '../../scripts/context-accuracy.js';
import { runCli } from '../support/cli.js';

const HISTORIES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'histories');
const histories = readdirSync(HISTORIES)
  .filter((name) => statSync(path.join(HISTORIES, name)).isDirectory())
  .sort();

/** history → checks (as `scripts/context-accuracy.ts` names them) that fail today, and why. */
const KNOWN_MISSES: Record<string, Record<string, string>> = {
  // Written by someone who never saw the code (round 25); its first run stopped with exit 2 at the
  // YouTrack postmortem. Every file reads now (YouTrack, MIME e-mail, incident.io, Intercom, Org,
  // Markdown lessons table); these are what its first readable run gets wrong, not yet worked on.
  'freight-label-booking': {
    'cluster "two labels bought for one parcel, wallet debited twice" (40)':
      'found as 47 ("Charged twice for a label": 34 of the 40 two-label tickets with 6 wallet top-ups charged twice on the card, 4 "charged twice? no, one is the return label" and 2 return labels, all saying twice + charge); its name and key terms (twice, charge, label, parcel) spell none of the expected terms',
    'cluster "credit for voided labels missing from the wallet" (13)':
      'found as 7 (English and the form); the 6 German "Gutschrift fehlt / stornierte Etiketten nicht gutgeschrieben" tickets are a cluster of their own that shares no word with it and names no manifold term (Etikett is "label" only in the manifold\'s language_note), so it is not reported',
    'cluster "buyers got no "your order has shipped" e-mail (shipping confirmation) for multi-box orders" (10)':
      'spread: 4 Spanish ("Email de envío no llega") form a cluster naming no manifold term (not reported), 2 English sit in the "label purchase failed" flood (both about e-mails to merchants\' customers), 1 with a "(kein Betreff)" pair, 3 (2 German "Versandbestätigung fehlt", a phone note) in no cluster',
  },
  // Written by someone who never saw the code; its first run (round 13) stopped at the manifold
  // (`name:` for `manifold:`): every figure 0. Every file reads now; what is left is clustering.
  'airline-refunds': {
    'cluster "refunded, but the booking / ticket still shows as active or not refunded" (16)':
      'found as 10 (all right: English, German and Norwegian; 6 before round 23 read "Mit freundlichen Grüßen" as a sign-off); 14 would pass, the rest share no word or idea across the languages',
    'cluster "no refund confirmation" (12)':
      'found as 10 (all right); 2 sit elsewhere (10 of 12 is outside 15 %)',
  },
  // Written by someone who never saw the code; its first run (round 14) stopped at the incidents
  // (a GitHub issues export). Every file reads now; what is left is clusters.
  'standing-orders': {
    'cluster "standing order paid twice to the payee" (36)':
      'found as 89 (35 of the 36, round 27; 60 before): the 22 "same message three times" tickets join it (both say `twice` and "standing order"; only what was doubled, the message or the payment, differs), with 11 one-off, 4 Direct Debit doubles, 8 "no confirmation" and 7 told-failed tickets; the burst merges join what the time-blind merge now leaves apart, since these causes came in one burst',
    'cluster "repeated "standing order payment couldn\'t be made" pushes and texts" (22)': 'inside the 89 above, whose tickets are more often the doubles\'; no other reported pattern holds any of them',
    'cluster "told the standing order failed, but it was paid (overdrawn / paid again)" (17)': 'found as 9 (all right); the rest sit in the 89',
    'cluster "no payment confirmation for a standing order" (11)': 'found as "Call - Priya Rees", 3 (2 of them); 8 sit in the 89 (a pure pattern of 8 before round 27)',
  },
  // Written by someone who never saw the code; its first run (round 15) stopped at the manifold
  // (constraints as a mapping keyed by id). Every file reads now; what is left is clusters and one
  // relevance score. Round 23: a cluster naming the component's terms is not taken away because its
  // burst followed an incident judged out of scope (clusters 3/7 -> 4/7: "no tickets in the app", 16).
  'ticket-checkout': {
    'INC-213 in scope':
      'scores 0.51: the glossary makes "H2S" and the sealer the component, but its other words ("sales", "money taken, hold converted", "barcodes") are finance\'s and the issuer\'s names for the entities, which the manifold gives only in its description',
    'cluster "repeated "payment didn\'t go through" texts and emails" (22)': 'no cluster of its own: one of 45 ("Payment failed but money taken") holds it with the "told it failed but the money was taken" tickets: they say the same ideas (`message`, `payment`, `failed`), and only what was doubled, the message or the payment, differs (as in standing-orders)',
    'cluster "told the payment failed / seats released, but the money was taken" (20)': 'no cluster of its own: "payment failed" and "money taken" are the 45\'s words too',
  },
  // Written by someone who never saw the code; its first run (round 16, code of 709fb33) stopped at
  // the Linear export's dates: every figure 0. Every file reads now (Linear CSV, pdftotext, XWiki,
  // flat ODT, osTicket XML); these are what the run gets wrong with no analysis change made for it
  // (docs/context-accuracy.md). The analysis is worked on in general elsewhere; this history's
  // figure stays an unseen one for it. Round 18: the agents' call-note subjects ("Phone call",
  // "Inbound call", "Phone enquiry", "Call from customer") read as placeholders (3/7 -> 6/7).
  'payroll-disburse': {
    'cluster "employees paid their net pay twice" (32)':
      'found as 21 ("Wrong - two lots of pay", all right); 2 more sit with the "told it failed but it went through" tickets (19, 17 right) and 8 join no cluster (terse call notes and messages); 28 would pass',
  },
  // Written by someone who never saw the code; its first run (round 17, code of 8b4ccc5) stopped at
  // the incidents file (a ServiceNow XML unload): every figure 0. Every file reads now (XML unload
  // with journal records, Quip HTML, Obsidian callouts, Outline's ProseMirror JSON, Front CSV with
  // UK dates); these are what the run gets wrong with no analysis change made for it
  // (docs/context-accuracy.md). Its figure stays an unseen one for the analysis.
  'mvno-auto-topup': {
    'cluster "card charged / told the top-up failed, but no credit on the line" (26)':
      'found as 20 ("caller no credit after pmt, barred.", named for an agent\'s call note: credit, barred, says, pmt, failed) across both bursts (15 Jun to 16 Sep); 23 would pass',
    'cluster "no top-up confirmation text or receipt email" (12)':
      'split in two clusters of INC0043012\'s days (17-19 Aug): "Did it go through" (5) and "Proof of payment" (4); neither is within 15 %',
  },
  // Written by someone who never saw the code; its first run (round 18, code of b699259) stopped
  // at the incidents file (a Jira REST search response with ADF): every figure 0. Every file reads
  // now (Jira REST search, Word 2003 XML, Jupyter, Evernote ENEX, Crisp JSON); round 18's
  // attribution and lesson kinds took anti-patterns 14/20 -> 19/20 and constraints 5/6 -> 6/6
  // (docs/context-accuracy.md). Clusters are worked on in general elsewhere.
  'ev-session-billing': {
    'cluster "charged twice for one charging session" (36)':
      'found as "Account", 25 (22 of them double charges; round 27: the time-blind merge no longer joins them to the payment-failed notices on `twice` and the desk\'s `payment`/`charge` alone, 4 before); the rest are spread by their many wordings ("2x", "billed double", a pasted bank statement, Dutch and French) and phone shorthand',
    'cluster "told the payment failed and blocked by an open balance although the card was charged (paid again)" (18)':
      'found as 11 ("You told me my payment failed so I paid again in the app.", all right; 8 before round 27); the other 7 are in no reported pattern ("Beller geblokkeerd …" 3 among them)',
  },
  // Written by someone who never saw the code; its first run (round 19, code of 9a2219d) stopped
  // at the incidents file (a Statuspage export: severity is its `impact`), then at the Google Docs
  // JSON postmortem. Every file reads now (Statuspage updates and postmortem_body, Google Docs API
  // JSON, Word .mht, MediaWiki export, Zoho Desk CSV): 14/15, 7/11, 19/21, 6/6; a lesson's "must"
  // sentence is no evidence took anti-patterns to 20/21 (docs/context-accuracy.md).
  'points-redemption': {
    'cluster "points taken twice for one reward (one gift card / cinema booking, two deductions)" (34)':
      '193 tickets read, 12 judged relevant: one pattern is reported ("Where is my code?", 12, the e-voucher cluster); the double-deduction tickets are not among the relevant ones. Clustering and ticket relevance are worked on in general by another developer (round 19), not here',
    'cluster "the same "We couldn\'t complete your reward" email / push again and again" (22)':
      'no reported pattern: see the cluster above (only one of the ticket clusters is judged relevant)',
    'cluster "reward failed but the points were never given back" (16)':
      'a pattern of 7 ("reward failed but no points back??", 7 of them in the cluster) since round 33 admitted jdwz8tkaazpf (it shows FM4, "retry for 2 hours, then park") and the burst after it counts; the rest sit in the dropped 45-ticket "charged twice" cluster and a mixed "couldn\'t complete" one',
    'cluster "told the reward failed and the points came back, then the points were taken again (code appeared)" (18)':
      'no reported pattern: see the cluster above (only one of the ticket clusters is judged relevant)',
  },
  // Written by someone who never saw the code; its first run (round 20, main at 9bfb9f6) stopped at
  // the incident log (a Google Sheets CSV: title and note rows above the header): every figure 0.
  // Every file reads now (the sheet's header row, band and merged-cell rows; SharePoint page JSON,
  // Word flat OPC XML and Notion API postmortems; Kayako Classic XML tickets): 14/15, 5/10, 19/21, 6/6;
  // a key joined by "and" and a key made from the run's id (round 20) took anti-patterns to 20/21,
  // services listed with commas in one cell (round 20) incidents to 15/15. Round 31: Greek function
  // words and ideas put the Greek "5 μηνύματα" ticket with the notice storm (19 of 22, passes).
  'school-fee-instalments': {
    'cluster "direct debit stuck in Processing for days, no tax invoice, school says unpaid" (14)': 'reported as 10: not worked on in round 20',
    'cluster "balance not updated after paying; school sent an overdue reminder" (10)': 'no reported pattern: not worked on in round 20',
  },
  // The thirteenth history written by someone else (round 21): its first run stopped at the
  // incident register (a .tsv), exit 2; once every file reads (tab-delimited register with a band
  // of group headings, an exercise row and a totals row; MDX and DXL postmortems; Gladly JSON
  // Lines) 12/15, 7/11, 20/21, 4/6, nothing tuned on it yet. Round 24: fields a glossary entry lists
  // name its term (`payment_ref` a charge attempt) and an error type is named by the state its comment
  // says it is recorded as (OUTCOME_UNKNOWN) or leaves a record stuck in (PENDING): NSI-143 0.45 -> 0.65,
  // NSI-150 0.41 -> 0.69, NSI-156 0.52 -> 0.60 (at the threshold), constraints 4/6 -> 6/6.
  'gym-dues-billing': {
    'cluster "the same "we couldn\'t process your membership payment" SMS/email/push again and again" (22)': 'no reported pattern: not worked on in round 21',
    'cluster "access hold / told in arrears at the door although the dues were paid (paid again at the desk or in the app)" (18)': 'best pattern "why is my account on hold?", 15 (round 24, once NSI-143 and NSI-150 are in scope; none before): 15 of 18 is outside 15 %',
    'cluster "pre-authorized debit shown as pending for days, no receipt, club says owing" (14)': 'best pattern "cancelled last week but still charged today", 25: not worked on in round 21',
  },
  // Written by someone who never saw the code; its first run (round 22) stopped at the Confluence v2
  // page JSON ("no incident reference"). Every file reads now (GitLab incident issues, DokuWiki,
  // Confluence v2 ADF-in-a-string, Trengo); first readable run 15/15, 7/11, 19/21, 6/6, round 22's
  // end 15/15, 9/11, 20/21, 6/6 (docs/context-accuracy.md).
  'parking-permit-renewals': {
    'cluster "charged twice for one permit renewal" (36)':
      'found as 45 ("Charged twice"): 34 of the 36 with 3 double refunds, 2 late texts ("have I been charged twice?"), 2 wardens\' PCNs, 2 notice-storm tickets and 2 noise; 41 would pass',
    'cluster "permit lapsed and a PCN issued although the renewal payment was taken (some paid again with Pay now)" (18)': 'found as 14 (all right); 2 sit with the notice storm (20: 18 right), 2 elsewhere (14 of 18 is outside 15 %)',
  },
  // Written by someone who never saw the code; its first run (round 23, r23-lead 8c7800c) stopped
  // at the Trello board export ("no incident records found"): every figure 0. Every file reads now
  // (Trello board JSON, Slack export day file, Google Slides API JSON, YAML postmortem, Kustomer
  // JSON:API); first readable run 13/15, 8/11, 19/20, 6/6 (docs/context-accuracy.md).
  'telehealth-deposits': {
    'cluster "booking deposit charged twice for one appointment" (34)':
      'split: 13 sit in the 39-ticket "Cancelled??" cluster with 9 cancelled-but-charged and 17 others, 8 in "Cargo doble señal" (10), which the one-to-one matching by shared tickets gives it (round 27; the count-only scorer passed it with "Cancelled??", 39)',
    'cluster "appointment cancelled as "payment not completed" although the deposit was taken (some rebooked and paid again)" (18)':
      'split: 9 sit in the 39-ticket "Cancelled??" cluster (matched to it by shared tickets) (chats that open with the bot menu\'s "Payments" / "Appointments" pick), 3 + 3 in two small ones',
    'cluster "refund for a cancelled appointment not received" (16)':
      'a pure cluster of 8 ("I cancelled my appointment 4 days ago … haven\'t got my deposit back") is not reported (too few tickets name manifold terms: refund, devolución, "24h"); the rest sit with the cancelled-but-charged and charged-twice tickets',
  },
  // Written by someone who never saw the code; its first run (round 24, on main f15588e) stopped at
  // the Azure DevOps work-item export ("incident 20016: date is required"): every figure 0. Every
  // file reads now (ADO work items JSON, Typst, Roam JSON, Discourse topic JSON, LiveAgent tickets);
  // first readable run 14/15, 9/12, 16/20, 6/6 (docs/context-accuracy.md).
  'vet-wellness-plans': {
    'cluster "plan shown as payment due / payment missed although the instalment was collected; owner paid again at the counter or with Pay now" (18)':
      'not reported: the run reports three patterns ("Duplicate payment" 43, "Payment missed messages" 20, "Refund not received" 8); these tickets share "payment missed" with the notice storm and "paid twice" with the charged-twice one (not analysed further in round 24)',
    'cluster "refund for a cancelled plan (pet died, moved away) not received" (14)':
      'found as 8 ("Refund not received"); where the other 6 went was not analysed in round 24',
    'cluster "no receipt email for the plan payment (needed for pet insurance)" (11)':
      'not reported (see the three patterns above); receipt tickets are short, many phone notes ("not rec\'d") or French ("reçu"); not analysed further in round 24',
  },
  // Written by someone who never saw the code; its first run (round 8) stopped at the incident
  // export. These are what the run gets wrong once every file reads (docs/context-accuracy.md).
  'hotel-reservation-sync': {
    'cluster "cancelled on an OTA but no cancellation message from the hotel" (19)':
      'found as 15 (all right); "withdrew my booking … still live" (4) says the idea `charge` through "withdrew" (a word of two senses) and shares only "booking"',
    'cluster "no room on arrival / walked / overbooked" (14)':
      'eight wordings ("gave our room away", "walked", "relocated", "turned away") with no shared word or vocabulary idea: groups of 3–4',
  },
  // Written by someone who never saw the code; its first run (round 9) stopped at the Opsgenie
  // export. Every file reads now, and incidents, anti-patterns and constraints are all right; what
  // is left is ticket clustering (worked on separately; not touched here).
  'utility-autopay': {
    'cluster "no payment receipt / confirmation after Auto Pay" (13)':
      'found as 11 (all right, the Spanish "recibo" ones among them); "Normally I get a text confirming the auto payment" sits with the notice storm by the idea `message`, "Did autopay run? … the usual we received your payment email" with none',
  },
};

describe('context accuracy on every failure history', () => {
  it('finds the histories', () => {
    expect(histories.length).toBeGreaterThanOrEqual(4);
  });

  for (const history of histories) {
    it(`${history}: every check of EXPECTED.yaml passes (known misses listed)`, { timeout: 60_000 }, async () => {
      const score = await evaluateHistory(path.join(HISTORIES, history));
      const checks = [...score.incidents, ...score.clusters, ...score.antiPatterns, ...score.constraints];
      const failed = checks.filter((c) => !c.ok).map((c) => c.what);
      expect(checks.length).toBeGreaterThan(0);
      expect(failed.sort()).toEqual(Object.keys(KNOWN_MISSES[history] ?? {}).sort());
    });

    it(`${history}: a merge of its report changes no line it need not change`, { timeout: 60_000 }, async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), `faultline-${history}-`));
      cpSync(path.join(HISTORIES, history), dir, { recursive: true });
      const expected = parse(readFileSync(path.join(dir, 'EXPECTED.yaml'), 'utf8')) as { manifold: string; now: string };
      const manifold = path.join(dir, expected.manifold);
      const before = readFileSync(manifold, 'utf8');
      const out = path.join(dir, 'failures.yaml');
      const context = await runCli(['context', manifold, '--config', path.join(dir, 'faultline.config.yaml'), '--now', expected.now, '--out', out], dir);
      expect(context.code).toBe(0);
      const merged = await runCli(['merge', manifold, '--from', out], dir);
      expect(merged.code).toBe(0);
      const after = readFileSync(manifold, 'utf8');
      expect(after).not.toBe(before); // each history teaches the manifold something
      expect(diffLines(before, after).filter((c) => c.removed)).toEqual([]);
    });
  }
});
