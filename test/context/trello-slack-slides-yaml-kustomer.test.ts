/**
 * Failure histories as the telehealth-deposits history (the fifteenth, written by someone who never
 * saw this code) keeps them: a Trello board's JSON export of incident cards, a Slack export's day
 * file holding the pinned write-up, a Google Slides deck as the Slides API returns it, a
 * postmortem kept as code in YAML, and Kustomer conversations as a JSON:API document. Its first run
 * stopped at the first of them (exit 2: "no incident records found").
 */
import { describe, expect, it } from 'vitest';
import { parseIncidentsDocument, parsePostmortem, parseTicketsDocument, postmortemMarkdown } from '../../src/context/index.js';
import { postmortemDocuments } from '../../src/context/postmortems/postmortem-markdown.js';

const customField = (id: string, name: string, type: string, options?: [string, string][]) => ({
  id,
  name,
  type,
  ...(options ? { options: options.map(([oid, text]) => ({ id: oid, idCustomField: id, value: { text } })) } : {}),
});

describe('a Trello board exported as JSON', () => {
  const board = {
    id: '69578c58a2ebc0dc9b8f3fe7',
    name: 'Incidents',
    lists: [
      { id: 'L0', name: 'How to use this board' },
      { id: 'L1', name: 'Resolved' },
    ],
    labels: [{ id: 'lab1', name: 'SEV1' }, { id: 'lab2', name: 'payments' }],
    customFields: [
      customField('cfSev', 'Severity', 'list', [['o1', 'SEV1'], ['o2', 'SEV2']]),
      customField('cfSvc', 'Service', 'list', [['s1', 'ledger'], ['s2', 'video']]),
      customField('cfStart', 'Started', 'date'),
      customField('cfCount', 'Customers affected', 'number'),
    ],
    cards: [
      { id: '6957901862ba7056a63199c6', idList: 'L0', name: 'How we use this board', desc: 'One card per incident, named `INC-### · what customers see`.', idLabels: [], customFieldItems: [] },
      { id: '6957901862ba7056a63199c7', idList: 'L0', name: 'Review calendar', desc: '- 7 Oct: INC-171, INC-167\n- 4 Nov: INC-183', idLabels: [], customFieldItems: [] },
      {
        id: '69a5ce40c2e2c281ca8de6b5',
        idList: 'L1',
        name: 'INC-123 · Customers charged twice during failover',
        desc: '## What happened\nThe retry charged again.\n\n## Impact\n- 1,874 customers charged twice\n- 2,300 orders delayed',
        idLabels: ['lab1', 'lab2'],
        idChecklists: ['ck1'],
        customFieldItems: [
          { idCustomField: 'cfSev', idValue: 'o1', value: null },
          { idCustomField: 'cfSvc', idValue: 's1', value: null },
          { idCustomField: 'cfStart', value: { date: '2026-03-02T17:05:00.000Z' } },
          { idCustomField: 'cfCount', value: { number: '1874' } },
        ],
      },
      {
        id: '6a16cba4e4594e0b163717fd',
        idList: 'L1',
        name: '[Grafana] ledger: unknown_total > 200',
        desc: '**[FIRING:1] ledger unknown_total > 200**\n\nNote (INC-146): handled as designed.',
        idLabels: [],
        customFieldItems: [{ idCustomField: 'cfSev', idValue: 'o2', value: null }],
      },
    ],
    checklists: [
      {
        id: 'ck1',
        idCard: '69a5ce40c2e2c281ca8de6b5',
        name: 'Action items',
        checkItems: [
          { name: 'Reuse the key', state: 'complete', pos: 1 },
          { name: 'Contract tests', state: 'incomplete', pos: 2 },
        ],
      },
    ],
    actions: [
      { type: 'commentCard', date: '2026-03-03T09:00:00.000Z', data: { text: 'Refunds done.', card: { id: '69a5ce40c2e2c281ca8de6b5' } } },
      { type: 'commentCard', date: '2026-03-02T18:00:00.000Z', data: { text: 'Retry loop paused.', card: { id: '69a5ce40c2e2c281ca8de6b5' } } },
      { type: 'createCard', date: '2026-03-02T17:52:00.000Z', data: { card: { id: '69a5ce40c2e2c281ca8de6b5' } } },
    ],
  };
  const incidents = parseIncidentsDocument(JSON.stringify(board), 'incidents/board.json');

  it("keys each incident card by the reference its name starts with, an alert-titled card by the one its description names; how-to and calendar cards are none", () => {
    expect(incidents.map((i) => i.incidentId)).toEqual(['INC-123', 'INC-146']);
    expect(incidents.map((i) => i.title)).toEqual(['Customers charged twice during failover', '[Grafana] ledger: unknown_total > 200']);
  });

  it("reads list custom fields by their options' names, the start date, labels, comments oldest first and checklists", () => {
    const [inc] = incidents;
    expect(inc?.severity).toBe('SEV1');
    expect(inc?.systems).toEqual(['ledger']);
    expect(inc?.date).toBe('2026-03-02T17:05:00.000Z');
    // the SEV1 label is read as the severity; the others are tags
    expect(inc?.tags).toEqual(['payments']);
    expect(inc?.timeline).toEqual(['2026-03-02T18:00:00.000Z - Retry loop paused.', '2026-03-03T09:00:00.000Z - Refunds done.']);
    expect(inc?.description.join('\n')).toContain('Reuse the key');
    // a card without a start date is dated by its creation (the time in its ObjectId)
    expect(incidents[1]?.date).toBe('2026-05-27T10:47:00.000Z');
  });

  it('reads a description section written as a list ("## Impact" with two items) as the text field it names, not an error', () => {
    expect(incidents[0]?.customerImpact).toBe('1,874 customers charged twice\n2,300 orders delayed');
  });
});

