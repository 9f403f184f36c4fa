/**
 * Failure histories as the gym-dues-billing history (the thirteenth, written by someone who never
 * saw this code) keeps them: an incident register saved from Excel as tab-delimited text (a band of
 * merged group headings above the header, a planned exercise among the incidents, a totals row
 * under them), postmortems in Docusaurus MDX and in Lotus Notes DXL, and a Gladly conversations
 * export in JSON Lines. Its first run stopped at the first of them (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { ContextInputError, parseIncidentsCsv, parsePostmortem, postmortemMarkdown } from '../../src/context/index.js';
import { parseTicketsJsonLines } from '../../src/context/tickets/parse-tickets.js';

const row = (...cells: string[]): string => cells.join('\t');

describe('an incident register saved as tab-delimited text (.tsv)', () => {
  const register = [
    row('INCIDENT', '', '', 'WHEN', '', 'WHAT'),
    row('Ref', 'Sev', 'Status', 'Opened (ET)', 'Title', 'Root cause'),
    row('NSI-1', 'Sev 1', 'Closed', '6-Mar-26 4:31 AM', 'Members charged twice', '"Timeouts recorded as declined, ""processor_unavailable"""'),
    row('NSI-2', '-', 'Exercise', '2-Jun-26 10:00 AM', 'Game day: failover drill', 'Not an incident - leave out of counts'),
    row('NSI-3', 'Sev 2', 'Closed', '17-Apr-26 1:24 PM', 'Notice storm', 'Notice inside the retry loop'),
    row('', '', '', '', '', ''),
    row('', '', '', '', 'Incidents FY2026 (excl. exercises)', '2'),
  ].join('\r\n');

  it('reads past the band of group headings, leaves out the exercise and the totals row', () => {
    const incidents = parseIncidentsCsv(register, 'incidents/register.tsv', { delimiter: '\t' });
    expect(incidents.map((i) => i.incidentId)).toEqual(['NSI-1', 'NSI-3']);
    expect(incidents[0]?.date.slice(0, 10)).toBe('2026-03-06');
    expect(incidents[0]?.rootCause).toBe('Timeouts recorded as declined, "processor_unavailable"');
  });

  it('names the file and the line of a broken row', () => {
    const broken = [row('Ref', 'Sev', 'Opened', 'Title'), row('NSI-1', 'Sev 1', '6-Mar-26 4:31 AM', 'ok'), row('NSI-2', 'Sev 1', '7-Mar-26 4:31 AM')].join('\n');
    expect(() => parseIncidentsCsv(broken, 'incidents/register.tsv', { delimiter: '\t' })).toThrow(/incidents\/register\.tsv line 3/);
  });
});

describe('a postmortem in Docusaurus MDX', () => {
  const mdx = [
    '---',
    'title: "NSI-164: double charges after a rolling deploy"',
    'incident: NSI-164',
    '---',
    '',
    "import { IncidentFacts, ActionItems } from '@site/src/components/postmortem';",
    '',
    '<IncidentFacts',
    '  id="NSI-164"',
    '  severity="Sev 1"',
    '/>',
    '',
    ':::danger[Customer impact]',
    '1,588 members were charged twice.',
    ':::',
    '',
    '## Lessons learned',
    '',
    '1. One `payment_ref` per dues invoice: `dues-\\{invoice_id\\}`.',
    '',
    '{/* TODO: link the sheet */}',
    '',
    '## Action items',
    '',
    '<ActionItems',
    '  items={[',
    "    { id: 'AI-1', title: 'Key from the invoice only', status: 'done' },",
    "    { id: 'AI-2', title: 'Reimburse members\\' NSF fees', status: 'in-progress' },",
    '  ]}',
    '/>',
    '',
    '<Tabs>',
    '<TabItem value="et" label="Eastern">',
    'Timeline text stays.',
    '</TabItem>',
    '</Tabs>',
  ].join('\n');

  it('reads its facts, admonitions, lessons and action items as Markdown', async () => {
    const markdown = (await postmortemMarkdown(mdx, '.mdx')) ?? '';
    expect(markdown).toContain('ID: NSI-164');
    expect(markdown).toContain('**Customer impact**');
    expect(markdown).toContain('dues-{invoice_id}');
    expect(markdown).toContain('- [x] Key from the invoice only');
    expect(markdown).toContain("- [ ] Reimburse members' NSF fees");
    expect(markdown).toContain('Timeline text stays.');
    expect(markdown).not.toMatch(/import|TODO|<Tab/);
    const pm = parsePostmortem(markdown, 'postmortems/nsi-164.mdx');
    expect(pm.incidentId).toBe('NSI-164');
    expect(pm.actionItems.completed).toEqual(['Key from the invoice only']);
  });
});

