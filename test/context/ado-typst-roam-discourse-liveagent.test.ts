/**
 * Failure histories as the vet-wellness-plans history (the sixteenth, written by someone who never
 * saw this code) keeps them: an Azure DevOps Boards work-item export (REST work items with
 * `fields["System.*"]`, HTML or Markdown rich text, comments), a postmortem in Typst source, a Roam
 * Research graph's JSON export, and a Discourse topic's JSON. Its first run stopped at the first of
 * them (exit 2: "incident 20016: date is required").
 */
import { describe, expect, it } from 'vitest';
import { withoutNegatedClauses } from '../../src/context/text/negation.js';
import { attributeAntiPatterns } from '../../src/context/analysis/anti-pattern-matching.js';
import { loadBuiltInCatalogue } from '../../src/context/catalogue/built-in-catalogue.js';
import { parseIncidentsDocument, parsePostmortem, parseTicketsDocument, postmortemDocuments, postmortemMarkdown } from '../../src/context/index.js';

const person = (name: string) => ({ displayName: name, uniqueName: `${name.split(' ')[0]!.toLowerCase()}@example.com`, descriptor: 'aad.x' });

const workItem = (id: number, type: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  rev: 3,
  fields: { 'System.Id': id, 'System.WorkItemType': type, 'System.CreatedDate': '2026-04-01T11:31:00.274Z', 'System.CreatedBy': person('Amira Haddad'), ...fields },
  url: `https://dev.azure.com/org/proj/_apis/wit/workItems/${id}`,
  ...extra,
});

describe('an Azure DevOps Boards work-item export', () => {
  const exported = {
    exportedAt: '2026-12-06T10:00:00Z',
    organization: 'org',
    count: 3,
    value: [
      workItem(
        101,
        'Incident',
        {
          'System.Title': 'Duplicate charges on the morning run',
          'System.Description': '<div><b>Summary</b></div><div><br></div><div>The worker recorded every timeout as <code>DECLINED</code> with code issuer_unavailable.</div><div>2,870&nbsp;owners were charged twice.</div>',
          'System.Tags': 'payments; sev1',
          'System.AssignedTo': person('Jonah Whitcombe'),
          'Microsoft.VSTS.Common.Severity': '1 - Critical',
          'Custom.IncidentStart': '2026-04-01T09:48:00.000Z',
          'Custom.AffectedService': 'Billing',
          'Custom.RootCause': '<div>The mapper fell through to DECLINED/issuer_unavailable.</div>',
        },
        {
          multilineFieldsFormat: { 'System.Description': 'html', 'Custom.RootCause': 'html' },
          comments: {
            totalCount: 2,
            comments: [
              { text: '<div>Closing, see <a href="#" data-vss-mention="version:2.0,abc">@Priya Raman</a>.</div>', createdDate: '2026-04-09T18:01:00Z', createdBy: person('Amira Haddad') },
              { text: '<div>Bridge open.</div>', createdDate: '2026-04-01T11:33:00Z', createdBy: person('Amira Haddad') },
            ],
          },
        },
      ),
      workItem(
        102,
        'Incident',
        { 'System.Title': 'Resume charged twice', 'System.Description': '## Summary\nResumed with `run --resume`, keys from the run id.', 'Microsoft.VSTS.Common.Severity': '2 - High' },
        { multilineFieldsFormat: { 'System.Description': 'markdown' } },
      ),
      workItem(103, 'Task', { 'System.Title': 'Follow-up: reuse stored keys', 'System.Description': '<div>Task.</div>' }),
    ],
  };
  const incidents = parseIncidentsDocument(JSON.stringify(exported), 'incidents/ado.json');

  it('reads each incident work item by its fields, and leaves a follow-up Task out', () => {
    expect(incidents.map((i) => i.incidentId)).toEqual(['101', '102']);
    const [first, second] = incidents;
    expect(first?.title).toBe('Duplicate charges on the morning run');
    expect(first?.severityLevel).toBe('P1');
    expect(first?.date).toBe('2026-04-01T09:48:00.000Z'); // Incident Start before Created Date
    expect(first?.systems).toEqual(['Billing']);
    expect(first?.tags).toEqual(['payments']); // `sev1` is read as the severity label
    expect(second?.date).toBe('2026-04-01T11:31:00.274Z'); // System.CreatedDate when there is no start
  });

  it('reads HTML rich text as text (no &nbsp;, no escaped underscores) and Markdown as written', () => {
    const [first, second] = incidents;
    const description = (first?.description ?? []).join('\n');
    expect(description).toContain('2,870 owners were charged twice.');
    expect(description).toContain('issuer_unavailable');
    expect(first?.rootCause).toBe('The mapper fell through to DECLINED/issuer_unavailable.');
    expect((second?.description ?? []).join('\n')).toContain('Resumed with run --resume, keys from the run id.');
  });

  it('reads the comments as the timeline, oldest first, mentions as names', () => {
    expect(incidents[0]?.timeline).toEqual(['2026-04-01T11:33:00Z - Bridge open.', '2026-04-09T18:01:00Z - Closing, see @Priya Raman.']);
  });
});

