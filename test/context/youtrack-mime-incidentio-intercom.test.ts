/**
 * Readers for formats a shipping company's history used (every input below is written for these
 * tests): a YouTrack issue or article as its REST API returns it, a postmortem e-mailed as a MIME
 * message with a quoted-printable text/plain and text/html alternative (and a base64 attachment),
 * an incident.io export with its updates merged in and a merged record, an Intercom conversations
 * dump with its admins and teams, Org mode with its own TODO keywords and blocks, and Markdown with
 * lessons in a table and HTML comments.
 */
import { describe, expect, it } from 'vitest';
import { emailPostmortemMarkdown, parseIncidentsDocument, parsePostmortem, parseTicketsDocument } from '../../src/context/index.js';
import { postmortemDocuments, postmortemMarkdown } from '../../src/context/postmortems/postmortem-markdown.js';

const stateField = (name: string, isResolved: boolean): unknown => ({
  name: 'State',
  value: { name, isResolved, $type: 'StateBundleElement' },
  $type: 'StateIssueCustomField',
});

const YOUTRACK = JSON.stringify([
  {
    id: '2-901',
    idReadable: 'OPS-77',
    summary: 'Review of INC-12: pickup e-mails sent per retry',
    usesMarkdown: true,
    wikifiedDescription: null,
    description: [
      '**Authors:** @ana.ruiz',
      '',
      '## What went wrong',
      '',
      'The pickup notice sat inside the retry loop, so every retry e-mailed the shop again.',
      '',
      '## Lessons',
      '',
      '1. A shop gets at most one pickup notice per',
      '   order, sent after the last retry.',
      '2. The `dedupe_key` is derived from the order, never from the attempt.',
      '',
      '## Action items',
      '',
      'Tracked as subtasks.',
    ].join('\n'),
    created: 1777446848331,
    customFields: [
      { name: 'Priority', value: { name: 'Major', $type: 'EnumBundleElement' }, $type: 'SingleEnumIssueCustomField' },
      stateField('Done', true),
      { name: 'Incident', value: 'INC-12', $type: 'SimpleIssueCustomField' },
      { name: 'Fix versions', value: [{ name: '2.1', $type: 'VersionBundleElement' }, { name: '2.2', $type: 'VersionBundleElement' }], $type: 'MultiVersionIssueCustomField' },
      { name: 'Due Date', value: 1778198400000, $type: 'DateIssueCustomField' },
    ],
    links: [
      {
        direction: 'OUTWARD',
        linkType: { name: 'Subtask', sourceToTarget: 'parent for', targetToSource: 'subtask of', $type: 'IssueLinkType' },
        issues: [
          { idReadable: 'OPS-78', summary: 'Send the pickup notice after the last retry', resolved: 1777563600000, customFields: [stateField('Fixed', true)], $type: 'Issue' },
          { idReadable: 'OPS-79', summary: 'Ask the carrier for quota notice', resolved: null, customFields: [stateField('In Progress', false)], $type: 'Issue' },
        ],
        $type: 'IssueLink',
      },
      {
        direction: 'BOTH',
        linkType: { name: 'Relates', $type: 'IssueLinkType' },
        issues: [{ idReadable: 'OPS-50', summary: 'Notify shops sooner', resolved: 1, $type: 'Issue' }],
        $type: 'IssueLink',
      },
    ],
    comments: [
      { text: 'Idea: rate-limit the notice to one per shop per hour. Rejected.', author: { fullName: 'Ana Ruiz', $type: 'User' }, created: 1777459213000, deleted: false, $type: 'IssueComment' },
      { text: 'old', deleted: true, $type: 'IssueComment' },
    ],
    $type: 'Issue',
  },
]);

