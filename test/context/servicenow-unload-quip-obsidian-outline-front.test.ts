/**
 * Failure histories as a ServiceNow XML unload, a Quip HTML export, an Obsidian note, an Outline
 * JSON export and a Front conversations CSV hold them. Each shape comes from the mvno-auto-topup
 * history (written by someone who never saw this code), whose first run stopped at the first of
 * them; each input here is a small one of its own.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIncidentsXml, parsePostmortem, parseTicketsCsv, postmortemDocuments, postmortemMarkdown, readContextInputs } from '../../src/context/index.js';
import { settleSlashDates } from '../../src/context/text/dates.js';

const UNLOAD = `<?xml version="1.0" encoding="UTF-8"?><unload unload_date="2026-03-02 08:00:00">
<incident action="INSERT_OR_UPDATE">
<assignment_group display_value="Fares &amp; Ledger">9a1e</assignment_group>
<business_service display_value="Night batch">77b2</business_service>
<close_notes>Batch rerun with the ledger lock fixed.</close_notes>
<cmdb_ci display_value="ledger-batch">c0ffee01</cmdb_ci>
<description>The ledger batch stopped at 02:10.
It was restarted by hand and posted 80 entries twice.</description>
<number>INC0070001</number>
<opened_at>2026-02-11 02:31:00</opened_at>
<priority>1</priority>
<short_description>Ledger batch posted entries twice</short_description>
<sys_id>aaaa0001</sys_id>
<u_customer_impact>80 accounts posted twice</u_customer_impact>
<work_notes/>
</incident>
<incident action="INSERT_OR_UPDATE">
<cmdb_ci display_value="fare-cache">c0ffee02</cmdb_ci>
<description>Cache warm-up slow.</description>
<number>INC0070002</number>
<opened_at>2026-02-20 10:00:00</opened_at>
<priority>5</priority>
<short_description>Fare cache slow after deploy</short_description>
<sys_id>aaaa0002</sys_id>
<work_notes/>
</incident>
<sys_journal_field action="INSERT_OR_UPDATE">
<element>work_notes</element><element_id>aaaa0001</element_id><name>incident</name>
<sys_created_on>2026-02-11 03:05:00</sys_created_on><value>Duplicates confirmed, batch paused.</value>
</sys_journal_field>
<sys_journal_field action="INSERT_OR_UPDATE">
<element>comments</element><element_id>aaaa0001</element_id><name>incident</name>
<sys_created_on>2026-02-11 02:31:00</sys_created_on><value>Alert: ledger_duplicate_rate &gt; 1%.</value>
</sys_journal_field>
<sys_journal_field action="INSERT_OR_UPDATE">
<element>work_notes</element><element_id>aaaa0002</element_id><name>incident</name>
<sys_created_on>2026-02-20 10:30:00</sys_created_on><value>Warm-up done.</value>
</sys_journal_field>
</unload>`;

describe('a ServiceNow XML unload of incidents with their journal records', () => {
  const [first, second] = parseIncidentsXml(UNLOAD, 'incidents/unload.xml');

  it('reads each <incident> as the table export of the same record would read', () => {
    expect(first?.incidentId).toBe('INC0070001');
    expect(first?.title).toBe('Ledger batch posted entries twice');
    expect(first?.date).toBe('2026-02-11 02:31:00');
    expect(first?.customerImpact).toBe('80 accounts posted twice');
    expect(first?.resolution?.permanent).toBe('Batch rerun with the ledger lock fixed.');
    expect(first?.description.join(' ')).toContain('posted 80 entries twice');
  });

  it('names a reference field by its display_value attribute, not the sys_id in its text', () => {
    expect(first?.systems).toEqual(['ledger-batch']);
    expect(second?.systems).toEqual(['fare-cache']);
  });

  it('reads a choice written as its number as ServiceNow labels it (1 - Critical, 5 - Planning)', () => {
    expect(first?.severity).toBe('1 - Critical');
    expect(first?.severityLevel).toBe('P1');
    expect(second?.severityLevel).toBe('P4');
  });

  it('joins the journal records to their incident by element_id = sys_id, in time order, as its timeline', () => {
    expect(first?.timeline).toEqual(['2026-02-11 02:31:00 - Alert: ledger_duplicate_rate > 1%.', '2026-02-11 03:05:00 - Duplicates confirmed, batch paused.']);
    expect(second?.timeline).toEqual(['2026-02-20 10:30:00 - Warm-up done.']);
  });

  it('says so when the XML is no unload', () => {
    expect(() => parseIncidentsXml('<?xml version="1.0"?><config><retries>3</retries></config>', 'incidents/x.xml')).toThrow(/no incident records found/);
  });
});

const QUIP = `<html><head><meta charset='utf-8'><title>PIR INC0070001 - ledger batch double posting</title></head><body>
<h1 id='Ab1'>PIR INC0070001 - ledger batch double posting</h1>
<p class='line'>Owner: Sam Reyes. Status: Final.</p>
<h2 id='Ab2'>What we learned</h2>
<p class='line'>1. A restarted batch reads the ledger before posting.</p>
<p class='line'>2. Every posting carries the posting<br/>reference of the first run, so the ledger refuses a second one.</p>
<h2 id='Ab3'>Actions</h2>
<table><thead><tr><th id='s:a1'>Action</th><th id='s:a2'>Status</th></tr></thead>
<tbody><tr><td id='s:b1'><span>Resume command for the batch</span></td><td id='s:b2'><span>Done 3 Mar</span></td></tr>
<tr><td id='s:c1'><span>Alert on double postings</span></td><td id='s:c2'><span>Not started</span></td></tr></tbody></table>
</body></html>`;

describe('a Quip HTML export', () => {
  it('takes the incident from a title that opens with a label and no colon ("PIR INC… - …")', async () => {
    const pm = parsePostmortem((await postmortemMarkdown(QUIP, '.html')) ?? '', 'PIR.html');
    expect(pm.incidentId).toBe('INC0070001');
  });

  it('reads numbered paragraphs as a numbered list, a <br/> inside an item kept in it', async () => {
    const pm = parsePostmortem((await postmortemMarkdown(QUIP, '.html')) ?? '', 'PIR.html');
    expect(pm.lessons).toHaveLength(2);
    expect(pm.lessons[0]).toBe('A restarted batch reads the ledger before posting.');
    expect(pm.lessons[1]?.replace(/\s+/g, ' ')).toBe('Every posting carries the posting reference of the first run, so the ledger refuses a second one.');
    expect(pm.actionItems).toEqual({ completed: ['Resume command for the batch'], incomplete: ['Alert on double postings'] });
  });

  it('leaves a paragraph that only opens with a number inside a table cell alone', async () => {
    const md = (await postmortemMarkdown('<h1>PIR INC0070009 - x</h1><table><tr><th>N</th><th>What</th></tr><tr><td><p>2. rows</p></td><td>y</td></tr></table>', '.html')) ?? '';
    expect(md).toMatch(/\|\s+2\\\. rows\s+\| y \|/); // still a cell, its number escaped as before
  });
});

const OBSIDIAN = `---
tags: [pir, ledger]
incident: INC0070001
---

# Ledger double posting

> [!summary]
> The [[ledger-batch]] posted 80 entries twice after a restart.

## How the batch works

It posts once per account per night.

> [!note] Not a fare problem
> Fares were right.

The batch runs at 02:00.

## Why

> [!bug]- Root cause
> The restart script gave every posting a new
> reference, so the [[Ledger|ledger]] took each one again.

## What we take from this

> [!tip] Lessons
> 1. A restarted batch posts each account at most once per
>    night, whatever restarts it.
> 2. The posting reference is made from the account and the night.

\`\`\`
> [!note] not a callout inside code
\`\`\`

## Actions

- [x] Fix the restart script ([[Sam Reyes]])
- [ ] Alert on double postings
`;

describe('an Obsidian note with callouts and wikilinks', () => {
  it('reads a callout as a section titled by its title, its lines without the > prefix', async () => {
    const pm = parsePostmortem((await postmortemMarkdown(OBSIDIAN, '.md')) ?? '', 'note.md');
    expect(pm.incidentId).toBe('INC0070001');
    expect(pm.title).toBe('Ledger double posting');
    expect(pm.narrative.map((n) => n.replace(/\s+/g, ' '))).toEqual(['The restart script gave every posting a new reference, so the ledger took each one again.']);
    expect(pm.lessons.map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'A restarted batch posts each account at most once per night, whatever restarts it.',
      'The posting reference is made from the account and the night.',
    ]);
    expect(pm.actionItems).toEqual({ completed: ['Fix the restart script (Sam Reyes)'], incomplete: ['Alert on double postings'] });
  });

  it('keeps the text after a callout in the section the callout was in, and code as it is', async () => {
    const md = (await postmortemMarkdown(OBSIDIAN, '.md')) ?? '';
    expect(md).toMatch(/## Not a fare problem\n\nFares were right.\n\n## How the batch works\n\n\nThe batch runs at 02:00./);
    expect(md).toContain('```\n> [!note] not a callout inside code\n```');
    expect(md).toContain('The ledger-batch posted 80 entries twice');
  });
});

const text = (t: string, marks?: string[]): object => ({ type: 'text', text: t, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const para = (...content: object[]): object => ({ type: 'paragraph', content });
const OUTLINE = JSON.stringify({
  collection: { id: 'c1', name: 'Ledger', documentStructure: [{ id: 'd1', title: 'Batch runbook' }, { id: 'd2', title: 'PM: INC0070001 ledger double posting' }] },
  documents: {
    d1: { id: 'd1', title: 'Batch runbook', data: { type: 'doc', content: [para(text('Restart with the resume command.'))] } },
    d2: {
      id: 'd2',
      title: 'PM: INC0070001 ledger double posting',
      data: {
        type: 'doc',
        content: [
          { type: 'container_notice', attrs: { style: 'info' }, content: [para(text('Incident '), text('INC0070001', ['strong']), text(', P1.'))] },
          { type: 'heading', attrs: { level: 2 }, content: [text('Root cause')] },
          para(text('The restart script ran '), text('restart.sh', ['code_inline']), text(' and posted every account again.')),
          { type: 'heading', attrs: { level: 2 }, content: [text('Lessons')] },
          {
            type: 'ordered_list',
            attrs: { order: 1 },
            content: [{ type: 'list_item', content: [para(text('A restart reuses each posting\'s '), text('first posting', ['strong']), text(' reference.'))] }],
          },
          { type: 'heading', attrs: { level: 2 }, content: [text('Timeline')] },
          {
            type: 'table',
            content: [
              { type: 'tr', content: [{ type: 'th', content: [para(text('Time'))] }, { type: 'th', content: [para(text('What'))] }] },
              { type: 'tr', content: [{ type: 'td', content: [para(text('02:10'))] }, { type: 'td', content: [para(text('Batch stopped'))] }] },
            ],
          },
          { type: 'heading', attrs: { level: 2 }, content: [text('Action items')] },
          {
            type: 'checkbox_list',
            content: [
              { type: 'checkbox_item', attrs: { checked: true }, content: [para(text('Delete restart.sh'))] },
              { type: 'checkbox_item', attrs: { checked: false }, content: [para(text('Alert on double postings'))] },
            ],
          },
        ],
      },
    },
  },
});

describe('an Outline JSON export (ProseMirror documents)', () => {
  it('reads each document as Markdown: headings, lists, a table, marks around a phrase', async () => {
    const documents = (await postmortemDocuments(OUTLINE, '.json')) ?? [];
    expect(documents).toHaveLength(2);
    const md = documents[1] ?? '';
    expect(md).toContain('# PM: INC0070001 ledger double posting');
    expect(md).toContain("1. A restart reuses each posting's **first posting** reference.");
    expect(md).toContain('| Time | What |\n| --- | --- |\n| 02:10 | Batch stopped |');
    expect(md).toContain('- [x] Delete restart.sh');
  });

  it('takes the incident from the document title, the phrase a mark splits reading whole', async () => {
    const pm = parsePostmortem((await postmortemDocuments(OUTLINE, '.json'))?.[1] ?? '', 'Ledger.json');
    expect(pm.incidentId).toBe('INC0070001');
    expect(pm.lessons).toEqual(["A restart reuses each posting's first posting reference."]);
    expect(pm.narrative).toEqual(['The restart script ran restart.sh and posted every account again.']);
    expect(pm.actionItems).toEqual({ completed: ['Delete restart.sh'], incomplete: ['Alert on double postings'] });
  });

  it('keeps the collection\'s postmortems and leaves out its pages that name no incident', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-outline-'));
    const file = path.join(dir, 'Ledger.json');
    writeFileSync(file, OUTLINE);
    const inputs = await readContextInputs({ configFile: undefined, files: { incidents: [], postmortems: [file], tickets: [] }, ruleFiles: [], config: {} }, dir);
    expect(inputs.postmortems.map((p) => p.incidentId)).toEqual(['INC0070001']);
  });
});

const FRONT =
  '\uFEFFConversation ID,Subject,Status,Inbox,Tags,Contact handle,Channel,Created at,Last message at,Message count,First message\r\n' +
  'cnv_1a,Help,Open,support@x.co.uk,billing,a@b.co.uk,Email,04/05/2026 09:15,05/05/2026 10:00,3,"Hi\nYou took my top-up twice.\n\nThanks\nAna"\r\n' +
  'cnv_1b,,Archived,Texts,,+447700900001,SMS,14/05/2026 22:40,14/05/2026 23:00,2,no credit after paying\r\n' +
  'cnv_1c,Call with Ben,Archived,Calls,,+447700900002,Call note,01/06/2026 08:05,01/06/2026 08:05,1,Cx says paid twice. Refund raised.\r\n';

describe('a Front conversations CSV export', () => {
  const tickets = parseTicketsCsv(FRONT, 'tickets/front.csv');

  it('reads Conversation ID and the first message, through the BOM, CRLF rows and LF inside cells', () => {
    expect(tickets.map((t) => t.id)).toEqual(['cnv_1a', 'cnv_1b', 'cnv_1c']);
    expect(tickets[0]?.body).toBe('Hi\nYou took my top-up twice.\n\nThanks\nAna');
    expect(tickets[1]?.title).toBe('no credit after paying');
  });

  it('reads UK day-first dates, the column settling those both orders would read (04/05 is 4 May)', () => {
    expect(tickets.map((t) => t.createdAt)).toEqual(['2026-05-04T09:15:00Z', '2026-05-14T22:40:00Z', '2026-06-01T08:05:00Z']);
  });
});

describe('a column of slash dates read in the order it settles', () => {
  it('reads every date month first when one can only be month first', () => {
    expect(settleSlashDates(['04/05/2026', '12/25/2026 3:00 PM'])).toEqual(['2026-04-05', '2026-12-25T15:00:00Z']);
  });

  it('leaves a column that settles nothing, or says both, as it is', () => {
    expect(settleSlashDates(['04/05/2026', '2026-05-01'])).toEqual(['04/05/2026', '2026-05-01']);
    expect(settleSlashDates(['13/05/2026', '05/13/2026', '04/05/2026'])).toEqual(['13/05/2026', '05/13/2026', '04/05/2026']);
  });
});
