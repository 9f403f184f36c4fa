/**
 * Failure histories as Google Sheets, SharePoint Online, Word ("Word XML Document"), the Notion API
 * and Kayako Classic save them. Each shape comes from the school-fee-instalments history (written by
 * someone who never saw this code), whose first run stopped at the first of them; every input here
 * is small and written for the test.
 */
import { describe, expect, it } from 'vitest';
import { ContextInputError, parseIncidentsCsv, parsePostmortem, parseTicketsXml, postmortemMarkdown } from '../../src/context/index.js';

describe('an incident log kept in a spreadsheet and downloaded as CSV (Google Sheets)', () => {
  const pad = (cells: string[]): string => [...cells, ...Array.from({ length: 8 - cells.length }, () => '')].map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  const sheet = [
    pad(['Acme Engineering — Incident Log']),
    pad(['One row per incident; timeline and follow-ups one line per row underneath. Dates are d/MM/yyyy.']),
    pad([]),
    pad(['Ref', 'Opened (Local)', 'Sev', 'Title', 'Service(s)', 'What happened', 'Timeline (local time)', 'Follow-ups']),
    pad(['2026 Q1']),
    pad(['OPS-12', '2/02/2026 6:31:00', 'S1', 'Card run charged twice', 'collector', 'The client retried on timeout.\nWithout a key.', '06:00 run starts', 'Idempotency key on every charge ✔']),
    pad(['', '', '', '', '', '', '06:09 provider slow', 'Client retries off for POST ✔']),
    pad(['', '', '', '', '', '', '06:52 first emails: charged twice', '']),
    pad(['2026 Q2']),
    pad(['OPS-15', '18/04/2026 19:42:00', 'S3', 'Bank setup stuck', 'onboarding, plan-builder (fees, schedules)', 'Verification timed out.', '19:30 p95 30 s', '']),
    pad(['(add new incidents above this line)']),
  ].join('\r\n');

  it('finds the header below the title and note, leaves out band rows and joins the rows its merged cells span', () => {
    const incidents = parseIncidentsCsv(sheet, 'incidents/log.csv');
    expect(incidents.map((i) => i.incidentId)).toEqual(['OPS-12', 'OPS-15']);
    const [first, second] = incidents;
    // day first: 18/04 settles the column
    expect(first?.date.slice(0, 10)).toBe('2026-02-02');
    expect(second?.date.slice(0, 10)).toBe('2026-04-18');
    expect(first?.description.join(' ')).toContain('The client retried on timeout.');
    expect(first?.timeline).toHaveLength(3);
    expect(JSON.stringify(first?.resolution)).toContain('Client retries off for POST');
    // several services in one cell, a comma inside a bracketed note kept
    expect(second?.systems).toEqual(['onboarding', 'plan-builder (fees, schedules)']);
  });

  it('names the sheet row of a bad record', () => {
    const bad = sheet.replace('18/04/2026 19:42:00', 'soon');
    expect(() => parseIncidentsCsv(bad, 'incidents/log.csv')).toThrow(/incidents\/log\.csv row 10/);
  });

  it('still names the first row when no row is a header', () => {
    expect(() => parseIncidentsCsv('Title only,\nfoo,bar\n', 'incidents/log.csv')).toThrow(/row 1: no column for/);
  });
});

