/**
 * Failure histories as GitHub's issues API, LaTeX, Textile, a postmortem tool's JSON and a Jira
 * Service Management CSV export them. Each shape comes from the standing-orders history (written by
 * someone who never saw this code), whose first run stopped at the first of them.
 */
import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parsePostmortem, parseTicketsCsv, postmortemMarkdown } from '../../src/context/index.js';
import { namedMonthDate, readTimestamp } from '../../src/context/text/dates.js';
import { formAnswers } from '../../src/context/form-answers.js';

const issue = (number: number, id: number, body: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  url: `https://api.github.com/repos/acme/incidents/issues/${number}`,
  id,
  number,
  title: `Incident ${number}`,
  labels: [{ id: 1, name: 'sev2', color: 'd93f0b' }, { id: 2, name: 'svc/so-runner', color: '1d76db' }],
  created_at: '2026-02-02T06:31:09Z',
  body,
  ...extra,
});

const FORM = [
  '### Service(s) affected',
  '',
  'so-runner',
  '',
  '### Severity',
  '',
  'SEV1',
  '',
  '### Started (UK time)',
  '',
  '2026-02-01 06:09',
  '',
  '### Summary',
  '',
  'Timed-out payments were treated as rejected.',
  '',
  '### What happened',
  '',
  'so-runner recorded each timeout as REJECTED.',
  '',
  '### Timeline',
  '',
  '- 06:09 latency above 20 s',
  '- 10:00 re-try resubmits them',
  '',
  '### Root cause',
  '',
  '_No response_',
].join('\n');

describe('a GitHub issues export (`gh api --paginate --slurp`)', () => {
  const pages = JSON.stringify([
    [issue(318, 2102518242, FORM), issue(388, 2103000001, 'Adds a field.', { pull_request: { url: 'https://api.github.com/repos/acme/incidents/pulls/388' } })],
    [issue(301, 2102000002, FORM.replace('SEV1', 'SEV2'))],
  ]);
  const incidents = parseIncidentsDocument(pages, 'incidents/gh.json');

  it('reads every page, and no pull request the issues API lists among the issues', () => {
    expect(incidents.map((i) => i.incidentId)).toEqual(['318', '301']);
  });

  it('keys an issue by its number, not by the database id beside it', () => {
    expect(incidents[0]?.incidentId).toBe('318');
  });

  it("reads an issue form's answers as fields: severity, services, start, timeline", () => {
    const [first] = incidents;
    expect(first?.severityLevel).toBe('P1');
    expect(first?.systems).toEqual(['so-runner']);
    expect(first?.date).toBe('2026-02-01 06:09');
    expect(first?.timeline).toEqual(['06:09 latency above 20 s', '10:00 re-try resubmits them']);
    // an empty answer is no root cause; the body stays the free text
    expect(first?.rootCause).toBe('');
    expect(first?.description).toContain('so-runner recorded each timeout as REJECTED.');
  });

  it('names the record where a page holds a bad one', () => {
    const bad = JSON.stringify([[issue(5, 2100000005, 'no form', { title: '' })]]);
    expect(() => parseIncidentsDocument(bad, 'incidents/gh.json')).toThrow(/incidents\/gh\.json.*line \d+/s);
  });

  it('reads no form in text with fewer than two headings', () => {
    expect(formAnswers('### Severity\n\nSEV1').size).toBe(0);
    expect(formAnswers(FORM).get('Severity')).toBe('SEV1');
  });
});

