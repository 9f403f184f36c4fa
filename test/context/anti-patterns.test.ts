import { describe, expect, it } from 'vitest';
import { matchAntiPatterns, parseCatalogueEntry } from '../../src/context/index.js';
import { attributeAntiPatterns, readsAs } from '../../src/context/analysis/anti-pattern-matching.js';
import { TermIndex } from '../../src/context/text/term-index.js';
import { isDisclaimer, withoutNegatedClauses } from '../../src/context/text/negation.js';
import { forbidden, requirementFromAbsence, requirementFromOmission, required } from '../../src/context/analysis/statements.js';
import { shortIncidentIds } from '../../src/context/analysis/derived-constraints.js';
import { TEST_CATALOGUE } from './helpers.js';

const ids = (text: string) => matchAntiPatterns(new TermIndex([text]), TEST_CATALOGUE).map((m) => m.entry.id);

describe('matchAntiPatterns', () => {
  it('needs a term from every signal group', () => {
    expect(ids('Retry logic did not check for idempotency; duplicate payments')).toEqual(['AP-001']);
    expect(ids('Retry logic created duplicate payments')).toEqual([]);
    expect(ids('The worker sent an SMS on every attempt')).toEqual(['AP-002']);
    expect(ids('A 504 was treated as failed')).toEqual(['AP-003']);
    expect(ids('Search index lag')).toEqual([]);
  });

  it('reports the term that satisfied each group', () => {
    const [m] = matchAntiPatterns(new TermIndex(['Payments were retried and charged twice without an idempotent key']), TEST_CATALOGUE);
    expect(m?.terms).toEqual(['retry', 'twice', 'idempotent']);
  });
});

describe('parseCatalogueEntry', () => {
  const rule = `id: AP-001
slug: retry-without-idempotency
title: Retry Without Idempotency
risk: high
signature: [{ call: mutating }]
signals:
  - [retry, retries]
  - [duplicate, twice]
prevention: { must_include: [Idempotency key], must_exclude: [] }
`;
  it('picks the catalogue fields of a rule file and ignores the rest', () => {
    expect(parseCatalogueEntry(rule, 'rules/AP-001.yaml')).toMatchObject({ id: 'AP-001', signals: [['retry', 'retries'], ['duplicate', 'twice']] });
  });
  it('skips rules without signals and names malformed ones', () => {
    expect(parseCatalogueEntry('id: AP-009\nslug: x\n', 'r.yaml')).toBeUndefined();
    expect(() => parseCatalogueEntry(rule.replace('[duplicate, twice]', '[]'), 'r.yaml')).toThrowError(/^r\.yaml signals\[1\] \(line 8\)/);
  });
});

describe('constraint statements', () => {
  it('rewrites omissions and absences, and nothing else', () => {
    expect(requirementFromOmission('Retry logic did not check for idempotency')).toBe('Retry logic must check for idempotency');
    expect(requirementFromOmission('The consumer was not idempotent')).toBe('The consumer must be idempotent');
    expect(requirementFromOmission('The scheduler did not release the lock, so attempts stayed stuck')).toBe('The scheduler must release the lock');
    expect(requirementFromOmission("Gateway timeout doesn't mean payment failed")).toBeUndefined();
    expect(requirementFromAbsence('No idempotency key in payment requests')).toBe('Idempotency key in payment requests is required');
    expect(requirementFromAbsence('Missing alerts on queue depth')).toBe('Alerts on queue depth are required');
    expect(requirementFromAbsence('Retry triggered on any non-200 response')).toBeUndefined();
    expect(required('Notification deduplication')).toBe('Notification deduplication is required');
    expect(forbidden('Blind retry on timeout')).toBe('Blind retry on timeout is forbidden');
  });

  it('derives no rule from a sentence saying what the incident left alone (round 24)', () => {
    // "Payments were not touched." (a notice incident's scope) read as an omission gave "Payments
    // must be touched" once the incident was high relevance; it says what was not affected.
    const rules = (sentence: string) => [sentence].filter((s) => !isDisclaimer(s)).flatMap((s) => requirementFromOmission(s) ?? []);
    expect(rules('Payments were not touched.')).toEqual([]);
    expect(rules("the bookings' cancellation status was never touched")).toEqual([]);
    expect(isDisclaimer('The ledger was left untouched.')).toBe(true);
    expect(rules('The consumer was not idempotent')).toEqual(['The consumer must be idempotent']);
  });

  it('shortens incident ids, falling back when they would collide', () => {
    expect(shortIncidentIds(['INC-2024-089', 'INC-2024-112'])).toEqual(new Map([['INC-2024-089', 'INC089'], ['INC-2024-112', 'INC112']]));
    expect(shortIncidentIds(['INC-2023-089', 'INC-2024-089']).get('INC-2024-089')).toBe('INC2024089');
  });
});

