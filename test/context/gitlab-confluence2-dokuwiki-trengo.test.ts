/**
 * Failure histories as the parking-permit-renewals history (the fourteenth, written by someone who
 * never saw this code) keeps them: GitLab's REST list of incident issues, a Confluence Cloud page as
 * its v2 API returns it (the ADF document as a JSON string inside the JSON), a DokuWiki page with
 * `<WRAP>` boxes, `\\` line breaks and a `<code>` block, and Trengo's tickets with their messages.
 * Its first run stopped at the first of them (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parsePostmortem, parseTicketsDocument, postmortemMarkdown, type Incident } from '../../src/context/index.js';
import { withShortIncidentReferences } from '../../src/context/incidents/team-incident-keys.js';

describe('GitLab incident issues as the REST API lists them', () => {
  const issues = JSON.stringify([
    {
      id: 89190,
      iid: 170,
      project_id: 4182,
      title: '1 Oct run: holders charged twice',
      description: '## Summary\n\nCharged twice.',
      created_at: '2026-10-01T06:48:30.775Z',
      labels: ['incident', 'severity::1', 'service::pennant'],
      severity: 'CRITICAL',
      issue_type: 'incident',
      references: { short: '#170', relative: '#170', full: 'bayward/sre/incidents#170' },
    },
  ]);

  it("keys each incident by its short reference (#170, the iid people write), not its global id", () => {
    const incidents = parseIncidentsDocument(issues, 'incidents/gitlab.json');
    expect(incidents.map((i) => i.incidentId)).toEqual(['#170']);
  });

  it("lets a postmortem that names the incident by its full reference (group/project#170) reach it", () => {
    const incidents = parseIncidentsDocument(issues, 'incidents/gitlab.json') as Incident[];
    const pm = parsePostmortem('# PIR 170\n\n**Incident:** bayward/sre/incidents#170 (Sev 1)\n\n## Root cause\n\nKeys.\n', 'postmortems/pir.md');
    expect(pm.incidentId).toBe('bayward/sre/incidents#170');
    expect(withShortIncidentReferences([pm], incidents).map((p) => p.incidentId)).toEqual(['#170']);
    // a reference to another project's issue that is no incident here stays as written
    const other = { ...pm, incidentId: 'bayward/other#9' };
    expect(withShortIncidentReferences([other], incidents)[0]?.incidentId).toBe('bayward/other#9');
  });
});

describe('a Confluence Cloud page as the v2 API returns it (body-format=atlas_doc_format)', () => {
  const adf = {
    type: 'doc',
    version: 1,
    content: [
      {
        type: 'panel',
        attrs: { panelType: 'info' },
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Incident ', marks: [{ type: 'strong' }] },
              { type: 'text', text: 'acme/sre/incidents#170', marks: [{ type: 'link', attrs: { href: 'https://gitlab.example.com/acme/sre/incidents/-/issues/170' } }] },
              { type: 'text', text: ' · Sev 1 · Status ' },
              { type: 'status', attrs: { text: 'FINAL' } },
            ],
          },
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Root cause' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The worker built the ' },
          { type: 'text', text: 'Idempotency-Key', marks: [{ type: 'code' }] },
          { type: 'text', text: ' from the delivery tag.' },
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Lessons' }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One key per renewal.' }] }] }] },
    ],
  };
  const page = JSON.stringify({
    id: '2151940618',
    status: 'current',
    title: 'PIR #170 – charged twice after node-pool upgrade',
    spaceId: '98311',
    version: { number: 9, message: 'Actions updated' },
    body: { atlas_doc_format: { value: JSON.stringify(adf), representation: 'atlas_doc_format' } },
    _links: { webui: '/spaces/KES/pages/2151940618' },
  });

  it('parses the document kept as a JSON string inside the JSON, under the page title', async () => {
    const markdown = (await postmortemMarkdown(page, '.json')) ?? '';
    expect(markdown).toContain('# PIR #170 – charged twice after node-pool upgrade');
    expect(markdown).toContain('The worker built the `Idempotency-Key` from the delivery tag.');
    const pm = parsePostmortem(markdown, 'postmortems/page.json');
    expect(pm.lessons).toEqual(['One key per renewal.']);
    expect(pm.narrative.join(' ')).toContain('delivery tag');
  });

  it('reads a bold "Incident" label without a colon as the incident field, not a section', async () => {
    const pm = parsePostmortem((await postmortemMarkdown(page, '.json')) ?? '', 'postmortems/page.json');
    expect(pm.incidentId).toBe('acme/sre/incidents#170');
  });
});

describe('a DokuWiki page source with boxes, forced line breaks and a code block', () => {
  const page = [
    '~~NOTOC~~',
    '====== PIR 139: notices sent five times ======',
    '',
    '<WRAP round info 100%>',
    '**Incident:** [[https://gitlab.example.com/acme/sre/incidents/-/issues/139|acme/sre/incidents#139]] (Sev 2) \\\\',
    '**Service:** pennant - notices \\\\',
    '**Status:** //reviewed//',
    '</WRAP>',
    '',
    '===== Why it happened =====',
    '',
    'The notice call sat inside the attempt handler.',
    '',
    '<code kotlin Handler.kt (4.3)>',
    '// notify holder on decline',
    'herald.notify(PAYMENT_FAILED)',
    '</code>',
    '',
    '===== Lessons =====',
    '',
    '  - The notice goes out once per renewal.',
  ].join('\n');

  it('reads the box lines as fields (a `\\\\` is a line break), the code block as code', async () => {
    const markdown = (await postmortemMarkdown(page, '.txt')) ?? '';
    expect(markdown).not.toContain('WRAP');
    expect(markdown).toContain('```\n// notify holder on decline\nherald.notify(PAYMENT_FAILED)\n```');
    const pm = parsePostmortem(markdown, 'postmortems/pir-139.txt');
    expect(pm.incidentId).toBe('acme/sre/incidents#139');
    expect(pm.narrative.join(' ')).not.toContain('notify holder');
    expect(pm.lessons).toEqual(['The notice goes out once per renewal.']);
  });
});

describe("Trengo's tickets with their messages (trengo-dump)", () => {
  const dump = JSON.stringify({
    export: { tool: 'trengo-dump 1.4.0', timezone: 'Europe/London', ticket_count: 2 },
    tickets: [
      {
        id: 5210422,
        status: 'CLOSED',
        subject: null,
        created_at: '2026-03-06 09:51:20',
        channel: { id: 1207, type: 'WA_BUSINESS', title: 'WhatsApp' },
        labels: [{ id: 305, name: 'Refund' }],
        messages: [
          { id: 1, type: 'OUTBOUND', message: 'Hi! Thanks for messaging us.', agent: null, is_auto_reply: true },
          { id: 2, type: 'INBOUND', message: 'charged twice for my permit', contact: { id: 7 } },
          { id: 3, type: 'INBOUND', message: '', attachments: [{ name: 'WhatsApp Image.jpeg' }] },
          { id: 4, type: 'OUTBOUND', message: 'Hi, we will refund the second payment.', agent: { id: 40112 } },
        ],
      },
      {
        id: 5210500,
        status: 'CLOSED',
        subject: null,
        created_at: '2026-03-07 10:00:00',
        channel: { id: 1300, type: 'VOIP', title: 'Phone' },
        messages: [
          { id: 5, type: 'INBOUND', message: null, call: { duration: 240 } },
          { id: 6, type: 'NOTE', message: "Caller chgd 2x for permit. Adv'd 3-5 wd", agent: { id: 40112 } },
        ],
      },
    ],
  });

  it("reads a ticket without a subject from the customer's messages, a call from the agent's note", () => {
    const tickets = parseTicketsDocument(dump, 'tickets/trengo.json');
    expect(tickets.map((t) => t.id)).toEqual(['5210422', '5210500']);
    expect(tickets[0]?.body).toBe('charged twice for my permit');
    expect(tickets[0]?.title).toBe('charged twice for my permit');
    expect(tickets[0]?.tags).toEqual(['Refund']);
    expect(tickets[1]?.body).toContain('Caller chgd 2x for permit');
  });

  it('names the file and the line of JSON that cannot be read', () => {
    expect(() => parseTicketsDocument('{\n  "tickets": [\n    { "id": 1, }\n  ]\n}', 'tickets/trengo.json')).toThrow(/tickets\/trengo\.json.*line 3/);
  });
});

describe('ticket concepts: "Awaiting payment" is waiting (parking-permit-renewals, round 22)', () => {
  it('reads a status quoted as "awaiting" as the idea `waiting`, as "pending" is', async () => {
    const { ticketConcepts } = await import('../../src/context/text/ticket-concepts.js');
    expect(ticketConcepts("Polecenie zapłaty zostało pobrane, ale na koncie nadal widnieje 'Awaiting payment'")).toContain('waiting');
    expect(ticketConcepts('Direct debit pending for days')).toContain('waiting');
  });
});
