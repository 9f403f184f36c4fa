/**
 * Failure histories as Opsgenie, Word ("Save as Web Page"), AsciiDoc, reStructuredText and a
 * Salesforce report export them. Each shape comes from the utility-autopay history (written by
 * someone who never saw this code), whose first run stopped at the first of them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parseManifold, parsePostmortem, parseTicketsCsv, postmortemMarkdown, withTeamIncidentKeys } from '../../src/context/index.js';
import { attributeAntiPatterns } from '../../src/context/analysis/anti-pattern-matching.js';
import { postmortemLessons } from '../../src/context/analysis/derived-constraints.js';
import { componentSystems, routedElsewhere } from '../../src/context/analysis/relevance.js';
import { loadBuiltInCatalogue } from '../../src/context/catalogue/built-in-catalogue.js';
import { slashDate } from '../../src/context/text/dates.js';
import { decodeText } from '../../src/context/text/decode-text.js';
import { runCli } from '../support/cli.js';

const SERVICE = '1b9b425f-e148-5a80-8820-761d8d94c690';
const OTHER = 'e0ab12d2-dcb0-5393-af54-64e736f54724';
const OPSGENIE = JSON.stringify({
  _export: { tool: 'og-export.py' },
  services: [
    { id: SERVICE, name: 'bill-autopay' },
    { id: OTHER, name: 'billing-run' },
  ],
  teams: [{ id: '945e505b-c629-587b-9f4c-43b8caee6e06', name: 'Billing Payments' }],
  data: [
    {
      id: '4a7e17e9-5f39-50a6-ab02-ca96868db970',
      tinyId: '2207',
      message: 'Tessera timeouts, Auto Pay customers charged twice',
      description: 'Impact\n3,118 customers were charged twice.\n\nWhat happened\nThe retry pass sent a fresh charge.',
      tags: ['autopay'],
      createdAt: '2026-01-05T14:02:42.288Z',
      priority: 'P1',
      ownerTeam: '945e505b-c629-587b-9f4c-43b8caee6e06',
      extraProperties: { 'Root cause': 'Timeouts logged as declines.', 'Customers affected': '3118' },
      impactedServices: [SERVICE, OTHER],
      timeline: [
        { type: 'IncidentCreated', eventTime: '2026-01-05T14:02:58.751Z', title: { type: 'text', content: 'Incident created' } },
        { type: 'AddNote', eventTime: '2026-01-05T16:21:54.675Z', description: { type: 'text', content: "Lots of 'charged twice' calls." } },
      ],
    },
  ],
  paging: { first: 'https://api.opsgenie.com/v1/incidents?offset=0' },
  totalCount: 1,
  took: 0.187,
  requestId: '9d2c41f7',
});

describe('an Opsgenie incident API export', () => {
  const [incident] = parseIncidentsDocument(OPSGENIE, 'incidents/og.json');

  it('finds the records in `data` beside the services and teams lookup tables', () => {
    expect(incident?.title).toBe('Tessera timeouts, Auto Pay customers charged twice');
    expect(incident?.severityLevel).toBe('P1');
    expect(incident?.date).toBe('2026-01-05T14:02:42.288Z');
  });

  it('reads the short tinyId before the UUID, and takes the prefix the team writes', () => {
    expect(incident?.incidentId).toBe('2207');
    const postmortem = { id: 'PIR', incidentId: 'OG-2207', title: 'PIR OG-2207', fiveWhys: [], actionItems: { completed: [], incomplete: [] }, systemicIssues: [], lessons: [], narrative: [], changes: [], source: 'p.htm' };
    expect(withTeamIncidentKeys(incident ? [incident] : [], [postmortem])[0]?.incidentId).toBe('OG-2207');
  });

  it('names impacted services by the lookup table, and reads extraProperties as custom fields', () => {
    expect(incident?.systems).toEqual(['bill-autopay', 'billing-run']);
    expect(incident?.rootCause).toBe('Timeouts logged as declines.');
  });

  it('reads the timeline of notes: time and text', () => {
    expect(incident?.timeline).toEqual(['2026-01-05T14:02:58.751Z - Incident created', "2026-01-05T16:21:54.675Z - Lots of 'charged twice' calls."]);
  });

  it('still refuses an export with two lists of records and no envelope key', () => {
    const two = JSON.stringify({ open: [{ tinyId: '1', message: 'a', createdAt: '2026-01-01', priority: 'P1' }], closed: [{ tinyId: '2', message: 'b', createdAt: '2026-01-01', priority: 'P1' }] });
    expect(() => parseIncidentsDocument(two, 'two.json')).toThrow(/two\.json: no incident records found/);
  });
});

describe('files in windows-1252', () => {
  it('reads smart quotes and dashes of a file that is not UTF-8', () => {
    expect(decodeText(Uint8Array.from([0x54, 0x92, 0x73, 0x20, 0x96, 0x20, 0x93, 0x61, 0x94, 0x20, 0x80]))).toBe('T’s – “a” €');
  });

  it('keeps UTF-8 as it is and drops its byte order mark', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFcafé – ok'))).toBe('café – ok');
  });

  it('follows a charset the file declares', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('<meta charset="iso-8859-7">'), 0xe1]);
    expect(decodeText(bytes).endsWith('α')).toBe(true);
  });
});

const WORD_HTML = `<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><title>PIR</title></head>
<body><div class=WordSection1>
<p class=MsoTitle>Post-Incident Review: Duplicate Auto Pay charges</p>
<table class=MsoTableGrid border=1>
 <tr><td><p class=MsoNormal><b>Incident</b></p></td><td><p class=MsoNormal>OG-2207 (Opsgenie
  #2207)</p></td></tr>
 <tr><td><p class=MsoNormal><b>Priority</b></p></td><td><p class=MsoNormal>P1</p></td></tr>
</table>
<h1>4. Root cause</h1>
<p class=MsoNormal>The retry pass did not send an idempotency
key.</p>
<h1>5. Contributing factors</h1>
<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in'><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span>The card client was not in the change.</p>
<p class=MsoListParagraphCxSpLast style='text-indent:-.25in'><span style='font-family:Symbol'>·<span>&nbsp;&nbsp;
</span></span>BAP-312 was still open.</p>
<h1>6. Lessons learned</h1>
<p class=MsoNormal>Every charge request carries the bill’s idempotency
key, on every retry.</p>
<h1>7. Action items</h1>
<table class=MsoTableGrid border=1>
 <tr><td><p><b>#</b></p></td><td><p><b>Action</b></p></td><td><p><b>Status</b></p></td></tr>
 <tr><td><p>1</p></td><td><p>Send the Idempotency-Key on every card charge</p></td><td><p><b><span style='color:#375623'>Done</span></b></p></td></tr>
 <tr><td><p>2</p></td><td><p>Move the ACH path onto the same client</p></td><td><p><b>In progress</b></p></td></tr>
</table>
</div></body></html>`;

describe('a Word "Save as Web Page" postmortem', async () => {
  const pm = parsePostmortem((await postmortemMarkdown(WORD_HTML, '.htm')) ?? '', 'PIR OG-2207.htm');

  it('reads the title paragraph as the title and the bold-label table as fields', () => {
    expect(pm.title).toBe('Post-Incident Review: Duplicate Auto Pay charges');
    expect(pm.incidentId).toBe('OG-2207');
  });

  it('classifies numbered headings and reads list paragraphs as items without their bullet glyph', () => {
    expect(pm.narrative).toEqual(['The retry pass did not send an idempotency key.', 'The card client was not in the change.', 'BAP-312 was still open.']);
    expect(pm.lessons).toEqual(['Every charge request carries the bill’s idempotency key, on every retry.']);
  });

  it('reads an action table whose header row is bold cells, by its Status column', () => {
    expect(pm.actionItems).toEqual({ completed: ['Send the Idempotency-Key on every card charge'], incomplete: ['Move the ACH path onto the same client'] });
  });
});

const ASCIIDOC = `= Failed-payment notice storm (OG-2261)
Dev Okonkwo <dev@example.com>
v1.2, 2026-03-11: reviewed
:toc: left
:jira: https://example.atlassian.net/browse

[NOTE]
====
Blameless review.
====

== Impact

[horizontal]
Customers with 2+ notices:: 19,400

== Timeline

[cols="1,4",options="header"]
|===
|Time |What happened

|11:00
|Soft declines start
|===

== Root cause

The notice was a side effect of the charge attempt.

== Lessons

. Send the failed-payment
  notice once per bill, never from inside the retry loop.
. Watch what we send.

== Action items

* [x] {jira}/BAP-351[BAP-351] Move \`notify_failed\` out of \`attempt_charge\`;
      the schedule sends it once (Priya)
* [ ] {jira}/BAP-353[BAP-353] Alert when a customer gets more than two messages

// Links: Slack #inc-og-2261
`;

describe('an AsciiDoc postmortem', async () => {
  const markdown = (await postmortemMarkdown(ASCIIDOC, '.adoc')) ?? '';
  const pm = parsePostmortem(markdown, 'og-2261.adoc');

  it('reads the document title, leaves out the header lines, attributes, block delimiters and comments', () => {
    expect(pm.title).toBe('Failed-payment notice storm (OG-2261)');
    expect(pm.incidentId).toBe('OG-2261');
    expect(markdown).not.toMatch(/Dev Okonkwo|:toc:|====|\[NOTE\]|Slack/);
    expect(markdown).toContain('Blameless review.');
  });

  it('joins a numbered item hard-wrapped in the source', () => {
    expect(pm.lessons).toEqual(['Send the failed-payment notice once per bill, never from inside the retry loop.', 'Watch what we send.']);
  });

  it('reads a checklist, links by their text and wrapped items joined', () => {
    expect(pm.actionItems).toEqual({
      completed: ['BAP-351 Move notify_failed out of attempt_charge; the schedule sends it once (Priya)'],
      incomplete: ['BAP-353 Alert when a customer gets more than two messages'],
    });
  });

  it('reads a description list and a |=== table', () => {
    expect(markdown).toContain('- Customers with 2+ notices: 19,400');
    expect(markdown).toContain('| Time | What happened |\n| --- | --- |\n| 11:00 | Soft declines start |');
  });
});

const RST = `=====================================
OG-2391: a manual rerun, 1,904 doubles
=====================================

:Incident: OG-2391 (Opsgenie #2391), P1
:Date: 2026-08-03

.. contents:: On this page
   :local:

Root causes
===========

1. **The rerun script did not use the charge client.** It makes the
   idempotency key from the rerun's timestamp.

Lessons
=======

- A stopped run resumes from its own charge log. Nobody finishes a
  run with an ad-hoc script.
- We had the same failure in October.

Action items
============

- BAP-470 -- write the attempt row as \`\`pending\`\` before each charge
  call (Dev O.) -- **done** 2026-08-21
- BAP-472 -- deploy pipeline reads the due-date schedule (Maya L.) -- **open**
`;

describe('a reStructuredText postmortem', async () => {
  const markdown = (await postmortemMarkdown(RST, '.rst')) ?? '';
  const pm = parsePostmortem(markdown, 'OG-2391.rst');

  it('reads the over- and underlined title, the field list and leaves directives out', () => {
    expect(pm.title).toBe('OG-2391: a manual rerun, 1,904 doubles');
    expect(pm.incidentId).toBe('OG-2391');
    expect(markdown).not.toContain('contents');
  });

  it('joins the indented continuation lines of list items', () => {
    expect(pm.narrative).toEqual(["The rerun script did not use the charge client. It makes the idempotency key from the rerun's timestamp."]);
  });

  it('reads an action item’s trailing status (`-- **done** DATE`, `-- **open**`) and cuts it off', () => {
    expect(pm.actionItems).toEqual({
      completed: ['BAP-470 -- write the attempt row as pending before each charge call (Dev O.)'],
      incomplete: ['BAP-472 -- deploy pipeline reads the due-date schedule (Maya L.)'],
    });
  });

  it('takes a lesson stated in the present as a rule, and not one that tells what happened', () => {
    expect(postmortemLessons(pm).filter((l) => l.rationale.endsWith('lesson')).map((l) => l.statement)).toEqual([
      'A stopped run resumes from its own charge log',
      'Nobody finishes a run with an ad-hoc script',
    ]);
  });
});

const SALESFORCE = `"Case Number","Date/Time Opened","Case Origin","Subject","Description"
"00418313","1/6/2026 12:42 PM","Phone","Dup autopay charge","Cust called re: autopay charged 2x.
Adv'd refund."
"00418325","12/7/2026 8:52 AM","Web","Web inquiry","Message:
I was charged twice."
""
""
"Cascadia Valley Utilities"
"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."
"Confidential Information - Do Not Distribute"
"Generated By:  Rosa Delgado  9/30/2026 3:12 PM"
`;

describe('a Salesforce case report (Export Details CSV)', () => {
  const tickets = parseTicketsCsv(SALESFORCE, 'cases.csv');

  it('leaves out the report footer and reads Case Number and Date/Time Opened', () => {
    expect(tickets.map((t) => [t.id, t.createdAt, t.title])).toEqual([
      ['00418313', '2026-01-06T12:42:00Z', 'Dup autopay charge'],
      ['00418325', '2026-12-07T08:52:00Z', 'Web inquiry'],
    ]);
  });

  it('still names the line of a short row inside the data', () => {
    const broken = SALESFORCE.replace('"00418325","12/7/2026 8:52 AM","Web",', '"00418325",');
    expect(() => parseTicketsCsv(broken, 'cases.csv')).toThrow(/cases\.csv line 4: not valid CSV: the row has 3 cells, the header 5/);
  });
});

describe('dates written with slashes', () => {
  it('reads the order only one reading makes a date of, the US order beside an AM/PM time, and year first', () => {
    expect(slashDate('1/5/2026 2:29 PM')).toBe('2026-01-05T14:29:00Z');
    expect(slashDate('12/31/2026 12:05 AM')).toBe('2026-12-31T00:05:00Z');
    expect(slashDate('12/31/2026')).toBe('2026-12-31');
    expect(slashDate('25/12/2026')).toBe('2026-12-25');
    expect(slashDate('2026/01/05 14:29')).toBe('2026-01-05T14:29:00Z');
    expect(slashDate('01/02/2024')).toBeUndefined();
    expect(slashDate('01/02/2024 14:00')).toBeUndefined();
    expect(slashDate('1/5/2026 13:00 PM')).toBeUndefined();
    expect(slashDate('charged 1/2 of the bill')).toBeUndefined();
  });
});

describe('an unreadable Salesforce export through the CLI', () => {
  it('exits 2 naming the file and line, without a stack trace', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-sf-'));
    mkdirSync(path.join(dir, 'tickets'));
    writeFileSync(path.join(dir, 'manifold.yaml'), 'manifold: bill-autopay\nentities: [bill]\n');
    writeFileSync(path.join(dir, 'tickets', 'cases.csv'), SALESFORCE.replace('"00418325","12/7/2026 8:52 AM","Web",', '"00418325",'));
    writeFileSync(path.join(dir, 'faultline.config.yaml'), 'context:\n  tickets: tickets/cases.csv\n');
    const run = await runCli(
      ['context', path.join(dir, 'manifold.yaml'), '--config', path.join(dir, 'faultline.config.yaml'), '--now', '2026-09-30', '--out', path.join(dir, 'failures.yaml')],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tickets/cases.csv line 4: not valid CSV');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

const MANIFOLD = parseManifold(
  `manifold: bill-autopay
entities: [bill, charge]
systems:
  - bill-autopay (drawdown worker, retry pass)
  - meridian-cis (billing ledger, bills, accounts)
not_responsible_for:
  - "Bill calculation and the bill-ready email: billing-run and meter-data teams"
`,
  'manifold.yaml',
);

describe('what the component is not responsible for', () => {
  const incident = (systems: string[]) => ({ ...(parseIncidentsDocument(OPSGENIE, 'og.json')[0] as NonNullable<ReturnType<typeof parseIncidentsDocument>[number]>), systems });

  it('a system is the component by its name, not by a word of its note', () => {
    expect([...componentSystems(MANIFOLD)]).toEqual(['bill-autopay (drawdown worker, retry pass)']);
  });

  it('routes an incident of only services the manifold names as owning what it does not do', () => {
    expect(routedElsewhere(incident(['billing-run']), MANIFOLD)).toBe(true);
    expect(routedElsewhere(incident(['billing-run', 'bill-autopay']), MANIFOLD)).toBe(false);
    expect(routedElsewhere(incident(['meridian-cis']), MANIFOLD)).toBe(false);
    expect(routedElsewhere(incident([]), MANIFOLD)).toBe(false);
  });
});

describe('AP-001 where the record denies the duplicate', async () => {
  const catalogue = await loadBuiltInCatalogue(path.dirname(fileURLToPath(import.meta.url)));
  const ids = (texts: string[]) => attributeAntiPatterns(texts, catalogue).map((m) => m.entry.id);

  it('a double from another cause is no evidence when the record says the retries charged nobody twice', () => {
    const texts = [
      'Each retry after a decline is a new attempt with its own key. Nobody was charged twice by Auto Pay.',
      'Some paid by phone and then the next retry went through as well, so they paid twice.',
    ];
    expect(ids(texts)).not.toContain('AP-001');
    expect(ids([texts[1] ?? ''])).toContain('AP-001');
  });

  it('a retry that shows the key missing stays evidence, and a rerun is a retry', () => {
    expect(ids(['No customer was affected twice in October.', 'The rerun script built its own charge request with a new idempotency key, so the accounts were charged a second time.'])).toContain('AP-001');
  });
});
