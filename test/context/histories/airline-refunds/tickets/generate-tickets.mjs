#!/usr/bin/env node
// Builds zammad-export.json: what `zammad-export.rb` (our nightly script around the Zammad REST API,
// GET /api/v1/tickets/search?expand=true + /api/v1/ticket_articles/by_ticket/:id) writes for the
// Kundeservice and Refusjon groups. Deterministic: mulberry32 seeded from a cyrb53 hash, no deps.
//   node generate-tickets.mjs > zammad-export.json
//   node generate-tickets.mjs --truth      # "<number>\t<cluster>" per ticket, sizes on stderr
const SEED = 'skarva-kundeservice-2026';
function cyrb53(str, seed = 0) {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) { const ch = str.charCodeAt(i); h1 = Math.imul(h1 ^ ch, 2654435761); h2 = Math.imul(h2 ^ ch, 1597334677); }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0);
}
function mulberry32(a) { return function () { a |= 0; a = a + 0x6D2B79F5 | 0; let t = Math.imul(a ^ a >>> 15, 1 | a); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; }; }
const rnd = mulberry32(cyrb53(SEED));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

const FIRST = ['Kari', 'Ole', 'Ingrid', 'Lars', 'Sara', 'Erik', 'Nora', 'Magnus', 'Anna', 'Johan', 'Emma', 'Piotr', 'Agnieszka', 'Sven', 'Linnea', 'Thomas', 'Heidi', 'Mette', 'Jens', 'Katarzyna', 'Lukas', 'Julia', 'David', 'Sarah', 'Hanne', 'Bjørn', 'Astrid', 'Mikkel', 'Oskar', 'Tone'];
const LAST = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersson', 'Berg', 'Nowak', 'Kowalski', 'Nilsen', 'Pedersen', 'Müller', 'Schmidt', 'Lie', 'Dahl', 'Karlsson', 'Smith', 'Brown', 'Strand', 'Moen', 'Holm'];
const ROUTES = ['BGO-OSL', 'OSL-TOS', 'SVG-CPH', 'OSL-CDG', 'BGO-AMS', 'TRD-OSL', 'OSL-NCE', 'AES-BGO', 'OSL-GDN', 'BOO-OSL', 'OSL-ARN', 'BGO-LHR'];
const PNRCH = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const pnr = () => Array.from({ length: 6 }, () => pick(PNRCH.split(''))).join('');
const amt = () => pick(['NOK ', 'kr ', '']) + (int(8, 95) * 100 + pick([0, 40, 90])).toLocaleString('en-US');

