import { describe, expect, it } from 'vitest';
import { clusterTickets, type Ticket } from '../../src/context/index.js';
import { buildTfIdf } from '../../src/context/analysis/tfidf.js';
import { corpusMisspellings, isPlaceholderSubject, oneSlip, respell, ticketClusteringInput, withoutQuotedNotices } from '../../src/context/analysis/ticket-text.js';
import { ticketConcepts } from '../../src/context/text/ticket-concepts.js';
import { ticketOwnWords } from '../../src/context/text/ticket-own-words.js';
import { genericSubjects, placeholderSubjects } from '../../src/context/analysis/ticket-clustering.js';

const ticket = (id: string, title: string, body = '', createdAt = '2024-05-01'): Ticket => ({ id, title, body, createdAt, tags: [], source: 't.csv' });

describe('ticketOwnWords: what the customer wrote', () => {
  it('leaves out the greeting line, the signature and the quoted reply', () => {
    const body = [
      'To whom it may concern,',
      '',
      'Points were taken off my account yesterday without explanation.',
      '',
      'Thank you,',
      'Sam',
      '',
      'On Mon, Guest Care <care@example.com> wrote:',
      '> Thank you for contacting us. A member of our team will reply within 24 hours.',
    ].join('\n');
    expect(ticketOwnWords(body)).toBe('Points were taken off my account yesterday without explanation.');
  });

  it('leaves out a signature under a "--" rule and a phone sign-off', () => {
    expect(ticketOwnWords('My card was charged twice.\n\n-- \nOwen\nTravel coordinator, Brightwell Ltd')).toBe('My card was charged twice.');
    expect(ticketOwnWords('My card was charged twice.\n\nSent from my iPhone')).toBe('My card was charged twice.');
  });

  it('keeps a line that only starts like a sign-off, and a sign-off followed by more content', () => {
    expect(ticketOwnWords('Thanks for nothing, my refill is still pending after a week')).toBe('Thanks for nothing, my refill is still pending after a week');
    const long = 'Thanks\nbut my refill is still pending\nand nobody answers\nand the app says under review\nand my pills run out\nand I am worried';
    expect(ticketOwnWords(long)).toBe(long);
  });
});

describe('ticketConcepts: the ideas a ticket expresses', () => {
  it('names one idea for many wordings, numbers included', () => {
    expect(ticketConcepts('You took the money for my pills again')).toEqual(expect.arrayContaining(['twice', 'charge']));
    expect(ticketConcepts('Paid my copay 2x according to my statement')).toEqual(expect.arrayContaining(['twice', 'charge']));
    expect(ticketConcepts('got your confirmaton like 6 times lol')).toContain('twice');
    expect(ticketConcepts('Received like 12 msgs last night')).toContain('message');
    expect(ticketConcepts('The pharmacy hours are fine')).toEqual([]);
  });

  it('does not count an idea named only to deny it', () => {
    expect(ticketConcepts("The app says my subscription has expired but I didn't cancel")).toContain('lapsed');
    expect(ticketConcepts('My plan is showing as paused and I did not pause it')).toContain('lapsed');
    expect(ticketConcepts('I was not charged')).not.toContain('charge');
    expect(ticketConcepts('I was charged, I did not expect that')).toContain('charge');
  });

  it('does not count an idea only asked about in a question of the customer\'s own prospects', () => {
    expect(ticketConcepts('I paid but got no confirmation. Should I buy again?')).not.toContain('twice');
    expect(ticketConcepts('Status still pending.\nDo I need to pay again?')).not.toContain('twice');
    expect(ticketConcepts('Why was I charged twice?')).toContain('twice');
    expect(ticketConcepts('Can you refund the second one?')).toContain('twice');
    expect(ticketConcepts('Should I worry? You took the money again.')).toContain('twice');
  });
});