describe('loadBuiltInCatalogue', () => {
  it('reads rules/*.yaml of the package that holds the calling module, skipping rules without signals', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
    const root = mkdtempSync(path.join(os.tmpdir(), 'faultline-pkg-'));
    writeFileSync(path.join(root, 'package.json'), '{"name": "faultline"}');
    mkdirSync(path.join(root, 'rules'));
    mkdirSync(path.join(root, 'dist', 'src', 'cli'), { recursive: true });
    writeFileSync(path.join(root, 'rules', 'AP-002-b.yaml'), 'id: AP-002\nslug: b\ntitle: B\nrisk: low\nsignals: [[sms]]\n');
    writeFileSync(path.join(root, 'rules', 'AP-001-a.yaml'), 'id: AP-001\nslug: a\ntitle: A\nrisk: high\nsignals: [[retry], [twice]]\n');
    writeFileSync(path.join(root, 'rules', 'AP-003-c.yaml'), 'id: AP-003\nslug: c\ntitle: C\nrisk: high\nsignature: []\n');
    const entries = await loadBuiltInCatalogue(path.join(root, 'dist', 'src', 'cli'));
    expect(entries.map((e) => e.id)).toEqual(['AP-001', 'AP-002']);
    expect(await loadBuiltInCatalogue(os.tmpdir())).toEqual([]);
  });
});