// ---- cluster texts: [lang, text]; {pnr} {amt} {route} {d} filled later -------------------------
const C = {
  double_refund: [
    ['en', 'I got my refund for the cancelled flight {route} twice. Two payments of {amt} from Skarva Air on my card. I don\'t want to keep money that isn\'t mine, what do I do?'],
    ['en', 'you refunded me 2 times for booking {pnr}. is that a mistake? will you take it back?'],
    ['en', 'There are two refunds on my credit card statement for the same ticket. Booking ref {pnr}.'],
    ['en', 'Now there is a debit of {amt} from Skarva Air on my card that I never authorised!! My flight was CANCELLED, you should be giving money back not taking it. Booking {pnr}'],
    ['en', 'Why did you take {amt} off my Visa yesterday? The only thing I have with you is the cancelled {route} flight which you refunded.'],
    ['en', 'Received the refund double. Happy to pay it back but please dont just pull it from my card without telling me.'],
    ['no', 'Jeg har fått refusjonen to ganger for bestilling {pnr}. Hva gjør jeg?'],
    ['no', 'Hei, dere har betalt tilbake billetten dobbelt. {amt} kom inn to ganger på kortet.'],
    ['no', 'Skarva har trukket {amt} fra kortet mitt i dag uten forklaring. Flyet {route} ble kansellert og jeg fikk pengene tilbake, nå er de borte igjen??'],
    ['sv', 'Jag har fått återbetalningen två gånger för bokning {pnr}. Vill ni ha tillbaka pengarna?'],
    ['de', 'Ich habe die Erstattung für den annullierten Flug {route} zweimal erhalten. Buchung {pnr}.'],
    ['da', 'Jeg har fået pengene tilbage to gange for samme billet, {pnr}.'],
    ['pl', 'Dostałem zwrot dwa razy za ten sam bilet {pnr}. Co mam zrobić?'],
    ['en', 'Quick q: refund for {pnr} arrived twice (two identical amounts, {amt}). Should I expect a reversal?'],
    ['en', 'My bank shows a "reversal" from Skarva Air of {amt}. I was refunded for my cancelled flight and now its been reversed. Am I getting my money or not?'],
  ],
  notice_storm: [
    ['en', 'I have now received the same SMS 7 times saying you could not refund me. Please stop.'],
    ['en', 'Stop sending me "we could not refund you" messages!!! I got one every 20 minutes this morning.'],
    ['en', 'Why do I keep getting emails that my refund failed? Its the 5th one today for booking {pnr}.'],
    ['en', 'The refund failed message keeps coming, over and over. My old card is closed, just tell me what to do ONCE.'],
    ['en', 'Is this spam? 8 texts from Skarva Air about a refund that couldn\'t be processed.'],
    ['no', 'Jeg får samme SMS om og om igjen om at refusjonen ikke gikk gjennom. Nå er det sjette gang.'],
    ['no', 'Slutt å sende meg meldinger! Fått 6 eposter om at dere ikke kunne betale tilbake.'],
    ['sv', 'Jag får sms varje kvart om att återbetalningen misslyckades. Sluta!'],
    ['de', 'Ich bekomme ständig dieselbe SMS, dass die Erstattung fehlgeschlagen ist. Schon 5 Mal.'],
    ['pl', 'Ciągle dostaję SMS że zwrot się nie udał. Już 7 razy.'],
    ['en', 'does this mean you\'ve tried to refund me 8 times? will I get it 8 times lol. booking {pnr}'],
  ],
  failed_but_paid: [
    ['en', 'I got an email that my refund failed, but the money is in my Kvikk already. Which one is right?'],
    ['en', 'You told me the refund couldn\'t be processed so I called and your agent refunded me again. Now I have it twice in Kvikk. Do I need to send it back?'],
    ['en', 'Message says refund failed - contact us. But Kvikk shows "Skarva Air {amt} received" the next morning. Confused.'],
    ['no', 'Fikk melding om at refusjonen feilet, men pengene kom inn på Kvikk dagen etter. Må jeg gjøre noe?'],
    ['no', 'Dere skrev at dere ikke fikk betalt tilbake, men Kvikk viser at pengene er mottatt.'],
    ['sv', 'Ni skrev att återbetalningen misslyckades men pengarna har kommit till Kvikk.'],
    ['en', 'Refund "failed" according to your SMS yet its in my wallet. Booking {pnr}.'],
    ['de', 'Laut SMS ist die Erstattung fehlgeschlagen, aber das Geld ist in Kvikk angekommen.'],
  ],
  still_open: [
    ['en', 'I got the refund for {pnr} but Manage Booking still says my ticket is active and I even got a check-in reminder. Is it refunded or not?'],
    ['en', 'Your app still shows my cancelled flight as a valid ticket, although you paid me back. Your colleague on the phone said nothing has been refunded??'],
    ['en', 'Money received, but the booking page says "not refunded". Please fix so I don\'t get charged again.'],
    ['no', 'Har fått pengene tilbake men bestillingen {pnr} står fortsatt som aktiv i appen.'],
    ['no', 'Kundeservice sier at billetten ikke er refundert, men jeg har fått pengene på konto. Hva stemmer?'],
    ['sv', 'Jag har fått pengarna men bokningen {pnr} visas fortfarande som giltig.'],
    ['de', 'Die Erstattung ist da, aber in "Meine Buchung" steht der Flug noch als gültig.'],
    ['en', 'got a check-in reminder for a flight you cancelled and refunded?'],
  ],
  no_confirmation: [
    ['en', 'I requested a refund for {pnr} three days ago but never got a confirmation email. Has it gone through?'],
    ['en', 'No confirmation of my refund, no email, no sms. Did it work?'],
    ['en', 'I need proof that the refund was done for my travel insurance. I didn\'t get any confirmation from you.'],
    ['no', 'Har ikke fått noen bekreftelse på refusjonen. Er den behandlet?'],
    ['sv', 'Jag har inte fått någon bekräftelse på min återbetalning för {pnr}.'],
    ['de', 'Ich habe keine Bestätigung für meine Erstattung bekommen. Buchung {pnr}.'],
    ['en', 'chose refund on the website, it said we\'ll send a confirmation, nothing came. spam folder checked.'],
  ],
  eu261: [
    ['en', 'My flight {route} was delayed 4 hours. I want the EUR 400 compensation under EU261.'],
    ['en', 'What is the status of my compensation claim? Submitted 6 weeks ago.'],
    ['en', 'You paid my EU261 compensation twice (2 x 250 EUR). Letting you know.'],
    ['no', 'Hvor blir det av erstatningen min? Flyet var over 3 timer forsinket.'],
    ['sv', 'Jag har rätt till ersättning enligt EU261, flyget ställdes in samma dag.'],
    ['de', 'Ich möchte eine Entschädigung nach der Fluggastrechteverordnung, Flug {route} annulliert.'],
    ['en', 'Claim for compensation - not the ticket refund, I already got that. The 600 euro one.'],
    ['pl', 'Chcę odszkodowanie 250 euro za opóźniony lot.'],
  ],
  ancillary_double: [
    ['en', 'I paid for seat 3A in Manage Booking and was charged twice. Not asking about a refund for a flight, just the seat.'],
    ['en', 'Added a bag to {pnr}, the page said error so I paid again. Now charged 2 times.'],
    ['no', 'Betalte for ekstra bagasje og ble trukket to ganger.'],
    ['sv', 'Jag köpte en sittplats och blev debiterad två gånger.'],
    ['de', 'Sitzplatzreservierung zweimal abgebucht.'],
    ['en', 'Double charge for extra legroom seat, booking {pnr}, {amt} twice'],
  ],
  noise: [
    ['en', 'My suitcase did not arrive in {route}. File reference BGOSK41230.'],
    ['en', 'Can I change the name on my booking? My wife\'s passport name is different.'],
    ['en', 'Can I bring my dog in the cabin?'],
    ['en', 'My flight was cancelled - should I pick refund or voucher? What is the difference?'],
    ['en', 'I chose a voucher, where is the voucher code?'],
    ['en', 'I need an invoice/receipt with VAT for my business trip {pnr}.'],
    ['en', 'Need wheelchair assistance at OSL next week.'],
    ['en', 'My Skarva Points are missing from last month\'s flights.'],
    ['no', 'Kan jeg endre datoen på billetten min?'],
    ['no', 'Bagasjen min er skadet, hvem kontakter jeg?'],
    ['no', 'Hvordan legger jeg til barn på bestillingen?'],
    ['sv', 'Kan jag ta med cykel?'],
    ['de', 'Wie viel Handgepäck darf ich mitnehmen?'],
    ['en', 'Website keeps logging me out when I try to check in.'],
    ['en', 'I was refused boarding because the flight was overbooked.'],
    ['pl', 'Czy mogę zmienić lot na inny dzień?'],
    ['en', 'How long does a refund normally take? I asked for one yesterday.'],
  ],
};
// phone notes by agents (shorthand)
const PHONE = {
  double_refund: ['Pax called re refund rcvd 2x for {pnr}. Adv\'d Finance will reverse 2nd one on card, 5-10 bd.', 'Kunde ringte, fått refusjon dobbelt ({amt} x2). Forklart at vi reverserer.', 'Cust upset abt unknown debit {amt} = reversal of dbl refund. Explained, apologised. {pnr}', 'Pax rcvd 2 refunds, wants to know if we take it back. Yes - adv\'d.'],
  notice_storm: ['Pax got 6-8 sms "refund failed". Card closed. Took bank details, set to manual.', 'Kunde lei av SMS om feilet refusjon, 7 stk. Beklaget.', 'Cust asks us to stop refund-failed txts. Escalated to Refusjon.'],
  failed_but_paid: ['Pax told refund failed but Kvikk shows paid. Checked - paid 19/8. Adv\'d ignore msg.', 'Kunde fikk feilmelding men pengene kom på Kvikk. Ok.', 'Pax refunded manually by colleague + Kvikk paid too = 2x. Sent to Finance.'],
  still_open: ['Pax refunded but PNR {pnr} shows coupons open, checked-in reminder rcvd. Told will be fixed.', 'Kunde: booking aktiv i app selv om refundert. Kuponger status O.'],
  no_confirmation: ['Pax no refund confirmation. Checked ledger - refund accepted. Adv\'d conf will follow.', 'Kunde mangler bekreftelse på refusjon, sjekket: ok.'],
  eu261: ['Pax asking EU261 comp status, ref to Claimsdesk.', 'Kunde vil ha erstatning for forsinkelse, sendt skjema.'],
  ancillary_double: ['Pax charged 2x for seat in MMB. Ref Team Web.', 'Bag purchase dbl charged, sent to Web.'],
  noise: ['Pax asked re baggage allowance.', 'Name change req, adv\'d fee.', 'Kunde spurte om hund i kabin.', 'Pax wants voucher code resent.', 'Req VAT receipt for {pnr}, sent.'],
};
const GENERIC = { en: ['Help', 'Question', 'Booking {pnr}', '(no subject)', 'Re: Your Skarva Air booking', 'Contact form', 'URGENT'], no: ['Hei', 'Spørsmål', 'Bestilling {pnr}', 'Henvendelse'], sv: ['Hej', 'Fråga', 'Bokning {pnr}'], de: ['Anfrage', 'Buchung {pnr}', 'Hilfe'], da: ['Hej', 'Spørgsmål'], pl: ['Pytanie', 'Rezerwacja {pnr}'] };
const SUBJ = {
  double_refund: ['Refunded twice', 'Double refund {pnr}', 'Unknown debit from Skarva Air', 'Dobbel refusjon', 'Why did you take money from my card', 'Refund received 2x'],
  notice_storm: ['STOP the sms', 'Refund failed messages', 'Spam from Skarva', 'Refusjon feilet ??', 'Too many messages'],
  failed_but_paid: ['Refund failed?', 'Refusjon feilet men mottatt', 'Kvikk refund', 'Conflicting information'],
  still_open: ['Booking still active', 'Ticket shows not refunded', 'Check-in reminder for cancelled flight'],
  no_confirmation: ['Refund confirmation', 'No confirmation', 'Bekreftelse refusjon'],
  eu261: ['EU261 compensation', 'Compensation claim', 'Erstatning forsinkelse', 'Entschädigung'],
  ancillary_double: ['Charged twice for seat', 'Double charge bag', 'Seat payment'],
  noise: ['Baggage', 'Name change', 'Pet in cabin', 'Voucher', 'Receipt', 'Assistance', 'Points missing'],
};
const GREET = { en: ['Hi,', 'Hello', 'Dear Skarva Air,', 'Hi there', ''], no: ['Hei,', 'Hei!', 'Hallo', ''], sv: ['Hej,', 'Hej!'], de: ['Guten Tag,', 'Hallo,'], da: ['Hej,'], pl: ['Dzień dobry,'] };
const BYE = { en: ['Thanks', 'Regards', 'Best regards', 'Cheers', 'Sent from my iPhone'], no: ['Mvh', 'Hilsen', 'Med vennlig hilsen'], sv: ['Mvh', 'Hälsningar'], de: ['Mit freundlichen Grüßen', 'Gruß'], da: ['Mvh'], pl: ['Pozdrawiam'] };

