/**
 * Failure histories as a manifold keyed by id with a glossary, Rootly's JSON:API export, RTF,
 * DokuWiki and Google Docs plain-text postmortems and a Gorgias tickets export write them. Each
 * shape comes from the ticket-checkout history (written by someone who never saw this code), whose
 * first run stopped at the first of them; every input here is small and of its own.
 */
import { describe, expect, it } from 'vitest';
import { mergeFailuresIntoManifold, parseIncidentsDocument, parseManifold, parsePostmortem, parseTicketsDocument, postmortemMarkdown } from '../../src/context/index.js';
import { postmortemLessons } from '../../src/context/analysis/derived-constraints.js';
import { routedElsewhere } from '../../src/context/analysis/relevance.js';
import { attributeAntiPatterns } from '../../src/context/analysis/anti-pattern-matching.js';
import { loadBuiltInCatalogue } from '../../src/context/catalogue/built-in-catalogue.js';
import { isNumberedSubject } from '../../src/context/analysis/ticket-text.js';

const KEYED = [
  'manifold: box-sender',
  'systems:',
  '  - box-sender (dispatcher)',
  'providers:',
  '  - name: Parcelux',
  '    use: courier bookings',
  'entities: [parcel]',
  'error_types: [duplicate_parcel]',
  'constraints:',
  '  P1: "A parcel is booked with the courier at most once."',
  '  P2:',
  '    type: invariant',
  '    statement: Every booking carries the parcel id as its reference.',
  'failure_modes:',
  '  F1: "Courier API times out while the booking was made"',
  'glossary:',
  '  packer: "the box-sender\'s nightly worker"',
  '  B2B run: "what the packer does after midnight"',
  '  the portal: "where customers see parcels"',
  '',
].join('\n');

describe('a manifold that keys its lists by id and has a glossary', () => {
  const m = parseManifold(KEYED, 'manifold.yaml');

  it('reads constraints and failure modes written as mappings keyed by id, a string as the statement or scenario', () => {
    expect(m.constraints.map((c) => [c.id, c.statement])).toEqual([
      ['P1', 'A parcel is booked with the courier at most once.'],
      ['P2', 'Every booking carries the parcel id as its reference.'],
    ]);
    expect(m.constraints[1]?.type).toBe('invariant');
    expect(m.failureModes.map((f) => [f.id, f.scenario])).toEqual([['F1', 'Courier API times out while the booking was made']]);
  });

  it('reads providers as a list of objects and as a mapping keyed by name', () => {
    expect(m.systems.map((s) => s.name)).toEqual(['box-sender (dispatcher)', 'Parcelux']);
    const keyed = parseManifold(KEYED.replace(/providers:\n {2}- name: Parcelux\n {4}use: courier bookings/, 'providers:\n  Parcelux: courier bookings'), 'm.yaml');
    expect(keyed.systems.map((s) => s.name)).toEqual(['box-sender (dispatcher)', 'Parcelux']);
  });

  it('a glossary name whose definition names a term is a name of that term, through another glossary name too', () => {
    const sender = m.systems.find((s) => s.name.startsWith('box-sender'));
    expect(sender?.phrases).toEqual(expect.arrayContaining(['packer', 'B2B run']));
    // "where customers see parcels" names the entity `parcel`
    expect(m.entities.find((e) => e.name === 'parcel')?.phrases).toContain('the portal');
  });

  it('names the entry of a keyed mapping in an error', () => {
    expect(() => parseManifold(KEYED.replace('P2:\n    type: invariant\n', 'P2:\n    type: invariant\n    statement: ""\n').replace('    statement: Every booking carries the parcel id as its reference.\n', ''), 'm.yaml')).toThrowError(
      /constraints\.P2\.statement/,
    );
  });

  it('merges derived constraints and failure modes into the keyed mappings, every line kept', () => {
    const failures = [
      'meta: { manifold: box-sender }',
      'derived_constraints:',
      '  from_incidents:',
      '    - incident: INC-1',
      '      generated_constraints:',
      '        - { id: T_INC1_1, type: invariant, statement: A booking that timed out is looked up before it is sent again. }',
      'enriched_failure_modes:',
      '  newly_discovered:',
      '    - { id: F_NEW_1, source: incident, scenario: Labels printed twice, incidents: [INC-1] }',
      'anti_patterns: []',
      '',
    ].join('\n');
    const merged = mergeFailuresIntoManifold(KEYED, 'manifold.yaml', failures, 'failures.yaml');
    for (const line of KEYED.split('\n')) expect(merged.text.split('\n')).toContain(line);
    const again = parseManifold(merged.text, 'manifold.yaml');
    expect(again.constraints.map((c) => c.id)).toEqual(['P1', 'P2', 'T_INC1_1']);
    expect(again.failureModes.map((f) => f.id)).toEqual(['F1', 'F2']);
    expect(merged.text).toMatch(/\n {2}T_INC1_1:\n {4}type: invariant\n/);
  });
});

