/**
 * Failure histories as a Jira Service Management / Jira Cloud REST v3 search response (ADF rich
 * text, custom fields named only in `names`), a Word 2003 XML document, a Jupyter notebook, an
 * Evernote export and a Crisp conversations export hold them. Each shape comes from the
 * ev-session-billing history (written by someone who never saw this code), whose first run stopped
 * at the first of them; each input here is a small one of its own.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parsePostmortem, parseTicketsDocument, postmortemDocuments, postmortemMarkdown, readContextInputs } from '../../src/context/index.js';
import { markdownParts } from '../../src/context/text/markdown-parts.js';

const text = (t: string, marks?: string[]): unknown => ({ type: 'text', text: t, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const para = (...content: unknown[]): unknown => ({ type: 'paragraph', content });
const doc = (...content: unknown[]): unknown => ({ type: 'doc', version: 1, content });

const JIRA = JSON.stringify(
  {
    expand: 'names,schema',
    startAt: 0,
    maxResults: 50,
    total: 3,
    issues: [
      {
        id: '20001',
        key: 'OPS-12',
        fields: {
          issuetype: { id: '1', name: 'Incident' },
          summary: 'Ledger batch posted entries twice',
          created: '2026-03-30T09:15:00.000+0200',
          customfield_10070: '2026-03-29T02:40:00.000+0200',
          priority: { name: 'Medium' },
          customfield_10071: { value: 'Sev 2' },
          components: [{ id: '7', name: 'ledger-batch' }],
          labels: ['sev2', 'ledger'],
          customfield_10072: [{ id: '0c1d2e3f-0000-4000-8000-000000000001' }],
          description: doc(
            para(text('The batch was re-run with a new '), text('run_id', ['code']), text(', so 80 entries were posted twice.')),
            para(text('Review held on '), { type: 'date', attrs: { timestamp: '1775174400000' } }, text('.')),
            { type: 'heading', attrs: { level: 3 }, content: [text('Timeline')] },
            {
              type: 'table',
              content: [
                { type: 'tableRow', content: [{ type: 'tableHeader', content: [para(text('Time'))] }, { type: 'tableHeader', content: [para(text('What'))] }] },
                { type: 'tableRow', content: [{ type: 'tableCell', content: [para(text('02:40'))] }, { type: 'tableCell', content: [para(text('batch stops'))] }] },
              ],
            },
          ),
          customfield_10073: doc(para(text('A re-run made its own '), text('Idempotency-Key', ['code']), text(' instead of reusing the stored one.'))),
          comment: {
            comments: [
              { id: '1', created: '2026-03-30T10:00:00.000+0200', body: doc(para(text('Paused the batch. '), { type: 'status', attrs: { text: 'MITIGATED' } })) },
              { id: '2', created: '2026-03-31T08:00:00.000+0200', body: doc(para(text('Reversals done.'))) },
            ],
          },
        },
      },
      {
        id: '20002',
        key: 'OPS-13',
        fields: { issuetype: { id: '9', name: 'Post-incident review' }, summary: 'PIR for OPS-12', created: '2026-04-02T10:00:00.000+0200', description: doc(para(text('See OPS-12.'))) },
      },
      {
        id: '20003',
        key: 'OPS-14',
        fields: {
          issuetype: { id: '1', name: 'Incident' },
          summary: 'Fare cache slow',
          created: '2026-04-10T10:00:00.000+0200',
          customfield_10071: { value: 'Sev 3' },
          components: [{ name: 'fare-cache' }],
          description: doc(para(text('Slow warm-up.'))),
          comment: { comments: [] },
        },
      },
    ],
    names: { customfield_10070: 'Incident start', customfield_10071: 'Severity', customfield_10072: 'Affected services', customfield_10073: 'Root cause', summary: 'Summary' },
  },
  null,
  2,
);

describe('a Jira REST search response (Jira Service Management)', () => {
  const incidents = parseIncidentsDocument(JIRA, 'incidents/search.json');

  it('reads each issue of an incident type by its key, leaving out a "Post-incident review" issue', () => {
    expect(incidents.map((i) => i.incidentId)).toEqual(['OPS-12', 'OPS-14']);
  });

  it('names custom fields by the names map: the incident start as its date, the severity, the root cause', () => {
    const [first] = incidents;
    expect(first?.date).toBe('2026-03-29T02:40:00.000+0200');
    expect(first?.severityLevel).toBe('P2');
    expect(first?.rootCause).toBe('A re-run made its own `Idempotency-Key` instead of reusing the stored one.');
    expect(first?.systems).toEqual(['ledger-batch']);
  });

  it('reads ADF rich text as its sentences, a code mark inside one and a date node as its day', () => {
    const [first] = incidents;
    expect(first?.description).toContain('The batch was re-run with a new run_id, so 80 entries were posted twice.');
    expect(first?.description).toContain('Review held on 2026-04-03.');
    expect(first?.description).toContain('02:40 - batch stops');
  });

  it('reads the comments as the timeline, time first, a status lozenge as its text', () => {
    expect(incidents[0]?.timeline).toEqual(['2026-03-30T10:00:00.000+0200 - Paused the batch. MITIGATED', '2026-03-31T08:00:00.000+0200 - Reversals done.']);
  });

  it('names the line of a record that lacks a date', () => {
    const broken = JIRA.replace('"created": "2026-04-10T10:00:00.000+0200",', '');
    expect(() => parseIncidentsDocument(broken, 'incidents/search.json')).toThrow(/incidents\/search\.json line \d+, incident OPS-14: date is required/);
  });
});

describe('a Markdown table row in a description', () => {
  it('keeps its cells apart', () => {
    expect(markdownParts('| Time | What |\n| --- | --- |\n| 02:40 | batch stops |')).toEqual(['Time - What', '02:40 - batch stops']);
  });
});

const run = (t: string, attrs = ''): string => `<w:r${attrs}><w:t>${t}</w:t></w:r>`;
const wp = (inner: string, props = ''): string => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${inner}</w:p>`;
const cell = (t: string): string => `<w:tc><w:tcPr><w:shd w:val="clear" w:fill="C6EFCE"/></w:tcPr>${wp(run(t))}</w:tc>`;
const listItem = (hint: string, inner: string): string =>
  wp(inner, `<w:pStyle w:val="ListParagraph"/><w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="2"/><wx:t wx:val="${hint}"/></w:listPr>`);
const WORD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" xmlns:aml="http://schemas.microsoft.com/aml/2001/core" xmlns:wsp="http://schemas.microsoft.com/office/word/2003/wordml/sp2"><w:styles/><w:body><wx:sect>${wp(run('Review: OPS-12 – entries posted twice'), '<w:pStyle w:val="Title"/>')}<w:tbl><w:tr>${cell('Incident')}${cell('OPS-12')}</w:tr></w:tbl><wx:sub-section>${wp(run('1. Summary'), '<w:pStyle w:val="Heading1"/>')}${wp(`${run('The batch ran twice for ')}<aml:annotation aml:id="0" w:type="Word.Comment"><aml:content>${wp(run('Check this number'))}</aml:content></aml:annotation>${run('80 entries.')}`)}${wp(run('2. Lessons'), '<w:pStyle w:val="Heading1"/>')}${listItem('1.', `${run('A re-run sends the same ')}${run('Idempotency-', ' wsp:rsidR="00AB"')}<w:proofErr w:type="spellStart"/>${run('Key')}<w:proofErr w:type="spellEnd"/>${run(' as the first run.')}`)}${listItem('·', run('A bullet.'))}${wp(run('3. Action items'), '<w:pStyle w:val="Heading1"/>')}<w:tbl><w:tr>${cell('Action')}${cell('Status')}</w:tr><w:tr>${cell('Reuse the stored key')}${cell('Done 3 Apr')}</w:tr><w:tr>${cell('Alert on double posts')}${cell('Not started')}</w:tr></w:tbl></wx:sub-section></wx:sect></w:body></w:wordDocument>`;

describe('a Word 2003 XML document (w:wordDocument)', () => {
  it('reads the title, Heading1 sections, numbered list items and tables as Markdown', async () => {
    const markdown = (await postmortemMarkdown(WORD, '.xml')) ?? '';
    expect(markdown).toContain('# Review: OPS-12 – entries posted twice');
    expect(markdown).toContain('## 2. Lessons');
    expect(markdown).toContain('1. A re-run sends the same Idempotency-Key as the first run.');
    expect(markdown).toContain('- A bullet.');
  });

  it('leaves out a reviewer comment, and reads the facts table and the action table with its Status column', async () => {
    const pm = parsePostmortem((await postmortemMarkdown(WORD, '.xml')) ?? '', 'PIR.xml');
    expect(pm.incidentId).toBe('OPS-12');
    expect(pm.lessons).toEqual(['A re-run sends the same Idempotency-Key as the first run.', 'A bullet.']);
    expect(pm.actionItems).toEqual({ completed: ['Reuse the stored key'], incomplete: ['Alert on double posts'] });
    expect((await postmortemMarkdown(WORD, '.xml')) ?? '').not.toContain('Check this number');
  });

  it('names the file and line of XML that is not well-formed', async () => {
    const { dir, file } = writeTemp('PIR.xml', WORD.replace('<wx:sub-section>', '\n<wx:sub-section><w:p>'));
    await expect(readContextInputs(inputsOf([file]), dir)).rejects.toThrow(/PIR\.xml line \d+: cannot be parsed as Word 2003 XML/);
  });
});

const NOTEBOOK = JSON.stringify({
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# OPS-12 review: entries posted twice\n', '\n', '**Incident:** OPS-12'] },
    { cell_type: 'code', execution_count: 1, metadata: {}, source: ['df.groupby("idempotency_key").size()'], outputs: [{ output_type: 'execute_result', data: { 'text/plain': ['declined 42'] } }] },
    { cell_type: 'markdown', metadata: {}, source: ['## Lessons\n', '\n', '1. A re-run sends the stored\n', '   key, never a new one.\n'] },
    { cell_type: 'markdown', metadata: {}, source: '## Action items\n\n| # | Action | Status |\n|---|---|---|\n| 1 | Reuse the key | ✅ Done |\n| 2 | Alert | ⬜ Not started |\n' },
  ],
  metadata: { kernelspec: { name: 'python3' } },
  nbformat: 4,
  nbformat_minor: 5,
});

describe('a Jupyter notebook', () => {
  it('reads its Markdown cells, a lesson wrapped across two source lines whole, and leaves code and outputs out', async () => {
    const markdown = (await postmortemMarkdown(NOTEBOOK, '.ipynb')) ?? '';
    expect(markdown).not.toContain('declined');
    expect(markdown).not.toContain('groupby');
    const pm = parsePostmortem(markdown, 'review.ipynb');
    expect(pm.incidentId).toBe('OPS-12');
    // the wrap stays a line break inside the item, as in a Markdown postmortem
    expect(pm.lessons.map((l) => l.replace(/\s+/g, ' '))).toEqual(['A re-run sends the stored key, never a new one.']);
    expect(pm.actionItems).toEqual({ completed: ['Reuse the key'], incomplete: ['Alert'] });
  });

  it('names the file and line of a notebook that is not JSON', async () => {
    const { dir, file } = writeTemp('review.ipynb', '{\n  "cells": [\n    {,\n  ]\n}\n');
    await expect(readContextInputs(inputsOf([file]), dir)).rejects.toThrow(/review\.ipynb line 3: cannot be parsed as a Jupyter notebook/);
  });
});

const enml = (body: string): string =>
  `<![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">\n<en-note>${body}</en-note>]]>`;
const ENEX = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
<en-export export-date="20260410T090000Z" application="Evernote">
  <note>
    <title>OPS-12 PIR &#8211; entries posted twice</title>
    <content>
      ${enml('<div>Re-run on 29 Mar &#8211; 80 entries twice (&#8364;1,200).</div><h2>Lessons</h2><ol><li><div>A re-run sends the original<br />posting key, never its own.</div></li></ol><h2>Actions</h2><div><en-todo checked="true"/>Reuse the key &#8211; done 3 Apr</div><div><en-todo checked="false"/>Alert on double posts</div>')}
    </content>
  </note>
  <note>
    <title>OPS-12 raw notes</title>
    <content>
      ${enml('<div>02:40 batch stops</div><div>DON&#8217;T re-run again</div>')}
    </content>
  </note>
</en-export>`;

describe('an Evernote export (ENEX)', () => {
  it('reads each note as a document: its title, ENML lines, a list item broken by <br /> whole, checkboxes as task items', async () => {
    const documents = (await postmortemDocuments(ENEX, '.enex')) ?? [];
    expect(documents).toHaveLength(2);
    const pm = parsePostmortem(documents[0] ?? '', 'notes.enex');
    expect(pm.incidentId).toBe('OPS-12');
    expect(pm.lessons.map((l) => l.replace(/\s+/g, ' '))).toEqual(['A re-run sends the original posting key, never its own.']);
    expect(pm.actionItems).toEqual({ completed: ['Reuse the key – done 3 Apr'], incomplete: ['Alert on double posts'] });
    expect(parsePostmortem(documents[1] ?? '', 'notes.enex').lessons).toEqual([]);
  });

  it('names the file and line of a note whose ENML is not well-formed', async () => {
    const { dir, file } = writeTemp('notes.enex', ENEX.replace('<div>02:40 batch stops</div>', '<div>02:40 batch stops'));
    await expect(readContextInputs(inputsOf([file]), dir)).rejects.toThrow(/notes\.enex line \d+: cannot be parsed as an Evernote note's ENML/);
  });
});

const message = (from: string, type: string, content: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  session_id: 's',
  type,
  from,
  origin: 'chat',
  content,
  timestamp: 1775000000000,
  ...extra,
});
const CRISP = JSON.stringify({
  exported_at: '2026-04-30T05:00:00.000Z',
  website_name: 'Support',
  filter: { state: 'resolved', sample: 0.1 },
  count: 3,
  conversations: [
    {
      session_id: 'session_aaa',
      state: 'resolved',
      meta: { nickname: 'A', subject: '', data: { locale: 'en' }, segments: ['payments'] },
      created_at: 1775000000000,
      messages: [
        message('operator', 'text', "Hi! I'm the bot. Ask me anything about payments.", { automated: true }),
        message('operator', 'picker', { text: 'What is it about?', choices: [{ label: 'A payment', selected: true }] }, { automated: true }),
        message('user', 'text', 'i was charged twice'),
        message('user', 'text', 'for the same session'),
        message('operator', 'text', 'Sorry to hear that, we will refund it.'),
        message('operator', 'event', { namespace: 'state:resolved', text: 'Conversation resolved' }),
      ],
    },
    {
      session_id: 'session_bbb',
      state: 'resolved',
      meta: { nickname: 'B', subject: 'No receipt', segments: [] },
      created_at: 1775100000000,
      messages: [message('user', 'text', 'Hello,\n\nI got no receipt for Monday.\n\nThanks, B', { origin: 'email' })],
    },
    {
      session_id: 'session_ccc',
      state: 'resolved',
      meta: { nickname: 'C', subject: '', phone: '+31 6 0000 0000' },
      created_at: 1775200000000,
      messages: [
        message('operator', 'text', '📞 Inbound call from +31 6 0000 0000 · 3 min · answered by D', { origin: 'urn:aircall:0', automated: true }),
        message('operator', 'note', 'Caller chgd 2x, refund raised.'),
        message('operator', 'event', { namespace: 'state:resolved', text: 'Conversation resolved' }),
      ],
    },
  ],
});

describe('a Crisp conversations export', () => {
  const tickets = parseTicketsDocument(CRISP, 'tickets/crisp.json');

  it('reads session_id, the email subject in meta, and created_at in epoch milliseconds', () => {
    expect(tickets.map((t) => t.id)).toEqual(['session_aaa', 'session_bbb', 'session_ccc']);
    expect(tickets[1]?.title).toBe('No receipt');
    expect(tickets[0]?.createdAt).toBe('2026-03-31T23:33:20.000Z');
  });

  it("takes the visitor's lines as the text, not the bot's greeting, the picker or the operator's reply", () => {
    expect(tickets[0]?.body).toBe('i was charged twice\n\nfor the same session');
  });

  it("takes a phone call's note as its text, not the integration's automated call line", () => {
    expect(tickets[2]?.body).toBe('Caller chgd 2x, refund raised.');
  });
});

function writeTemp(name: string, content: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-r18-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return { dir, file };
}

function inputsOf(postmortems: string[]): Parameters<typeof readContextInputs>[0] {
  return { configFile: undefined, files: { incidents: [], postmortems, tickets: [] }, ruleFiles: [], config: {} } as Parameters<typeof readContextInputs>[0];
}
