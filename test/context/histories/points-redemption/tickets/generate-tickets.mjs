#!/usr/bin/env node
// Generates tickets/zoho-desk-member-care-export-2026-12-04.csv: Tally Member Care's Zoho Desk ticket
// export (Setup > Data Administration > Export > Tickets, department "Member Care", Created Time from
// 01 Feb 2026, all fields), and tickets/truth.json: which ticket belongs to which cause. The truth is
// never written into the export.
// Deterministic: sfc32 seeded from cyrb128 of a fixed string, no dependencies, byte-identical output on
// every run.
//   node generate-tickets.mjs        -> writes both files next to this script, sizes to stderr
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------- PRNG ----------
function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0, k; i < str.length; i++) {
    k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
function sfc32(a, b, c, d) {
  return function () {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const SEED = 'tally-member-care-zoho-desk-2026';
const rnd = sfc32(...cyrb128(SEED));
for (let i = 0; i < 15; i++) rnd();
const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const wpick = (pairs) => { // [[value, weight], ...]
  const tot = pairs.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * tot;
  for (const [v, w] of pairs) { if ((x -= w) < 0) return v; }
  return pairs[pairs.length - 1][0];
};
const fill = (s, v) => s.replace(/\{(\w+)\}/g, (m, k) => (k in v ? String(v[k]) : m));
const digits = (n) => Array.from({ length: n }, () => ri(0, 9)).join('');
const fmt = (n) => n.toLocaleString('en-IE');

// ---------- people ----------
const FIRST_IE = ['Seán', 'Aoife', 'Ciara', 'Niall', 'Declan', 'Gráinne', 'Siobhan', 'Conor', 'Orla', 'Padraig', 'Róisín', 'Eoin', 'Sinéad', 'Darragh', 'Máire', 'Fionn', 'Claire', 'Brian', 'Mairead', 'Cathal', 'Deirdre', 'Kevin', 'Lisa', 'Paul', 'Emma', 'John', 'Sarah', 'Michael', 'Rachel', 'Tom'];
const LAST_IE = ['Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Smith', "O'Brien", 'Byrne', 'Ryan', "O'Connor", "O'Neill", 'Doyle', 'McCarthy', 'Gallagher', 'Kennedy', 'Lynch', 'Quinn', 'Nolan', 'Brennan', 'Fitzgerald', 'Moran', 'Ó Briain', 'Mac Giolla', 'Duffy', 'Hayes', 'Foley'];
const FIRST_PL = ['Agnieszka', 'Tomasz', 'Katarzyna', 'Piotr', 'Magdalena', 'Marcin', 'Joanna', 'Krzysztof', 'Ewa', 'Łukasz', 'Anna', 'Paweł'];
const LAST_PL = ['Kowalczyk', 'Nowak', 'Wiśniewska', 'Wójcik', 'Kamiński', 'Lewandowska', 'Zieliński', 'Szymańska', 'Dąbrowski', 'Kozłowska'];
const FIRST_PT = ['Thiago', 'Juliana', 'Rafael', 'Camila', 'Lucas', 'Fernanda', 'Gabriel', 'Larissa', 'Bruno', 'Mariana'];
const LAST_PT = ['Souza', 'Oliveira', 'Santos', 'Pereira', 'Costa', 'Almeida', 'Ferreira', 'Ribeiro', 'Carvalho', 'Gomes'];
const FIRST_OTHER = ['Priya', 'Ahmed', 'Olena', 'Mohammed', 'Chen', 'Andrei', 'Fatima', 'Daniel', 'Jurgita', 'Carlos', 'Aisha', 'Vikram'];
const LAST_OTHER = ['Nair', 'Hassan', 'Shevchenko', 'Khan', 'Wei', 'Popescu', 'Ali', 'Rossi', 'Kazlauskienė', 'García', 'Okafor', 'Sharma'];
const DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.ie', 'eircom.net', 'icloud.com', 'live.ie', 'hotmail.co.uk', 'yahoo.com', 'proton.me'];
const COMPANIES = [['Murphy Hardware Ltd', 'Unit 4, Ballymount Industrial Estate, Dublin 12'], ['Quinn & Nolan Solicitors', '14 Patrick Street, Cork'], ['Westbay Physio', 'Salthill, Galway'], ['Brennan Accountancy Services', 'Main Street, Naas, Co. Kildare'], ['Foley Engineering', 'Raheen Business Park, Limerick'], ['St. Brigid\'s National School', 'Clondalkin, Dublin 22']];
const AGENTS = ['Siobhán Ryan', 'Mark Doyle', 'Paulina Nowak', 'Rafael Costa', 'Eimear Byrne', 'Kevin Walsh', 'Aisling Murphy'];
const STORES = ['Rathmines', 'Swords', 'Douglas', 'Salthill', 'Blanchardstown', 'Dún Laoghaire', 'Naas', 'Ennis', 'Tralee', 'Drogheda', 'Athlone', 'Letterkenny'];

const strip = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/[^A-Za-z]/g, '').toLowerCase();
function person(lang) {
  let first, last;
  if (lang === 'pl') { first = pick(FIRST_PL); last = pick(LAST_PL); }
  else if (lang === 'pt') { first = pick(FIRST_PT); last = pick(LAST_PT); }
  else if (lang === 'en' && chance(0.18)) { first = pick(FIRST_OTHER); last = pick(LAST_OTHER); }
  else { first = pick(FIRST_IE); last = pick(LAST_IE); }
  const dom = lang === 'pl' ? pick(['wp.pl', 'o2.pl', 'gmail.com', 'interia.pl']) : lang === 'pt' ? pick(['gmail.com', 'hotmail.com', 'yahoo.com.br', 'outlook.com']) : pick(DOMAINS);
  const local = wpick([[`${strip(first)}.${strip(last)}`, 4], [`${strip(first)}${strip(last)}${ri(1, 99)}`, 3], [`${strip(first)[0]}${strip(last)}`, 2], [`${strip(last)}${strip(first)[0]}${ri(70, 99)}`, 1]]);
  return { first, last, name: `${first} ${last}`, email: `${local}@${dom}`, phone: `+353 8${pick(['3', '5', '6', '7', '9'])} ${digits(3)} ${digits(4)}`, mem: `6338 ${digits(4)} ${digits(4)} ${digits(4)}` };
}

// ---------- dates (Irish local time; the export shows the agents' time zone, Europe/Dublin) ----------
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_PL = ['niedz.', 'pon.', 'wt.', 'śr.', 'czw.', 'pt.', 'sob.'];
const MON_PL = ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'];
const DAY_PT = ['dom.', 'seg.', 'ter.', 'qua.', 'qui.', 'sex.', 'sáb.'];
const MON_PT = ['jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.', 'out.', 'nov.', 'dez.'];
const p2 = (n) => String(n).padStart(2, '0');
// a "local" timestamp is minutes since epoch treated as wall-clock time (no zone maths needed)
const L = (s) => Date.parse(s.replace(' ', 'T') + ':00Z') / 60000;
const D = (m) => new Date(m * 60000);
function zohoTime(m) {
  const d = D(m);
  let h = d.getUTCHours();
  const ap = h < 12 ? 'AM' : 'PM';
  h = h % 12 || 12;
  return `${p2(d.getUTCDate())} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(h)}:${p2(d.getUTCMinutes())} ${ap}`;
}
const hhmm = (m) => { const d = D(m); return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`; };
const ddmm = (m) => { const d = D(m); return `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}`; };
const dayName = (m) => DAY[D(m).getUTCDay()];
const longDate = (m) => { const d = D(m); return `${d.getUTCDate()} ${MONTH_LONG[d.getUTCMonth()]}`; };
// pick a time inside [from, to] (local strings), biased to waking hours
function when(from, to) {
  const a = L(from), b = L(to);
  for (let i = 0; i < 50; i++) {
    const m = a + Math.floor(rnd() * (b - a));
    const h = D(m).getUTCHours();
    if (h >= 7 && h <= 23) return m;
    if (h < 7 && chance(0.08)) return m;
  }
  return a + Math.floor(rnd() * (b - a));
}

// Member Care answers phones and chat 08:00-20:00: re-draw inside the window until it is office hours
function officeHours(m, from, to) {
  for (let i = 0; i < 40 && (D(m).getUTCHours() < 8 || D(m).getUTCHours() >= 20); i++) m = when(from, to);
  return m;
}

// ---------- text mangling ----------
function typo(text) {
  const words = [...text.matchAll(/[A-Za-z]{5,}/g)];
  if (!words.length) return text;
  const w = pick(words);
  const i = ri(1, w[0].length - 3);
  const s = w[0];
  const t = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return text.slice(0, w.index) + t + text.slice(w.index + s.length);
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// ---------- our own automated emails (quoted in replies) ----------
const PREFIX = { "Harrow's": 'HRW', Fuelstop: 'FST', 'Kinsella Pharmacy': 'KNS', 'Brenmore Cinemas': 'BRN', "Larkin's": 'LRK', 'Riverbend Online': 'RVB' };
const codeFor = (brand) => `${PREFIX[brand] || 'TLY'}-${digits(4)}-${digits(4)}`;
const OURS = {
  ready: (v) => ({ subject: 'Your reward is ready 🎉', from: 'Tally <rewards@mail.tally.ie>', lines: [`Hi ${v.first},`, `Your ${v.item} ${/tickets$/.test(v.item) ? 'are' : 'is'} ready 🎉`, `Code: ${codeFor(v.brand)}    PIN: ${digits(4)}`, 'You can find it any time in the Tally app under My rewards.', `${v.pts} points have been taken from your balance.`, 'Enjoy!', 'The Tally team'] }),
  failed: (v) => ({ subject: "We couldn't complete your reward", from: 'Tally <rewards@mail.tally.ie>', lines: [`Hi ${v.first},`, `Sorry, we couldn't complete your reward (${v.item}).`, `Your ${v.pts} points are back on your balance. You can try again in the app.`, 'The Tally team'] }),
  adjust: (v) => ({ subject: 'A correction to your Tally points', from: 'Tally <hello@mail.tally.ie>', lines: [`Hi ${v.first},`, "On 22 February some Harrow's shopping was counted twice, so you received extra points by mistake.", `We'll correct your balance on 25 February (${v.pts} points). Sorry for the mix-up.`, 'The Tally team'] }),
};

// ---------- channel renderers ----------
function quoteBlock(kind, lang, m, ours, p) {
  const d = D(m);
  const inner = ours.lines.map((l) => `<div>${esc(l)}</div>`).join('');
  const fromEsc = esc(ours.from);
  if (kind === 'gmail') {
    let attr;
    if (lang === 'pl') attr = `W dniu ${DAY_PL[d.getUTCDay()]} ${d.getUTCDate()} ${MON_PL[d.getUTCMonth()]} ${d.getUTCFullYear()} o ${hhmm(m)} ${fromEsc} napisał(a):`;
    else if (lang === 'pt') attr = `Em ${DAY_PT[d.getUTCDay()]}, ${d.getUTCDate()} de ${MON_PT[d.getUTCMonth()]} de ${d.getUTCFullYear()} às ${hhmm(m)}, ${fromEsc} escreveu:`;
    else attr = `On ${DAY[d.getUTCDay()].slice(0, 3)}, ${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()} at ${hhmm(m)}, ${fromEsc} wrote:`;
    return `<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">${attr}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${inner}</blockquote></div>`;
  }
  if (kind === 'apple') {
    return `<div dir="ltr"><br><blockquote type="cite">On ${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${d.getUTCFullYear()}, at ${hhmm(m)}, ${fromEsc} wrote:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">${inner}</div></blockquote>`;
  }
  // outlook
  let h = d.getUTCHours(); const ap = h < 12 ? 'AM' : 'PM'; h = h % 12 || 12;
  return `<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> ${fromEsc}<br><b>Sent:</b> ${DAY[d.getUTCDay()]}, ${MONTH_LONG[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h}:${p2(d.getUTCMinutes())} ${ap}<br><b>To:</b> ${esc(p.email)}<br><b>Subject:</b> ${esc(ours.subject)}</font><div>&nbsp;</div></div><div>${inner}</div>`;
}

const GREET = { en: ['Hi,', 'Hello,', 'Hi there,', 'Dear Sir/Madam,', 'To whom it may concern,', 'Hi Tally,', 'Good evening,', '', '', ''], pl: ['Dzień dobry,', 'Witam,', 'Dzień dobry!', ''], pt: ['Olá,', 'Boa tarde,', 'Bom dia,', ''], ga: ['Dia duit,', 'A chara,'] };
const SIGNOFF = { en: ['Thanks', 'Thanks,', 'Regards,', 'Kind regards,', 'Thank you', 'Cheers', 'Many thanks', 'Thanks in advance', ''], pl: ['Pozdrawiam', 'Z poważaniem', 'Dziękuję'], pt: ['Obrigado', 'Obrigada', 'Att,', 'Abraço'], ga: ['Go raibh maith agat,', 'Le meas,'] };
function device(lang) {
  if (lang === 'pl') return pick(['Wysłane z iPhone\'a', 'Wysłane z mojego Galaxy', 'Wysłane z aplikacji Poczta dla Windows']);
  if (lang === 'pt') return pick(['Enviado do meu iPhone', 'Enviado do meu Galaxy', 'Enviado do Outlook para Android']);
  return pick(['Sent from my iPhone', 'Sent from my Galaxy', 'Get Outlook for Android', 'Sent from Yahoo Mail on Android', 'Sent from my iPad', 'Sent from Mail for Windows']);
}

function emailBody(text, lang, p, opts) {
  const style = opts.style; // gmail | apple | outlook
  const glang = opts.irishGreeting ? 'ga' : lang;
  let greet = pick(GREET[glang]);
  if (greet === 'Good evening,' && opts.hour !== undefined && opts.hour < 17) greet = 'Hello,';
  const so = opts.irishGreeting ? pick(SIGNOFF.ga) : pick(SIGNOFF[lang]);
  const lines = [];
  if (greet) lines.push(greet, '');
  lines.push(...text.split('\n'));
  if (so || chance(0.7)) { lines.push(''); lines.push(so ? `${so}` : ''); lines.push(chance(0.5) ? p.first : p.name); }
  let html;
  if (style === 'gmail') html = `<div dir="ltr">${lines.map((l) => (l ? `<div>${esc(l)}</div>` : '<div><br></div>')).join('')}</div>`;
  else if (style === 'apple') html = lines.map((l) => (l ? `${esc(l)}<br>` : '<br>')).join('');
  else html = `<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">${lines.map((l) => (l ? esc(l) : '&nbsp;')).join('<br>')}</div>`;
  if (opts.company) html += `<div><br></div><div style="color:#555555;font-size:10pt">${esc(p.name)}<br>${esc(opts.company[0])}<br>${esc(opts.company[1])}<br>Tel: +353 ${pick(['1', '21', '91', '61', '45'])} ${digits(3)} ${digits(4)}</div>`;
  else if (opts.device) html += `<div><br></div><div>${esc(device(lang))}</div>`;
  if (opts.quote) html += quoteBlock(style, lang, opts.quote.m, opts.quote.ours, p);
  return html;
}

function webForm(text, p, topic) {
  return `<div>Name: ${esc(p.name)}<br>Email: ${esc(p.email)}<br>Membership number: ${chance(0.75) ? p.mem : ''}<br>Topic: ${esc(topic)}<br>Message:<br>${esc(text).replace(/\n/g, '<br>')}</div><div><br></div><div>--<br>Sent from tally.ie/help (contact form)</div>`;
}

const BOT_HELLO = ['Hi 👋 I\'m Tally\'s assistant. What can I help you with today?', 'Hi there! 👋 Ask me anything about points, rewards or your account.'];
function chatTranscript(lines, p, m, agent) {
  let t = m;
  const out = [`<div><b>Chat transcript</b></div><div>Visitor: ${esc(p.name)} (${esc(p.email)})</div><div>Started: ${zohoTime(m)} · Page: https://tally.ie/app/rewards</div><div><br></div>`];
  out.push(`<div>[${hhmm(t)}] Tally Assistant: ${esc(pick(BOT_HELLO))}</div>`);
  for (const l of lines) { t += ri(0, 1); out.push(`<div>[${hhmm(t)}] ${esc(p.first)}: ${esc(l)}</div>`); }
  t += ri(1, 2);
  out.push(`<div>[${hhmm(t)}] Tally Assistant: Thanks! I'm passing you to someone from Member Care now.</div>`);
  t += ri(1, 6);
  out.push(`<div>[${hhmm(t)}] ${esc(agent)} joined the chat</div>`);
  out.push(`<div>[${hhmm(t)}] ${esc(agent)}: Hi ${esc(p.first)}, thanks for waiting. Let me have a look at your account for you.</div>`);
  return out.join('');
}

// ---------- clusters ----------
// Each cluster: count, windows [[from, to, weight]], langs, channels, ctx(m) -> vars, bank: {en:[...], pl:[...], pt:[...]},
// social:[...], phone:[...], chat:[[...lines]], subjects:[...], quote: ours-key or null (chance), topic.
const BRAND_VAL = {
  promo: [["Harrow's", '€25', 2000, 'gift card', 6], ["Harrow's", '€50', 4000, 'gift card', 2], ['Fuelstop', '€20', 2000, 'fuel card', 2], ['Kinsella Pharmacy', '€10', 1000, 'gift card', 1]],
  normal: [["Harrow's", '€25', 2500, 'gift card', 5], ['Fuelstop', '€20', 2000, 'fuel card', 3], ['Kinsella Pharmacy', '€10', 1000, 'gift card', 2]],
  halloween: [['Brenmore Cinemas', '2', 2400, 'cinema tickets', 5], ['Brenmore Cinemas', '1', 1200, 'cinema ticket', 2], ["Harrow's", '€25', 2500, 'gift card', 3]],
  larkins: [["Larkin's", '€25', 2500, 'gift card', 3], ["Larkin's", '€50', 5000, 'gift card', 2], ['Riverbend Online', '€20', 2000, 'e-voucher', 3]],
  cinema: [['Brenmore Cinemas', '2', 2400, 'cinema tickets', 4], ['Brenmore Cinemas', '1', 1200, 'cinema ticket', 2], ['Brenmore Cinemas', '3', 3600, 'cinema tickets', 1], ['Kinsella Pharmacy', '€10', 1000, 'gift card', 1]],
};
function brandCtx(set, m) {
  const [brand, val, pts, kind] = wpick(BRAND_VAL[set].map((x) => [x, x[4]]));
  const bal = pts * ri(1, 4) + ri(1, 90) * 37;
  const cinema = brand === 'Brenmore Cinemas';
  const item = cinema ? `${val === '1' ? 'Brenmore cinema ticket' : `${val} Brenmore cinema tickets`}` : `${val} ${brand} ${kind}`;
  return { brand, val: cinema ? `${val} x` : val, kind, item, ptsN: pts, pts: fmt(pts), pts2: fmt(pts * 2), bal: fmt(bal + pts * 2), bal2: fmt(bal), d: ddmm(m), dd: dayName(m), store: pick(STORES) };
}

const CLUSTERS = {
  // ---------------- in scope ----------------
  points_twice: {
    about: true, count: 34,
    windows: [['2026-04-02 17:35', '2026-04-04 22:00', 14, 'promo'], ['2026-04-05 08:00', '2026-04-08 20:00', 8, 'promo'], ['2026-10-27 19:20', '2026-10-29 22:00', 9, 'halloween'], ['2026-10-30 08:00', '2026-11-02 20:00', 3, 'halloween']],
    topic: 'Rewards & gift cards',
    subjects: ['Points taken twice', 'points deducted twice', 'Double deduction', 'Charged double points for one voucher', 'Reward - points taken 2x', 'Wrong points deducted', 'Gift card points', 'Overcharged points', 'Refund of points please', 'Points gone', 'Reward problem'],
    bank: {
      en: [
        'I redeemed a {item} {whenTxt} and my points went down by {pts2} instead of {pts}. In the points history the reward is there twice, but I only got one code. Can you put the other {pts} back please?',
        "my points have been taken twice for one voucher. Balance before was {bal}, after one redemption it's {bal2}. I didn't press anything twice.",
        'This is what my points history shows:\n\n{d}  Reward - {item}   -{pts}\n{d}  Reward - {item}   -{pts}\n\nI only redeemed ONCE. Please refund the second one.',
        "I think there's a glitch. I swapped {pts} points for a {item} {whenTxt} and {pts2} came off my account. Only one email with a code. Can someone check?",
        'Why have you taken double points from me? The {item} is {pts} points, not {pts2}. I want the {pts} back.',
        'My partner and I both redeemed {brand} rewards {whenTxt} and we both lost the points twice. Is this a known problem?',
        "I was saving my points for Christmas and now {pts2} are gone for one reward. That's not on. Please sort it out.",
        'Points came off two times for the same reward. Only one code in My rewards. Screenshot attached.',
        'I am writing because my account was debited {pts2} points for a single reward ({item}). Please could you refund the duplicate debit.',
        'Was charged points twice for my reward, 1 voucher received. Member no. {mem}.',
        'Just redeemed a {item} and the points were deducted twice!! The app froze for a second and then my balance was {bal2}. I definitely only tapped once.',
        'Your app has taken {pts2} points off me for a {pts} point reward. Can you explain?',
        'Quick one - I see two lines of -{pts} for the same {brand} reward {whenTxt}. Should I be worried? I only have one code.',
        'Overcharged points. Reward cost {pts}, {pts2} gone. Please fix asap.',
      ],
      en_g: [
        'I got {item} for the Brenmore Halloween double bill tonight ({pts} points) and {pts2} points were taken. The app was down for a bit around 7 and when it came back the points had gone twice.',
        'My points were taken twice for the Brenmore tickets last night. Only one booking code. Please refund {pts}.',
        'Booked the Halloween tickets on the app, paid {pts} points, and now my history shows it twice. Only one booking reference came through.',
      ],
      pl: [
        'za {item} ({pts} punktów) z konta zniknęło {pts2} punktów. Przyszedł tylko jeden kod. Proszę o zwrot.',
        'punkty zostały pobrane dwa razy za jedną nagrodę ({item}). W historii widzę dwa razy -{pts}. Proszę o sprawdzenie.',
      ],
      pt: [
        'troquei meus pontos por um {item} e descontaram {pts2} pontos, ou seja, duas vezes. Recebi só um código. Podem devolver?',
        'meus pontos foram debitados em dobro pela mesma recompensa ({item}). Só recebi um código.',
      ],
      replyReady: ['I got this email but the {pts} points came off TWICE, see my history. Only one code.', 'See below. {pts} points my foot, it was {pts2}!', 'Why does my history show this twice?', 'Got this, fine, but {pts2} points are gone, not {pts}.'],
    },
    social: ['hi my points went twice for the one voucher??', 'points taken 2x for 1 gift card pls fix', 'you took {pts2} points for a {pts} point reward 🙄', 'double points deducted for my reward, member no {mem}', 'lost {pts2} points for one {brand} reward. not happy', 'why did my points come off twice', 'took my points twice for the same voucher. sort it out'],
    phone: [
      "Mbr called - pts deducted x2 for {item} on {d}. 2 burns in history, 1 code in wallet. Adv'd 2nd burn will be refunded 24-48h.",
      'Caller: double deduction on reward ({pts} x2). Checked Abacus hist, confirmed. Apologised, pointed to incident macro.',
      'Cust v annoyed, saving pts for xmas, lost {pts2} for 1 reward. Escalated to TL. Goodwill 500 pts offered.',
      'Mbr ph re {brand} reward {d} - balance down {pts2} not {pts}. Confirmed dup. Refund pending per Goldfinch.',
      "Caller (elderly) thought she'd pressed twice. Hist shows 2 x -{pts}, 1 code. Explained our error, refund to follow.",
      'Mbr rang, 2nd deduction for same reward. Dup burn confirmed. Adv\'d auto refund, no action needed from mbr.',
    ],
    chat: [['hi', 'my points were taken twice for a gift card', '{pts} x 2', 'I only got one code'], ['Hello, I redeemed a {item} and lost {pts2} points instead of {pts}'], ['points gone twice??', 'for the {brand} one'], ['hi there', 'the reward i got {whenTxt} shows twice in my history', 'and my balance is {bal2}']],
    quote: ['ready', 0.22],
  },
  notice_storm: {
    about: true, count: 22,
    windows: [['2026-05-07 07:00', '2026-05-07 14:00', 16, 'b'], ['2026-05-07 14:00', '2026-05-10 20:00', 6, 'b']],
    topic: 'Rewards & gift cards',
    subjects: ['Same email over and over', 'STOP the emails', 'Spam from Tally', 'Reward failed emails', 'Too many notifications', 'Why so many emails?', 'Failed reward', 'Emails every 15 minutes', 'Notifications'],
    bank: {
      en: [
        "I've now received the email 'We couldn't complete your reward' {k} times since this morning. Please make it stop!",
        "Why do I keep getting told my reward failed? I've had the same push notification every 15 minutes since 7am.",
        "I've had {k} emails saying you couldn't complete my Harrow's €50 card and that my points are back. But my points are NOT back, the balance is still down 5,000. Does this mean you are going to take my points {k} times?",
        "My inbox is full of emails from you saying the Harrow's €50 card couldn't be completed. Is it completed or not???",
        'Same email again and again - "we couldn\'t complete your reward". Is something wrong with my account? Should I redeem again?',
        "I'm getting loads of notifications about a failed reward. Please turn them off. I work nights and my phone has been buzzing all morning.",
        'Will I lose points for each of these attempts? I have {k} emails now.',
        'Your system is broken, I got the same "couldn\'t complete" message {k} times in a row.',
        'Every quarter of an hour I get told my reward could not be completed. I get it! Once is enough.',
        'Is this a scam? I keep receiving emails from Tally saying my reward failed, {k} so far today.',
      ],
      pl: ['dostaję ciągle tego samego maila, że nie udało się zrealizować nagrody. Już {k} razy od rana. Proszę to wyłączyć.'],
      pt: ['recebi {k} vezes o mesmo e-mail dizendo que não foi possível concluir minha recompensa. Isso é normal?'],
      replyFailed: ['Yes, I know. You told me {k} times already.', 'Please stop sending me this!!! This is number {k}.', 'Is it going through or not? I keep getting this.'],
    },
    social: ["why am i getting the same 'couldn't complete your reward' notification every 15 mins", '{k} emails about the same failed reward lol', 'make it stop 😩 {k} notifications about my harrows card', 'ur app keeps telling me my reward failed. over and over', 'got the same email {k} times, is my account ok?'],
    phone: [
      "Mbr rang re repeated 'couldn't complete' emails (x{k}) for Harrow's €50. Adv'd known issue, notices paused, pts safe, reward will go through when back in stock.",
      "Caller asked if she'd lose pts {k} times - reassured, only 1 redemption.",
      'Elderly mbr confused by {k} failed reward emails, thought account hacked. Reassured.',
      'Mbr wants notifications off after {k} identical pushes. Showed how to mute, adv\'d fix coming.',
    ],
    chat: [['hi', 'i keep getting emails that my reward failed', 'like {k} of them'], ['why do you keep telling me my harrows card failed?']],
    quote: ['failed', 0.25],
  },
  points_not_returned: {
    about: true, count: 16,
    windows: [['2026-06-24 10:00', '2026-06-26 12:30', 16, 'cinema']],
    topic: 'Points',
    subjects: ['Points not returned', 'Where are my points?', 'Failed reward - points missing', 'Cinema tickets failed', 'Points not back', 'Missing points', 'Refund of points'],
    bank: {
      en: [
        'My {item} reward failed {ddOn} and the app said the points would be back within the hour. It is now {today} and my {pts} points are still missing.',
        "The reward was cancelled (out of stock) but my points have not been returned. Email said 'your points are back' but they are NOT.",
        'Where are my points? My reward failed {ddOn} and my balance is still {pts} short.',
        "Cinema tickets didn't go through but the points are gone. Can you give them back please, we wanted to go on Saturday.",
        "I got an email that my reward couldn't be completed, fine, but where are the points? Still waiting.",
        'Tried to get {item}, it said out of stock and points refunded. Balance has not changed. {bal2} instead of {bal}.',
        'How long does it take for points to come back after a failed reward? The app says one hour, it has been much longer.',
      ],
      pl: ['nagroda nie została zrealizowana, ale punkty nie wróciły na konto. Brakuje {pts} punktów.'],
      pt: ['minha recompensa falhou e os pontos não voltaram até agora. Faltam {pts} pontos no meu saldo.'],
      replyFailed: ['You say my {pts} points are back on my balance. They are not. Balance is {bal2}, should be {bal}.', 'Still no points. See your own email below.'],
    },
    social: ['reward failed but no points back??', 'still waiting for my {pts} points to come back', 'brenmore tickets failed, points gone. hello?'],
    phone: ["Mbr: Brenmore tix failed {d}, {pts} pts not refunded yet. Checked - refund pending. Adv'd 24-48h.", 'Caller re missing pts after failed reward. Logged w/ Goldfinch (refund jobs).', 'Mbr: failed reward {d}, pts not back. Hist shows burn, no refund line. Escalated.'],
    chat: [['hi my cinema reward failed', 'and the points never came back'], ['hello', 'i was told my points are back but they arent']],
    quote: ['failed', 0.35],
  },
  failed_then_taken: {
    about: true, count: 18,
    windows: [['2026-09-08 12:10', '2026-09-09 21:00', 5, 'early'], ['2026-09-10 09:00', '2026-09-15 20:00', 13, 'late']],
    topic: 'Rewards & gift cards',
    subjects: ['Reward failed but points taken', 'Points taken again', 'Did my reward fail or not?', 'Confused', 'Points deducted after failed reward', 'Question about my reward'],
    bank: {
      early: [
        "I redeemed a {item} {whenTxt}, the app said it couldn't be completed and my points came back. Tried again and same thing. Is {brand} not working?",
        "Got 'we couldn't complete your reward' for a {brand} voucher, so I redeemed again and it worked. Just checking I won't lose points for the first one?",
        'Your app said my {brand} reward failed. Should I try again or wait? I need it for the weekend.',
      ],
      en: [
        "On {prevDay} the app told me my {item} couldn't be completed and my points came back. Today the points were taken again and a code appeared in My rewards. Which is it??",
        'I was told the reward failed, so I redeemed again. Now I have two {brand} cards and {pts2} points gone. I only wanted one!',
        'Got an email saying reward failed and points back. Then another email saying here is your code and points taken. Very confusing, please explain.',
        "Why were {pts} points taken from me on {d}? I didn't redeem anything that day. My reward FAILED on {prevD}.",
        'Failed reward but points deducted anyway???',
        'You told me my {brand} reward failed. Now the points are gone again. Please make up your mind.',
        'A {brand} code just appeared in my wallet for a reward you said had failed, and {pts} points went with it. I did not agree to that.',
      ],
      pl: ['najpierw przyszła informacja, że nagroda się nie powiodła i punkty wróciły, a teraz punkty znowu zniknęły i pojawił się kod. Co się dzieje?'],
      pt: ['disseram que minha recompensa falhou e devolveram os pontos, mas depois tiraram de novo. Não entendi nada.'],
      replyFailed: ['This email says my points are back. Now they have been taken again. Not happy.', 'So this was wrong then? The points are gone again.'],
    },
    social: ['you said my reward failed then took the points anyway??', 'so did it fail or not 🤔', 'points back then gone again. what is going on'],
    phone: [
      'Cust confused - told GC failed {prevD}, pts returned, then re-taken {d} w/ code in wallet. Explained per E-SEP macro.',
      "Mbr redeemed twice after 'failed' msg, now 2 cards + {pts2} pts gone. Offered reversal of 2nd, mbr wants to keep both cards.",
      "Caller: 'failed' reward {prevD}, pts deducted again {d}. Explained code now in wallet.",
    ],
    chat: [['hi', 'my reward failed last week but now the points are gone', 'and theres a code??']],
    quote: ['failed', 0.2],
    tags: ['E-SEP', 0.45],
  },
  stuck_processing: {
    about: true, count: 14,
    windows: [['2026-10-01 17:00', '2026-10-03 11:30', 14, 'larkins']],
    topic: 'Rewards & gift cards',
    subjects: ['No code received', 'Voucher still processing', 'Where is my code?', "Larkin's voucher", 'Riverbend voucher not received', 'Stuck on processing'],
    bank: {
      en: [
        "My {item} still says 'Your code is on its way' since {dd}. Points are gone but no code.",
        'Redeemed {pts} points for a {item} {ddOn} - still Processing, no code. How long does it take?',
        'No code received for my {item}. The app just says Processing.',
        'I need the {brand} code for a present on Saturday. It has been stuck since {dd}.',
        'I redeemed a {item} on {d} and have not received the code by email or in the app.',
        'Is there a problem with {brand}? My voucher is pending and the points have already gone.',
      ],
      pl: ['kod do karty {brand} nadal się nie pojawił, status "w realizacji" od {d}.'],
      pt: ['meu vale {brand} está "Processando" desde {d} e o código não chegou.'],
    },
    social: ['still no code for my {brand} voucher 🙁', 'how long does processing take??', '{brand} code never arrived'],
    phone: ["Mbr: {brand} GC stuck 'processing' since {d}. pts burned, no code. Known issue, adv'd code will land in wallet.", 'Caller needs {brand} code for gift, pending since {d}. Adv\'d fix in progress, will arrive in wallet + email.'],
    chat: [['hi', 'my {brand} voucher is still processing', 'since {dd}'], ['where is my code? its been pending ages']],
    quote: null,
  },
  // ---------------- look-alikes from other services ----------------
  till_double: {
    about: false, count: 14,
    windows: [['2026-05-14 10:00', '2026-05-15 21:00', 10, 'till'], ['2026-05-16 09:00', '2026-05-18 18:00', 4, 'till']],
    topic: 'Points',
    subjects: ['Points taken twice at Harrows', 'Pay with points problem', 'Double points deducted', 'Self checkout points', 'Points deducted twice', 'Shopping paid with points'],
    bank: {
      en: [
        "Paid with points at the self checkout in Harrow's {store} today and the points were taken twice. The receipt only shows {pts} points.",
        "I used my points at the till in Harrow's and it deducted them 2x. The girl at the till said the machine froze and she tried again.",
        "I was double charged points for my shopping at Harrow's {store} on {d}. {pts2} points gone for a {pts} point shop.",
        "Pay with points at Harrow's took my points twice. Please refund.",
        'Went to pay for my groceries with my Tally points and it took them twice, I have the receipt.',
        "The self-scan till in {store} timed out when I paid with points, I pressed pay again and now both went through.",
        'At Harrow\'s {store} today my points were deducted two times for one shop ({pts}). Store said contact Tally.',
      ],
      pl: ["przy płatności punktami w Harrow's przy kasie samoobsługowej punkty zostały pobrane dwa razy."],
    },
    social: ['paid with points in harrows and it took them twice??', 'harrows till took my points x2', 'self checkout took my points twice, {store}'],
    phone: ["Mbr: pay w/ pts at Harrow's {store} tills, deducted x2. Not online reward - pos-burn. Logged for Partner Integrations.", "Caller: Harrow's {store} SCO, pts taken twice ({pts}). In-store, not reward. Passed to PI."],
    chat: [['hi', 'the till in harrows took my points twice']],
    quote: null,
    ctx: 'till',
  },
  earn_clawback: {
    about: false, count: 12,
    windows: [['2026-02-23 08:00', '2026-02-24 20:00', 4, 'early'], ['2026-02-25 14:00', '2026-03-01 20:00', 8, 'late']],
    topic: 'Points',
    subjects: ['Double points?', 'Points taken off me', 'Points adjustment??', 'Why did my points go down', 'Missing points'],
    bank: {
      early: ["I got double points for my Harrow's shop on Sunday, is there a promotion on?", "My points for Harrow's are doubled, just flagging in case it's a mistake.", 'Sunday\'s shopping shows twice in my points history. Not complaining!'],
      en: [
        "You've taken {pts} points off my account without any explanation!",
        "What is 'Points adjustment -{pts}'? I didn't do anything.",
        "Why did my points go down? I didn't redeem anything.",
        "I had planned to use those points for a gift card and now they're gone. Not impressed.",
        '{pts} points deducted from my account today. I did not spend them.',
      ],
      pl: ['dlaczego z mojego konta zniknęło {pts} punktów? Nie było żadnej wymiany.'],
      replyAdjust: ['I never got double points, why are you taking {pts} off me?', 'This is ridiculous, your mistake not mine.'],
    },
    social: ['why did my points go down by {pts}??', 'points gone, didnt redeem anything'],
    phone: ["Mbr asking re 'points adjustment' -{pts} 25/2. Explained Harrow's double import 22/2 reversed. Mbr ok.", 'Caller unhappy w/ clawback -{pts}. Explained. Goodwill 100 pts.'],
    chat: [['why did you take points off me']],
    quote: ['adjust', 0.3],
    ctx: 'earn',
  },
  otp_storm: {
    about: false, count: 8,
    windows: [['2026-07-30 08:30', '2026-07-31 12:00', 8, 'x']],
    topic: 'My account',
    subjects: ["Can't log in", 'Verification codes not working', 'Too many texts', 'Login problem'],
    bank: {
      en: ['I got 6 verification codes when I tried to log in and none of them work.', "Can't log in, the codes you text me say invalid.", 'My phone is getting text after text with Tally codes.', 'The login code expires before it arrives, then I get another one.'],
      pt: ['recebi vários códigos de verificação e nenhum funciona.'],
    },
    social: ['getting loads of login codes and none work', 'cant log in, code invalid x5'],
    phone: ["Mbr locked out, multiple OTPs none valid. Adv'd wait 10 min and retry. Identity issue."],
    chat: [['cant log in', 'codes dont work']],
    quote: null,
  },
  plus_payment: {
    about: false, count: 6,
    windows: [['2026-06-09 07:30', '2026-06-11 18:00', 6, 'x']],
    topic: 'Tally Plus',
    subjects: ['Tally Plus payment', 'Payment failed?', 'Charged but payment failed email'],
    bank: {
      en: ['I got 3 emails saying my Tally Plus payment failed but my bank shows it went through. Am I going to be charged 3 times?', 'Tally Plus: payment failed email but I was charged €3.99.', 'Why does it say my Tally Plus payment failed? Money is gone from my account.'],
    },
    social: ['tally plus says payment failed but i was charged'],
    phone: ["Mbr re Tally Plus failed pmt emails x3, bank shows charged once. Adv'd subscriptions issue, no action needed."],
    chat: [['my tally plus payment failed', 'but bank says paid']],
    quote: null,
  },
  expiry_twice: {
    about: false, count: 8,
    windows: [['2026-11-01 08:00', '2026-11-04 20:00', 8, 'x']],
    topic: 'Points',
    subjects: ['Points expired', 'Expired points wrong', 'Lost half my points', 'Points disappeared'],
    bank: {
      en: ['{pts} points expired last night but the email in October said only {half} would expire.', 'Half my points disappeared overnight, the app says Expired.', "Why did I lose {pts} points? The history says 'Expired' twice."],
      pl: ['wygasło mi dwa razy więcej punktów niż było w mailu.', 'w nocy zniknęło {pts} punktów, w historii dwa razy "Expired". Dlaczego?'],
    },
    social: ['my points expired twice??', 'lost {pts} points overnight - expired'],
    phone: ['Mbr: expiry 1/11 took {pts}, warning said {half}. Known issue - reversal 2/11.'],
    chat: [['my points expired', 'more than the email said']],
    quote: null,
    ctx: 'expiry',
  },
  boost_push: {
    about: false, count: 5,
    windows: [['2026-11-27 07:00', '2026-11-28 20:00', 5, 'x']],
    topic: 'Something else',
    subjects: ['Notifications', 'Double points push', 'Too many notifications'],
    bank: { en: ['Got the double points at Fuelstop notification like 5 times.', 'Please stop sending the same double points message.', 'Is double points on or not? I got the alert 4 times.'] },
    social: ['got the double points fuelstop notification like 5 times lol', 'stop the double points spam pls'],
    phone: ["Mbr annoyed by repeated boost push x4. Adv'd fixed."],
    chat: [['is double points on at fuelstop', 'got 4 notifications']],
    quote: null,
  },
  noise: {
    about: false, count: 36,
    windows: [['2026-02-02 08:00', '2026-12-03 20:00', 36, 'x']],
    topic: null,
    quote: null,
  },
};

const NOISE = [
  { t: 'How do I link my bank card to earn points?', s: 'Linking a card', topic: 'My account' },
  { t: 'I lost my Tally key fob card, can I get a new one?', s: 'Lost card', topic: 'My account' },
  { t: 'Please change my email address to {newemail}.', s: 'Change email', topic: 'My account' },
  { t: 'I shopped in Fuelstop {store} on {d} and didn\'t get any points. Receipt attached.', s: 'Missing points', topic: 'Points' },
  { t: "How many points do I need for a €25 Harrow's gift card?", s: 'Question', topic: 'Rewards & gift cards' },
  { t: "Can I transfer my points to my husband's account?", s: 'Transfer points', topic: 'Points' },
  { t: 'My Corrib Club number is wrong on my account. How do I change it before I transfer miles?', s: 'Corrib Club number', topic: 'Rewards & gift cards' },
  { t: "How do I check the balance on the Harrow's gift card I got from you?", s: 'Gift card balance', topic: 'Rewards & gift cards' },
  { t: 'This is a subject access request under GDPR for all personal data you hold about me.', s: 'Subject Access Request', topic: 'Something else' },
  { t: 'Please close my account and delete my data.', s: 'Close account', topic: 'My account' },
  { t: 'The app crashes every time I open Rewards on my Pixel 9 (Android 15).', s: 'App crashing', topic: 'Something else' },
  { t: 'How do I cancel Tally Plus?', s: 'Cancel', topic: 'Tally Plus' },
  { t: 'I have two accounts, one with my old email. Can they be merged?', s: 'Two accounts', topic: 'My account' },
  { t: 'Charged twice?? Oh no wait, one of them is my Tally Plus membership. Sorry, ignore!', s: 'Charged twice', topic: 'Tally Plus' },
  { t: "What does 'pending' mean next to my points for Kinsella Pharmacy?", s: 'Pending points', topic: 'Points' },
  { t: "Can I use my Harrow's e-gift card for online delivery?", s: 'Gift card online?', topic: 'Rewards & gift cards' },
  { t: 'The Brenmore code you sent says already used at the kiosk. I have not used it!', s: 'Cinema code', topic: 'Rewards & gift cards' },
  { t: 'I redeemed a reward by mistake, can I cancel it and get my points back?', s: 'Cancel reward', topic: 'Rewards & gift cards' },
  { t: 'My gift card expired before I used it, can you reissue it?', s: 'Expired gift card', topic: 'Rewards & gift cards' },
  { t: 'Website not loading for me this morning.', s: 'Website', topic: 'Something else' },
  { t: "The cashier in Harrow's {store} was rude when I asked about my points.", s: 'Complaint', topic: 'Something else' },
  { t: 'Do Tally points expire?', s: 'Expiry', topic: 'Points' },
  { t: "Can I send a gift card to my daughter's email?", s: 'Gift for someone else', topic: 'Rewards & gift cards' },
  { t: 'Birthday bonus points not received this year.', s: 'Birthday bonus', topic: 'Points' },
  { t: "Why does a Harrow's €25 card cost 2,500 points now? Last week it was 2,000.", s: 'Price of reward', topic: 'Rewards & gift cards', from: '2026-04-09 08:00', to: '2026-04-30 20:00' },
  { t: 'I received an email meant for someone else (a Mr Gallagher). Just letting you know.', s: 'Wrong email', topic: 'Something else' },
  { t: 'Face ID login stopped working after the update.', s: 'Face ID', topic: 'My account' },
  { t: 'Can I scan a paper receipt to get points?', s: 'Receipts', topic: 'Points' },
  { t: 'Can I transfer my points to Aurora Hotels? How long does it take?', s: 'Hotel points', topic: 'Rewards & gift cards' },
  { t: 'Is there a limit on how many gift cards I can get in a month?', s: 'Limit?', topic: 'Rewards & gift cards' },
  { reply: 'ready', t: 'Can I use this code online or only in the shop?', s: 'Re: Your reward is ready 🎉', topic: 'Rewards & gift cards' },
  { reply: 'failed', t: 'OK, when will Brenmore have tickets again?', s: "Re: We couldn't complete your reward", topic: 'Rewards & gift cards' },
  { lang: 'pl', t: 'jak połączyć kartę bankową z kontem Tally?', s: 'Karta', topic: 'My account' },
  { lang: 'pt', t: 'como faço para trocar meu e-mail cadastrado?', s: 'Trocar e-mail', topic: 'My account' },
  { lang: 'ga', t: 'An bhfuil leagan Gaeilge den aip ar fáil? Ba bhreá liom é a úsáid as Gaeilge.', s: 'Gaeilge', topic: 'Something else' },
  { t: 'I think someone used my account, there is a reward I did not redeem.', s: 'Security', topic: 'My account' },
];

const GENERIC_SUBJECTS = ['(no subject)', 'Help', 'Query', 'Points', 'Complaint', 'URGENT', 'Tally', 'question', 'Hello', 'My account', 'Issue'];
const CLASSIFICATION = [['Problem', 5], ['Question', 3], ['Request', 1], ['Others', 1]];
const CATEGORY_ANY = ['Rewards', 'Points', 'Account', 'App', 'Partners', 'Tally Plus', 'General'];
const TAGS = ['escalated', 'vip', 'goodwill', 'macro-used', 'refund', 'callback', 'social', 'complaint', 'first-contact', 'gdpr'];

// ---------- build ----------
// draw texts like a deck of cards per list, so a cluster does not repeat a wording before it has used them all
const decks = new Map();
function deal(id, arr) {
  let d = decks.get(id);
  if (!d || !d.length) {
    d = arr.map((x, i) => [rnd(), i]).sort((a, b) => a[0] - b[0]).map(([, i]) => arr[i]);
    decks.set(id, d);
  }
  return d.pop();
}
const tickets = [];
const counts = {};
function addTicket(cluster, m, lang, channel, subject, description, extra = {}) {
  counts[cluster] = (counts[cluster] || 0) + 1;
  tickets.push({ cluster, m, lang, channel, subject, description, ...extra });
}

function pickLang(cl) {
  const has = (k) => cl.bank && cl.bank[k] && cl.bank[k].length;
  const r = rnd();
  if (r < 0.09 && has('pl')) return 'pl';
  if (r < 0.15 && has('pt')) return 'pt';
  return 'en';
}
function pickChannel(lang) {
  if (lang !== 'en') return wpick([['Email', 6], ['Web', 2], ['Chat', 1], ['Phone', 1]]);
  return wpick([['Email', 42], ['Web', 18], ['Chat', 12], ['Phone', 16], ['Facebook', 5], ['Instagram', 3], ['WhatsApp', 4]]);
}
const LANG_NAME = { en: 'English', pl: 'Polish', pt: 'Portuguese', ga: 'Irish' };

function mangle(text, channel) {
  let t = text;
  if (chance(0.15)) t = typo(t);
  if (channel === 'Facebook' || channel === 'Instagram' || channel === 'WhatsApp') { if (chance(0.6)) t = t.toLowerCase(); }
  else if (chance(0.1)) t = t.toLowerCase();
  return t;
}

// when the member's own trouble happened (the redemption, the failure, the double import), per cluster and phase
const EVENTS = {
  points_twice: { promo: ['2026-04-02 17:10', '2026-04-02 18:31'], halloween: ['2026-10-27 19:00', '2026-10-27 19:12'] },
  notice_storm: { b: ['2026-05-07 06:00', '2026-05-07 12:20'] },
  points_not_returned: { cinema: ['2026-06-23 23:00', '2026-06-26 09:30'] },
  failed_then_taken: { early: ['2026-09-08 12:00', '2026-09-08 13:40'], late: ['2026-09-08 12:00', '2026-09-08 13:40'] },
  stuck_processing: { larkins: ['2026-10-01 14:02', '2026-10-03 10:30'] },
  earn_clawback: { early: ['2026-02-22 09:00', '2026-02-22 20:00'], late: ['2026-02-22 09:00', '2026-02-22 20:00'] },
};
const sameDate = (a, b) => D(a).toISOString().slice(0, 10) === D(b).toISOString().slice(0, 10);
function relDay(e, m) {
  const h = D(e).getUTCHours();
  if (sameDate(e, m)) return h >= 17 ? pick(['this evening', 'tonight', 'earlier tonight']) : h < 12 ? 'this morning' : pick(['earlier today', 'this afternoon', 'today']);
  if (sameDate(e + 1440, m)) return h >= 18 ? pick(['last night', 'yesterday evening']) : 'yesterday';
  return `on ${dayName(e)}`;
}
function clusterVars(key, cl, phase, m, p) {
  let v;
  if (cl.ctx === 'till') {
    const pts = ri(8, 60) * 100;
    v = { pts: fmt(pts), pts2: fmt(pts * 2), d: ddmm(m), store: pick(STORES), dd: dayName(m) };
  } else if (cl.ctx === 'earn') {
    const pts = ri(3, 40) * 10 + ri(0, 9);
    v = { pts: fmt(pts), d: ddmm(m), dd: dayName(m), first: p.first, brand: "Harrow's", item: '' };
  } else if (cl.ctx === 'expiry') {
    const half = ri(4, 30) * 50;
    v = { pts: fmt(half * 2), half: fmt(half), d: ddmm(m) };
  } else if (key === 'notice_storm') {
    v = { ...brandCtx('normal', m), brand: "Harrow's", val: '€50', kind: 'gift card', item: "€50 Harrow's gift card", pts: '5,000', ptsN: 5000, k: ri(4, 16) };
  } else {
    const set = { points_twice: phase, points_not_returned: 'cinema', failed_then_taken: 'normal', stuck_processing: 'larkins' }[key] || 'normal';
    v = brandCtx(set, m);
  }
  v.today = dayName(m);
  const ew = EVENTS[key] && EVENTS[key][phase];
  let e = m - ri(30, 3000);
  if (ew) {
    const a = L(ew[0]);
    const b = Math.max(a + 1, Math.min(L(ew[1]), m - 15));
    e = a + Math.floor(rnd() * (b - a));
    v.whenTxt = relDay(e, m);
    v.ddOn = v.whenTxt;
    v.dd = /^on /.test(v.whenTxt) ? v.whenTxt.slice(3) : v.whenTxt;
    if (v.dd === 'this evening' || v.dd === 'tonight' || v.dd === 'earlier tonight' || v.dd === 'this afternoon' || v.dd === 'today') v.dd = 'earlier today';
    if (v.dd === 'last night' || v.dd === 'yesterday evening') v.dd = 'yesterday';
    v.d = ddmm(e);
  } else {
    v.whenTxt = relDay(m - ri(0, 240), m);
    v.ddOn = `on ${dayName(m)}`;
  }
  v.event = e;
  if (key === 'failed_then_taken') { v.prevDay = 'Tuesday'; v.prevD = '08/09'; v.d = D(m).getUTCDate() === 10 ? '10/09' : pick(['10/09', '11/09']); }
  v.mem = p.mem; v.first = p.first;
  if (!('k' in v)) v.k = ri(4, 14);
  return v;
}

for (const [key, cl] of Object.entries(CLUSTERS)) {
  if (key === 'noise') continue;
  // spread the count over the windows by weight
  const totalW = cl.windows.reduce((s, w) => s + w[2], 0);
  let remaining = cl.count;
  const plan = cl.windows.map((w, i) => {
    const n = i === cl.windows.length - 1 ? remaining : Math.round((cl.count * w[2]) / totalW);
    remaining -= n;
    return [w, n];
  });
  for (const [[from, to, , phase], n] of plan) {
    for (let i = 0; i < n; i++) {
      let m = when(from, to);
      const lang = pickLang(cl);
      const p = person(lang);
      const channel = pickChannel(lang);
      if (channel === 'Phone' || channel === 'Chat') m = officeHours(m, from, to);
      const v = clusterVars(key, cl, phase, m, p);
      const agent = lang === 'pl' ? (chance(0.7) ? 'Paulina Nowak' : pick(AGENTS)) : lang === 'pt' ? (chance(0.7) ? 'Rafael Costa' : pick(AGENTS)) : pick(AGENTS);
      // which text bank
      let bankKey = lang;
      if (phase === 'early' && cl.bank.early) bankKey = 'early';
      if (bankKey === 'en' && phase === 'halloween' && cl.bank.en_g && chance(0.35)) bankKey = 'en_g';
      const bank = cl.bank[bankKey] && cl.bank[bankKey].length ? cl.bank[bankKey] : cl.bank.en;
      let subject, description;
      const extra = { agent, person: p };
      const earlyOnly = bankKey === 'early'; // before the cause was known, every channel says the early thing
      if (channel === 'Phone') {
        subject = chance(0.5) ? `Call from ${p.phone}` : `Phone call - ${pick(cl.subjects)}`;
        description = earlyOnly ? `Mbr: ${fill(deal(key + ':early', bank), v)}` : fill(deal(key + ':phone', cl.phone), v);
      } else if (channel === 'Facebook' || channel === 'Instagram' || channel === 'WhatsApp') {
        subject = channel === 'WhatsApp' ? `WhatsApp message from ${p.phone}` : `${channel} message from ${p.name}`;
        description = esc(mangle(fill(earlyOnly ? deal(key + ':early', bank) : deal(key + ':social', cl.social), v), channel));
      } else if (channel === 'Chat') {
        subject = chance(0.6) ? `Chat with ${p.name}` : `Chat transcript - ${p.first}`;
        const lines = lang === 'en' && !earlyOnly ? deal(key + ':chat', cl.chat).map((l) => mangle(fill(l, v), channel)) : [mangle(fill(deal(key + ':' + bankKey, bank), v), channel)];
        description = chatTranscript(lines, p, m, agent);
      } else {
        // Email or Web
        let text = mangle(fill(deal(key + ':' + bankKey, bank), v), channel);
        let quote = null;
        const q = cl.quote;
        if (channel === 'Email' && q && chance(q[1])) {
          const replyKey = { ready: 'replyReady', failed: 'replyFailed', adjust: 'replyAdjust' }[q[0]];
          if (cl.bank[replyKey] && lang === 'en') text = mangle(fill(deal(key + ':' + replyKey, cl.bank[replyKey]), v), channel);
          const ours = OURS[q[0]]({ ...v, first: p.first, brand: v.brand || "Harrow's", item: v.item || "€25 Harrow's gift card", pts: v.pts });
          quote = { m: q[0] === 'adjust' ? L('2026-02-24 17:30') + ri(0, 40) : key === 'notice_storm' ? v.event - ri(0, Math.max(0, v.event - L('2026-05-07 06:15'))) : v.event + ri(0, 2), ours };
          subject = `${chance(0.85) ? 'Re: ' : 'RE: '}${ours.subject}`;
        } else if (chance(0.3)) subject = pick(GENERIC_SUBJECTS);
        else subject = lang === 'en' ? pick(cl.subjects) : pick(GENERIC_SUBJECTS);
        if (channel === 'Web') {
          if (!quote && chance(0.25)) subject = 'Contact form - tally.ie';
          description = webForm(text, p, chance(0.8) ? cl.topic : pick(['Points', 'Rewards & gift cards', 'Something else', 'My account']));
        } else {
          const style = wpick([['gmail', 5], ['apple', 3], ['outlook', 3]]);
          description = emailBody(text, lang, p, { style, device: style !== 'outlook' && chance(0.45), company: style === 'outlook' && chance(0.35) ? pick(COMPANIES) : null, quote, irishGreeting: lang === 'en' && FIRST_IE.includes(p.first) && chance(0.05), hour: D(m).getUTCHours() });
        }
      }
      extra.tags = cl.tags && chance(cl.tags[1]) ? [cl.tags[0]] : [];
      addTicket(key, m, lang, channel, subject, description, extra);
    }
  }
}

// noise
for (let i = 0; i < CLUSTERS.noise.count; i++) {
  const n = NOISE[i % NOISE.length];
  const m0 = when(n.from || '2026-02-02 08:00', n.to || '2026-12-03 20:00');
  const lang = n.lang || 'en';
  const p = person(lang === 'ga' ? 'en' : lang);
  const v = { store: pick(STORES), d: ddmm(m0 - ri(1, 5) * 1440), newemail: `${strip(p.first)}.${strip(p.last)}${ri(1, 99)}@gmail.com`, first: p.first };
  const channel = n.reply ? 'Email' : lang !== 'en' ? 'Email' : pickChannel('en');
  const m2 = channel === 'Phone' || channel === 'Chat' ? officeHours(m0, n.from || '2026-02-02 08:00', n.to || '2026-12-03 20:00') : m0;
  const m = m2;
  const agent = pick(AGENTS);
  let subject, description;
  const text = mangle(fill(n.t, v), channel);
  if (channel === 'Phone') { subject = chance(0.5) ? `Call from ${p.phone}` : `Phone call - ${n.s}`; description = `${pick(['Mbr query', 'Caller', 'Mbr ph'])}: ${n.s.toLowerCase()}. ${pick(['Answered.', "Adv'd.", 'Explained, mbr happy.', 'Sent help article.', 'Resolved on call.'])}`; }
  else if (['Facebook', 'Instagram', 'WhatsApp'].includes(channel)) { subject = channel === 'WhatsApp' ? `WhatsApp message from ${p.phone}` : `${channel} message from ${p.name}`; description = esc(text); }
  else if (channel === 'Chat') { subject = `Chat with ${p.name}`; description = chatTranscript([text], p, m, agent); }
  else if (channel === 'Web') { subject = chance(0.3) ? pick(GENERIC_SUBJECTS) : n.s; description = webForm(text, p, n.topic); }
  else {
    let quote = null;
    if (n.reply) {
      const bv = brandCtx(n.reply === 'failed' ? 'cinema' : 'normal', m);
      quote = { m: m - ri(30, 3000), ours: OURS[n.reply]({ ...bv, first: p.first }) };
    }
    subject = n.reply ? n.s : chance(0.3) ? pick(GENERIC_SUBJECTS) : n.s;
    const style = wpick([['gmail', 5], ['apple', 3], ['outlook', 3]]);
    description = emailBody(text, lang === 'ga' ? 'en' : lang, p, { style, device: chance(0.4), company: style === 'outlook' && chance(0.3) ? pick(COMPANIES) : null, quote, irishGreeting: lang === 'ga', hour: D(m).getUTCHours() });
  }
  addTicket('noise', m, lang, channel, subject, description, { agent, person: p, tags: [] });
}

// ---------- order, ids, CSV ----------
tickets.sort((a, b) => a.m - b.m);
let req = 40517;
let zid = 486209000013204117n;
const rows = [];
const truth = {};
const HEAD = ['Ticket Id', 'Request Id', 'Subject', 'Status', 'Priority', 'Channel', 'Department', 'Ticket Owner', 'Contact Name', 'Email', 'Phone', 'Account Name', 'Classifications', 'Category', 'Sub Category', 'Language', 'Tags', 'Created Time', 'Modified Time', 'Closed Time', 'Thread Count', 'Happiness Rating', 'Description'];
for (const t of tickets) {
  req += ri(1, 9); // other departments' tickets share the numbering
  zid += BigInt(ri(1000, 90000));
  const id = String(zid);
  truth[id] = t.cluster;
  const p = t.person;
  const modified = t.m + ri(30, 60 * 72);
  const cat = chance(0.55) ? ({ points_twice: 'Rewards', notice_storm: 'Rewards', failed_then_taken: 'Rewards', stuck_processing: 'Rewards', points_not_returned: 'Points', till_double: 'Points', earn_clawback: 'Points', otp_storm: 'Account', plus_payment: 'Tally Plus', expiry_twice: 'Points', boost_push: 'App' }[t.cluster] || pick(CATEGORY_ANY)) : pick(CATEGORY_ANY);
  const tags = [...(t.tags || [])];
  if (chance(0.35)) tags.push(pick(TAGS));
  if (t.channel === 'Facebook' || t.channel === 'Instagram' || t.channel === 'WhatsApp') tags.push('social');
  rows.push([
    id, String(req), t.subject, 'Closed', wpick([['Medium', 6], ['High', 2], ['Low', 2], ['-None-', 1]]), t.channel, 'Member Care', t.agent,
    p.name, ['Phone', 'WhatsApp'].includes(t.channel) && chance(0.6) ? '' : p.email, ['Phone', 'WhatsApp'].includes(t.channel) || chance(0.2) ? p.phone : '',
    '', wpick(CLASSIFICATION), cat, '', LANG_NAME[t.lang] || 'English', [...new Set(tags)].join(','),
    zohoTime(t.m), zohoTime(modified), zohoTime(modified), String(ri(2, 9)), wpick([['', 7], ['Good', 2], ['Okay', 1], ['Bad', 1]]), t.description,
  ]);
}
const csvCell = (s) => `"${String(s).replace(/"/g, '""')}"`;
const csv = [HEAD, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

const here = dirname(fileURLToPath(import.meta.url));
const EXPORT = 'zoho-desk-member-care-export-2026-12-04.csv';
writeFileSync(join(here, EXPORT), csv);
const about = Object.fromEntries(Object.entries(CLUSTERS).map(([k, c]) => [k, c.about]));
const truthDoc = { generator: 'generate-tickets.mjs', seed: SEED, export: EXPORT, id_column: 'Ticket Id', total: tickets.length, counts: Object.fromEntries(Object.keys(CLUSTERS).map((k) => [k, counts[k] || 0])), about_component: about, tickets: truth };
writeFileSync(join(here, 'truth.json'), JSON.stringify(truthDoc, null, 2) + '\n');
process.stderr.write(`${EXPORT}: ${tickets.length} tickets, ${csv.length} bytes\n${JSON.stringify(truthDoc.counts)}\n`);