describe('a YouTrack issue as its REST API returns it', () => {
  it('reads the Markdown description, the Incident field, subtasks as action items; comments are no lessons', async () => {
    const docs = await postmortemDocuments(YOUTRACK, '.json');
    expect(docs).toHaveLength(1);
    const pm = parsePostmortem(docs?.[0] ?? '', 'OPS-77.json');
    expect(pm.id).toBe('OPS-77');
    expect(pm.incidentId).toBe('INC-12');
    expect(pm.title).toBe('Review of INC-12: pickup e-mails sent per retry');
    expect(pm.lessons.map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'A shop gets at most one pickup notice per order, sent after the last retry.',
      'The dedupe_key is derived from the order, never from the attempt.',
    ]);
    expect(pm.actionItems).toEqual({ completed: ['OPS-78 Send the pickup notice after the last retry'], incomplete: ['OPS-79 Ask the carrier for quota notice'] });
    expect(JSON.stringify(pm)).not.toContain('rate-limit');
  });

  it('shows custom fields as YouTrack does (names, several values, dates)', async () => {
    const markdown = (await postmortemMarkdown(YOUTRACK, '.json')) ?? '';
    expect(markdown).toContain('Priority: Major');
    expect(markdown).toContain('Fix versions: 2.1, 2.2');
    expect(markdown).toContain('Due Date: 2026-05-08');
    expect(markdown).not.toContain('OPS-50');
  });

  it('reads an article, and a description in the older wiki markup by its rendered HTML', async () => {
    const article = JSON.stringify({ idReadable: 'KB-A-3', summary: 'INC-40 review', content: '## Lessons\n\n- A retry must reuse its key.\n', $type: 'Article' });
    const pm = parsePostmortem((await postmortemMarkdown(article, '.json')) ?? '', 'kb.json');
    expect(pm.incidentId).toBe('INC-40');
    expect(pm.lessons).toEqual(['A retry must reuse its key.']);
    const wiki = JSON.stringify([
      { idReadable: 'OPS-5', summary: 'INC-41 review', usesMarkdown: false, description: '==Lessons==\n* A retry must reuse its key.', wikifiedDescription: '<h2>Lessons</h2><ul><li>A retry must reuse its key.</li></ul>', $type: 'Issue' },
    ]);
    expect(parsePostmortem((await postmortemMarkdown(wiki, '.json')) ?? '', 'y.json').lessons).toEqual(['A retry must reuse its key.']);
  });

  it('reads every issue of a search that returned several', async () => {
    const two = JSON.stringify([
      { idReadable: 'OPS-1', summary: 'INC-1 review', description: '## Lessons\n\n- One.', $type: 'Issue' },
      { idReadable: 'OPS-2', summary: 'INC-2 review', description: '## Lessons\n\n- Two.', $type: 'Issue' },
    ]);
    expect((await postmortemDocuments(two, '.json'))?.map((d) => parsePostmortem(d, 'x.json').incidentId)).toEqual(['INC-1', 'INC-2']);
  });
});

/** Text as quoted-printable lines of at most 76 characters, soft breaks (`=`) wherever a line is full. */
function quotedPrintable(text: string): string {
  const encoded = [...Buffer.from(text, 'utf8')].map((b) => (b === 0x3d || b > 0x7e ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join('');
  return encoded
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > 75) {
        let cut = 75;
        // never split an escape
        const escape = rest.lastIndexOf('=', cut);
        if (escape > cut - 3) cut = escape;
        out.push(`${rest.slice(0, cut)}=`);
        rest = rest.slice(cut);
      }
      out.push(rest);
      return out;
    })
    .join('\r\n');
}

const PLAIN_PART = [
  'Hi all,',
  '',
  '*Lessons*',
  '',
  '   1. A timed-out pickup booking is UNKNOWN, never FAILED: only the lookup by pickup_ref may settle it.',
  '',
  '*Action items*',
  '',
  '   - Map timeouts to UNKNOWN (Ana) - done 3 Mar',
  '',
  '-- ',
  'Ana Ruiz',
].join('\n');

const HTML_PART =
  '<div dir="ltr"><div>Hi all,</div><div><br></div><div><b><font size="4">Lessons</font></b></div>' +
  '<ol><li>A timed-out pickup booking is <font face="monospace">UNKNOWN</font>, never FAILED: only the lookup by pickup_ref&#39;s key may&nbsp;settle it.</li></ol>' +
  '<div><b><font size="4">Action items</font></b></div>' +
  '<table border="1"><tbody><tr><td><b>What</b></td><td><b>Who</b></td><td><b>Status</b></td></tr>' +
  '<tr><td>Map timeouts to UNKNOWN</td><td>Ana</td><td><span style="background-color:rgb(183,225,205)">done 3 Mar</span></td></tr>' +
  '<tr><td>Alert on duplicate pickups &gt; 0</td><td>Jon</td><td><span>in progress</span></td></tr></tbody></table>' +
  '<div><br></div><div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature">Ana Ruiz<div>Ops lead</div></div></div>' +
  '<div class="gmail_quote"><div class="gmail_attr">On Mon, 2 Mar 2026, Jon wrote:</div><blockquote class="gmail_quote">Lessons: never retry.</blockquote></div></div>';

