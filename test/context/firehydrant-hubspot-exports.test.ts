/**
 * Failure histories as FireHydrant, Confluence, a mail client and HubSpot export them. Each shape
 * comes from the hotel-reservation-sync history (written by someone who never saw this code), whose
 * first run stopped at the first of them.
 */
import { describe, expect, it } from 'vitest';
import {
  parseIncidentsDocument,
  parsePostmortem,
  parseTicketsCsv,
  postmortemMarkdown,
  withTeamIncidentKeys,
} from '../../src/context/index.js';
import { postmortemLessons } from '../../src/context/analysis/derived-constraints.js';

const FIREHYDRANT = JSON.stringify({
  data: [
    {
      id: '6513270e-269e-4d37-b2a7-4de452e6b438',
      number: 318,
      name: 'Harbour Point double-deducted allotment after Tidewire 504s',
      created_at: '2026-04-22T01:10:00Z',
      summary: 'Retried booking pushes were created twice at the CM.',
      description: '**Context**\n\nTidewire answered with 504s. Same failure as FH-318 would have shown.',
      severity: 'SEV2',
      tag_list: ['tidewire', 'allotment'],
      labels: { team: 'distribution', region: 'us-east' },
    },
    {
      id: '0c8a4b1e-7d44-4a57-9d2f-2b8b4b6a9e10',
      number: 331,
      name: 'Doubled Tidewire bookings',
      created_at: '2026-06-09T19:40:00-04:00',
      severity: 'SEV1',
      labels: { team: 'distribution' },
    },
  ],
  pagination: { count: 2, page: 1 },
});

describe('a FireHydrant incidents export', () => {
  const incidents = parseIncidentsDocument(FIREHYDRANT, 'incidents/firehydrant.json');

  it('keys each incident by its number, not its UUID', () => {
    expect(incidents.map((i) => i.incidentId)).toEqual(['318', '331']);
  });

  it('reads the tag list as tags, and a labels map by its values when there is no tag list', () => {
    expect(incidents[0]?.tags).toEqual(['tidewire', 'allotment']);
    expect(incidents[1]?.tags).toEqual(['distribution']);
  });

  it('takes the prefix the team writes incident numbers with (FH-331), from postmortems and incident text', () => {
    const postmortem = parsePostmortem('# Doubled bookings\n\nIncident: FH-331\n', 'pm.md');
    expect(withTeamIncidentKeys(incidents, [postmortem]).map((i) => i.incidentId)).toEqual(['FH-318', 'FH-331']);
  });

  it('leaves numbers alone when nothing names them with a prefix, and ids that are not numbers', () => {
    const postmortem = parsePostmortem('# Other\n\nIncident: INC-9\n', 'pm.md');
    const plain = parseIncidentsDocument(FIREHYDRANT.replace('FH-318', 'it'), 'incidents/firehydrant.json');
    expect(withTeamIncidentKeys(plain, [postmortem]).map((i) => i.incidentId)).toEqual(['318', '331']);
  });
});

const CONFLUENCE = `<!DOCTYPE html><html><head><title>DIST : PIR - Doubled Tidewire bookings (FH-331)</title></head>
<body><div id="page"><ol id="breadcrumbs"><li><a href="index.html">Distribution</a></li></ol>
<div id="main-content" class="wiki-content">
<table class="confluenceTable"><tbody>
<tr><th><p>Incident</p></th><td><p><a href="https://app.firehydrant.io/incidents/331">FH-331</a></p></td></tr>
<tr><th><p>Severity</p></th><td><p><span class="status-macro">SEV1</span></p></td></tr>
</tbody></table>
<h2>Summary</h2><p>Our pushes timed out and the retry job re-sent the bookings.</p>
<h2>Action items</h2>
<table class="confluenceTable"><tbody>
<tr><th><p>#</p></th><th><p>Action</p></th><th><p>Status</p></th></tr>
<tr><td><p>1</p></td><td><p>Send an idempotency key on every booking push</p></td><td><p><span>DONE</span></p></td></tr>
<tr><td><p>2</p></td><td><p>Chaos test a slow Tidewire stub</p></td><td><p><span>TO DO</span></p></td></tr>
</tbody></table>
</div></div></body></html>`;