describe('quoted notices: the company\'s words, not the complaint', () => {
  it('leaves the ideas of a quoted notice out of a ticket\'s ideas, and keeps its words', () => {
    const storm = ticket('S', 'SMS spam', 'Why am I getting the same message over and over? "Your payment didn\'t go through - your seats are held". Got it 3 times.');
    const input = ticketClusteringInput(storm);
    expect(input.concepts).toEqual(expect.arrayContaining(['twice', 'message']));
    expect(input.concepts).not.toContain('charge');
    expect(input.text).toMatch(/didn't go through/);
    // the customer's own words still say it
    expect(ticketClusteringInput(ticket('C', 'Order query', 'Got “payment failed” but my bank says paid')).concepts).toContain('charge');
    expect(ticketClusteringInput(ticket('D', 'Charged twice', 'I was charged twice for one order')).concepts).toEqual(expect.arrayContaining(['twice', 'charge']));
  });

  it('reads a quote of three words or more on one line as a notice', () => {
    expect(withoutQuotedNotices('the same "We couldn\'t collect your instalment" text again')).toBe('the same   text again');
    expect(withoutQuotedNotices('still says "Processing" after a week')).toBe('still says "Processing" after a week');
    expect(withoutQuotedNotices('said "payment\nfailed now" twice')).toBe('said "payment\nfailed now" twice');
    expect(withoutQuotedNotices('the "a" and "b" texts')).toBe('the "a" and "b" texts');
  });
});

describe('placeholder subjects', () => {
  it('reads "(no subject)" and "Help" as no subject', () => {
    expect(isPlaceholderSubject('(no subject)')).toBe(true);
    expect(isPlaceholderSubject('Help')).toBe(true);
    expect(isPlaceholderSubject('Help with my refund')).toBe(false);
    expect(ticketClusteringInput(ticket('T', '(no subject)', 'My copay was charged twice')).text).not.toMatch(/subject/);
  });

  it('does not join two groups of tickets because they share a placeholder subject', () => {
    const tickets = [
      ticket('P-1', 'Points missing', 'My stay is not showing in my rewards account, add the points'),
      ticket('P-2', 'Points missing', 'Rewards points for my stay are missing from my account'),
      ticket('P-3', 'Help', 'My rewards account is missing the points of my stay'),
      ticket('W-1', 'Wifi', 'The wifi in the room kept dropping all evening'),
      ticket('W-2', 'Wifi', 'Room wifi dropping every few minutes all evening'),
      ticket('W-3', 'Help', 'The wifi kept dropping in our room all evening'),
    ];
    expect(clusterTickets(tickets).map((c) => c.tickets.map((t) => t.id).sort())).toEqual([
      ['P-1', 'P-2', 'P-3'],
      ['W-1', 'W-2', 'W-3'],
    ]);
  });
});

describe('concept terms in TF-IDF', () => {
  it('are terms of their own, not the word of the same spelling, shown by their name', () => {
    const model = buildTfIdf(['stop the texts', 'stop the texts'], [['stop'], []], 3);
    expect(model.words.filter((w) => w === 'stop')).toHaveLength(2);
    expect(model.vectors[0]?.terms.length).toBe(3);
    expect(model.vectors[1]?.terms.length).toBe(2);
  });
});

describe('clusterTickets: ideas and bursts', () => {
  it('names a cluster without repeating an idea its words already say', () => {
    const tickets = ['Charged twice', 'Charged twice for one order', 'Duplicate charge, charged twice'].map((title, i) => ticket(`D-${i}`, title, 'My card was charged twice'));
    const [cluster] = clusterTickets(tickets);
    expect(cluster?.keyTerms.filter((t) => t === 'duplicate' || t === 'twice')).toHaveLength(1);
  });

  it('gives up a group written months after its burst that shares its ideas but not its words', () => {
    const may = Array.from({ length: 8 }, (_, i) =>
      ticket(`E-${i}`, 'Payment failed emails', 'I keep getting the payment failed email again, update your card they say', `2024-05-0${1 + (i % 4)}`),
    );
    const september = Array.from({ length: 3 }, (_, i) =>
      ticket(`G-${i}`, 'Gift card email twice', 'I received the gift card email twice, same email again for my card', `2024-09-2${2 + i}`),
    );
    const clusters = clusterTickets([...may, ...september]).map((c) => c.tickets.map((t) => t.id).sort());
    expect(clusters).toContainEqual(may.map((t) => t.id).sort());
    expect(clusters).toContainEqual(september.map((t) => t.id).sort());
  });
});

describe('ticketOwnWords: a web form, a channel intro and a chat transcript', () => {
  it('leaves out a web form header and keeps the message under it', () => {
    const body = ['Account number: 3004-118-220', 'Service address: 12 Birch Ln, Camas WA', 'Name: Rosa Lopez', 'Phone: (360) 555-0111', 'Topic: Billing', '', 'Message:', 'My autopay went through twice this month.'].join('\n');
    expect(ticketOwnWords(body)).toBe('My autopay went through twice this month.');
    // a long value is what the customer wrote on the label's line
    const inline = ['Name: Rosa', 'Phone: 555', 'Topic: Billing', 'Message: my autopay went through twice this month and I need one of them refunded today please'].join('\n');
    expect(ticketOwnWords(inline)).toBe('my autopay went through twice this month and I need one of them refunded today please');
    // two labelled lines are not a form
    expect(ticketOwnWords('Order: 1234\nIssue: charged twice')).toBe('Order: 1234\nIssue: charged twice');
  });

  it('reads a question label with a picked option as a form field, and a question answered in a sentence as the message', () => {
    const picked = ['Name: Isla Kowalski', 'Email: isla@example.com', 'Order number: GT-84644891', 'What is this about?: Something else', '', 'Message:', 'Why am I getting the same text over and over?'].join('\n');
    expect(ticketOwnWords(picked)).toBe('Why am I getting the same text over and over?');
    const answered = ['Name: Sarah Begum', 'Company: Bridgend Auto', 'Phone: 07155 896655', 'How can we help?: I cannot log in, the code never arrives.', '', 'Thanks - so what happens now?'].join('\n');
    expect(ticketOwnWords(answered)).toBe('How can we help?: I cannot log in, the code never arrives.\n\nThanks - so what happens now?');
  });

  it('leaves out a first line that only introduces the message', () => {
    expect(ticketOwnWords('Facebook message from Linda J.:\nYou took my payment 2 times!!')).toBe('You took my payment 2 times!!');
    expect(ticketOwnWords('My payment failed:')).toBe('My payment failed:');
  });

  it("keeps only the customer's turns of a chat transcript", () => {
    const chat = [
      'Chat transcript',
      '[20:41] Chatbot: Hi! How can we help today?',
      '[20:41] Linda: my autopay went through twice',
      '[20:42] Chatbot: Let me connect you with a representative.',
      '[20:45] Jess (CVU): Thanks for waiting, Linda. Let me look into that for you.',
      '[20:48] Jess (CVU): Case created. Anything else today?',
    ].join('\n');
    expect(ticketOwnWords(chat)).toBe('my autopay went through twice');
    // no speaker says it is the company: the one who greeted first is
    const plain = ['[09:00] Mara: Hello, how can I help?', '[09:01] Tom: my refill is stuck', '[09:02] Mara: Checking now'].join('\n');
    expect(ticketOwnWords(plain)).toBe('my refill is stuck');
  });

  it("reads a greeting under the company's bare name as the company's, named by an agent's bracketed note", () => {
    // the chat tool greets as the company ("Acme:"), the agent is "Dana Reyes (Acme)": the parent is
    // the first speaker that is neither, not the greeting
    const chat = [
      'Chat started: Tue 1 Sep 2026 09:43 AEST',
      "[09:43:28] Acme: Hi! You're chatting with Acme Support. Is this about payments or the app?",
      '[09:44:02] Wei: stuck on verifying when adding bank account',
      '[09:44:30] Dana Reyes (Acme): Hi Wei, thanks for waiting. Let me have a look.',
      '[09:45:10] Wei: tried twice',
      "[09:46:00] Dana Reyes (Acme): Thanks Wei, I've made a note.",
      'Chat ended by visitor',
    ].join('\n');
    expect(ticketOwnWords(chat)).toBe('stuck on verifying when adding bank account\ntried twice');
  });
});

describe('placeholderSubjects: subjects a corpus uses for anything', () => {
  it('finds a subject shared by tickets whose texts have nothing in common, not one they wrote alike', () => {
    const bodies = ['My autopay went through twice', 'Please start service at my new address', 'The streetlight on Maple is out', 'Why is my bill so high this month', 'I need a payment plan'];
    const tickets = [
      ...bodies.map((b, i) => ticket(`W-${i}`, 'Web inquiry', b)),
      ...[0, 1, 2, 3, 4].map((i) => ticket(`D-${i}`, 'Charged twice', `My autopay charged me twice for one bill ${['today', 'again', 'this month', 'on friday', 'yesterday'][i]}`)),
      ...Array.from({ length: 10 }, (_, i) => ticket(`N-${i}`, `Other ${i}`, `Something else number ${i}`)),
    ];
    expect([...placeholderSubjects(tickets)]).toEqual(['web inquiry']);
    expect(ticketClusteringInput(tickets[0] as Ticket, undefined, placeholderSubjects(tickets)).text).not.toMatch(/inquiry/i);
  });
});

describe('genericSubjects: an agent\'s notes of calls under the channel\'s subject', () => {
  // Call notes of two causes, alike in the agent's shorthand ("EE called … adv'd"), under the
  // subjects the desk gives every call; and the customers' own tickets of the same two causes.
  const day = (d: number): string => new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10);
  const tickets = [
    ...[3, 3, 4].map((d, i) => ticket(`CT-${i}`, 'Phone call', `EE called re pay run. ID&V passed. Delayed texts x${5 + i}. Adv'd, callback reqd if not resolved.`, day(d))),
    ...[3, 4].map((d, i) => ticket(`CI-${i}`, 'Inbound call', `EE called re pay run. ID&V passed. Delayed texts x${8 + i}. Adv'd, callback reqd if not resolved.`, day(d))),
    ...[60, 61, 61].map((d, i) => ticket(`CP-${i}`, 'Phone call', `EE called re pay run. ID&V passed. Paid twice, ${['£812', '£640', '£1,020'][i]}. Adv'd, callback reqd if not resolved.`, day(d))),
    ...[60, 62].map((d, i) => ticket(`CQ-${i}`, 'Inbound call', `EE called re pay run. ID&V passed. Paid twice, ${['£512', '£930'][i]}. Adv'd, callback reqd if not resolved.`, day(d))),
    ...[3, 3, 4, 5].map((d, i) => ticket(`T-${i}`, 'Pay delayed texts', `My phone keeps buzzing with the same pay delayed message ${['again', 'every hour', 'all morning', 'six times'][i]}`, day(d))),
    ...[60, 60, 61, 62].map((d, i) => ticket(`P-${i}`, 'Paid twice', `My pay came in twice this week, two lots of the same amount ${['today', 'yesterday', 'on friday', 'again'][i]}`, day(d))),
    ...Array.from({ length: 10 }, (_, i) => ticket(`N-${i}`, `Other ${i}`, `How do I ${['change my bank', 'add a starter', 'see my payslip', 'reset my pin', 'update my address', 'get a P60', 'change my tax code', 'log in', 'add a manager', 'close my account'][i]}`, day(20 + i * 7))),
  ];

  it('reads a subject made of channel words and placeholder words as a placeholder', () => {
    expect([...genericSubjects(['phone call', 'inbound call', 'phone enquiry', 'call from customer', 're: phone call', 'pay call', 'paid twice', 'called twice about my refund', 'phone not working'])].sort()).toEqual([
      'call from customer',
      'inbound call',
      'phone call',
      'phone enquiry',
      're: phone call',
    ]);
    expect(placeholderSubjects(tickets)).toContain('phone call');
    expect(placeholderSubjects(tickets)).toContain('inbound call');
  });

  it('so the notes of two causes share no subject: it is neither clustered on nor joins clusters by title', () => {
    const placeholders = placeholderSubjects(tickets);
    expect(ticketClusteringInput(tickets[0] as Ticket, undefined, placeholders).text).not.toMatch(/phone call/i);
    // what the note says of the cause stays (synonyms written as their group's first word)
    expect(ticketClusteringInput(tickets[5] as Ticket, undefined, placeholders).text).toMatch(/paid duplicate/i);
  });
});