describe('attributeAntiPatterns: what a sentence rules out is no evidence', () => {
  const attributed = (texts: string[]) => attributeAntiPatterns(texts, TEST_CATALOGUE).map((m) => `${m.entry.id}: ${m.evidence}`);

  it('skips a failure the sentence says did not happen, not a safeguard it says was missing', () => {
    expect(attributed(['The retries carried an idempotency check; no duplicate payments were found'])).toEqual([]);
    expect(attributed(['The retries carried an idempotency check and made duplicate payments'])).toEqual([
      'AP-001: The retries carried an idempotency check and made duplicate payments',
    ]);
    // "no dedup" is the anti-pattern itself
    expect(attributed(['Every retry charged twice with no dedup'])).toEqual(['AP-001: Every retry charged twice with no dedup']);
  });

  it('takes a sentence that states a rule (a lesson: "must", "should", "is only allowed") as no evidence; "should have" tells what happened', () => {
    // a PIR's lesson beside its account: the account is the evidence
    const account = 'The retry pass then charged each order again without an idempotency key, and 300 customers were charged twice.';
    const lesson = 'A retry of a charge must carry a fresh idempotency key only after a decline, or customers are charged twice.';
    expect(attributed([lesson, account])).toEqual([`AP-001: ${account.slice(0, -1)}`]);
    expect(attributed([lesson])).toEqual([]);
    expect(attributed(['A retry with a new idempotency key charges twice, so retries should reuse the first one.'])).toEqual([]);
    const told = 'The retry should have been stopped: it had no idempotency key and customers were charged twice.';
    expect(attributed([told])).toEqual([`AP-001: ${told.slice(0, -1)}`]);
  });

  it('reads "zero" as a negative word, and a number\'s comma or a time\'s colon as no clause end', () => {
    expect(withoutNegatedClauses('The key did its job: zero duplicate bookings despite ~5,400 retries')).toBe('The key did its job: ');
    expect(withoutNegatedClauses('At 03:00 nothing was sent twice')).toBe('At 03:00 ');
  });

  it('skips a sentence that rules the component out', () => {
    expect(attributed(['Not related to the retry of duplicate payments or their idempotency'])).toEqual([]);
  });

  it('reads a signal that is itself a negation ("no response") as an outcome', () => {
    const ap003 = TEST_CATALOGUE.find((e) => e.id === 'AP-003');
    if (!ap003) throw new Error('no AP-003');
    const catalogue = [{ ...ap003, signals: [['timeout', 'no response'], ['failed', 'status']] }];
    const evidence = (text: string) => attributeAntiPatterns([text], catalogue).map((m) => `${m.entry.id}: ${m.evidence}`);
    expect(evidence("The API mapped the provider's 'no response' status to failed")).toEqual([
      "AP-003: The API mapped the provider's 'no response' status to failed",
    ]);
  });

  it('leaves a notification sent on every retry to AP-002 (anti_pattern_precedence)', () => {
    expect(attributed(['The SMS was sent from inside the retry loop with no dedup, twice per attempt'])).toEqual([
      'AP-002: The SMS was sent from inside the retry loop with no dedup, twice per attempt',
    ]);
  });

  it('takes as evidence a sentence that records one signal as the other over one that names more of them apart', () => {
    expect(
      attributed([
        'When the call timed out, the worker logged an error and set the status to failed',
        'The worker recorded the timeout as a failed request and queued it for the next pass.',
      ]),
    ).toEqual(['AP-003: The worker recorded the timeout as a failed request and queued it for the next pass']);
    expect(readsAs('Timeout treated as failed delivery', [['timeout'], ['failed']])).toBe(true);
    expect(readsAs('The timeout was logged, and the push failed as expected', [['timeout'], ['failed']])).toBe(false);
  });

  it('sees no notification retry where the retry carries the same idempotency key (AP-002 safeguard)', () => {
    expect(attributed(['The reconciler looked each push up before retrying with the same idempotency key'])).not.toContainEqual(expect.stringMatching(/^AP-002/));
    expect(attributed(['Every retry sent the confirmation email again'])).toEqual(['AP-002: Every retry sent the confirmation email again']);
  });

  it('takes as evidence the sentence that carries the most signal terms', () => {
    expect(
      attributed(['The gateway answered with a timeout status', 'The worker mapped the timeout status to failed, a failure for the customer']),
    ).toEqual(['AP-003: The worker mapped the timeout status to failed, a failure for the customer']);
  });
});

describe('the built-in catalogue on re-runs and deadlines written without its usual words', () => {
  const attributedBy = async (texts: string[]) => {
    const path = await import('node:path');
    const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
    const catalogue = await loadBuiltInCatalogue(path.dirname(new URL(import.meta.url).pathname));
    return attributeAntiPatterns(texts, catalogue).map((m) => `${m.entry.id}: ${m.evidence}`);
  };

  it('reads a catch-up run, or a key made from the run date, that sends again as AP-001', async () => {
    expect(await attributedBy(['The catch-up job made a fresh reference for each invoice, so 40 invoices were paid a second time'])).toEqual([
      'AP-001: The catch-up job made a fresh reference for each invoice, so 40 invoices were paid a second time',
    ]);
    expect(await attributedBy(['The job built a new transfer id from the run date, so the bank sent 12 transfers twice'])).toEqual([
      'AP-001: The job built a new transfer id from the run date, so the bank sent 12 transfers twice',
    ]);
    // the run carried the same key: no retry without idempotency
    expect(await attributedBy(['The catch-up job reused the same idempotency key, so nothing was paid twice'])).toEqual([]);
  });

  it('reads a message redelivered by its queue, charged again, as AP-001', async () => {
    expect(await attributedBy(['The worker keyed each charge on the queue delivery, so every redelivered job charged the card twice'])).toEqual([
      'AP-001: The worker keyed each charge on the queue delivery, so every redelivered job charged the card twice',
    ]);
    // redelivered with the same key: nothing charged twice
    expect(await attributedBy(['Redelivered jobs carried the same idempotency key, so no card was charged twice'])).toEqual([]);
    // the sender redelivered with its original event id, and the receiver deduplicated on it
    expect(await attributedBy(['The provider redelivered every event with its original event id, and the consumer deduped the ones it had processed'])).toEqual([]);
  });

  it('reads a deadline the outcome could not be confirmed within, recorded as failed, as AP-003', async () => {
    expect(await attributedBy(['The poller marked every transfer it could not confirm within five minutes as failed'])).toEqual([
      'AP-003: The poller marked every transfer it could not confirm within five minutes as failed',
    ]);
    expect(await attributedBy(['The poller confirmed every transfer within five minutes'])).toEqual([]);
  });
});