describe("Rootly's JSON:API incidents export", () => {
  const doc = {
    data: [
      {
        id: '0b6c3c1e-8f3a-4c55-9d0e-5a1f2e3d4c5b',
        type: 'incidents',
        attributes: {
          sequential_id: 42,
          title: 'Parcels booked twice',
          summary: 'The dispatcher retried every courier timeout without a reference.',
          started_at: '2026-04-02T08:00:00Z',
          custom_fields: { customer_impact: '80 parcels booked twice' },
        },
        relationships: {
          severity: { data: { id: 's1', type: 'severities' } },
          services: { data: [{ id: 'v1', type: 'services' }, { id: 'v2', type: 'services' }] },
          events: { data: [{ id: 'e1', type: 'incident_events' }] },
        },
      },
    ],
    included: [
      { id: 's1', type: 'severities', attributes: { name: 'SEV1', slug: 'sev1' } },
      { id: 'v1', type: 'services', attributes: { name: 'box-sender', slug: 'box' } },
      { id: 'v2', type: 'services', attributes: { name: 'Parcelux (vendor)', slug: 'plx' } },
      { id: 'e1', type: 'incident_events', attributes: { event: 'Courier 504s start', occurred_at: '2026-04-02T08:03:00Z' } },
    ],
    links: { self: 'https://example.invalid/v1/incidents' },
    meta: { total_count: 1 },
  };
  const [incident] = parseIncidentsDocument(JSON.stringify(doc), 'incidents/rootly.json');

  it("reads each record's attributes, its sequential number before its uuid", () => {
    expect(incident?.incidentId).toBe('42');
    expect(incident?.title).toBe('Parcels booked twice');
    expect(incident?.description.join(' ')).toContain('retried every courier timeout');
    expect(incident?.date).toMatch(/^2026-04-02/);
  });

  it('joins the related records of included[] by type and id: severity, services, timeline events', () => {
    expect(incident?.severityLevel).toBe('P1');
    expect(incident?.systems).toEqual(['box-sender', 'Parcelux (vendor)']);
    expect(incident?.timeline.join('\n')).toContain('Courier 504s start');
  });
});