describe('corpusMisspellings: slips read as the word the other tickets use', () => {
  it('maps a swapped pair or, in a long word, a dropped letter to a word used three times as often', () => {
    const texts = ['my reservation twice', 'reservation listed twice', 'the reservation again', 'my reservaton twice', 'plesae help please', 'please now', 'please stop'];
    const typos = corpusMisspellings(texts);
    expect(typos.get('reservaton')).toBe('reservation');
    expect(typos.get('plesae')).toBe('please');
    expect(respell('My Reservaton went through', typos)).toBe('My reservation went through');
  });

  it('leaves other words alone: a changed letter, an ending, a word as common as its look-alike', () => {
    const texts = ['charge', 'charge', 'charge', 'change', 'emails', 'email', 'email', 'email', 'though', 'through', 'through', 'through'];
    expect(corpusMisspellings(texts).size).toBe(0);
    expect(oneSlip('charge', 'change')).toBe(false);
    expect(oneSlip('cahnge', 'change')).toBe(true);
    expect(oneSlip('confirmaton', 'confirmation')).toBe(true);
  });

});

describe('Greek tickets: the ideas and function words of one more language customers write in', () => {
  it('reads messages, a charge, a repeat and a request to stop in Greek', () => {
    expect(ticketConcepts('Καλημέρα, έχω λάβει 5 μηνύματα ότι η πληρωμή απέτυχε. Θα χρεωθώ 5 φορές;')).toEqual(expect.arrayContaining(['message', 'charge', 'twice']));
    expect(ticketConcepts('Μου χρεώθηκαν δύο φορές τα δίδακτρα')).toEqual(expect.arrayContaining(['charge', 'twice']));
    expect(ticketConcepts('Σταματήστε τα μηνύματα!')).toEqual(expect.arrayContaining(['stop', 'message']));
  });

  it('puts a Greek ticket with the English tickets of its cause, not on its function words', () => {
    const storm = [
      ticket('E-1', 'Stop texting me', 'Got 5 messages this morning saying my payment failed. Stop the messages!', '2024-06-01'),
      ticket('E-2', 'Too many messages', 'Please stop the messages, 4 texts saying the payment failed', '2024-06-01'),
      ticket('E-3', 'Messages every 30 min', 'Stop sending messages, that is the 6th text about the payment', '2024-06-02'),
      ticket('G-1', 'Δίδακτρα', 'Έχω λάβει 5 μηνύματα ότι η πληρωμή απέτυχε. Σταματήστε τα μηνύματα!', '2024-06-02'),
      ticket('N-1', 'Password reset', 'The reset link expired', '2024-01-15'),
      ticket('N-2', 'Dark mode', 'Would love dark mode', '2024-03-15'),
      ticket('N-3', 'Gift card', 'How much is left on my gift card', '2024-11-15'),
    ];
    const clusters = clusterTickets(storm);
    expect(clusters.map((c) => c.tickets.map((t) => t.id).sort())).toEqual([['E-1', 'E-2', 'E-3', 'G-1']]);
  });
});
