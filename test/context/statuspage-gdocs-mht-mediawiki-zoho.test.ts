/**
 * Failure histories as a Statuspage incidents export, a Google Docs API document, a Word "Single
 * File Web Page" (.mht), a MediaWiki XML export with several revisions and a Zoho Desk CSV write
 * them. Each shape comes from the points-redemption history (written by someone who never saw this
 * code), whose first run stopped at the first of them; every input here is small and of its own.
 */
import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parsePostmortem, parseTicketsCsv } from '../../src/context/index.js';
import { postmortemDocuments, postmortemMarkdown } from '../../src/context/postmortems/postmortem-markdown.js';

describe('a Statuspage incidents export (GET /v1/pages/{id}/incidents)', () => {
  const update = (status: string, body: string, at: string): object => ({
    id: `u${at.slice(11, 13)}`, status, body, created_at: at, display_at: at, affected_components: [{ code: 'c1', name: 'Parcel labels', old_status: 'operational', new_status: 'degraded_performance' }],
  });
  const incident = (id: string, name: string, impact: string, status = 'resolved'): object => ({
    id, name, status, impact,
    created_at: '2026-04-02T16:27:11.408Z', started_at: '2026-04-02T16:10:00.000Z', resolved_at: '2026-04-02T19:00:00.000Z',
    shortlink: 'https://stspg.io/abcde', components: [{ id: 'c1', name: 'Parcel labels', status: 'operational' }],
    metadata: {}, postmortem_body: null, postmortem_ignored: true,
    incident_updates: [
      update('resolved', 'All labels printed once again.', '2026-04-02T19:00:00.000Z'),
      update('identified', 'The printer retry sent every label again on timeouts.', '2026-04-02T17:30:00.000Z'),
      update('investigating', 'Some parcels have two labels.', '2026-04-02T16:27:00.000Z'),
    ],
  });
  const doc = JSON.stringify([
    incident('k2h7x9q4m1ab', 'Parcels labelled twice', 'none'),
    { ...incident('zz9maint0001', 'Printer firmware upgrade', 'maintenance', 'completed'), scheduled_for: '2026-05-01T01:00:00.000Z' },
  ]);
  const incidents = parseIncidentsDocument(doc, 'incidents/statuspage.json');

  it('reads the 12-character id, the name and `impact` as the severity (none is P4)', () => {
    expect(incidents.map((i) => i.incidentId)).toEqual(['k2h7x9q4m1ab']);
    expect(incidents[0]?.title).toBe('Parcels labelled twice');
    expect(incidents[0]?.severityLevel).toBe('P4');
    expect(incidents[0]?.date).toMatch(/^2026-04-02/);
  });

  it('leaves a scheduled maintenance (`impact: maintenance`) out of the incidents', () => {
    expect(incidents.some((i) => i.title.includes('firmware'))).toBe(false);
  });

  it('reads the updates (newest first in the export) as the timeline, oldest first', () => {
    expect(incidents[0]?.timeline.map((t) => t.replace(/^\S+ - /, ''))).toEqual([
      'Some parcels have two labels.',
      'The printer retry sent every label again on timeouts.',
      'All labels printed once again.',
    ]);
  });

  it('reads `postmortem_body` as the description; its "## Impact" section is not the severity', () => {
    const withPostmortem = JSON.stringify([{ ...(JSON.parse(doc) as object[])[0], impact: 'major', postmortem_body: '## Summary\n\nThe printer retry sent a new job.\n\n## Impact\n\n- 300 parcels\n- 12 tickets\n', postmortem_ignored: false }]);
    const [read] = parseIncidentsDocument(withPostmortem, 'incidents/statuspage.json');
    expect(read?.severityLevel).toBe('P2');
    expect(read?.description).toContain('The printer retry sent a new job.');
  });
});

/** A Google Docs API paragraph: runs of `[text, style]`. */
const para = (style: string, ...runs: (string | [string, object])[]): object => ({
  startIndex: 1, endIndex: 2,
  paragraph: { elements: runs.map((r) => ({ startIndex: 1, endIndex: 2, textRun: typeof r === 'string' ? { content: r, textStyle: {} } : { content: r[0], textStyle: r[1] } })), paragraphStyle: { namedStyleType: style } },
});
const cell = (...content: object[]): object => ({ startIndex: 1, endIndex: 2, content });
const table = (...rows: object[][]): object => ({ startIndex: 1, endIndex: 2, table: { rows: rows.length, columns: rows[0]?.length ?? 0, tableRows: rows.map((cells) => ({ tableCells: cells })) } });