describe('a practice the text approves, and a double it denies in the same sentence (built-in catalogue)', () => {
  const attributedBy = async (texts: string[]) => {
    const path = await import('node:path');
    const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
    const catalogue = await loadBuiltInCatalogue(path.dirname(new URL(import.meta.url).pathname));
    return attributeAntiPatterns(texts, catalogue).map((m) => `${m.entry.id}: ${m.evidence}`);
  };

  it('takes no evidence from a retry the text calls right ("…, which is right")', async () => {
    expect(await attributedBy(['Refunds the bank refused are retried with a new idempotency key each time, which is right: a refused refund moved no money'])).toEqual([]);
    // a contrast after the approval: what follows it is told apart
    expect((await attributedBy(['Refused refunds get a new idempotency key per retry, which is right for a refusal, but timed-out refunds got one too and were paid twice'])).filter((a) => a.startsWith('AP-001'))).toEqual([
      'AP-001: Refused refunds get a new idempotency key per retry, which is right for a refusal, but timed-out refunds got one too and were paid twice',
    ]);
  });

  it('reads "0 duplicates" as a denied double: a replay with the original keys that made none is no AP-001 (telehealth-deposits INC-152, round 23)', async () => {
    expect(
      await attributedBy(['12:15 parked refunds replayed with their original rf-{booking_id} keys (idempotent at the processor; 0 duplicates), 4,388 refunds issued']),
    ).toEqual([]);
    // a number that goes on ("0.5 s") negates nothing
    expect(withoutNegatedClauses('retried after 0.5 s and charged twice')).toBe('retried after 0.5 s and charged twice');
    expect(withoutNegatedClauses('Replay done, 0 duplicate refunds at the processor')).toBe('Replay done, ');
  });

  it('reads the "0" that ends a version number ("crestpay-java 6.0 raises …") as no negator: the sentence after it still happened (vet-wellness-plans 18944, round 25)', async () => {
    expect(withoutNegatedClauses('loonie 5.0 raises CardDeclinedException for a read timeout')).toBe('loonie 5.0 raises CardDeclinedException for a read timeout');
    expect(withoutNegatedClauses('took 2,0 s and charged twice')).toBe('took 2,0 s and charged twice');
    expect(
      await attributedBy([
        'Because crestpay-java 6.0 raises CardDeclinedException for a read timeout, loonie recorded 2,112 instalments as DECLINED_HARD, although Crestpay had completed almost all of those charges',
      ]),
    ).toEqual(['AP-003: Because crestpay-java 6.0 raises CardDeclinedException for a read timeout, loonie recorded 2,112 instalments as DECLINED_HARD, although Crestpay had completed almost all of those charges']);
  });

  it('reads "nothing was recorded twice" as a denied double even where the sentence says "twice" of something else', async () => {
    expect(
      await attributedBy(['The replay re-sent each event with the order number as its ledger reference, so events sent twice were refused by the ledger and nothing was recorded twice']),
    ).toEqual([]);
  });
});

describe('evidence weighed by the signals a sentence says, not by how many forms of one word the catalogue lists', () => {
  it('prefers the sentence that records the timeout as failed to a follow-up naming "timeout" (and so "timeouts") and a status', async () => {
    const path = await import('node:path');
    const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
    const catalogue = await loadBuiltInCatalogue(path.dirname(new URL(import.meta.url).pathname));
    const texts = [
      'The sync job recorded the whole upload as FAILED when the vendor endpoint timed out, and emailed every shop that its upload had failed.',
      'FIX-12 upload timeout -> UNKNOWN + status lookup by upload id',
    ];
    expect(attributeAntiPatterns(texts, catalogue).map((m) => `${m.entry.id}: ${m.evidence}`)).toEqual([
      'AP-003: The sync job recorded the whole upload as FAILED when the vendor endpoint timed out, and emailed every shop that its upload had failed',
    ]);
  });
});