describe("a Slack export's day file of an incident channel", () => {
  const pir = [
    ':memo: *PIR - INC-123 · Deposits charged twice (2 Mar)*',
    'Commander <@U04M8K2QX1B> · Review held Thu 5 Mar.',
    '',
    '*What happened*',
    '1. Since that refactor every timeout was recorded as `DEPOSIT_FAILED` &amp; retried.',
    '',
    '*Lessons*',
    "1. A retry whose outcome we don't know must reuse the `Idempotency-Key` of the first attempt.",
    '',
    '*Action items*',
    '• :white_check_mark: Done - timeouts as unknown (LNC-288) - <@U04N1PZ7R3C>',
    '• :large_yellow_circle: In progress - alert on a second payment (LNC-290)',
  ].join('\n');
  const day = [
    { type: 'message', subtype: 'channel_join', ts: '1772784131.054907', user: 'U06A3KD1J5G', text: '<@U06A3KD1J5G> has joined the channel' },
    { type: 'message', ts: '1772812964.167418', user: 'U04M8K2QX1B', text: pir, pinned_to: ['C1'], thread_ts: '1772812964.167418' },
    { type: 'message', ts: '1772813720.073271', user: 'U06A3KD1J5G', text: "*Question*\n*Couldn't we retry everything with a new key?*", thread_ts: '1772812964.167418' },
  ];

  it('reads the pinned write-up: its title names the incident, bold lines are sections, status items are tasks, replies are left out', async () => {
    const markdown = await postmortemMarkdown(JSON.stringify(day), '.json');
    expect(markdown).toBeDefined();
    const pm = parsePostmortem(markdown ?? '', 'postmortems/day.json');
    expect(pm.incidentId).toBe('INC-123');
    expect(pm.lessons).toEqual(["A retry whose outcome we don't know must reuse the Idempotency-Key of the first attempt."]);
    expect(pm.narrative.join(' ')).toContain('recorded as DEPOSIT_FAILED & retried');
    expect(pm.actionItems.completed).toEqual(['timeouts as unknown (LNC-288) - @U04N1PZ7R3C']);
    expect(pm.actionItems.incomplete).toEqual(['alert on a second payment (LNC-290)']);
    expect(markdown).not.toContain('new key');
  });

  it('holds no postmortem when no message is a write-up (undefined, so the caller says so)', async () => {
    expect(await postmortemMarkdown(JSON.stringify(day.slice(0, 1)), '.json')).toBeUndefined();
  });
});