describe('a Google Docs API document (documents.get JSON)', () => {
  const gdoc = JSON.stringify({
    documentId: '1AbC', title: 'labels doc', revisionId: 'x',
    body: {
      content: [
        { endIndex: 1, sectionBreak: { sectionStyle: {} } },
        para('TITLE', 'Review: parcels labelled twice\n'),
        table(
          [cell(para('NORMAL_TEXT', ['Incident\n', { bold: true }])), cell(para('NORMAL_TEXT', ['Statuspage: Parcels labelled twice\n', { link: { url: 'https://acme.statuspage.io/incidents/k2h7x9q4m1ab' } }]))],
          [cell(para('NORMAL_TEXT', ['Author\n', { bold: true }])), cell({ startIndex: 1, endIndex: 2, paragraph: { elements: [{ startIndex: 1, endIndex: 2, person: { personProperties: { name: 'Renée Ory', email: 'r@x' } } }], paragraphStyle: { namedStyleType: 'NORMAL_TEXT' } } })],
        ),
        para('HEADING_1', 'Root cause\n'),
        para('NORMAL_TEXT', 'The printer retry sent a new job under a fresh ', ['print_', { fontFamily: 'Roboto Mono' }], ['id', { fontFamily: 'Roboto Mono' }], ' on every timeout.\u000bIt never looked the first job up.\n'),
        para('HEADING_1', 'Lessons\n'),
        para('NORMAL_TEXT', 'A retry reuses the ', ['original print', { bold: true }], ['_id', { bold: true }], '; a new one only after a definite failure.\n'),
        para('HEADING_1', 'Action items\n'),
        table(
          [cell(para('NORMAL_TEXT', 'Action\n')), cell(para('NORMAL_TEXT', 'Status\n'))],
          [cell(para('NORMAL_TEXT', 'Reuse the print id\n')), cell(para('NORMAL_TEXT', 'Done 3 Apr\n'))],
          [cell(para('NORMAL_TEXT', 'Look up a timed-out job\n')), cell(para('NORMAL_TEXT', 'In progress\n'))],
        ),
      ],
    },
  });

  it('reads the title, headings by namedStyleType, runs split mid-word joined, a person chip as a name, and takes the incident from the linked row', async () => {
    const md = (await postmortemMarkdown(gdoc, '.json')) ?? '';
    expect(md).toContain('# Review: parcels labelled twice');
    expect(md).toContain('## Root cause');
    expect(md).toContain('Renée Ory');
    const pm = parsePostmortem(md, 'pm.gdoc.json');
    expect(pm.incidentId).toBe('k2h7x9q4m1ab');
    expect(pm.title).toBe('Review: parcels labelled twice');
    expect(pm.narrative.join(' ')).toContain('under a fresh print_id on every timeout.');
    expect(pm.lessons).toEqual(['A retry reuses the original print_id; a new one only after a definite failure.']);
    expect(pm.actionItems).toEqual({ completed: ['Reuse the print id'], incomplete: ['Look up a timed-out job'] });
  });

  it('other JSON is not read as a Google Doc', async () => {
    expect(await postmortemMarkdown(JSON.stringify({ title: 'PM-1: x', body: 'text' }), '.json')).not.toContain('sectionBreak');
  });
});

describe('a Word "Single File Web Page" (.mht)', () => {
  const mht = [
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="----=_NextPart_01"',
    '',
    'This document is a Single File Web Page, also known as a Web Archive file.',
    '',
    '------=_NextPart_01',
    'Content-Location: file:///C:/X/review.htm',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Type: text/html; charset="windows-1252"',
    '',
    '<html><head><meta http-equiv=3DContent-Type content=3D"text/html; charset=3Dwindows-125=',
    '2"><title>Review: label storm</title></head><body>',
    '<p class=3DMsoTitle>Review: label storm</p>',
    '<table><tr><td><p><b>Incident</b></p></td><td><p><a href=3D"https://acme.status=',
    'page.io/incidents/q8w7e6r5t4y3">Statuspage: the same =91label failed=92 email</a></p></td></tr>',
    '<tr><td><p><b>Date</b></p></td><td><p>7 May 2026, 06:15=9612:40</p></td></tr></table>',
    '<h1>Lessons</h1>',
    '<p class=3DMsoListParagraph>1. A customer gets at most one couldn=92t-print notice per parcel, ne=',
    'ver from inside a retry.</p>',
    '</body></html>',
    '',
    '------=_NextPart_01',
    'Content-Location: file:///C:/X/review_files/image001.png',
    'Content-Transfer-Encoding: base64',
    'Content-Type: image/png',
    '',
    'iVBORw0KGgo=',
    '',
    '------=_NextPart_01--',
    '',
  ].join('\r\n');

  it('decodes the HTML part (quoted-printable, soft breaks mid-word, windows-1252) and reads it as a page; the incident from the linked row', async () => {
    const md = (await postmortemMarkdown(mht, '.mht')) ?? '';
    expect(md).toContain('‘label failed’');
    expect(md).toContain('06:15–12:40');
    const pm = parsePostmortem(md, 'review.mht');
    expect(pm.incidentId).toBe('q8w7e6r5t4y3');
    expect(pm.lessons).toEqual(['A customer gets at most one couldn’t-print notice per parcel, never from inside a retry.']);
  });
});