describe('the evidence that states the mechanism (built-in catalogue; round 25)', () => {
  const attributedBy = async (texts: string[]) => {
    const path = await import('node:path');
    const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
    const catalogue = await loadBuiltInCatalogue(path.dirname(new URL(import.meta.url).pathname));
    return attributeAntiPatterns(texts, catalogue).map((m) => `${m.entry.id}: ${m.evidence}`);
  };

  it('reads a timeout recorded as a code state (CAPTURE_FAILED) as a reading, above a sentence that lists more signal words apart', async () => {
    expect(
      await attributedBy([
        'The worker recorded every one of those timeouts as CAPTURE_FAILED and handed the order to the sweep',
        'Every exception from the client - a decline, a 5xx or a timeout - ended in the same place: the capture was recorded as CAPTURE_FAILED',
      ]),
    ).toEqual(['AP-003: The worker recorded every one of those timeouts as CAPTURE_FAILED and handed the order to the sweep']);
  });

  it('ranks a reading in words above a reading into a code name, and either above a sentence that names codes apart', async () => {
    expect(
      await attributedBy([
        'The SDK raises a read timeout as VendorDeclinedException, and our wrapper maps that exception to a hard decline',
        'Because the new client reported each read timeout as a decline, the worker marked 6,240 captures CAPTURE_FAILED',
      ]),
    ).toEqual(['AP-003: Because the new client reported each read timeout as a decline, the worker marked 6,240 captures CAPTURE_FAILED']);
    expect(
      await attributedBy([
        'The worker recorded every one of those timeouts as DECLINED, and the sweep treats that like any other soft decline',
        'The UNKNOWN state was wired to 502/503/504 responses only; a client timeout fell through to the catch-all, which returned DECLINED because nobody had mapped it',
      ]),
    ).toEqual(['AP-003: The worker recorded every one of those timeouts as DECLINED, and the sweep treats that like any other soft decline']);
  });

  it('prefers the sentence that tells the cause and its consequence to the one that tells what customers saw', async () => {
    expect(
      await attributedBy([
        'About 3,300 holders got the payment-failed SMS and email after every attempt of the retry pass',
        'The notice call sat inside the attempt handler of the retry pass, so every retry sent the holder the SMS and email again',
      ]),
    ).toEqual(['AP-002: The notice call sat inside the attempt handler of the retry pass, so every retry sent the holder the SMS and email again']);
  });

  it('reads a payment API\'s caller reference (client_reference, merchant_reference) made from the run as a fresh key, also when "and" joins it to the key', async () => {
    expect(
      await attributedBy([
        'Full write-up: Postmortems/2026-10-27 replay double burns (wiki)',
        "replay_orders.py does not read order_attempts; it ran every redemption from the start with a client_reference built from the script's run id, so members lost the points a second time",
      ]),
    ).toEqual([
      "AP-001: replay_orders.py does not read order_attempts; it ran every redemption from the start with a client_reference built from the script's run id, so members lost the points a second time",
    ]);
    expect(
      await attributedBy([
        "rerun.py does not read the attempts; it charged each instalment again with a merchant_reference and Idempotency-Key built from the script's run id, so families were charged twice",
      ]),
    ).toEqual([
      "AP-001: rerun.py does not read the attempts; it charged each instalment again with a merchant_reference and Idempotency-Key built from the script's run id, so families were charged twice",
    ]);
    // the reference kept is the safeguard in place
    expect(await attributedBy(['The replay re-sent each order with its original client_reference, so nobody was charged twice'])).toEqual([]);
  });

  it('counts a word written together and apart ("timeout", "times out") as one signal term', async () => {
    expect(
      await attributedBy([
        'SDK 5 raises CardDeclinedError when the socket read times out, where SDK 4 raised a timeout error',
        'Because the new SDK raised CardDeclinedError for every socket read timeout, the biller marked 3,284 instalments MISSED',
      ]),
    ).toEqual(['AP-003: Because the new SDK raised CardDeclinedError for every socket read timeout, the biller marked 3,284 instalments MISSED']);
  });
});

