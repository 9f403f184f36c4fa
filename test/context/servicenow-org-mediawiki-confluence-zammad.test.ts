/**
 * Failure histories as ServiceNow, Org mode, MediaWiki, Confluence's storage format and Zammad
 * export them, and a manifold written with `name:` and `term: note` items. Each shape comes from
 * the airline-refunds history (written by someone who never saw this code), whose first run
 * stopped at the first of them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalogue, normaliseSeverity, parseIncidentsDocument, parseManifold, parsePostmortem, parseTicketsDocument, postmortemMarkdown } from '../../src/context/index.js';
import { attributeAntiPatterns } from '../../src/context/analysis/anti-pattern-matching.js';
import { requirementFromOmission } from '../../src/context/analysis/statements.js';
import { TermIndex } from '../../src/context/text/term-index.js';
import { ticketOwnWords } from '../../src/context/text/ticket-own-words.js';
import { ticketConcepts } from '../../src/context/text/ticket-concepts.js';
import { isNumberedSubject, subjectTemplate } from '../../src/context/analysis/ticket-text.js';
import { placeholderSubjects } from '../../src/context/analysis/ticket-clustering.js';
import type { Ticket } from '../../src/context/index.js';

const pair = (value: string, display = value): { display_value: string; value: string } => ({ display_value: display, value });

const SERVICENOW = JSON.stringify({
  result: [
    {
      number: pair('INC0040117'),
      sys_id: pair('26af6610bb7785bfdaa54d5e7ba86b5a'),
      short_description: pair('Easter Monday cancellations: passengers refunded twice after Halcyon timeouts'),
      description: pair('Tilbake stored every Halcyon timeout as REFUSED.'),
      opened_at: pair('2026-04-06 05:12:44', '06.04.2026 07:12:44'),
      priority: pair('1', '1 - Critical'),
      impact: pair('1', '1 - High'),
      cmdb_ci: { display_value: 'tilbake', link: 'https://x.service-now.com/api/now/table/cmdb_ci/770d', value: '770df94906d00657b573835aefdb31a8' },
      close_notes: pair('Finance recovered 2,106 by card reversal.'),
      u_customer_impact: pair('2,310 passengers refunded twice.'),
    },
  ],
});

describe('a ServiceNow table API export (display values)', () => {
  const [incident] = parseIncidentsDocument(SERVICENOW, 'incidents/sn.json');

  it('reads the number, short description and the shown value of each field', () => {
    expect(incident?.incidentId).toBe('INC0040117');
    expect(incident?.title).toBe('Easter Monday cancellations: passengers refunded twice after Halcyon timeouts');
    expect(incident?.systems).toEqual(['tilbake']);
    expect(incident?.severityLevel).toBe('P1');
  });

  it('takes a time from the stored UTC value, not the display in the viewer\'s zone', () => {
    expect(incident?.date).toBe('2026-04-06 05:12:44');
  });

  it('reads the u_ custom impact before the 1-3 impact rating, and the close notes as the resolution', () => {
    expect(incident?.customerImpact).toBe('2,310 passengers refunded twice.');
    expect(incident?.resolution?.permanent).toBe('Finance recovered 2,106 by card reversal.');
  });

  it('reads a rank with its name as a severity', () => {
    expect(normaliseSeverity('2 - High')).toBe('P2');
    expect(normaliseSeverity('3 - Moderate')).toBe('P3');
    expect(normaliseSeverity('5 - Planning')).toBe('P4');
    expect(normaliseSeverity('2 - Whatever')).toBeUndefined();
  });
});

describe('a manifold named with `name:` and terms written `term: note`', () => {
  const manifold = parseManifold(
    [
      'name: disruption-refunds',
      'entities:',
      '  - refund_case: one passenger booking that asked for its money back',
      'systems:',
      '  - tilbake: the refund worker',
      'error_types:',
      '  - TIMEOUT: no answer from the provider (ambiguous)',
    ].join('\n'),
    'manifold.yaml',
  );

  it('takes the name and reads each one-key item as the term, its note as a comment', () => {
    expect(manifold.name).toBe('disruption-refunds');
    expect(manifold.entities[0]?.name).toBe('refund_case');
    expect(manifold.entities[0]?.phrases).toEqual(expect.arrayContaining(['refund case', 'passenger booking']));
    expect(manifold.systems.map((s) => s.name)).toEqual(['tilbake']);
    expect(manifold.errorTypes.map((e) => e.name)).toEqual(['TIMEOUT']);
  });

  it('still requires a name', () => {
    expect(() => parseManifold('entities: [refund]\n', 'manifold.yaml')).toThrow(/manifold\.yaml manifold .*is required/);
  });
});

describe('postmortems in Org mode, MediaWiki and Confluence storage format', () => {
  it('Org: title with a ServiceNow number, lessons hard-wrapped, TODO/DONE headings as action items', async () => {
    const org = [
      '#+TITLE: Postmortem: refund-failed notice storm (INC0040702)',
      '#+STARTUP: showall',
      '* Lessons',
      '1. The refund-failed',
      '   notice goes out once per refund case, never once per attempt.',
      '* Action items',
      '** DONE KON-301 Move notice out of the attempt loop',
      '   CLOSED: [2026-05-14 Thu 15:20]',
      '** TODO KON-303 Split refusal codes',
      '   SCHEDULED: <2026-06-05 Fri>',
    ].join('\n');
    const pm = parsePostmortem((await postmortemMarkdown(org, '.org')) ?? '', 'pm.org');
    expect(pm.incidentId).toBe('INC0040702');
    expect(pm.lessons[0]?.replace(/\s+/g, ' ')).toBe('The refund-failed notice goes out once per refund case, never once per attempt.');
    expect(pm.actionItems).toEqual({ completed: ['KON-301 Move notice out of the attempt loop'], incomplete: ['KON-303 Split refusal codes'] });
  });

  it('MediaWiki: the infobox names the incident, a wrapped line continues its item, a status template in a table is the status', async () => {
    const wiki = [
      '{{Postmortem',
      '|incident=INC0042698',
      '|owner=[[User:Jonas Vik|Jonas Vik]]',
      '}}',
      '__TOC__',
      '== Lessons ==',
      "* A '''re-run''' must never send a refund that Halcyon already",
      'accepted; it reads the refund ledger first.',
      '== Action items ==',
      '{| class="wikitable"',
      '! Ticket !! Action !! Status',
      '|-',
      '| KON-410 || Delete tilbake-replay.sh || {{Done|2026-10-15}}',
      '|-',
      '| KON-250 || Hourly reconciliation || {{Open}}',
      '|}',
      '[[Category:Postmortems]]',
    ].join('\n');
    const pm = parsePostmortem((await postmortemMarkdown(wiki, '.wiki')) ?? '', 'pm.wiki');
    expect(pm.incidentId).toBe('INC0042698');
    expect(pm.lessons[0]?.replace(/\s+/g, ' ')).toBe('A re-run must never send a refund that Halcyon already accepted; it reads the refund ledger first.');
    expect(pm.actionItems).toEqual({ completed: ['Delete tilbake-replay.sh'], incomplete: ['Hourly reconciliation'] });
  });

  it('Confluence storage: the properties table names the incident, ac:task-list items are done or open', async () => {
    const xml = [
      '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Review for INC0040117.</p></ac:rich-text-body></ac:structured-macro>',
      '<h1>PIR &ndash; Easter Monday double refunds</h1>',
      '<table><tbody><tr><th>Incident</th><td>INC0040117 (P1)</td></tr>',
      '<tr><th>Status</th><td><ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Yellow</ac:parameter><ac:parameter ac:name="title">ACTIONS OPEN</ac:parameter></ac:structured-macro></td></tr></tbody></table>',
      '<h2>Action items</h2>',
      '<ac:task-list>',
      '<ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body><span>KON-241 Stable key</span> <ac:link><ri:user ri:account-id="5f8a" /></ac:link></ac:task-body></ac:task>',
      '<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body><span>KON-243 Same for Kvikk</span></ac:task-body></ac:task>',
      '</ac:task-list>',
    ].join('\n');
    const pm = parsePostmortem((await postmortemMarkdown(xml, '.xml')) ?? '', 'pm.xml');
    expect(pm.incidentId).toBe('INC0040117');
    expect(pm.title).toBe('PIR – Easter Monday double refunds');
    expect(pm.actionItems).toEqual({ completed: ['KON-241 Stable key'], incomplete: ['KON-243 Same for Kvikk'] });
  });

  it('XML that is no page is not read as a postmortem', async () => {
    expect(await postmortemMarkdown('<?xml version="1.0"?><config><retries>3</retries></config>', '.xml')).toBeUndefined();
  });
});

describe('a Zammad ticket export', () => {
  it('reads the first article as the body of the ticket', () => {
    const zammad = JSON.stringify({
      exported_at: '2026-11-16T02:00:14Z',
      groups: ['Refusjon'],
      count: 1,
      tickets: [
        {
          id: 40313,
          number: '2026031710001',
          title: 'Refunded twice',
          created_at: '2026-03-17T13:26:01.403Z',
          articles: [
            { id: 1, sender: 'Customer', subject: 'Refunded twice', body: 'I got the refund two times on my Visa.' },
            { id: 2, sender: 'Agent', subject: 'Re: Refunded twice', body: 'We are looking into it.' },
          ],
        },
      ],
    });
    const [ticket] = parseTicketsDocument(zammad, 'tickets/zammad.json');
    expect(ticket?.body).toBe('I got the refund two times on my Visa.');
    expect(ticket?.title).toBe('Refunded twice');
  });
});

describe('what the airline-refunds history taught the analysis', async () => {
  const catalogue = await loadBuiltInCatalogue(path.dirname(fileURLToPath(import.meta.url)));
  const ids = (texts: string[]): string[] => attributeAntiPatterns(texts, catalogue).map((m) => m.entry.id);

  it('a timeout stored as a refusal is AP-003; a refusal alone is none', () => {
    expect(ids(['Tilbake stored every Halcyon timeout as REFUSED and put the case back on the queue.'])).toContain('AP-003');
    expect(ids(['Halcyon refused the refund because the card was closed.'])).not.toContain('AP-003');
  });

  it('a next attempt or a replay with a key of its own making is AP-001; one that reuses the key is not', () => {
    expect(ids(['On the next attempt tilbake built a new refund request with a fresh idempotency key, so Halcyon refunded those passengers a second time.'])).toContain('AP-001');
    expect(ids(["The replay script generated its own idempotency keys from the run's timestamp, so the cases were refunded a second time."])).toContain('AP-001');
    expect(ids(['The replay reused its idempotency key, so nothing was refunded a second time.'])).not.toContain('AP-001');
  });

  it('a notice sent again on each attempt is AP-002; one that "did not retry" is not', () => {
    expect(ids(['Each refused attempt triggered the refund-failed email and SMS again.'])).toContain('AP-002');
    expect(ids(['Tilbake recorded each notification as NOTIFY_FAILED and did not retry.'])).not.toContain('AP-002');
  });

  it('writes no requirement from an omission the text approves', () => {
    expect(requirementFromOmission('Tilbake recorded each one as NOTIFY_FAILED and did not retry, which is right for a 400')).toBeUndefined();
    expect(requirementFromOmission('The worker did not check the ledger')).toBe('The worker must check the ledger');
  });

  it('names the thing several entities are parts of (refund_case, refund_request → refund)', () => {
    const manifold = parseManifold('manifold: x\nentities: [refund_case, refund_request, coupon]\n', 'm.yaml');
    expect(manifold.entities.map((e) => e.name)).toEqual(['refund_case', 'refund_request', 'coupon', 'refund']);
    const own = parseManifold('manifold: x\nentities: [reservation, reservation revision, reservation push]\n', 'm.yaml');
    expect(own.entities.map((e) => e.name)).toEqual(['reservation', 'reservation revision', 'reservation push']);
  });

  it('reads a hyphenated compound said with the other words of a term in one sentence ("write-back … failing")', () => {
    expect(new TermIndex(['T-queue: coupon write-back to Corvus failing']).hasTogether('writeback failed')).toBe(true);
  });
});

describe('tickets as the airline-refunds help desk wrote them', () => {
  it('reads a transcript of bracketed speakers without times: the customer\'s lines only', () => {
    const body = "[Skarva bot] Hi! I'm Skarvi. What can I help you with?\n[Bjørn] Booking\n[Skarva bot] Let me connect you to an agent.\n[Bjørn] My refund came twice on my card";
    expect(ticketOwnWords(body)).toBe('Booking\nMy refund came twice on my card');
  });

  it('reads a subject a system wrote around a number as none', () => {
    expect(isNumberedSubject('Call inbound 2026-04-06')).toBe(true);
    expect(isNumberedSubject('SMS from +47 412 55 019')).toBe(true);
    expect(isNumberedSubject('Refunded twice for booking 6YXH6D on 12 May')).toBe(false);
    expect(isNumberedSubject('Refunded twice')).toBe(false);
  });

  it('reads a help desk\'s "Label: value" subjects as a template when the label heads several of them', () => {
    expect(subjectTemplate('Web form: Booking')).toBe('web form: …');
    expect(subjectTemplate('Re: Your refund')).toBeUndefined();
    const ticket = (id: number, title: string, body: string): Ticket => ({ id: String(id), title, body, createdAt: `2026-04-${String(10 + (id % 18)).padStart(2, '0')}`, tags: [], source: 't.json' });
    const tickets = [
      ...[0, 1, 2].map((i) => ticket(i, 'Web form: Booking', `My refund came twice ${i}`)),
      ...[3, 4, 5].map((i) => ticket(i, 'Web form: Contact us', `Too many messages ${i}`)),
      ...Array.from({ length: 60 }, (_, i) => ticket(10 + i, `Question ${i % 7 === 0 ? 'about bags' : 'on seats'}`, `other words ${i}`)),
    ];
    expect(placeholderSubjects(tickets).has('web form: …')).toBe(true);
  });

  it('hears "twice" and "money" in Norwegian, Swedish and German', () => {
    expect(ticketConcepts('Jeg har fått pengene to ganger')).toEqual(expect.arrayContaining(['twice', 'charge']));
    expect(ticketConcepts('Pengarna kom två gånger')).toEqual(expect.arrayContaining(['twice', 'charge']));
    expect(ticketConcepts('Das Geld wurde zweimal abgebucht')).toEqual(expect.arrayContaining(['twice', 'charge']));
  });
});