function message(parts: { type: string; body: string; encoding: string; name?: string }[]): string {
  const lines = [
    'Received: by 2002:a05:6a10 with SMTP id x;',
    '        Tue, 3 Mar 2026 01:27:52 -0700 (PDT)',
    'MIME-Version: 1.0',
    'From: Ana Ruiz <ana@example.com>',
    'Subject: =?UTF-8?Q?=5BPostmortem=5D_INC-77_Pickup_fail?=',
    ' =?UTF-8?Q?over=3A_bookings_twice_at_Correv=C3=ADa?=',
    'Content-Type: multipart/mixed; boundary="mixed"',
    '',
    '--mixed',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
  ];
  for (const part of parts.filter((p) => p.name === undefined)) {
    lines.push('--alt', `Content-Type: ${part.type}; charset="UTF-8"`, `Content-Transfer-Encoding: ${part.encoding}`, '', part.body, '');
  }
  lines.push('--alt--');
  for (const part of parts.filter((p) => p.name !== undefined)) {
    lines.push('--mixed', `Content-Type: ${part.type}; name="${part.name}"`, `Content-Disposition: attachment; filename="${part.name}"`, `Content-Transfer-Encoding: ${part.encoding}`, '', part.body, '');
  }
  lines.push('--mixed--', '');
  return lines.join('\r\n');
}

const CSV = { type: 'text/csv', name: 'dupes.csv', encoding: 'base64', body: Buffer.from('shop,pickups\nS1,2\n').toString('base64') };

describe('a postmortem e-mailed as a MIME message', () => {
  it('reads the HTML alternative: headings, lists, the action-items table; no signature, quote or attachment', async () => {
    const raw = message([{ type: 'text/plain', encoding: 'quoted-printable', body: quotedPrintable(PLAIN_PART) }, { type: 'text/html', encoding: 'quoted-printable', body: quotedPrintable(HTML_PART) }, CSV]);
    const markdown = await emailPostmortemMarkdown(raw);
    const pm = parsePostmortem(markdown, 'pm.eml');
    expect(pm.incidentId).toBe('INC-77');
    expect(pm.title).toBe('INC-77 Pickup failover: bookings twice at Correvía');
    expect(pm.lessons).toEqual(["A timed-out pickup booking is UNKNOWN, never FAILED: only the lookup by pickup_ref's key may settle it."]);
    expect(pm.actionItems).toEqual({ completed: ['Map timeouts to UNKNOWN'], incomplete: ['Alert on duplicate pickups > 0'] });
    expect(markdown).not.toMatch(/Ops lead|never retry|shop,pickups/);
  });

  it('reads a plain-text-only message: *bold* lines are headings, the signature is left out, base64 decoded', async () => {
    const raw = message([{ type: 'text/plain', encoding: 'base64', body: Buffer.from(PLAIN_PART).toString('base64') }]);
    const markdown = await emailPostmortemMarkdown(raw);
    const pm = parsePostmortem(markdown, 'pm.eml');
    expect(pm.lessons).toEqual(['A timed-out pickup booking is UNKNOWN, never FAILED: only the lookup by pickup_ref may settle it.']);
    expect(pm.actionItems).toEqual({ completed: ['Map timeouts to UNKNOWN (Ana)'], incomplete: [] });
    expect(markdown).not.toContain('Ana Ruiz');
  });

  it('joins quoted-printable soft breaks inside a word', async () => {
    const raw = message([{ type: 'text/plain', encoding: 'quoted-printable', body: '*Lessons*\r\n\r\n- A retry reuses the Idempotency=\r\n-Key stored with the first attempt.\r\n' }]);
    expect(parsePostmortem(await emailPostmortemMarkdown(raw), 'pm.eml').lessons).toEqual(['A retry reuses the Idempotency-Key stored with the first attempt.']);
  });
});