describe('a new request with a fresh key, and a service named for what it does (built-in catalogue; ev-session-billing, round 18)', () => {
  const attributedBy = async (texts: string[]) => {
    const path = await import('node:path');
    const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
    const catalogue = await loadBuiltInCatalogue(path.dirname(new URL(import.meta.url).pathname));
    return attributeAntiPatterns(texts, catalogue).map((m) => `${m.entry.id}: ${m.evidence}`);
  };

  it('reads a new request sent with a fresh or self-made idempotency key, and a double it caused, as AP-001 without a retry word', async () => {
    expect(await attributedBy(['The cleanup job created a new payout for each order with a fresh idempotency key, and 80 sellers were paid twice'])).toEqual([
      'AP-001: The cleanup job created a new payout for each order with a fresh idempotency key, and 80 sellers were paid twice',
    ]);
    expect(
      await attributedBy(["The fix-up script does not read the attempts table; it sent a new debit with an idempotency key made from its own run id, so 40 tenants were debited a second time"]),
    ).toEqual([
      "AP-001: The fix-up script does not read the attempts table; it sent a new debit with an idempotency key made from its own run id, so 40 tenants were debited a second time",
    ]);
    // a fresh key with no double told, or the stored key reused, is no evidence
    expect(await attributedBy(['The cleanup job created a new payout for each order with a fresh idempotency key'])).toEqual([]);
    expect(await attributedBy(['The cleanup job sent each payout again with the same idempotency key, so nobody was paid twice'])).toEqual([]);
  });

  it('reads a hyphenated service name ending in relay, service, worker … as the service, not as a notification or a retry', async () => {
    expect(await attributedBy(['Receipts were not duplicated: notify-relay keys the receipt on the order id, so each buyer got one receipt'])).toEqual([]);
    expect(await attributedBy(['The sweep did not charge anyone again, and notify-relay sent one failure notice per order'])).toEqual([]);
    // the service's name aside, a notification sent on every retry still is AP-002
    expect(await attributedBy(['The notification-service sent the SMS again on every retry'])).toEqual(['AP-002: The notification-service sent the SMS again on every retry']);
  });

  it('reads a key joined to another by "and"/"or" with the words said of both, the nearest deciding (school-fee-instalments, round 20)', async () => {
    // "no" is of the outcome; the keys are the original ones
    expect(await attributedBy(['A re-run resumes from the attempts table: it re-sends only attempts that have no outcome, with their original merchant_reference and Idempotency-Key'])).toEqual([]);
    expect(await attributedBy(['The retry re-sent the charge with the same order id and idempotency key'])).toEqual([]);
    // a new or missing pair is still the anti-pattern
    expect(await attributedBy(['The worker re-ran the batch with a new reference and idempotency key, so cards were charged twice'])).toEqual([
      'AP-001: The worker re-ran the batch with a new reference and idempotency key, so cards were charged twice',
    ]);
    expect(await attributedBy(['The retry re-sent the charge without an order id or idempotency key, so cards were charged twice'])).toEqual([
      'AP-001: The retry re-sent the charge without an order id or idempotency key, so cards were charged twice',
    ]);
  });

  it('reads a key made from something new on every run ("built from the script\'s run id") as a new key (school-fee-instalments, round 20)', async () => {
    expect(await attributedBy(["The fix-up script sent the debit again with an idempotency key built from the script's run id, so 40 tenants were debited a second time"])).toEqual([
      "AP-001: The fix-up script sent the debit again with an idempotency key built from the script's run id, so 40 tenants were debited a second time",
    ]);
    // a key made from the thing charged is the same on every attempt
    expect(await attributedBy(['The reconciler re-sent the charge with the idempotency key built from the instalment id, so nobody was charged twice'])).toEqual([]);
  });

  it('reads an identifier in camel case as its words ("raised CardDeclinedError for every read timeout"; school-fee-instalments, round 20)', async () => {
    expect(await attributedBy(['The new SDK raised CardDeclinedError for every socket read timeout, so the worker marked the instalments missed'])).toEqual([
      'AP-003: The new SDK raised CardDeclinedError for every socket read timeout, so the worker marked the instalments missed',
    ]);
    // a name in capitals or one word is left as it is
    expect(await attributedBy(['The worker logged TIMEOUTDECLINED for every socket read timeout and looked the payment up'])).toEqual([]);
  });
});