describe('a MediaWiki XML export (Special:Export) with several revisions', () => {
  const revision = (id: number, at: string, text: string): string =>
    `<revision><id>${id}</id><timestamp>${at}</timestamp><contributor><username>A</username></contributor><model>wikitext</model><format>text/x-wiki</format><text bytes="1" xml:space="preserve">${text}</text></revision>`;
  const page = (lesson: string): string =>
    [
      '{{PIR',
      '|incident = [https://acme.statuspage.io/incidents/m3n4b5v6c7x8 Labels printed twice after restart]',
      '|date = 27 October 2026',
      '}}',
      '== Lessons ==',
      `# ${lesson}`,
    ].join('\n')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;');
  const xml = [
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">',
    '<siteinfo><sitename>Wiki</sitename></siteinfo>',
    '<page><title>Postmortems/2026-10-27 labels twice</title><ns>0</ns><id>7</id>',
    revision(2, '2026-11-05T12:26:51Z', page('A reprint resumes from <code>print_jobs</code><ref>written before the call since 5.6</ref> and reuses each parcel&nbsp;id.')),
    revision(1, '2026-10-29T17:48:09Z', page('Draft: be careful.')),
    '</page>',
    '</mediawiki>',
  ].join('\n');

  it('reads the latest revision as the document (by timestamp), its title, the footnote left out, &nbsp; as a space, the incident from the infobox link', async () => {
    const docs = (await postmortemDocuments(xml, '.xml')) ?? [];
    expect(docs).toHaveLength(1);
    const pm = parsePostmortem(docs[0] ?? '', 'wiki.xml');
    expect(pm.incidentId).toBe('m3n4b5v6c7x8');
    expect(pm.title).toBe('2026-10-27 labels twice');
    expect(pm.lessons).toEqual(['A reprint resumes from print_jobs and reuses each parcel id.']);
  });
});

describe('a Zoho Desk tickets CSV', () => {
  const csv = [
    '"Ticket Id","Request Id","Subject","Status","Priority","Channel","Department","Ticket Owner","Contact Name","Email","Created Time","Modified Time","Closed Time","Description"',
    '"486209000013254763","40525","Question","Closed","Medium","Email","Care","Paulina Nowak","Tom O\'Sullivan","t@x.me","07 Feb 2026 10:06 PM","10 Feb 2026 03:26 PM","10 Feb 2026 03:26 PM","<div dir=""ltr""><div>Hello,</div><div>my parcel got <b>two</b> labels &amp; two charges.</div></div>"',
    '"486209000013254764","40526","Labels","Closed","Low","WhatsApp","Care","Paulina Nowak","Ann","a@x.me","08 Feb 2026 09:15 AM","","","Two labels again"',
  ].join('\n');

  it('reads each ticket: its id, its date (day month year, 12-hour clock), its HTML description as text', () => {
    const tickets = parseTicketsCsv(csv, 'tickets/zoho.csv');
    expect(tickets).toHaveLength(2);
    expect(tickets.map((t) => t.id)).toEqual(['486209000013254763', '486209000013254764']);
    expect(tickets[0]?.createdAt).toMatch(/^2026-02-07T22:06/);
    expect(tickets[0]?.body).toContain('my parcel got two labels & two charges.');
    expect(tickets[0]?.body).not.toContain('<div');
    expect(tickets[1]?.createdAt).toMatch(/^2026-02-08T09:15/);
  });
});

describe('broken input says which file and line', () => {
  it('a MediaWiki export that is not well-formed XML stops with the line (broken JSON stays "holds no postmortem", naming the file)', async () => {
    const xml = '<mediawiki version="0.11">\n<page><title>P</title>\n<revision><timestamp>2026-01-01T00:00:00Z</timestamp><text>x</text>\n</page>\n</mediawiki>\n';
    await expect(postmortemDocuments(xml, '.xml')).rejects.toMatchObject({ name: 'PostmortemSyntaxError', line: 4 });
    expect(await postmortemMarkdown('{\n  "documentId": "1",\n  "body": { "content": [\n', '.json')).toBeUndefined();
  });
});