const status = (category: string, name: string): unknown => ({ category, name, id: name });
const INCIDENT_IO = JSON.stringify({
  incidents: [
    {
      id: '01KTPB35XWR6GVK3WMY7WMSECS',
      reference: 'INC-90',
      name: '[Datadog] pickups.unknown > 100 on pickup-worker',
      summary: '%%%\n[Triggered] pickups.unknown was > 100 during the last 5m.\n\n- service: pickup-worker\n%%%\n@slack-ops',
      created_at: '2026-06-09T14:03:00.412Z',
      severity: { name: 'Minor', rank: 0 },
      incident_status: status('closed', 'Closed'),
      updates: [
        { created_at: '2026-06-09T14:03:00.412Z', message: null, new_incident_status: status('live', 'Investigating') },
        { created_at: '2026-06-09T14:40:00.174Z', message: 'Looked up by pickup_ref &amp; re-sent with the same key; p99 &gt; 2 s gone.', new_incident_status: status('live', 'Monitoring') },
      ],
    },
    {
      id: '01M4654H0W9HPC3TTQ1T6AC6DD',
      reference: 'INC-91',
      name: 'Shops report two pickups',
      summary: null,
      created_at: '2026-06-09T14:05:00.000Z',
      severity: { name: 'Major', rank: 1 },
      incident_status: status('merged', 'Merged'),
      updates: [{ created_at: '2026-06-09T14:06:00.000Z', message: 'Same as INC-90, merging.', merged_into_incident_id: '01KTPB35XWR6GVK3WMY7WMSECS' }],
    },
  ],
  pagination_meta: { after: null, page_size: 25 },
});

describe('an incident.io export with its updates merged in', () => {
  const incidents = parseIncidentsDocument(INCIDENT_IO, 'incidents.json');

  it('leaves out a record merged into another incident', () => {
    expect(incidents.map((i) => i.incidentId)).toEqual(['INC-90']);
  });

  it('reads the updates as the timeline: status-only updates left out, Slack escapes as characters', () => {
    expect(incidents[0]?.timeline).toEqual(['2026-06-09T14:40:00.174Z - Looked up by pickup_ref & re-sent with the same key; p99 > 2 s gone.']);
  });

  it("reads a monitor's alert body without its %%% markers", () => {
    expect(incidents[0]?.description).toEqual(['[Triggered] pickups.unknown was > 100 during the last 5m.', 'service: pickup-worker', '@slack-ops']);
  });

  it('still rejects a timeline none of whose entries has text', () => {
    const none = JSON.stringify({ incidents: [{ reference: 'INC-1', name: 'x', created_at: '2026-01-01', severity: 'P2', updates: [{ created_at: '2026-01-01', message: null }] }] });
    expect(() => parseIncidentsDocument(none, 'i.json')).toThrow(/incident INC-1: timeline/);
  });
});

const part = (part_type: string, type: string, body: string | null): unknown => ({ type: 'conversation_part', part_type, body, author: { type, id: '1' } });
const conversation = (id: string, source: unknown, parts: unknown[]): unknown => ({
  type: 'conversation',
  id,
  title: null,
  created_at: 1771174526,
  tags: { type: 'tag.list', tags: [{ type: 'tag', name: 'pickups' }] },
  source,
  conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
});
const INTERCOM = JSON.stringify({
  export: { tool: 'dump' },
  admins: [{ type: 'admin', id: '5408121', name: 'Ana Ruiz', email: 'ana@example.com', team_ids: [7311045] }],
  teams: [{ type: 'team', id: '7311045', name: 'Soporte' }],
  conversations: [
    conversation('1001', { type: 'conversation', subject: '', body: '<p>dos recogidas para un pedido??</p>', author: { type: 'user', id: 'u1' } }, [
      part('comment', 'bot', '<p>Hi! I&#39;m Fin. Let me look into that…</p>'),
      part('comment', 'user', '<p>Solo pulsamos &quot;Reservar&quot; una vez.</p>'),
      part('assignment', 'admin', null),
      part('comment', 'admin', '<p>Sorry, we have cancelled the second pickup.</p>'),
      part('comment', 'user', '<p>ok thanks</p>'),
    ]),
    conversation('1002', { type: 'conversation', delivered_as: 'admin_initiated', subject: '', body: '<p>📞 Inbound call from +34 600 000 000 (Aircall)</p>', author: { type: 'admin', id: '5408121' } }, [
      part('note', 'admin', '<p>Call: shop sees 2 pickups per order.</p>'),
      part('close', 'admin', null),
    ]),
    conversation('1003', { type: 'email', subject: 'Re: Pickup', body: '<p>Still no credit.</p><p>--<br>Ana Ruiz · Tienda Uno<br>Este mensaje es confidencial.</p><div class="gmail_quote"><div class="gmail_attr">El jue, 2 abr 2026, Soporte escribió:</div><blockquote class="gmail_quote"><p>We are aware of an issue.</p></blockquote></div>', author: { type: 'lead', id: 'l1' } }, []),
  ],
});