describe('a postmortem in Lotus Notes DXL', () => {
  const dxl = `<?xml version='1.0' encoding='utf-8'?>
<document xmlns='http://www.lotus.com/dxl' version='12.0' form='PIR'>
<item name='Subject'><text>NSI-143 – members charged twice</text></item>
<item name='IncidentRef'><text>NSI-143</text></item>
<item name='Authors' authors='true'><textlist><text>CN=Dana Whitfield/O=Cordova</text><text>[PIR_Editors]</text></textlist></item>
<item name='Body'><richtext>
<pardef id='1' keepwithnext='true'/>
<pardef id='4' list='number'/>
<par def='1'><run><font size='13pt' style='bold'/>5. Lessons learned</run></par>
<par def='4'><run><font size='10pt'/>Any retry must reuse the original </run><run><font name='Courier New'/>payment_ref</run><run><font size='10pt'/>.</run></par>
<table><tablerow><tablecell><par def='1'><run>Action</run></par></tablecell><tablecell><par def='1'><run>Status</run></par></tablecell></tablerow>
<tablerow><tablecell><par def='1'><run>Timeout → OUTCOME_UNKNOWN</run></par></tablecell><tablecell><par def='1'><run>Done</run></par></tablecell></tablerow></table>
</richtext></item>
<item name='CABRemarks'><richtext><par><run>Approved.</run></par></richtext></item>
</document>`;

  it('reads its title, reference, paragraphs, numbered lessons and tables', async () => {
    const markdown = (await postmortemMarkdown(dxl, '.dxl')) ?? '';
    expect(markdown).toContain('# NSI-143 – members charged twice');
    expect(markdown).toContain('Incident ref: NSI-143');
    expect(markdown).not.toContain('CN=');
    expect(markdown).toContain('## Lessons learned');
    expect(markdown).toContain('1. Any retry must reuse the original payment_ref.');
    expect(markdown).toContain('| Timeout → OUTCOME_UNKNOWN | Done |');
    expect(markdown).not.toContain('Approved.');
    expect(parsePostmortem(markdown, 'postmortems/NSI-143.dxl').incidentId).toBe('NSI-143');
  });

  it('names the file line of XML that is not well-formed', async () => {
    const broken = dxl.replace("<item name='IncidentRef'><text>NSI-143</text></item>", "<item name='IncidentRef'><text>NSI-143</item>");
    await expect(postmortemMarkdown(broken, '.dxl')).rejects.toMatchObject({ line: 4 });
  });
});

describe('a Gladly conversations export in JSON Lines', () => {
  const record = (id: string, items: unknown[]): string => JSON.stringify({ conversation: { id, createdAt: '2026-03-06T14:02:00Z', status: 'CLOSED' }, customer: { id: 'c1', name: 'Omar Lee' }, items });
  const lines = [
    record('conv-1', [
      { initiator: { type: 'AUTOMATION' }, content: { type: 'CHAT_MESSAGE', content: 'Hi! How can we help?' } },
      { initiator: { type: 'CUSTOMER' }, content: { type: 'EMAIL', subject: 'Charged twice', content: 'My dues came out twice this Friday.' } },
      { initiator: { type: 'AGENT' }, content: { type: 'EMAIL', subject: 'Re: Charged twice', content: 'Sorry, refunding now.' } },
    ]),
    record('conv-2', [
      { initiator: { type: 'CUSTOMER' }, content: { type: 'PHONE_CALL', from: '+1418' } },
      { initiator: { type: 'AGENT' }, content: { type: 'CONVERSATION_NOTE', body: 'Caller on access hold although paid.' } },
    ]),
  ];

  it("reads each conversation as a ticket: its id and date, the customer's subject and words, a call's note", () => {
    const tickets = parseTicketsJsonLines(`${lines.join('\n')}\n`, 'tickets/gladly.jsonl');
    expect(tickets.map((t) => [t.id, t.createdAt.slice(0, 10), t.title])).toEqual([
      ['conv-1', '2026-03-06', 'Charged twice'],
      ['conv-2', '2026-03-06', 'Caller on access hold although paid.'],
    ]);
    expect(tickets[0]?.body).toBe('My dues came out twice this Friday.');
  });

  it('names the file and the line that is no JSON', () => {
    expect(() => parseTicketsJsonLines(`${lines[0]}\n{"conversation": \n`, 'tickets/gladly.jsonl')).toThrow(ContextInputError);
    expect(() => parseTicketsJsonLines(`${lines[0]}\n{"conversation": \n`, 'tickets/gladly.jsonl')).toThrow(/tickets\/gladly\.jsonl line 2/);
  });
});

describe('a CAPA heading as the action items of a postmortem', () => {
  it('reads "Corrective and preventive actions" as the action items', () => {
    const markdown = [
      '# NSI-143 review',
      '',
      'Incident: NSI-143',
      '',
      '## 6. Corrective and preventive actions',
      '',
      '| # | Action | Owner | Status |',
      '|---|---|---|---|',
      '| 1 | Timeout → OUTCOME_UNKNOWN | Tomás | Done |',
      '| 2 | Contract tests for every SDK error | Tomás | In progress |',
    ].join('\n');
    const pm = parsePostmortem(markdown, 'postmortems/NSI-143.md');
    expect(pm.actionItems.completed).toEqual(['Timeout → OUTCOME_UNKNOWN']);
    expect(pm.actionItems.incomplete).toEqual(['Contract tests for every SDK error']);
  });
});