describe('a postmortem in Typst source', () => {
  const source = [
    '// main.typ, built to PDF',
    '#import "../templates/pir.typ": pir, status, owner',
    '#show: pir.with(',
    '  title: [Duplicate instalments on 1 April],',
    '  incident: "17735",',
    '  authors: ("Jonah W", "Amira H"),',
    ')',
    '',
    '= Summary <summary>',
    '',
    'loonie turned each timeout into a soft decline (`DECLINED`), so *2,870 owners were charged twice*, \\$131,940.',
    '',
    '#callout(kind: "note")[Times are Eastern.]',
    '',
    '= Lessons <lessons>',
    '',
    '+ Every charge carries the `Idempotency-Key` stored on its first',
    '  attempt; a rung may use a new one only after a definite decline.',
    '+ A timeout is `PAYMENT_UNKNOWN`, never `DECLINED`.',
    '',
    '= Action items',
    '',
    '#let st = status  // a coloured pill',
    '#table(',
    '  columns: (auto, 1fr, auto),',
    '  table.header([*Action*], [*Owner*], [*Status*]),',
    '  table.hline(),',
    '  [Map timeouts to `PAYMENT_UNKNOWN`], [#owner("Priya R")], [#st("done")],',
    '  [Dry-run mode for the',
    '    ladder], [#owner("Etienne G")], [#st("todo")],',
    ')',
    '#v(1em)',
  ].join('\n');

  it('reads the header, headings, lists, tables and template calls as Markdown', async () => {
    const markdown = (await postmortemMarkdown(source, '.typ')) ?? '';
    expect(markdown).toContain('# Duplicate instalments on 1 April');
    expect(markdown).toContain('Incident: 17735');
    expect(markdown).toContain('**2,870 owners were charged twice**, $131,940.');
    expect(markdown).toContain('Times are Eastern.');
    expect(markdown).toContain('| Map timeouts to `PAYMENT_UNKNOWN` | Priya R | done |');
    expect(markdown).toContain('| Dry-run mode for the ladder | Etienne G | todo |');
    expect(markdown).not.toContain('#import');
    expect(markdown).not.toContain('coloured pill');
  });

  it('gives the incident, lessons joined across source lines, and action items by status', async () => {
    const pm = parsePostmortem((await postmortemMarkdown(source, '.typ')) ?? '', 'postmortems/pir.typ');
    expect(pm.incidentId).toBe('17735');
    expect(pm.lessons[0]).toMatch(/stored on its first attempt; a rung/);
    expect(pm.actionItems.completed.join()).toMatch(/Map timeouts/);
    expect(pm.actionItems.incomplete.join()).toMatch(/Dry-run mode/);
  });
});