describe('an Intercom conversations dump with its admins and teams', () => {
  const tickets = parseTicketsDocument(INTERCOM, 'tickets/intercom.json');

  it('finds the conversations beside the admins and teams lists', () => {
    expect(tickets.map((t) => t.id)).toEqual(['1001', '1002', '1003']);
    expect(tickets[0]?.tags).toEqual(['pickups']);
  });

  it("reads what the contact wrote before the first teammate's answer, not the bot's or the answer", () => {
    expect(tickets[0]?.body).toBe('dos recogidas para un pedido??\n\nSolo pulsamos "Reservar" una vez.');
    expect(tickets[0]?.title).toBe('dos recogidas para un pedido??');
  });

  it("reads a phone call as the agent's note, and an e-mail reply without its signature and the quoted message", () => {
    expect(tickets[1]?.body).toBe('Call: shop sees 2 pickups per order.');
    expect(tickets[2]?.body).toBe('Still no credit.');
  });
});

describe('Org mode with its own TODO keywords, blocks and drawers', () => {
  const org = [
    '#+TITLE: INC-66 — pickups wrongly REJECTED',
    '#+TODO: TODO STARTED | DONE CANCELLED',
    '# a comment line',
    '* Summary',
    '  :PROPERTIES:',
    '  :SEVERITY: Critical',
    '  :ID: 5b1c9f0e-0000-4000-8000-000000000000',
    '  :END:',
    '',
    '    The adapter mapped a 504 to',
    '    =AddressRejected=.',
    '',
    '#+BEGIN_SRC go',
    'default:',
    '    return ErrAddressRejected',
    '#+END_SRC',
    '',
    '* Notes from the bridge',
    '#+BEGIN_QUOTE',
    'Rubén: can we re-book every REJECTED with a new ref?',
    '#+END_QUOTE',
    '',
    '* Lessons',
    '  1. A 504 is =UNKNOWN=, never',
    '     =REJECTED=.',
    '',
    '* Action items',
    '** DONE Pin the adapter                                  :ana:',
    '   CLOSED: [2026-08-11 Tue 11:05]',
    '** STARTED Contract tests for timeouts',
    '** CANCELLED Re-book every REJECTED under new refs         :ruben:',
    '   CLOSED: [2026-08-11 Tue 09:53]',
    '   - State "CANCELLED"  from "TODO"  [2026-08-11 Tue 09:53] \\\\',
    '     Most of them existed.',
  ].join('\n');

  it('reads the declared keywords; a cancelled item and its log are no action item', async () => {
    const pm = parsePostmortem((await postmortemMarkdown(org, '.org')) ?? '', 'pm.org');
    expect(pm.incidentId).toBe('INC-66');
    expect(pm.actionItems).toEqual({ completed: ['Pin the adapter'], incomplete: ['Contract tests for timeouts'] });
    expect(pm.lessons.map((l) => l.replace(/\s+/g, ' '))).toEqual(['A 504 is UNKNOWN, never REJECTED.']);
  });

  it('keeps code as code, a quote as a quote, an indented paragraph as text, properties as fields', async () => {
    const markdown = (await postmortemMarkdown(org, '.org')) ?? '';
    expect(markdown).toContain('```go\ndefault:\n    return ErrAddressRejected\n```');
    expect(markdown).toContain('> Rubén: can we re-book every REJECTED with a new ref?');
    expect(markdown).toContain('The adapter mapped a 504 to\n`AddressRejected`.');
    expect(markdown).toContain('Severity: Critical');
    expect(markdown).not.toMatch(/5b1c9f0e|TODO STARTED|a comment line|Most of them/);
  });
});

describe('Markdown with lessons in a table and HTML comments', () => {
  const md = [
    '<!-- template v3: keep the lessons as a table -->',
    '# INC-74: resumed run booked pickups twice',
    '',
    '## Lessons',
    '',
    '| # | Lesson | From |',
    '|---|--------|------|',
    '| 1 | A resumed run reads `pickup_attempts` first<br>and reuses the key stored there. | Why 2 |',
    '| 2 | The key is derived from the order, never from the job attempt. | Why 1 |',
    '<!-- | 3 | Never upgrade a node pool by day. | draft, dropped | -->',
    '',
    '## Summary',
    '',
    'The run resumed. <!-- TODO: add the graph --> Shops got two pickups.',
  ].join('\n');

  it('reads a lesson per row from the Lesson column, a <br> as a line break; a commented-out row is none', () => {
    const pm = parsePostmortem(md, 'pm.md');
    expect(pm.lessons.map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'A resumed run reads pickup_attempts first and reuses the key stored there.',
      'The key is derived from the order, never from the job attempt.',
    ]);
  });
});
