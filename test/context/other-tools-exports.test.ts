/**
 * Failure histories as other tools export them: an incident.io incidents page, an Intercom
 * conversations export, a postmortem sent as an email, a manifold with grouped constraints. Each
 * shape below comes from the pharmacy-refills history (written by someone who never saw this code),
 * whose first run stopped at the first of them.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  emailPostmortemMarkdown,
  mergeFailuresIntoManifold,
  parseIncidentsDocument,
  parseManifold,
  parsePostmortem,
  parseTicketsDocument,
} from '../../src/context/index.js';

const INCIDENT_IO = JSON.stringify({
  incidents: [
    {
      id: '01J51MBMKGVGTK6HJTDYY9WCWQ',
      reference: 'INC-318',
      name: 'Duplicate insurer claims after Kestrel timeouts',
      summary:
        '## What went wrong\n- The worker treated the 30-second timeout as a rejected claim and put it back on the\n  queue.\n- On the next pass it resubmitted the claim.\n\n## Impact\n1,184 refills have two paid claims.',
      created_at: '2026-06-18T07:02:17.384Z',
      severity: { id: '01HZ', name: 'Critical', rank: 3 },
      incident_status: { name: 'Closed', category: 'closed' },
      custom_field_entries: [
        { custom_field: { name: 'Affected services', field_type: 'multi_select' }, values: [{ value_catalog_entry: { id: 'x', name: 'refill-claims-worker' } }] },
        { custom_field: { name: 'Root cause (short)', field_type: 'text' }, values: [{ value_text: 'Timeout recorded as a rejection.' }] },
        { custom_field: { name: 'Owning team', field_type: 'single_select' }, values: [{ value_option: { value: 'Pharmacy Platform' } }] },
      ],
    },
  ],
  pagination_meta: { page_size: 25 },
});

describe('an incident.io incidents export', () => {
  const [incident] = parseIncidentsDocument(INCIDENT_IO, 'incidents/export.json');

  it('reads the human reference, the name as title and a severity object by its name', () => {
    expect(incident?.incidentId).toBe('INC-318');
    expect(incident?.title).toBe('Duplicate insurer claims after Kestrel timeouts');
    expect(incident?.severity).toBe('Critical');
    expect(incident?.severityLevel).toBe('P1');
  });

  it('reads the Markdown summary as the description, one part per item, hard wraps joined, headings left out', () => {
    expect(incident?.description).toEqual([
      'The worker treated the 30-second timeout as a rejected claim and put it back on the queue.',
      'On the next pass it resubmitted the claim.',
      '1,184 refills have two paid claims.',
    ]);
  });

  it('reads custom fields by their names, a bracketed qualifier ignored', () => {
    expect(incident?.rootCause).toBe('Timeout recorded as a rejection.');
    expect(incident?.systems).toEqual(['refill-claims-worker']);
  });

  it('keeps a register whose `summary` is its title reading it as the title', () => {
    const [i] = parseIncidentsDocument('incidents:\n  - id: INC-1\n    summary: Charged twice\n    declared_at: 2025-01-02\n    severity: SEV2\n', 'r.yaml');
    expect(i?.title).toBe('Charged twice');
    expect(i?.description).toEqual([]);
  });
});

const INTERCOM = JSON.stringify({
  type: 'conversation.list',
  pages: { type: 'pages', page: 1 },
  total_count: 2,
  conversations: [
    {
      type: 'conversation',
      id: '215400237458',
      title: null,
      created_at: 1794885674,
      tags: { type: 'tag.list', tags: [{ type: 'tag', id: '7', name: 'Billing' }] },
      source: { subject: '', body: '<p>I was charged <b>twice</b> for my copay. Please refund&nbsp;one.</p><p>Thanks</p>' },
    },
    {
      type: 'conversation',
      id: '215400237459',
      title: null,
      created_at: 1794885999,
      tags: { type: 'tag.list', tags: [] },
      source: { subject: 'Refill stuck', body: '<p>Still waiting on insurance.</p>' },
    },
  ],
});

describe('an Intercom conversations export', () => {
  const tickets = parseTicketsDocument(INTERCOM, 'tickets/intercom.json');

  it('finds the records in the one list of the export', () => {
    expect(tickets.map((t) => t.id)).toEqual(['215400237458', '215400237459']);
  });

  it('reads the first message as the body, HTML as its text', () => {
    expect(tickets[0]?.body).toBe('I was charged twice for my copay. Please refund one.\n\nThanks');
  });

  it('takes the subject when there is one, else the first sentence', () => {
    expect(tickets[0]?.title).toBe('I was charged twice for my copay.');
    expect(tickets[1]?.title).toBe('Refill stuck');
  });

  it('reads Unix seconds as a date and the tag list by names', () => {
    expect(tickets[0]?.createdAt).toBe('2026-11-17T03:21:14.000Z');
    expect(tickets[0]?.tags).toEqual(['Billing']);
    expect(tickets[1]?.tags).toEqual([]);
  });

  it('still refuses a ticket with neither a title nor a body, naming it', () => {
    expect(() => parseTicketsDocument('[{"id": "A", "created_at": "2025-01-01"}]', 't.json')).toThrowError(/t\.json line 1, ticket A: title/);
  });
});

const EMAIL = [
  'From: Marcus <marcus@example.com>',
  'To: eng-incidents@example.com',
  'Subject: Re: INC-351 co-pay double debits - writeup',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset="UTF-8"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hi all,',
  '',
  'WHAT HAPPENED',
  '',
  'Each retry generated a new idempotency key, so Paystream captured the co-pay =',
  'again.',
  '',
  "WHAT WE'RE CHANGING",
  '',
  '1. Idempotency key for a capture = order ID, the same on every retry.',
  '',
  'On Fri, Aug 7, 2026 at 4:02 PM Priya <priya@example.com> wrote:',
  '> Please send the INC-351 writeup.',
  '',
].join('\r\n');

describe('a postmortem sent as an email', () => {
  it('reads the subject as the title, capital lines as sections, and leaves the quoted message out', async () => {
    const markdown = await emailPostmortemMarkdown(EMAIL);
    expect(markdown).toContain('# INC-351 co-pay double debits - writeup');
    expect(markdown).toContain('## WHAT HAPPENED');
    expect(markdown).toContain('captured the co-pay again.'); // quoted-printable soft break decoded
    expect(markdown).not.toContain('Please send');
    const pm = parsePostmortem(markdown, 'writeup.eml');
    expect(pm.incidentId).toBe('INC-351');
    expect(pm.changes.join(' ')).toContain('the same on every retry');
  });
});

const GROUPED = `manifold: refill-claims
systems:
  - name: Kestrel
    role: pharmacy claims switch   # the team's note, kept
    kind: provider
constraints:
  business:
    - id: B1
      statement: A refill is billed at most once.
  technical:
    - id: T1
      statement: Every call has a timeout.
`;

describe('a manifold with grouped constraints and notes on its terms', () => {
  it('reads the groups as one list in heading order and the terms by name', () => {
    const m = parseManifold(GROUPED, 'manifold.yaml');
    expect(m.constraints.map((c) => c.id)).toEqual(['B1', 'T1']);
    expect(m.systems.map((s) => s.name)).toEqual(['Kestrel']);
  });

  it('names a duplicate id across groups by both places', () => {
    const text = GROUPED.replace('id: T1', 'id: B1');
    expect(() => parseManifold(text, 'manifold.yaml')).toThrowError(/constraints\.technical\[0\]\.id \(line 11\): duplicates the id of constraints\.business\[0\] \("B1"\)/);
  });

  it('merges derived constraints under a heading of their own, every line written before kept', () => {
    const failures = `meta:\n  manifold: refill-claims\nanti_patterns: []\nderived_constraints:\n  from_incidents:\n    - incident: INC-318\n      generated_constraints:\n        - id: T_INC318_1\n          type: invariant\n          statement: A timed-out claim is looked up before it is resubmitted.\n`;
    const merged = mergeFailuresIntoManifold(GROUPED, 'manifold.yaml', failures, 'failures.yaml');
    expect(merged.added.constraints).toEqual(['T_INC318_1']);
    expect(merged.text.startsWith(GROUPED)).toBe(true);
    const data = parse(merged.text) as { constraints: Record<string, { id: string }[]> };
    expect(Object.keys(data.constraints)).toEqual(['business', 'technical', 'failure_derived']);
    expect(data.constraints.failure_derived?.map((c) => c.id)).toEqual(['T_INC318_1']);
    expect(parseManifold(merged.text, 'manifold.yaml').constraints.map((c) => c.id)).toEqual(['B1', 'T1', 'T_INC318_1']);
  });
});