// ---- incidents that cause bursts (UTC dates) ---------------------------------------------------
const WINDOW = [Date.UTC(2026, 2, 16), Date.UTC(2026, 10, 14)];
const BURSTS = {
  double_refund: [[Date.UTC(2026, 3, 6), 22], [Date.UTC(2026, 9, 14), 12]],
  notice_storm: [[Date.UTC(2026, 4, 12), 22]],
  failed_but_paid: [[Date.UTC(2026, 7, 18), 16]],
  still_open: [[Date.UTC(2026, 5, 15), 16]],
  no_confirmation: [[Date.UTC(2026, 8, 9), 12]],
  eu261: [[Date.UTC(2026, 6, 2), 8], [null, 10]],
  ancillary_double: [[Date.UTC(2026, 3, 21), 12]],
  noise: [[null, 28]],
};
function when(start) {
  if (start === null) return WINDOW[0] + Math.floor(rnd() * (WINDOW[1] - WINDOW[0]));
  const days = Math.min(20, -Math.log(1 - rnd()) * 3.2); // mostly within 0-5 days
  return start + Math.floor(days * 86400e3) + int(5, 21) * 3600e3 + int(0, 3599) * 1000;
}
function typo(s) { // transpose two letters in one longer word
  const w = s.split(' '); const idx = w.map((x, i) => [x, i]).filter(([x]) => /^[a-zæøåäöü]{5,}$/i.test(x));
  if (!idx.length) return s; const [x, i] = pick(idx); const k = int(1, x.length - 3);
  w[i] = x.slice(0, k) + x[k + 1] + x[k] + x.slice(k + 2); return w.join(' ');
}
const fill = (s, v) => s.replace(/\{(\w+)\}/g, (_, k) => v[k]);
const iso = (t) => new Date(t).toISOString();