describe('a postmortem saved as "Word XML Document" (flat OPC)', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (text: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const num = (id: number): string => `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${id}"/></w:numPr>`;
  const doc = `<?xml version="1.0" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
<pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document ${W}><w:body>
${p('Review: notice storm (OPS-20)', '<w:pStyle w:val="Title"/>')}
${p('Summary', '<w:pStyle w:val="Heading1"/>')}
<w:p><w:del w:author="R"><w:r><w:delText>Some parents were charged twice.</w:delText></w:r></w:del><w:ins w:author="R"><w:r><w:t>No one was charged twice.</w:t></w:r></w:ins></w:p>
<w:p><w:r><w:t xml:space="preserve">The notice was sent on every </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>re</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>try</w:t></w:r><w:proofErr w:type="spellEnd"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
${p('Impact', '<w:pStyle w:val="Heading1"/>')}
${p('4,106 families got several notices.', `<w:pStyle w:val="ListParagraph"/>${num(1)}`)}
${p('Lessons', '<w:pStyle w:val="Heading1"/>')}
${p('Send the notice once per instalment.', `<w:pStyle w:val="ListParagraph"/>${num(2)}`)}
${p('Build the dedupe id from the instalment id.', `<w:pStyle w:val="ListParagraph"/>${num(2)}`)}
</w:body></w:document></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/comments.xml"><pkg:xmlData><w:comments ${W}><w:comment w:id="0"><w:p><w:r><w:t>Is this right?</w:t></w:r></w:p></w:comment></w:comments></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/numbering.xml"><pkg:xmlData><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering></pkg:xmlData></pkg:part>
</pkg:package>`;

  it('reads the document part: tracked deletions left out, a word split by spelling marks whole, lists numbered by numbering.xml', async () => {
    const markdown = (await postmortemMarkdown(doc, '.xml')) ?? '';
    expect(markdown).toContain('# Review: notice storm (OPS-20)');
    expect(markdown).not.toContain('Some parents were charged twice');
    expect(markdown).toContain('No one was charged twice.');
    expect(markdown).toContain('The notice was sent on every retry.');
    expect(markdown).not.toContain('Is this right?');
    expect(markdown).toContain('- 4,106 families got several notices.');
    expect(markdown).toContain('1. Send the notice once per instalment.');
    expect(markdown).toContain('2. Build the dedupe id from the instalment id.');
    const pm = parsePostmortem(markdown, 'postmortems/OPS-20 review.xml');
    expect(pm.incidentId).toBe('OPS-20');
    expect(pm.lessons).toHaveLength(2);
  });

  it('names the line of XML that is not well-formed', async () => {
    await expect(postmortemMarkdown(doc.replace('</w:body>', ''), '.xml')).rejects.toThrow(/line \d+/);
  });
});

describe('a postmortem saved from the Notion API (page properties and blocks)', () => {
  const run = (text: string, code = false): unknown => ({ type: 'text', text: { content: text }, annotations: { code }, plain_text: text });
  const block = (type: string, body: Record<string, unknown>, children?: unknown[]): unknown => ({ object: 'block', type, [type]: body, ...(children ? { has_children: true, children } : {}) });
  const page = {
    exporter: 'notion-backup',
    page: {
      object: 'page',
      properties: {
        Incident: { type: 'rich_text', rich_text: [run('OPS-34')] },
        Severity: { type: 'select', select: { name: 'S1' } },
        Name: { type: 'title', title: [run('OPS-34 — re-run charged twice')] },
      },
    },
    blocks: [
      block('heading_2', { rich_text: [run('Summary')] }),
      block('paragraph', { rich_text: [run('The script does not read '), run('collection_attempts', true), run('; it charged again with a new key.')] }),
      block('code', { rich_text: [run('charge(key=run_id)')], language: 'python' }),
      block('heading_2', { rich_text: [run('Lessons')] }),
      block('numbered_list_item', { rich_text: [run('A re-run resumes from the attempts table.')] }),
      block('numbered_list_item', { rich_text: [run('One reference per instalment.')] }),
      block('heading_2', { rich_text: [run('Timeline')] }),
      block('table', { table_width: 2, has_column_header: true }, [
        block('table_row', { cells: [[run('Time')], [run('What happened')]] }),
        block('table_row', { cells: [[run('06:22')], [run('OOM kill')]] }),
      ]),
      block('heading_2', { rich_text: [run('Action items')] }),
      block('to_do', { rich_text: [run('Delete the script')], checked: true }),
      block('to_do', { rich_text: [run('Two-person rule')], checked: false }),
    ],
  };

  it('reads the title and properties as fields, rich text runs whole, lists numbered, to-dos as checkboxes', async () => {
    const markdown = (await postmortemMarkdown(JSON.stringify(page), '.json')) ?? '';
    expect(markdown).toContain('# OPS-34 — re-run charged twice');
    expect(markdown).toContain('**Incident:** OPS-34');
    expect(markdown).toContain('The script does not read collection_attempts; it charged again with a new key.');
    expect(markdown).toContain('2. One reference per instalment.');
    expect(markdown).toContain('- [x] Delete the script');
    expect(markdown).toContain('| 06:22 | OOM kill |');
    const pm = parsePostmortem(markdown, 'postmortems/OPS-34.json');
    expect(pm.incidentId).toBe('OPS-34');
    expect(pm.actionItems).toEqual({ completed: ['Delete the script'], incomplete: ['Two-person rule'] });
    expect(pm.lessons).toHaveLength(2);
  });
});