describe('postmortems in LaTeX, Textile and a postmortem tool\'s JSON', () => {
  it('LaTeX: the class\'s key = {value} setup names the incident, its own commands expand, lists and tables read', async () => {
    const tex = [
      '% PM-9 in the house class',
      '\\documentclass{hfpm}',
      '\\usepackage{booktabs,tabularx}',
      '\\hfpmsetup{',
      '  id       = {PM-9},',
      '  incident = {INC-9 (acme/incidents\\#9)},',
      '}',
      '\\newcommand{\\gw}{Northgate Clearing}',
      '\\begin{document}',
      '\\hfpmtitle{Paid twice after \\gw{} timeouts}',
      '\\section*{Root cause}',
      'The re-try generated a fresh \\texttt{instructionId} for',
      "every attempt; \\gw{} saw $>$ 2 ``new'' payments --- so it paid.",
      '\\section*{What we learned}',
      '\\begin{itemize}',
      '  \\item Every submission must carry the \\texttt{instructionId} of the first',
      '        attempt.',
      '\\end{itemize}',
      '\\section*{Actions}',
      '\\begin{tabularx}{\\textwidth}{@{}lXl@{}}',
      '\\toprule',
      'Ref & Action & Status \\\\',
      '\\midrule',
      'A-1 & Reuse the id & \\textcolor{green!50!black}{Done 20/02} \\\\',
      'A-2 & Alert on \\textsc{rejected} & \\textcolor{red}{Not started} \\\\',
      '\\bottomrule',
      '\\end{tabularx}',
      '\\end{document}',
      '',
    ].join('\n');
    const pm = parsePostmortem((await postmortemMarkdown(tex, '.tex'))!, 'pm/PM-9.tex');
    expect(pm.id).toBe('PM-9');
    expect(pm.incidentId).toBe('INC-9');
    expect(pm.title).toBe('Paid twice after Northgate Clearing timeouts');
    expect(pm.narrative[0]).toContain('a fresh instructionId for every attempt; Northgate Clearing saw');
    expect(pm.narrative[0]).toContain('"new" payments — so it paid');
    expect(pm.lessons).toEqual(['Every submission must carry the instructionId of the first attempt.']);
    expect(pm.actionItems.completed).toEqual(['Reuse the id']);
    expect(pm.actionItems.incomplete).toEqual(['Alert on REJECTED']);
  });

  it('Textile: a |_. property table names the incident, wrapped list items join, a %{color} status is the status', async () => {
    const textile = [
      '{{>toc}}',
      '',
      'h1. PM-7: Repeated notifications',
      '',
      '|_. Incident |"INC-7":https://example.org/issues/7 |',
      '|_. Severity |SEV2 |',
      '',
      'h2. Lessons',
      '',
      '* The failed-payment',
      'notification goes out once per due payment.',
      '',
      'h2. Actions',
      '',
      '|_. Ticket |_. Action |_. State |',
      '|P-1 |Notifier runs from the day-end step |%{color:green}Done% |',
      '|P-2 |Contract test |%{color:orange}Doing% |',
    ].join('\n');
    const pm = parsePostmortem((await postmortemMarkdown(textile, '.textile'))!, 'pm/PM-7.textile');
    expect(pm.incidentId).toBe('INC-7');
    expect(pm.lessons).toEqual(['The failed-payment notification goes out once per due payment.']);
    expect(pm.actionItems.completed).toEqual(['Notifier runs from the day-end step']);
    expect(pm.actionItems.incomplete).toEqual(['Contract test']);
  });

  it("JSON: the reference before the tool's own id, the incident reference, Markdown sections, action items by status", async () => {
    const json = JSON.stringify({
      export_version: '2',
      postmortem: {
        id: 'pm_01J7ZQ4V3C8K2N5R7T9W1XYZ0A',
        reference: 'PM-391',
        title: 'Paid twice after the catch-up run',
        incident_ref: 'INC-391',
        custom_fields: { 'Members affected': 1687 },
        sections: [
          { key: 'root_cause', title: 'Root cause', format: 'markdown', content: 'The script built a fresh\n`instructionId` for every run.' },
          { key: 'timeline', title: 'Timeline', format: 'table', content: [{ time: '07:18', event: 'OOM-killed' }] },
          { key: 'lessons', title: "What we're taking away", format: 'markdown', content: '- A re-run must not submit a payment that\n  already has an attempt.' },
        ],
        action_items: [
          { ref: 'P-1', title: 'Resume from the submission log', status: 'done' },
          { ref: 'P-2', title: 'Load test', status: 'in_progress' },
        ],
      },
    });
    const markdown = (await postmortemMarkdown(json, '.json'))!;
    expect(markdown).toContain('| 07:18 | OOM-killed |');
    const pm = parsePostmortem(markdown, 'pm/pm-391.json');
    expect(pm.id).toBe('PM-391');
    expect(pm.incidentId).toBe('INC-391');
    expect(pm.narrative.join(' ')).toMatch(/The script built a fresh\s+instructionId for every run\./);
    expect(pm.lessons.map((l) => l.replace(/\s+/g, ' '))).toEqual(['A re-run must not submit a payment that already has an attempt.']);
    expect(pm.actionItems.completed).toEqual(['Resume from the submission log']);
    expect(pm.actionItems.incomplete).toEqual(['Load test']);
  });

  it('JSON whose write-up is one Markdown text reads it whole', async () => {
    const json = JSON.stringify({ title: 'Paid twice', incident_id: 'INC-5', body: '## Root cause\n\nThe re-try made a new key.\n\n## Lessons\n\n- Reuse the key of the first attempt.' });
    const pm = parsePostmortem((await postmortemMarkdown(json, '.json'))!, 'pm/pm-5.json');
    expect(pm.incidentId).toBe('INC-5');
    expect(pm.narrative).toEqual(['The re-try made a new key.']);
    expect(pm.lessons).toEqual(['Reuse the key of the first attempt.']);
  });

  it('JSON that holds no postmortem is not read as one', async () => {
    expect(await postmortemMarkdown('{"rows": [1, 2]}', '.json')).toBeUndefined();
    expect(await postmortemMarkdown('not json', '.json')).toBeUndefined();
  });

  it('a postmortems glob that takes in other JSON exits 2 naming the file, without a stack trace', async () => {
    const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { runCli } = await import('../support/cli.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-pm-json-'));
    mkdirSync(path.join(dir, 'postmortems'));
    writeFileSync(path.join(dir, 'manifold.yaml'), 'manifold: standing-orders\nentities: [standing order]\n');
    writeFileSync(path.join(dir, 'postmortems', 'metrics.json'), '{"rows": [1, 2]}');
    writeFileSync(path.join(dir, 'faultline.config.yaml'), 'context:\n  postmortems: postmortems/*\n');
    const run = await runCli(['context', path.join(dir, 'manifold.yaml'), '--config', path.join(dir, 'faultline.config.yaml'), '--now', '2026-11-27'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('postmortems/metrics.json: holds no postmortem');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a Jira Service Management CSV export', () => {
  it('reads the issue key, the created time with its month name, and the first of duplicate columns', () => {
    const csv = '\uFEFFSummary,Issue key,Issue id,Created,Labels,Labels,Description\n' + 'paid twice,MH-1042,20131,02/Feb/26 9:41 AM,so,duplicate,"my rent went out twice"\n';
    const [ticket] = parseTicketsCsv(csv, 'tickets/jsm.csv');
    expect(ticket?.id).toBe('MH-1042');
    expect(ticket?.createdAt).toBe('2026-02-02T09:41:00Z');
    expect(ticket?.title).toBe('paid twice');
  });

  it('reads dates with a month name, and nothing else as one', () => {
    expect(namedMonthDate('13/Nov/26 11:01 PM')).toBe('2026-11-13T23:01:00Z');
    expect(namedMonthDate('5 March 2026')).toBe('2026-03-05');
    expect(namedMonthDate('5 Marx 2026')).toBeUndefined();
    expect(readTimestamp('13/Nov/26 13:01 PM')).toBe('13/Nov/26 13:01 PM');
  });
});

describe('what the standing-orders history taught the analysis', async () => {
  const { attributeAntiPatterns } = await import('../../src/context/analysis/anti-pattern-matching.js');
  const { loadBuiltInCatalogue } = await import('../../src/context/index.js');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const catalogue = await loadBuiltInCatalogue(path.dirname(fileURLToPath(import.meta.url)));
  const ids = (text: string): string[] => attributeAntiPatterns([text], catalogue).map((m) => m.entry.id);

  it('a payment still pending treated as rejected is AP-003', () => {
    expect(ids('so-runner treated every payment still pending at that point as rejected and sent the so_failed push.')).toEqual(['AP-003']);
  });

  it('reads the statements a semicolon joins apart: a timeout in one and a status in the other is no AP-003', () => {
    expect(ids('Northgate timeouts for 1h45; the status checker and same-instructionId resubmission worked as designed.')).toEqual([]);
    expect(ids('Technical failures are never resubmitted automatically, so each member got one notification; about 140 members paid again themselves.')).toEqual([]);
    // in one statement they still meet
    expect(ids('The notifier ran after every attempt, so every re-try sent the push again.')).toEqual(['AP-002']);
  });
});

describe('tickets as the standing-orders help desk wrote them', async () => {
  const { ticketOwnWords } = await import('../../src/context/text/ticket-own-words.js');
  const { subjectTemplate } = await import('../../src/context/analysis/ticket-text.js');

  it("reads a phone note without Jira's panel markers and its yes/no checklist line", () => {
    expect(ticketOwnWords('{panel:title=Call note}\nMbr says SO pmt went twice to landlord.\n{panel}\nID&V passed: Y')).toBe('Mbr says SO pmt went twice to landlord.');
  });

  it('reads a form whose labels are in wiki bold as a form', () => {
    const body = '*Membership number:* 76575553\n*Account ending:* 5882\n*Best contact number:* 07188 870967\n*Tell us what happened:* My rent went out twice this month, please help';
    expect(ticketOwnWords(body)).toBe('My rent went out twice this month, please help');
  });

  it("reads a transcript whose turns carry a date, the customer's lines only, a colleague who joins later included with the company", () => {
    const chat = [
      '{noformat}',
      "[19/Oct/26 8:37 PM] Harbour (virtual assistant): Hi, I'm Harbour. What can I help you with today?",
      '[19/Oct/26 8:37 PM] Farah: my standing order went out twice',
      '[19/Oct/26 8:38 PM] Harbour (virtual assistant): Passing you to a colleague.',
      "[19/Oct/26 8:48 PM] Mark: Hi Farah, thanks for waiting, I'm looking into this for you now.",
      '[19/Oct/26 8:49 PM] Farah: the rent to my landlord',
      '{noformat}',
    ].join('\n');
    expect(ticketOwnWords(chat)).toBe('my standing order went out twice\nthe rent to my landlord');
  });

  it('reads "Call - Tom Davies" and "Chat with Nia" as subjects a help desk made', () => {
    expect(subjectTemplate('Call - Tom Davies')).toBe('call: …');
    expect(subjectTemplate('Chat with Nia')).toBe('chat with: …');
    expect(subjectTemplate('Paid twice with my card')).toBeUndefined();
  });
});

describe('relevance of an incident that names the component by an old name', async () => {
  const { eponymousEntity } = await import('../../src/context/analysis/relevance.js');
  const { parseManifold } = await import('../../src/context/index.js');
  it('finds the entity the component is named after', () => {
    const manifold = parseManifold(
      ['manifold: standing-orders', 'entities:', '  - due payment', '  - standing order', 'systems:', '  - so-runner', 'error_types:', '  - payment made late'].join('\n'),
      'manifold.yaml',
    );
    expect(eponymousEntity(manifold)).toBe('standing order');
  });
});