describe('a postmortem exported from Confluence as HTML', () => {
  it('reads the page title, the properties table as fields and the action table with its statuses', async () => {
    const markdown = await postmortemMarkdown(CONFLUENCE, '.html');
    const postmortem = parsePostmortem(markdown ?? '', 'PIR.html');
    expect(postmortem.title).toBe('DIST : PIR - Doubled Tidewire bookings (FH-331)');
    expect(postmortem.incidentId).toBe('FH-331');
    expect(postmortem.actionItems).toEqual({
      completed: ['Send an idempotency key on every booking push'],
      incomplete: ['Chaos test a slow Tidewire stub'],
    });
    expect(markdown).not.toContain('Distribution'); // the breadcrumbs are page chrome
  });
});

const SAVED_EMAIL = [
  'From: Dana Whitfield <dana@example.com>',
  'To: eng-all@example.com',
  'Subject: [postmortem] FH-377 nightly replay re-created 61 Tidewire',
  ' bookings (14 Oct)',
  'Content-Type: text/plain; charset="UTF-8"',
  '',
  'Hi all,',
  '',
  'WHAT WE ARE CHANGING',
  '',
  '1. The replay job goes through the client wrapper and sends the',
  '   idempotency key.',
  '',
].join('\n');

describe('a postmortem saved from a mail client as .txt', () => {
  it('is read as an email: the subject without its [tag] as title, naming the incident', async () => {
    const postmortem = parsePostmortem((await postmortemMarkdown(SAVED_EMAIL, '.txt')) ?? '', 'writeup.txt');
    expect(postmortem.title).toBe('FH-377 nightly replay re-created 61 Tidewire bookings (14 Oct)');
    expect(postmortem.incidentId).toBe('FH-377');
    expect(postmortem.changes.join(' ').replace(/\s+/g, ' ')).toContain('sends the idempotency key');
  });

  it('a .txt without message headers is plain text with capital lines as sections', async () => {
    const markdown = await postmortemMarkdown('Incident: FH-9\n\nWHAT HAPPENED\n\nThe push timed out.\n', '.txt');
    expect(markdown).toContain('## WHAT HAPPENED');
    expect(parsePostmortem(markdown ?? '', 'notes.txt').incidentId).toBe('FH-9');
  });

  it('reads a hard line break of a Google Docs header as a line break ("FH-344", not "FH-344Status")', () => {
    const postmortem = parsePostmortem('# **Postmortem: storm**\n\n**Incident:** FH-344  \n**Status:** Final  \n**Authors:** Sofia\n', 'pm.md');
    expect(postmortem.incidentId).toBe('FH-344');
  });

  it('reads "WHAT WE TAKE AWAY" as lessons and "ACTIONS" as action items; a lesson that states a rule is a derived constraint', async () => {
    const text = [
      'Incident: FH-9',
      '',
      'WHAT WE TAKE AWAY',
      '',
      '1. Any job that re-sends a push must check whether a prior push',
      '   already succeeded before re-sending anything.',
      '',
      '2. We left the fix in the backlog for two months.',
      '',
      'ACTIONS',
      '',
      '- replay job calls send_booking()',
      '',
    ].join('\n');
    const postmortem = parsePostmortem((await postmortemMarkdown(text, '.txt')) ?? '', 'notes.txt');
    expect(postmortem.lessons).toHaveLength(2);
    expect(postmortem.actionItems.completed.length + postmortem.actionItems.incomplete.length).toBe(1);
    expect(postmortemLessons(postmortem).map((l) => l.statement)).toContain(
      'Any job that re-sends a push must check whether a prior push already succeeded before re-sending anything',
    );
    expect(postmortemLessons(postmortem).some((l) => l.statement.includes('backlog'))).toBe(false);
  });

  it('another extension is not a postmortem format', async () => {
    expect(await postmortemMarkdown('x', '.docx')).toBeUndefined();
  });
});

describe('a HubSpot tickets export', () => {
  it('reads Ticket name, Ticket description and Create date', () => {
    const csv = 'Ticket ID,Ticket name,Ticket description,Pipeline,Create date\r\n1042,Booked twice,"Hi,\r\nmy trip shows 2 times",Support,2026-07-02 10:14\r\n';
    const [ticket] = parseTicketsCsv(csv, 'tickets/hubspot.csv');
    expect(ticket).toMatchObject({ id: '1042', title: 'Booked twice', createdAt: '2026-07-02 10:14' });
    expect(ticket?.body).toContain('my trip shows 2 times');
  });
});