describe('a postmortem page saved from the SharePoint REST API', () => {
  const canvas = [
    { controlType: 4, innerHTML: '<div class="canvasRteResponsiveTable"><table><tbody><tr><td>Incident</td><td>OPS-17</td></tr><tr><td>Severity</td><td>S1</td></tr></tbody></table></div>' },
    { controlType: 4, innerHTML: '<h2 data-text-type="withAnchor">Summary</h2><p>Timeouts were recorded as <strong>DECLINED</strong> and the card&#39;s retry charged again under a new&nbsp;reference.</p>' },
    { controlType: 3, webPartData: { title: 'Code snippet', serverProcessedContent: { searchablePlainTexts: { code: '// treat like a soft decline' } } } },
    { controlType: 4, innerHTML: '<h2>Lessons</h2><ol><li>A retry of an unknown charge reuses the original reference.</li></ol>' },
    { controlType: 0, pageSettingsSlice: { isDefaultDescription: true } },
  ];
  const page = { '@odata.type': '#SP.Publishing.SitePage', Title: 'PIR – OPS-17 – charged twice', Description: 'PIR – OPS-17 …', CanvasContent1: JSON.stringify(canvas) };

  it('reads the text web parts of the canvas string in order, with the page title; code and people parts are not text', async () => {
    const markdown = (await postmortemMarkdown(JSON.stringify(page), '.json')) ?? '';
    expect(markdown).toContain('# PIR – OPS-17 – charged twice');
    expect(markdown).toMatch(/card's retry charged again under a new\sreference/);
    expect(markdown).not.toContain('soft decline');
    expect(markdown.indexOf('## Summary')).toBeLessThan(markdown.indexOf('## Lessons'));
    const pm = parsePostmortem(markdown, 'postmortems/SitePages_PIR-OPS-17.aspx.json');
    expect(pm.incidentId).toBe('OPS-17');
    expect(pm.lessons).toEqual(['A retry of an unknown charge reuses the original reference.']);
  });

  it('is no page when the canvas string is not JSON', async () => {
    expect(await postmortemMarkdown(JSON.stringify({ ...page, CanvasContent1: '[{' }), '.json') ?? '').not.toContain('charged again');
  });
});

describe('tickets exported from Kayako Classic (XML, posts inlined)', () => {
  const post = (creator: 1 | 2, contents: string, dateline = 1772324989): string =>
    `<post><dateline>${dateline}</dateline><creator>${creator}</creator><ishtml>0</ishtml><contents><![CDATA[${contents}]]></contents></post>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<tickets>
  <ticket id="40211" flagtype="0"><displayid>VEK-512-38517</displayid><departmentid>3</departmentid>
    <subject><![CDATA[Charged twice]]></subject><creationtime>1772324989</creationtime><tags><![CDATA[urgent]]></tags><notes />
    <posts>${post(2, 'My instalment came out twice this morning.')}${post(1, 'Hi, sorry about that. Kind regards, Bianca')}${post(2, 'ok thanks')}</posts>
  </ticket>
  <ticket id="40212" flagtype="0"><subject><![CDATA[Phone call - Mia]]></subject><creationtime>1772411389</creationtime>
    <notes><note><![CDATA[Passed to school]]></note></notes>
    <posts>${post(1, "Parent called - chgd 2x for Thursday instal. Adv'd refund 3-5 bd.")}</posts>
  </ticket>
</tickets>`;

  it("reads creationtime as Unix seconds and the customer's posts as the text, an agent's call note when no customer wrote", () => {
    const [email, call] = parseTicketsXml(xml, 'tickets/kayako.xml');
    expect(email?.id).toBe('40211');
    expect(email?.createdAt.slice(0, 10)).toBe('2026-03-01');
    expect(email?.body).toContain('came out twice');
    expect(email?.body).toContain('ok thanks');
    expect(email?.body).not.toContain('Bianca');
    expect(call?.body).toContain('chgd 2x');
    expect(call?.body).not.toContain('Passed to school');
  });

  it('names the file and ticket of a bad record', () => {
    expect(() => parseTicketsXml(xml.replace('<creationtime>1772411389</creationtime>', ''), 'tickets/kayako.xml')).toThrow(ContextInputError);
    expect(() => parseTicketsXml(xml.replace('<creationtime>1772411389</creationtime>', ''), 'tickets/kayako.xml')).toThrow(/tickets\/kayako\.xml.*ticket 40212/);
  });
});