describe('a Roam Research graph exported as JSON', () => {
  const graph = [
    {
      title: 'PIR/18120 notice storm',
      uid: 'p1',
      'create-time': 1778600000000,
      children: [
        { string: 'incident:: 18120', uid: 'a1' },
        { string: 'Summary', uid: 'h1', heading: 2, children: [{ string: 'Owners got the **payment-missed** SMS four times via [[Postie]].', uid: 's1' }] },
        {
          string: 'Lessons',
          uid: 'h2',
          heading: 2,
          'children-view-type': 'numbered',
          children: [{ string: 'The **payment-missed**\nnotice goes out once per instalment.', uid: 'l1' }],
        },
        { string: 'Timeline', uid: 'h3', heading: 2, children: [{ string: '{{[[table]]}}', uid: 't0', children: [{ string: 'Time', uid: 't1', children: [{ string: 'Event', uid: 't2' }] }, { string: '05:30', uid: 't3', children: [{ string: 'run starts', uid: 't4' }] }] }] },
        {
          string: 'Action items',
          uid: 'h4',
          heading: 2,
          children: [
            { string: '{{[[DONE]]}} Move the notice call - [[Etienne]]', uid: 'x1', children: [{ string: 'status:: done', uid: 'x2' }] },
            { string: '{{[[TODO]]}} Ladder test', uid: 'x3', children: [{ string: '((l1))', uid: 'x4' }] },
          ],
        },
        { string: 'Not factors', uid: 'h5', heading: 3, children: [{ string: 'Crestpay: no timeouts.', uid: 'n1' }] },
      ],
    },
    { title: 'May 12th, 2026', uid: 'd1', children: [{ string: '[[PIR/18120 notice storm]] bridge notes', uid: 'b1' }] },
  ];
  const text = JSON.stringify(graph);

  it('reads the postmortem page (not the daily note) with its attributes, table, tasks and block references', async () => {
    const docs = (await postmortemDocuments(text, '.json')) ?? [];
    expect(docs).toHaveLength(1);
    const markdown = docs[0]!;
    expect(markdown).toContain('Incident: 18120');
    expect(markdown).toContain('| 05:30 | run starts |');
    expect(markdown).toContain('- [x] Move the notice call - Etienne (status: done)');
    expect(markdown).toContain('- [ ] Ladder test (The **payment-missed** notice goes out once per instalment.)');
    const pm = parsePostmortem(markdown, 'postmortems/roam.json');
    expect(pm.incidentId).toBe('18120');
    expect(pm.lessons).toEqual(['The payment-missed notice goes out once per instalment.']);
    // one action item per task, its details on it; a smaller heading after the action items is no part of them
    expect(pm.actionItems.completed).toHaveLength(1);
    expect(pm.actionItems.incomplete).toHaveLength(1);
  });
});

describe('a Discourse topic saved as JSON', () => {
  const topic = {
    id: 1184,
    title: 'PIR: Incident 19503 – owners charged twice after the resume',
    post_stream: {
      posts: [
        {
          post_number: 1,
          cooked:
            '<p><strong>Incident:</strong> 19503 (Sev 1)</p>\n<h2><a name="lessons-1" class="anchor" href="#lessons-1"></a>Lessons</h2>\n<ol>\n<li>A resumed run charges each instalment with the key stored in<br>\n<code>charge_attempts</code> for that instalment.</li>\n</ol>\n<h2>Action items</h2>\n<div class="md-table"><table><thead><tr><th>Action</th><th>Status</th></tr></thead><tbody><tr><td>Reuse the stored key</td><td><img src="x.png" title=":white_check_mark:" class="emoji" alt=":white_check_mark:"> Done</td></tr><tr><td>Game day</td><td><img src="y.png" class="emoji" alt=":white_large_square:"> Not started</td></tr></tbody></table></div>',
        },
        { post_number: 2, cooked: '<p>couldn\'t the resume just skip any plan that already has a receipt?</p>' },
      ],
    },
  };

  it('reads the first post as the postmortem: <br> as a space, emoji status as its word', async () => {
    const markdown = (await postmortemMarkdown(JSON.stringify(topic), '.json')) ?? '';
    expect(markdown).toContain('# PIR: Incident 19503');
    expect(markdown).not.toContain('skip any plan');
    const pm = parsePostmortem(markdown, 'postmortems/t-1184.json');
    expect(pm.incidentId).toBe('19503');
    expect(pm.lessons).toEqual(['A resumed run charges each instalment with the key stored in charge_attempts for that instalment.']);
    expect(pm.actionItems.completed).toEqual(['Reuse the stored key']);
    expect(pm.actionItems.incomplete).toEqual(['Game day']);
  });
});