describe('postmortems in RTF, DokuWiki and a Google Docs plain-text download', () => {
  it('RTF: words split across source lines join, symbols and escapes are characters, headings by size, numbered items, bold labels, a table', async () => {
    const rtf = [
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}',
      '\\pard\\fs36 Review: parcels booked twice\\fs22\\par',
      '\\pard\\b Incident:\\b0  INC-42\\tab\\b Owner:\\b0  Ren\\\'e9e\\par',
      '\\pard\\fs28 What went wrong\\fs22\\par',
      '{\\pntext 1.\\tab}\\b Retry.\\b0  The dispatcher\\rquote s retry sent a new book',
      'ing with no reference.\\par',
      '\\pard\\fs28 Lessons\\fs22\\par',
      '\\pard\\b L1.\\b0  Every booking carries the parcel\\u8217?s id as its ref',
      'erence.\\par',
      '\\pard\\fs28 Action items\\fs22\\par',
      '\\trowd\\cellx900\\cellx5000\\cellx7000',
      '\\pard\\intbl\\b Ticket\\cell Action\\cell Status\\b0\\cell\\row',
      '\\trowd\\cellx900\\cellx5000\\cellx7000',
      '\\pard\\intbl BOX-1\\cell Send the reference on every retry\\cell Done\\cell\\row',
      '\\trowd\\cellx900\\cellx5000\\cellx7000',
      '\\pard\\intbl BOX-2\\cell Look up a timed-out booking\\cell Not started\\cell\\row',
      '}',
    ].join('\r\n');
    const md = (await postmortemMarkdown(rtf, '.rtf')) ?? '';
    expect(md).toContain('# Review: parcels booked twice');
    expect(md).toContain('1. **Retry.** The dispatcher’s retry sent a new booking with no reference.');
    expect(md).toContain('Renée');
    const pm = parsePostmortem(md, 'pm.rtf');
    expect(pm.incidentId).toBe('INC-42');
    expect(pm.lessons).toEqual(['Every booking carries the parcel’s id as its reference.']);
    expect(pm.actionItems).toEqual({ completed: ['Send the reference on every retry'], incomplete: ['Look up a timed-out booking'] });
  });

  it('DokuWiki (.txt): headings, an info box, a table with <wrap> states and interwiki links, lists, hard-wrapped lessons with bold lead-ins', async () => {
    const page = [
      '====== INC-43 labels printed twice ======',
      '',
      '{{tag>postmortem}}',
      '',
      '^ Incident | [[rootly>43-labels|INC-43]] |',
      '^ Severity | SEV2 |',
      '',
      '===== What happened =====',
      '',
      "The printer call sat //inside// the ''retry'' loop.((ticket 12",
      'and its notes))',
      '',
      '===== Lessons =====',
      '',
      '**1.** A label is printed at most once',
      'per parcel.',
      '**2.** Print keys never use an attempt number.',
      '',
      '===== Action items =====',
      '',
      '^ Jira ^ What ^ State ^',
      '| [[jira>BOX-7]] | Move the printer call out of the loop | <wrap done>done</wrap> |',
      '| [[jira>BOX-8]] | Rate-limit labels | <wrap todo>open</wrap> |',
      '',
      '----',
    ].join('\n');
    const md = (await postmortemMarkdown(page, '.txt')) ?? '';
    expect(md).not.toMatch(/\(\(|\[\[|<wrap|''/);
    const pm = parsePostmortem(md, 'inc-43.txt');
    expect(pm.incidentId).toBe('INC-43');
    expect(pm.title).toBe('INC-43 labels printed twice');
    expect(pm.lessons).toEqual(['A label is printed at most once per parcel.', 'Print keys never use an attempt number.']);
    expect(pm.actionItems).toEqual({ completed: ['Move the printer call out of the loop'], incomplete: ['Rate-limit labels'] });
    expect(pm.narrative.join(' ')).toContain('The printer call sat inside the retry loop.');
  });

  it('Google Docs plain text (.txt): BOM, the first line as title, short lines before text as headings, "Postmortem:" read past, tab-separated rows as a table', async () => {
    const text = [
      '\uFEFFPostmortem: INC-44 Parcelux outage, replay booked parcels twice',
      'Dispatch team | draft 2',
      '',
      '',
      'What happened',
      '1. The dispatcher crashed mid-run.',
      '2. The replay script made a new reference for each parcel.',
      '',
      'Lessons (from the review notes)',
      '- A replay reuses the parcel\'s original',
      '  reference; it never makes a new one.',
      '',
      'Action items',
      '',
      'Ticket\tAction\tStatus',
      'BOX-9\tReplay through the client\tDone',
      'BOX-10\tLook up before re-sending\tIn progress',
    ].join('\r\n');
    const md = (await postmortemMarkdown(text, '.txt')) ?? '';
    const pm = parsePostmortem(md, 'Postmortem_ INC-44.txt');
    expect(pm.incidentId).toBe('INC-44');
    expect(pm.title).toBe('Postmortem: INC-44 Parcelux outage, replay booked parcels twice');
    expect(pm.lessons.map((l) => l.replace(/\s+/g, ' '))).toEqual(["A replay reuses the parcel's original reference; it never makes a new one."]);
    expect(pm.actionItems).toEqual({ completed: ['Replay through the client'], incomplete: ['Look up before re-sending'] });
  });
});

describe('a Gorgias tickets export with its messages', () => {
  const message = (fromAgent: boolean, body: string, isPublic = true): Record<string, unknown> => ({
    id: Math.round(Math.random() * 1e6),
    from_agent: fromAgent,
    sender: { name: fromAgent ? 'Agent' : 'Fan' },
    body_text: body,
    public: isPublic,
  });
  const doc = {
    object: 'list',
    data: [
      {
        id: 5001,
        channel: 'chat',
        subject: 'Chat with Ana',
        created_datetime: '2026-04-03T10:00:00.000+00:00',
        tags: [{ id: 1, name: 'payments' }],
        messages: [message(true, "Hi! I'm the bot."), message(false, 'hello'), message(false, 'two parcels booked for one order??'), message(true, 'Connecting you.')],
      },
      {
        id: 5002,
        channel: 'phone',
        subject: 'Inbound call',
        created_datetime: '2026-04-04T10:00:00.000+00:00',
        tags: [],
        messages: [message(true, "Caller says parcel bkd 2x. Adv'd refund.", false)],
      },
    ],
    meta: { next_cursor: null },
  };
  const tickets = parseTicketsDocument(JSON.stringify(doc), 'tickets/gorgias.json');

  it("reads the created time and the customer's messages as the body, not the bot's or the agent's", () => {
    expect(tickets.map((t) => t.createdAt.slice(0, 10))).toEqual(['2026-04-03', '2026-04-04']);
    expect(tickets[0]?.body).toBe('hello\n\ntwo parcels booked for one order??');
    expect(tickets[0]?.tags).toEqual(['payments']);
  });

  it("reads a call's note, which only the agent wrote, as the body", () => {
    expect(tickets[1]?.body).toBe("Caller says parcel bkd 2x. Adv'd refund.");
  });
});

describe('what the ticket-checkout history taught the analysis', () => {
  it('a subject that only names the channel, or a number with function words, is the help desk\'s', () => {
    const doc = {
      data: [
        { id: 1, channel: 'facebook', subject: 'Facebook comment', created_datetime: '2026-04-03T10:00:00Z', messages: [{ from_agent: false, body_text: 'two parcels booked. why?' }] },
        { id: 2, channel: 'instagram-direct-message', subject: 'Instagram DM', created_datetime: '2026-04-03T10:00:00Z', messages: [{ from_agent: false, body_text: 'label printed twice' }] },
        { id: 3, channel: 'email', subject: 'Email never arrived', created_datetime: '2026-04-03T10:00:00Z', messages: [{ from_agent: false, body_text: 'no email' }] },
      ],
    };
    const tickets = parseTicketsDocument(JSON.stringify(doc), 't.json');
    expect(tickets.map((t) => t.title)).toEqual(['two parcels booked.', 'label printed twice', 'Email never arrived']);
    expect(isNumberedSubject('Inbound call from +44 7133024025')).toBe(true);
    expect(isNumberedSubject('Charged twice for order 12345 again')).toBe(false);
  });

  it('an incident of a service the component is not responsible for stays out when it also names a provider they share', () => {
    const manifold = parseManifold(KEYED.replace("  the portal: \"where customers see parcels\"\n", '') + 'not_responsible_for:\n  - returns and their refunds (returns-service)\n', 'm.yaml');
    const incident = parseIncidentsDocument(
      JSON.stringify([{ incident_id: 'INC-9', date: '2026-04-01', severity: 'P2', title: 'Returns refunded twice', systems: ['returns-service', 'Parcelux (vendor)'] }]),
      'i.json',
    )[0]!;
    expect(routedElsewhere(incident, manifold)).toBe(true);
    expect(routedElsewhere({ ...incident, systems: ['Parcelux (vendor)'] }, manifold)).toBe(false);
  });

  it('a lesson in the passive is a rule, and a definition joins the rule or the team\'s practice that follows it', () => {
    const pm = {
      id: 'PM-1',
      incidentId: 'INC-1',
      title: 't',
      fiveWhys: [],
      actionItems: { completed: [], incomplete: [] },
      systemicIssues: [],
      lessons: [
        'The booking reference is chosen once per parcel and is reused on every retry.',
        'A courier timeout is an unknown outcome, not a refusal. The dispatcher keeps the parcel and looks the booking up by reference first.',
        'A timeout is not a refusal.',
        'A courier 5xx is an unknown outcome, not a rejection. We query Parcelux by reference and find out before booking again.',
        'A late label is a lost parcel. We were paged at night.',
      ],
      narrative: [],
      changes: [],
      source: 'pm.md',
    };
    expect(postmortemLessons(pm).map((l) => l.statement)).toEqual([
      'The booking reference is chosen once per parcel and is reused on every retry',
      'A courier timeout is an unknown outcome, not a refusal; the dispatcher keeps the parcel and looks the booking up by reference first',
      'A courier 5xx is an unknown outcome, not a rejection; we query Parcelux by reference and find out before booking again',
    ]);
  });

  it('"not a refusal" names no refusal, "without any duplicate" no duplicate, and a notifier inside the retry loop is AP-002', async () => {
    const catalogue = await loadBuiltInCatalogue(process.cwd());
    const ids = (text: string): string[] => attributeAntiPatterns([text], catalogue).map((m) => m.entry.id);
    expect(ids('A courier timeout is an unknown outcome, not a refusal.')).toEqual([]);
    expect(ids('When the calls timed out, the dispatcher marked the booking REFUSED.')).toEqual(['AP-003']);
    expect(ids('Label retries reuse the parcel id as label_ref, so the queue drained without any duplicate labels.')).toEqual([]);
    expect(ids('Retries sent the booking again without any idempotency key, so parcels were booked twice.')).toEqual(['AP-001']);
    expect(ids('The call to the notifier lived inside the retry loop, and the label dedup key included the attempt number.')).toEqual(['AP-002']);
  });
});