describe('evidence: quoted words (parking-permit-renewals, round 22)', () => {
  const catalogue = async () => {
    const path = await import('node:path');
    const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
    return loadBuiltInCatalogue(path.dirname(new URL(import.meta.url).pathname));
  };

  it('reads no signal in quoted words: customers\' "charged twice" emails are no notification per retry', async () => {
    const found = attributeAntiPatterns(['10:35 Customer Care: dozens of "charged twice" emails'], await catalogue()).map((m) => m.entry.id);
    expect(found).toEqual([]);
    // the words outside the quotes still count
    const told = attributeAntiPatterns(['Holders got "We couldn\'t take your payment" by SMS and email again on every retry'], await catalogue()).map((m) => m.entry.id);
    expect(told).toEqual(['AP-002']);
  });
});

describe('versions, safeguard synonyms that are signals, and the consequences a record tells (built-in catalogue; freight-label-booking, round 25)', () => {
  const attributedBy = async (texts: string[]) => {
    const path = await import('node:path');
    const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
    const catalogue = await loadBuiltInCatalogue(path.dirname(new URL(import.meta.url).pathname));
    return attributeAntiPatterns(texts, catalogue).map((m) => `${m.entry.id}: ${m.evidence}`);
  };

  it('reads "adapter 4.0 maps …" as a version, not "0 …" negating the rest of the clause', async () => {
    expect(withoutNegatedClauses('Because pickup-adapter 4.0 maps an HTTP 504 to Rejected, the worker marked them REJECTED')).toBe(
      'Because pickup-adapter 4.0 maps an HTTP 504 to Rejected, the worker marked them REJECTED',
    );
    expect(withoutNegatedClauses('We found 0 duplicates, all fine')).toBe('We found , all fine');
    expect(await attributedBy(['Because pickup-adapter 4.0 maps an HTTP 504 from the gateway to AddressRejected, the worker marked 900 pickups REJECTED although most existed'])).toEqual([
      'AP-003: Because pickup-adapter 4.0 maps an HTTP 504 from the gateway to AddressRejected, the worker marked 900 pickups REJECTED although most existed',
    ]);
  });

  it('does not read a negated 5xx as the missing record of an ambiguous outcome (5xx is a signal there, not the safeguard)', async () => {
    // the root cause field's sentence says less than the description's; its "no contract test for
    // timeout/5xx mapping" is no evidence of its own
    expect(
      await attributedBy([
        'Because pickup-adapter 4.0 maps an HTTP 504 from the gateway to AddressRejected, the worker marked 900 pickups REJECTED although most existed.',
        'pickup-adapter 4.0 maps gateway 504s to AddressRejected; no contract test for timeout/5xx mapping.',
      ]),
    ).toEqual(['AP-003: Because pickup-adapter 4.0 maps an HTTP 504 from the gateway to AddressRejected, the worker marked 900 pickups REJECTED although most existed']);
  });

  it('reads "a second label" after a key made from the job attempt as the double of AP-001', async () => {
    expect(await attributedBy(['The resumed run booked every parcel again with an Idempotency-Key built from the job attempt number, so 2,206 parcels got a second label and a second debit'])).toEqual([
      'AP-001: The resumed run booked every parcel again with an Idempotency-Key built from the job attempt number, so 2,206 parcels got a second label and a second debit',
    ]);
    expect(await attributedBy(['The resumed run booked every parcel again with the same Idempotency-Key, so no parcel got a second label'])).toEqual([]);
  });

  it('takes no AP-002 from a notice sent once per shipment when the record says nobody got more than one', async () => {
    expect(await attributedBy(['Merchants got one "pickup failed" email per shipment for the 212 parcels whose retries were also refused; nobody got more than one.'])).toEqual([]);
    // a notice sent again on every retry is still AP-002
    expect(await attributedBy(['Every retry sent the merchant the pickup-failed email again, up to six per shipment.'])).toEqual([
      'AP-002: Every retry sent the merchant the pickup-failed email again, up to six per shipment',
    ]);
  });
});