describe('a Google Slides deck as the Slides API returns it', () => {
  const run = (content: string, bold = false) => ({ textRun: { content, style: bold ? { bold: true } : {} } });
  const marker = (glyph?: string) => ({ paragraphMarker: glyph ? { bullet: { listId: 'l', glyph } } : { style: {} } });
  const shape = (type: string, elements: unknown[]) => ({ shape: { placeholder: { type }, text: { textElements: elements } } });
  const cell = (content: string, rgb?: [number, number, number]) => ({
    text: { textElements: content ? [marker(), run(`${content}\n`)] : [] },
    ...(rgb ? { tableCellProperties: { tableCellBackgroundFill: { solidFill: { color: { rgbColor: { red: rgb[0], green: rgb[1], blue: rgb[2] } } } } } } : {}),
  });
  const notes = (id: string, text: string) => ({
    notesPage: { notesProperties: { speakerNotesObjectId: id }, pageElements: [{ objectId: id, ...shape('BODY', [marker(), run(`${text}\n`)]) }] },
  });
  const deck = {
    presentationId: '1abc',
    title: 'INC-134 review',
    slides: [
      { pageElements: [shape('CENTERED_TITLE', [marker(), run('INC-134 · Repeated notices\n', true)])] },
      {
        pageElements: [
          shape('TITLE', [marker(), run('Lessons\n')]),
          shape('BODY', [marker('1.'), run('Send the deposit-failed\u000bnotice at most once per booking.\n', true), marker('2.'), run('Dedupe by notice type.\n')]),
        ],
        slideProperties: notes('n1', 'Lesson 2: today the dedupe id is per attempt.'),
      },
      {
        pageElements: [
          shape('TITLE', [marker(), run('Action items\n')]),
          {
            table: {
              tableRows: [
                { tableCells: [cell('Action'), cell('Status')] },
                { tableCells: [cell('Notify after the loop'), cell('Done', [0.776, 0.937, 0.808])] },
                { tableCells: [cell('Alert on notices'), cell('', [0.776, 0.937, 0.808])] },
                { tableCells: [cell('Dedupe by type'), cell('', [1, 0.922, 0.612])] },
                { tableCells: [cell('Warn on sends'), cell('', [1, 0.78, 0.808])] },
              ],
            },
          },
        ],
      },
    ],
  };

  it('reads slides as sections, a soft line break inside a run as a space, tables with their status (by fill when empty), notes as no list item', async () => {
    const markdown = await postmortemMarkdown(JSON.stringify(deck), '.json');
    const pm = parsePostmortem(markdown ?? '', 'postmortems/review.slides.json');
    expect(pm.incidentId).toBe('INC-134');
    expect(pm.lessons).toEqual(['Send the deposit-failed notice at most once per booking.', 'Dedupe by notice type.']);
    expect(pm.actionItems.completed).toEqual(['Notify after the loop', 'Alert on notices']);
    expect(pm.actionItems.incomplete).toEqual(['Dedupe by type', 'Warn on sends']);
    expect(markdown).toContain('| Dedupe by type | In progress |');
    expect(markdown).toContain('> Lesson 2: today the dedupe id is per attempt.');
  });
});

describe('a postmortem kept as code in YAML', () => {
  const yaml = [
    '# docs/postmortems/inc-171.postmortem.yaml',
    'schema: 2',
    'id: INC-171',
    'title: Deposits charged twice after the node-pool upgrade',
    'severity: SEV1',
    'impact:',
    '  patients_charged_twice: 2958',
    'root_cause: >',
    '  The consumer built the Idempotency-Key from the message',
    '  offset, so each redelivery got a new key.',
    'lessons:',
    '  - >',
    '    Derive the Idempotency-Key of a deposit from the booking',
    '    id (dep-{booking_id}).',
    'action_items:',
    '  - id: LNC-410',
    '    what: Key from the booking',
    '    status: done',
    '  - id: LNC-412',
    '    what: Chaos test',
    '    status: in_progress   # comment',
  ].join('\n');

  it("reads folded text joined across the source's line breaks, its id as the incident, lessons and action items by `what` and `status`", async () => {
    const docs = await postmortemDocuments(yaml, '.yaml');
    const pm = parsePostmortem(docs?.[0] ?? '', 'postmortems/inc-171.postmortem.yaml');
    expect(pm.incidentId).toBe('INC-171');
    expect(pm.lessons).toEqual(['Derive the Idempotency-Key of a deposit from the booking id (dep-{booking_id}).']);
    expect(pm.narrative).toEqual(['The consumer built the Idempotency-Key from the message offset, so each redelivery got a new key.']);
    expect(pm.actionItems).toEqual({ completed: ['Key from the booking'], incomplete: ['Chaos test'] });
  });

  it('names the line of YAML that cannot be read', async () => {
    await expect(postmortemDocuments('id: INC-1\ntitle: [unclosed\nlessons: x\n', '.yaml')).rejects.toMatchObject({ name: 'PostmortemSyntaxError', line: expect.any(Number) });
  });
});