describe('a LiveAgent ticket export with its message groups inlined', () => {
  const group = (type: string, userid: string, messages: [string, string, string][]) => ({
    id: `${userid}-${type}`,
    type,
    userid,
    messages: messages.map(([t, u, message], i) => ({ id: `${type}${i}`, type: t, userid: u, message, visibility: t === 'N' ? 'I' : 'P' })),
  });
  const exported = {
    export: { tool: 'la-export', timezone: 'America/Toronto' },
    tags: [{ id: 't1', name: 'plan' }, { id: 't2', name: 'phone' }],
    tickets: [
      {
        id: 'aa11',
        code: 'ABC-DEF-1234',
        owner_contactid: 'c1',
        subject: 'Re: Your plan payment receipt',
        date_created: '2026-04-01 09:14:02',
        tags: ['t1'],
        messages: [
          group('T', 'c1', [['H', 'c1', 'From: Ann <ann@example.com>'], ['M', 'c1', 'I was charged twice for the plan.'], ['Q', 'c1', 'On Wed, Apr 1, 2026 at 10:14 AM Care Team wrote:\n> We are aware of an issue']]),
          group('R', 'agent1', [['M', 'agent1', 'We are aware of an issue affecting some plan payments.']]),
        ],
      },
      {
        id: 'bb22',
        owner_contactid: 'c2',
        subject: 'Call from +1 416-555-0162',
        date_created: '2026-04-02 10:00:00',
        tags: ['t2'],
        messages: [
          group('P', 'c2', [['M', 'system', 'Incoming call answered by Emilie']]),
          group('I', 'agent1', [['N', 'agent1', 'Clt called: chgd 2x for plan Oct instal']]),
        ],
      },
    ],
  };

  it("reads a ticket's owner's own message, not headers, quoted replies or the agent's macro", () => {
    const [email] = parseTicketsDocument(JSON.stringify(exported), 'tickets/liveagent.json');
    expect(email?.body).toBe('I was charged twice for the plan.');
    expect(email?.tags).toEqual(['plan']);
  });

  it("reads a phone ticket (no customer text) as the agent's note", () => {
    const [, call] = parseTicketsDocument(JSON.stringify(exported), 'tickets/liveagent.json');
    expect(call?.body).toBe('Clt called: chgd 2x for plan Oct instal');
    expect(call?.tags).toEqual(['phone']);
  });
});

describe('a negated verb rules out its own words, not what happened beside it', () => {
  it('"does not go up the retry ladder" retried nothing; "after a gateway timeout" still happened', () => {
    expect(withoutNegatedClauses('A hard decline does not go up the retry ladder')).toBe('A hard decline ');
    expect(withoutNegatedClauses('the worker did not release the lock after a gateway timeout')).toBe('the worker  after a gateway timeout');
    expect(withoutNegatedClauses('it did not retry and sent the SMS')).toBe('it  and sent the SMS');
  });
});

describe('a repeat said as "once more"', () => {
  it('is the retry signal of a notice sent on every step (AP-002), as "again" is', async () => {
    const catalogue = await loadBuiltInCatalogue(process.cwd());
    const ids = attributeAntiPatterns(
      ['The worker moved the notice call into the attempt handler, so the owner was sent the SMS and email once for the first attempt and once more for every step that was declined.'],
      catalogue,
    ).map((m) => m.entry.id);
    expect(ids).toContain('AP-002');
  });
});