const items = [];
for (const [cluster, bursts] of Object.entries(BURSTS)) for (const [start, n] of bursts) for (let i = 0; i < n; i++) items.push({ cluster, t: when(start) });
items.sort((a, b) => a.t - b.t);

const AGENTS = ['Sofie Aas', 'Kristian Holm', 'Maja Lund', 'Emil Fjeld', 'Hilde Rasmussen'];
const tickets = [];
let id = 40310, artId = 190000;
const counters = {};
for (const it of items) {
  id += int(1, 9);
  const day = new Date(it.t).toISOString().slice(0, 10).replace(/-/g, '');
  counters[day] = (counters[day] || 0) + 1;
  const number = `${day}10${String(counters[day]).padStart(3, '0')}`;
  const v = { pnr: pnr(), amt: amt(), route: pick(ROUTES), name: `${pick(FIRST)} ${pick(LAST)}` };
  const channel = pick(['email', 'email', 'email', 'web', 'web', 'phone', 'phone', 'sms', 'facebook', 'chat']);
  const [lang, core0] = pick(C[it.cluster]);
  let core = fill(core0, v);
  if (chance(0.15)) core = typo(core);
  if (chance(0.1)) core = core.toLowerCase();
  let title = chance(0.27) ? fill(pick(GENERIC[lang] || GENERIC.en), v) : fill(pick(SUBJ[it.cluster]), v);
  const email = `${v.name.split(' ')[0].toLowerCase().replace(/ø/g, 'o')}.${v.name.split(' ')[1].toLowerCase().replace(/ü/g, 'ue')}${int(1, 99)}@${pick(['gmail.com', 'online.no', 'hotmail.com', 'outlook.com', 'wp.pl', 'live.se', 'gmx.de'])}`;
  const arts = [];
  const art = (o) => arts.push({ id: ++artId, ticket_id: id, internal: false, content_type: 'text/plain', created_at: iso(it.t + arts.length * int(600, 20000) * 1000), ...o });
  if (channel === 'email') {
    let body = [pick(GREET[lang] || GREET.en), '', core, '', pick(BYE[lang] || BYE.en), v.name].join('\n').replace(/^\n+/, '');
    if (chance(0.35)) { title = 'Re: ' + pick(['Your refund request ' + v.pnr, 'Your Skarva Air booking ' + v.pnr, 'Skarva Air - kansellert fly / cancelled flight']);
      body += `\n\n-----Original Message-----\nFrom: Skarva Air <no-reply@skarva.no>\nSubject: ${title.slice(4)}\n\n> Dear customer, your flight ${v.route} has been cancelled. You can choose a refund, a new flight or a travel voucher in Manage Booking.\n> Please do not reply to this email.`; }
    if (chance(0.3)) art({ type: 'email', sender: 'Customer', from: `${v.name} <${email}>`, to: 'kundeservice@skarva.no', subject: title, content_type: 'text/html', body: '<div dir="ltr">' + body.split('\n').map((l) => l ? l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : '<br>').join('<br>') + '</div>' });
    else art({ type: 'email', sender: 'Customer', from: `${v.name} <${email}>`, to: 'kundeservice@skarva.no', subject: title, body });
  } else if (channel === 'web') {
    title = chance(0.5) ? 'Web form: ' + pick(['Refunds & cancellations', 'Contact us', 'Other', 'Booking']) : title;
    art({ type: 'web', sender: 'Customer', from: `${v.name} <${email}>`, subject: title, body: `Name: ${v.name}\nE-mail: ${email}\nBooking reference: ${chance(0.8) ? v.pnr : ''}\nTopic: ${pick(['Refund', 'Cancellation', 'Other', 'Payment', 'Baggage'])}\n\n${core}` });
  } else if (channel === 'phone') {
    title = chance(0.6) ? 'Call ' + pick(['inbound', 'Kundeservice']) + ' ' + new Date(it.t).toISOString().slice(0, 10) : title;
    art({ type: 'phone', sender: 'Agent', from: pick(AGENTS), subject: title, body: fill(pick(PHONE[it.cluster]), v) + (chance(0.4) ? `\nCaller: ${v.name}, ${pick(['+47', '+46', '+48', '+49'])} ${int(400, 999)} ${int(10, 99)} ${int(100, 999)}` : '') });
  } else if (channel === 'sms') {
    title = 'SMS from +47 ' + int(400, 999) + ' ' + int(10, 99) + ' ' + int(100, 999);
    const short = core.length > 160 ? core.slice(0, core.lastIndexOf(' ', 155)) + '...' : core;
    art({ type: 'sms', sender: 'Customer', from: title.slice(9), body: short });
  } else if (channel === 'facebook') {
    title = 'Facebook: ' + v.name;
    art({ type: 'facebook feed post', sender: 'Customer', from: v.name, body: '@Skarva Air ' + core });
  } else {
    title = 'Chat ' + v.name.split(' ')[0];
    art({ type: 'chat', sender: 'Customer', from: v.name, body: `[Skarva bot] Hi! I'm Skarvi. What can I help you with? (Booking / Refunds / Baggage / Other)\n[${v.name.split(' ')[0]}] ${pick(['Other', 'Refunds', 'Booking'])}\n[Skarva bot] Let me connect you to an agent.\n[${v.name.split(' ')[0]}] ${core}` });
  }
  // agent reply (most tickets)
  if (chance(0.7) && channel !== 'phone') art({ type: channel === 'email' || channel === 'web' ? 'email' : channel, sender: 'Agent', from: pick(AGENTS) + ' <kundeservice@skarva.no>', subject: 'Re: ' + title, body: pick(['Thank you for contacting Skarva Air. We have forwarded your case to the right team.', 'Takk for henvendelsen. Vi ser på saken og kommer tilbake til deg.', 'Thank you for your message. We are sorry for the inconvenience.', 'Vi har mottatt din henvendelse og svarer så snart vi kan.']) + `\n\nKind regards / Med vennlig hilsen\n${pick(AGENTS).split(' ')[0]}\nSkarva Air Kundeservice` });
  if (chance(0.2)) art({ type: 'note', sender: 'Agent', internal: true, from: pick(AGENTS), body: pick(['tagged for weekly review', 'dup of earlier ticket?', 'sent to Refusjon', 'waiting for customer']) });
  const closed = chance(0.8);
  tickets.push({
    id, number, title,
    group: pick(it.cluster === 'eu261' ? ['Kundeservice', 'Claims'] : it.cluster === 'ancillary_double' ? ['Kundeservice', 'Web & App'] : ['Kundeservice', 'Kundeservice', 'Refusjon']),
    state: closed ? 'closed' : pick(['open', 'pending reminder', 'new']),
    priority: pick(['2 normal', '2 normal', '2 normal', '1 low', '3 high']),
    customer: email, owner: pick(AGENTS),
    create_article_type: arts[0].type, create_article_sender: arts[0].sender,
    tags: chance(0.4) ? [pick(['refund', 'refusjon', 'payment', 'cancellation', 'complaint', 'vip', 'kvikk'])] : [],
    created_at: iso(it.t), updated_at: arts[arts.length - 1].created_at, close_at: closed ? arts[arts.length - 1].created_at : null,
    article_count: arts.length, articles: arts,
  });
  it.number = number;
}
if (process.argv.includes('--truth')) {
  const sizes = {};
  for (const it of items) { console.log(`${it.number}\t${it.cluster}`); sizes[it.cluster] = (sizes[it.cluster] || 0) + 1; }
  console.error(JSON.stringify(sizes), 'total', items.length);
} else {
  process.stdout.write(JSON.stringify({ exported_at: '2026-11-16T02:00:14Z', source: 'https://skarva.zammad.com/api/v1', groups: ['Kundeservice', 'Refusjon', 'Claims', 'Web & App'], count: tickets.length, tickets }, null, 2) + '\n');
}