describe('Kustomer conversations as a JSON:API document (kustomer-dump)', () => {
  const doc = {
    meta: { tool: 'kustomer-dump' },
    data: [
      {
        type: 'conversation',
        id: 'c1',
        attributes: { name: 'Consulta', channels: ['chat'], createdAt: '2026-03-02T18:31:00.000Z', tags: ['t1'], direction: 'in' },
        relationships: { messages: { data: [{ type: 'message', id: 'm1' }, { type: 'message', id: 'm2' }, { type: 'message', id: 'm3' }] }, notes: { data: [] } },
      },
      {
        type: 'conversation',
        id: 'c2',
        attributes: { name: 'Call from +34 611 964 922', channels: ['voice'], createdAt: '2026-03-03T09:00:00.000Z', tags: [] },
        relationships: { messages: { data: [{ type: 'message', id: 'm4' }] }, notes: { data: [{ type: 'note', id: 'n1' }] } },
      },
    ],
    included: [
      { type: 'message', id: 'm1', attributes: { direction: 'out', auto: true, body: "Hi! I'm the assistant. What can I help you with?" } },
      { type: 'message', id: 'm2', attributes: { direction: 'in', auto: false, body: 'you charged my deposit twice' } },
      { type: 'message', id: 'm3', attributes: { direction: 'out', auto: false, body: 'We are aware of an issue affecting some payments today.' } },
      { type: 'message', id: 'm4', attributes: { direction: 'in', auto: false, body: null, meta: { call: { durationSeconds: 150 } } } },
      { type: 'note', id: 'n1', attributes: { body: 'Caller chgd 2x deposit. Refund raised.' } },
      { type: 'tag', id: 't1', attributes: { name: 'pagos' } },
    ],
  };
  const tickets = parseTicketsDocument(JSON.stringify(doc), 'tickets/kustomer.json');

  it("reads each conversation's customer messages (not the bot's or the agents' replies), its date and its tags by name", () => {
    expect(tickets.map((t) => t.id)).toEqual(['c1', 'c2']);
    expect(tickets[0]?.body).toBe('you charged my deposit twice');
    expect(tickets[0]?.createdAt).toBe('2026-03-02T18:31:00.000Z');
    expect(tickets[0]?.tags).toEqual(['pagos']);
  });

  it("reads a call whose message holds no text from the agent's note", () => {
    expect(tickets[1]?.body).toBe('Caller chgd 2x deposit. Refund raised.');
  });
});

describe("tickets as telehealth-deposits' patients and agents write them (round 23)", async () => {
  const { isPlaceholderSubject } = await import('../../src/context/analysis/ticket-text.js');
  const { ticketOwnWords } = await import('../../src/context/text/ticket-own-words.js');

  it('reads Spanish catch-all subjects ("Consulta", "Reclamación", "URGENTE") as no subject, as "Question" and "Urgent" are', () => {
    for (const s of ['Consulta', 'Reclamación', 'URGENTE', 'Pregunta']) expect(isPlaceholderSubject(s)).toBe(true);
    expect(isPlaceholderSubject('Cargo doble señal')).toBe(false);
  });

  it("leaves out a signature opened by another language's sign-off or a phone's line", () => {
    expect(ticketOwnWords('Me habéis cobrado dos veces la reserva!!\n\nUn saludo\nPablo')).toBe('Me habéis cobrado dos veces la reserva!!');
    expect(ticketOwnWords('atascado en la sala de espera\n\nEnviado desde mi Galaxy')).toBe('atascado en la sala de espera');
    expect(ticketOwnWords('Die Erstattung ist da.\n\nMit freundlichen Grüßen\nJonas')).toBe('Die Erstattung ist da.');
  });

  it("titles a call's note by its first sentence, not by the agent's abbreviation before it (\"Pac. …\")", () => {
    const doc = {
      data: [{ type: 'conversation', id: 'c9', attributes: { createdAt: '2026-02-11T12:46:03.441Z' }, relationships: { messages: { data: [{ type: 'message', id: 'm9' }] }, notes: { data: [{ type: 'note', id: 'n9' }] } } }],
      included: [
        { type: 'message', id: 'm9', attributes: { direction: 'in', body: null } },
        { type: 'note', id: 'n9', attributes: { body: 'Pac. no pudo entrar a la videoconsulta (sala de espera). Cita reprogramada.' } },
      ],
    };
    expect(parseTicketsDocument(JSON.stringify(doc), 'tickets/k.json')[0]?.title).toBe('Pac. no pudo entrar a la videoconsulta (sala de espera).');
  });
});
