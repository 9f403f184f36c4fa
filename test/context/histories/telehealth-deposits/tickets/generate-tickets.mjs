#!/usr/bin/env node
// Generates tickets/kustomer-export-2026-12-05.json (Kustomer conversations, JSON:API shape, as
// Patient Care Ops' `kustomer-dump` writes it) and tickets/truth.json (conversation id -> cluster).
// Plain Node, no dependencies, seeded: byte-identical output on every run.
//   node generate-tickets.mjs            (writes both files next to this script)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
// ---- seeded PRNG: mulberry32 seeded with FNV-1a of a fixed string ----
function fnv1a(s) { let h = 0x811c9dc5; for (const c of s) { h ^= c.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; } return h; }
let seed = fnv1a('clinara/kustomer/2026-12-05/history-15');
function rnd() { seed = (seed + 0x6d2b79f5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
const oid = (ms) => Math.floor(ms / 1000).toString(16).padStart(8, '0') + hex(16);
function weighted(obj) { const tot = Object.values(obj).reduce((a, b) => a + b, 0); let r = rnd() * tot; for (const [k, w] of Object.entries(obj)) { if ((r -= w) < 0) return k; } return Object.keys(obj)[0]; }

// ---- time helpers (Madrid: CET +1, CEST +2 between 29 Mar 01:00Z and 25 Oct 01:00Z 2026) ----
function madridToUtcMs(y, mo, d, h, mi) { const guess = Date.UTC(y, mo - 1, d, h, mi); const dst = guess >= Date.UTC(2026, 2, 29, 1) && guess < Date.UTC(2026, 9, 25, 1); return guess - (dst ? 2 : 1) * 3600e3; }
function at(dateStr, hFrom = 8, hTo = 22) { const [y, m, d] = dateStr.split('-').map(Number); return madridToUtcMs(y, m, d, int(hFrom, hTo), int(0, 59)) + int(0, 59) * 1000 + int(0, 999); }
function addDays(dateStr, n) { const t = new Date(dateStr + 'T12:00:00Z'); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); }
const iso = (ms) => new Date(ms).toISOString();
const MES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DOW = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DIA = ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'];
function localParts(ms) { const dst = ms >= Date.UTC(2026, 2, 29, 1) && ms < Date.UTC(2026, 9, 25, 1); const d = new Date(ms + (dst ? 2 : 1) * 3600e3); return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), dow: d.getUTCDay(), hh: String(d.getUTCHours()).padStart(2, '0'), mm: String(d.getUTCMinutes()).padStart(2, '0') }; }

// ---- people ----
const FIRST_ES = ['María', 'Carmen', 'Josep', 'Laura', 'Javier', 'Lucía', 'Marc', 'Ana', 'Pablo', 'Elena', 'Sergio', 'Núria', 'Raquel', 'Álvaro', 'Cristina', 'Iker', 'Montse', 'Andrés', 'Paula', 'Jordi', 'Rocío', 'Daniel', 'Aitana', 'Manuel', 'Irene', 'Xavier', 'Beatriz', 'Hugo'];
const LAST_ES = ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Puig', 'Ferrer', 'Fernández', 'Gómez', 'Vidal', 'Romero', 'Navarro', 'Serra', 'Torres', 'Domínguez', 'Ruiz', 'Castro', 'Vila', 'Moreno', 'Iglesias', 'Rovira', 'Ortega'];
const FIRST_EN = ['Sarah', 'James', 'Emma', 'David', 'Olivia', 'Mark', 'Claire', 'Tom', 'Rachel', 'Peter', 'Hannah', 'Chris', 'Karen', 'Liam', 'Sophie', 'Gareth', 'Fiona', 'Michael'];
const LAST_EN = ['Walsh', 'Thompson', 'Hughes', 'Bennett', 'Clarke', 'Murphy', 'Evans', 'Price', "O'Neill", 'Fletcher', 'Hart', 'Reid', 'Lawson', 'Kemp'];
const FIRST_DE = ['Katrin', 'Jürgen', 'Anja', 'Thomas', 'Birgit', 'Stefan']; const LAST_DE = ['Müller', 'Schneider', 'Hoffmann', 'Becker', 'Wagner'];
const FIRST_FR = ['Camille', 'Julien', 'Sophie', 'Nicolas', 'Élodie']; const LAST_FR = ['Martin', 'Bernard', 'Durand', 'Lefèvre', 'Moreau'];
const AGENTS = [['Ruth Castell', 'ruth.castell'], ['Alba Martín', 'alba.martin'], ['Marcos Gil', 'marcos.gil'], ['Sílvia Rius', 'silvia.rius'], ['Kevin Doyle', 'kevin.doyle'], ['Inés Prieto', 'ines.prieto']];
const SPECS_EN = ['GP', 'dermatology', 'psychology', 'paediatrics', 'physio', 'gynaecology', 'nutrition'];
const SPECS_ES = ['medicina general', 'dermatología', 'psicología', 'pediatría', 'fisioterapia', 'ginecología', 'nutrición'];
const DOCS = ['Dra. Soler', 'Dr. Navarro', 'Dra. Beltrán', 'Dr. Quintana', 'Dra. Esteve', 'Dr. Mir', 'Dra. Calvo', 'Dr. Benet'];
const AMTS = [15, 15, 15, 30, 30, 30, 45];

// ---- text mutations ----
function typo(s) { // one transposed-letter typo in a word of 5+ letters
  const words = s.split(' '); const idx = words.map((w, i) => [w, i]).filter(([w]) => /^[a-záéíóúñ]{5,}$/i.test(w)); if (!idx.length) return s;
  const [w, i] = pick(idx); const p = int(1, w.length - 3); words[i] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2); return words.join(' ');
}
function fill(t, v) { return t.replace(/\{(\w+)\}/g, (_, k) => (v[k] ?? `{${k}}`)); }

// ---- cluster definitions ----
// each: lang -> array of customer texts; note -> agent shorthand for phone calls
const C = {};
C.charged_twice = {
  about: true, incident: ['INC-123', 'INC-171'],
  en: [
    'Hi, I booked a {spec} video appointment for {date} and my card has been charged the {amt} euro deposit twice. Can you refund one of them please?',
    'You have taken the deposit two times for the same appointment. {amt}€ and then {amt}€ again, 2 minutes apart. Booking {ref}.',
    'Charged twice for one booking!! {amt2} EUR went out for a {amt} EUR deposit. Please fix',
    'My bank app shows two identical payments to CLINARA SALUD for {amt},00 on the same day. I only booked one appointment.\n\n{stmt}',
    'Hello, I think there is a duplicate charge, I got one confirmation email but two payments on my Revolut. Appointment with {doc}.',
    'double charged for my deposit?? one appointment only',
  ],
  es: [
    'Hola, he reservado una cita de {spec_es} para el {date_es} y me habéis cobrado la señal de {amt} € dos veces. ¿Me podéis devolver uno de los cargos?',
    'Buenas, me aparece el cargo del depósito duplicado en la tarjeta. Solo tengo una cita. Ref {ref}',
    'Me habéis cobrado dos veces la reserva!! {amt2}€ en vez de {amt}€',
    'En el extracto del banco salen dos cargos iguales de CLINARA SALUD SL de {amt},00 EUR.\n\n{stmt}\n\nSolo hice una reserva.',
    'cobro doble del deposito de la cita con {doc}, por favor revisadlo',
  ],
  ca: ['Bon dia, m\'heu cobrat dues vegades la senyal de {amt} € per a una sola cita amb {doc}. Em podeu retornar un dels càrrecs?', 'Em surten dos càrrecs iguals de Clinara al banc, només tinc una cita.'],
  de: ['Guten Tag, mir wurde die Anzahlung von {amt} € für einen einzigen Termin zweimal abgebucht. Bitte erstatten Sie eine Zahlung.'],
  fr: ['Bonjour, l\'acompte de {amt} € a été débité deux fois pour un seul rendez-vous. Merci de rembourser le doublon.'],
  note: ['Pac. llama: cobrada 2x la señal cita {spec_es} ({amt}€ x2). Confirmado dup en Pagaluz. Reemb. solicitado, 3-5 d.h.', 'Caller chgd 2x deposit for {spec} appt ({amt} x2). Dup confirmed in Pagaluz dash. Refund raised, adv\'d 3-5 wd.', 'Llama por doble cobro depósito. Ya reembolsado anoche (rf-dup), le explico plazo banco.'],
  reason: 'pagos.deposito',
};
C.notice_storm = {
  about: true, incident: ['INC-134'],
  en: [
    'I have received the message "We couldn\'t take your deposit" {k} times this morning for the same appointment. Does this mean you are going to try to charge my card {k} times?',
    'Why do I keep getting SMS saying my deposit failed?? I paid with Bizum and it says approved in my bank app. Now {k} texts and emails.',
    'Stop sending me the same "we couldn\'t take your deposit" email please, it\'s the {kth} one. Will I be charged for each of these?',
    'got {k} texts saying payment of deposit failed and then one saying appointment confirmed. which one is true?',
  ],
  es: [
    'Me han llegado {k} SMS de "No hemos podido cobrar el depósito" para la misma cita. ¿Me vais a cobrar {k} veces?',
    'Buenos días, llevo toda la mañana recibiendo el mismo correo de que no se ha podido cobrar la señal. Ya van {k}. ¿Qué pasa?',
    'he recibido {k} mensajes de pago fallido y luego uno de cita confirmada, no entiendo nada',
    'Por favor dejad de enviarme el aviso de depósito fallido, es el mismo mensaje {k} veces',
  ],
  ca: ['He rebut {k} missatges dient que no s\'ha pogut cobrar el dipòsit. Em cobrareu {k} vegades?'],
  de: ['Ich habe {k} Mal die SMS bekommen, dass die Anzahlung nicht abgebucht werden konnte. Wird jetzt {k} Mal abgebucht?'],
  note: ['Pac. recibió {k} SMS "no hemos podido cobrar". Explico que no se cobra {k} veces. Bizum caído hoy.', 'Caller got {k}x deposit failed txts, worried about {k} charges. Reassured, macro sent.'],
  reason: 'pagos.deposito',
};
C.cancelled_but_charged = {
  about: true, incident: ['INC-158'],
  en: [
    'My appointment with {doc} shows "Cancelled - payment not completed" but the {amt}€ deposit HAS been taken from my account. I booked again and paid again, so now I have paid twice and the first slot is gone.',
    'You cancelled my appointment saying the payment failed, but my bank shows the payment went through. What happened?',
    'App says payment not completed and my booking was cancelled. Bank says paid. I need that appointment tomorrow, it was the only slot with a dermatologist this week.',
    'so you took my money AND cancelled my appointment? I had to book again and pay {amt} again',
  ],
  es: [
    'Me sale la cita como "Cancelada - pago no completado" pero el depósito de {amt} € sí me lo habéis cobrado. He vuelto a reservar y he pagado otra vez.',
    'Me habéis cancelado la cita con {doc} por pago no completado y el banco dice que está cobrado. ¿Cómo puede ser?',
    'Hola, la app dice que el pago falló y me anuló la cita, pero tengo el cargo en la tarjeta. Ahora he pagado dos veces la señal y la cita nueva es más tarde.',
    'cobrado y cita cancelada, explicadme esto por favor',
  ],
  ca: ['M\'heu cancel·lat la cita per "pagament no completat" però el càrrec de {amt} € sí que s\'ha fet.'],
  note: ['Pac.: cita cancelada "pago no completado" pero cobrada. Reservó otra vez y pagó 2a señal. Escalado a Lince, reemb. de la 1a.', 'Caller appt cancelled as pmt not completed but dep taken; rebooked + paid again. Priority slot offered, refund raised.'],
  reason: 'cita.cancelacion',
};
C.refund_missing = {
  about: true, incident: ['INC-152'],
  en: [
    'I cancelled my appointment {n} days ago (more than 24h before) and I haven\'t got my deposit back. Your terms say it\'s refunded.',
    'Hi, the doctor cancelled my consultation on {date} and I was told the {amt}€ would be refunded. Nothing yet. When?',
    'Where is my refund? Cancelled in time, still no money.',
  ],
  es: [
    'Cancelé la cita hace {n} días, con más de 24 horas de antelación, y todavía no me habéis devuelto el depósito de {amt} €.',
    'La doctora canceló la videoconsulta y me dijeron que se devolvía la señal. No me ha llegado la devolución.',
    'Hola, ¿cuándo me devolvéis el dinero de la cita cancelada? Ref {ref}',
    'no me ha llegado el reembolso de la reserva que anulé el martes',
  ],
  ca: ['Vaig cancel·lar la cita fa {n} dies i encara no m\'heu retornat els {amt} €.'],
  fr: ['Bonjour, j\'ai annulé mon rendez-vous il y a {n} jours et je n\'ai toujours pas reçu le remboursement de l\'acompte.'],
  note: ['Pac. canceló cita >24h, sin devolución de señal. Ref {ref}. Incidencia conocida, se reembolsa en 24-48h.', 'Caller cxl\'d >24h, no refund yet. Known issue, adv\'d refund within 48h.'],
  reason: 'pagos.reembolso',
};
C.no_confirmation = {
  about: true, incident: ['INC-176'],
  en: [
    'I booked an appointment yesterday and never got the confirmation email. I only got an SMS. I need the email for my company\'s health insurance claim.',
    'No confirmation email for my booking {ref}, checked spam. Is my appointment confirmed?',
  ],
  es: [
    'No me ha llegado el correo de confirmación de la cita, solo el SMS. Lo necesito para la empresa.',
    'Hola, he reservado para el {date_es} y no tengo el email de confirmación. ¿Está confirmada?',
    'no me llega el mail de cita confirmada, ya he mirado en spam',
  ],
  note: ['Pac. sin email de confirmación, sí SMS. Reenviado desde backoffice.'],
  reason: 'cita.confirmacion',
};
// ---- out-of-scope look-alikes ----
C.video_stuck = {
  about: false, incident: ['INC-117'],
  en: ['I was stuck in the waiting room on "Connecting…" for 30 minutes and the doctor never appeared. Will I lose my deposit?', 'The video call timed out twice when I tried to join. Tried from my phone and laptop.', 'stuck in waiting room, doctor cant see me'],
  es: ['Me he quedado atascada en la sala de espera con "Conectando…" y la doctora no ha entrado nunca. ¿Pierdo la señal?', 'La videollamada se corta y no puedo entrar, lo he intentado dos veces', 'atascado en la sala de espera'],
  note: ['Pac. no pudo entrar a la videoconsulta (sala de espera). Incidencia Sala. Cita reprogramada.'],
  reason: 'tecnico.video',
};
C.plus_dunning = {
  about: false, incident: ['INC-129'],
  en: ['I got 4 emails saying my Clinara Plus payment failed, but my bank shows the membership fee was paid.', 'Your payment failed emails for Plus keep coming, 3 today. Should I cancel the membership?'],
  es: ['Me han llegado 4 correos de que ha fallado el pago de Clinara Plus y el banco dice que está pagado.', 'He recibido varias veces el email de pago fallido de la suscripción Plus'],
  note: ['Socia Plus: 3 emails de pago fallido de la cuota, cobrada OK. Incidencia Growth.'],
  reason: 'plus',
};
C.reminder_spam = {
  about: false, incident: ['INC-141'],
  en: ['I received the reminder text "your appointment is in 1 hour" 5 times. Annoying.', 'Why did I get the same reminder SMS four times?'],
  es: ['Me ha llegado el SMS de recordatorio "Tu cita es en 1 hora" 5 veces.', 'recibo el recordatorio de la cita repetido, 4 sms iguales'],
  note: ['Pac. recibió recordatorio 1h x4. Incidencia recordatorios.'],
  reason: 'cita.confirmacion',
};
C.consult_fee_double = {
  about: false, incident: ['INC-167'],
  en: ['After my consultation I was charged the remaining fee twice ("Resto consulta" x2). The deposit was fine.', 'I have two charges of {fee}€ for the same consultation on my statement, a day after the visit.'],
  es: ['Después de la consulta me habéis cobrado dos veces el resto de la consulta, {fee} € cada uno.', 'En la factura sale bien la señal descontada pero me han cobrado el importe restante dos veces.', 'cobro duplicado de la consulta de ayer'],
  note: ['Pac. cobrado 2x resto consulta ({fee}€). Incidencia Facturación, reemb. 21/8.'],
  reason: 'pagos.factura',
};
C.prescription_dup = {
  about: false, incident: ['INC-163'],
  en: ['The pharmacy says my e-prescription is duplicated and won\'t give me the medicine.'],
  es: ['En la farmacia me dicen que la receta está duplicada y no me la dispensan.', 'La receta electrónica sigue en "Enviando" desde esta mañana.', 'me sale la receta dos veces en la farmacia'],
  ca: ['A la farmàcia em diuen que la recepta surt duplicada.'],
  note: ['Pac. receta duplicada en farmacia. Incidencia Receta, se anula la copia.'],
  reason: 'receta',
};
C.dst_double_booked = {
  about: false, incident: ['INC-183'],
  en: ['My booking at 2:30am appears twice in the app and another patient joined my call??'],
  es: ['La cita de las 2:30 de esta noche me aparece dos veces', 'He reservado dos veces sin querer porque la primera se quedó colgada, ¿me cobráis las dos?'],
  note: ['Pac. cita de madrugada (cambio de hora) duplicada. Agenda.'],
  reason: 'cita.cancelacion',
};
C.noise = {
  about: false, incident: [],
  en: ['How do I change the time of my appointment?', 'Why do you charge a deposit when I book? Is it refundable?', 'Can I get an invoice with my company name and NIF?', 'Charged twice?? Oh no wait, one of them is the Clinara Plus membership. Sorry!', 'Is there a pending amount on my card after booking? My bank shows {amt}€ pending.', 'Please delete my account and all my data (GDPR).', 'The doctor was 20 minutes late, can I get a discount?', 'Does my private insurance cover video consultations?', 'I need a receipt for my insurance reimbursement', 'cant log in to the app', 'test', 'hello?', 'Can I pay the deposit with Bizum instead of card?'],
  es: ['¿Cómo cambio la hora de mi cita?', '¿Por qué cobráis una señal al reservar? ¿Se devuelve?', 'Necesito una factura a nombre de mi empresa con NIF', '¿Me habéis cobrado dos veces? Ah no, perdón, uno es la cuota de Clinara Plus.', 'Me sale un cargo pendiente de {amt} € en la tarjeta después de reservar, ¿es normal?', 'Quiero darme de baja y que borréis mis datos', 'La doctora llegó 20 minutos tarde', '¿Mi mutua cubre las videoconsultas?', 'No puedo entrar en la app, me dice contraseña incorrecta', 'hola?', '¿Puedo pagar la señal con Bizum?', 'Necesito un justificante de asistencia para el trabajo'],
  ca: ['Com puc canviar l\'hora de la cita?', 'Necessito una factura amb el NIF de l\'empresa'],
  de: ['Kann ich den Termin auf Deutsch machen? Gibt es deutschsprachige Ärzte?'],
  fr: ['Est-ce que l\'acompte est remboursable si j\'annule ?'],
  note: ['Pregunta por cambio de hora de cita. Resuelto.', 'Caller asked about deposit policy. Explained 24h rule.', 'Llama por factura con NIF. Enviada.'],
  reason: 'otros',
};

// ---- schedule: [cluster, count, [dates...]] ----
const PLAN = [
  ['charged_twice', 19, ['2026-03-02', '2026-03-02', '2026-03-03', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']],
  ['charged_twice', 15, ['2026-09-14', '2026-09-14', '2026-09-15', '2026-09-15', '2026-09-16', '2026-09-17']],
  ['notice_storm', 20, ['2026-04-14', '2026-04-14', '2026-04-14', '2026-04-15', '2026-04-16']],
  ['cancelled_but_charged', 18, ['2026-07-08', '2026-07-09', '2026-07-09', '2026-07-10', '2026-07-11', '2026-07-13']],
  ['refund_missing', 16, ['2026-06-19', '2026-06-19', '2026-06-20', '2026-06-20', '2026-06-22']],
  ['no_confirmation', 10, ['2026-10-05', '2026-10-05', '2026-10-06', '2026-10-06', '2026-10-07']],
  ['video_stuck', 14, ['2026-02-11', '2026-02-11', '2026-02-12']],
  ['plus_dunning', 8, ['2026-03-24', '2026-03-24', '2026-03-25']],
  ['reminder_spam', 8, ['2026-05-06', '2026-05-06', '2026-05-07']],
  ['consult_fee_double', 10, ['2026-08-20', '2026-08-20', '2026-08-21', '2026-08-22']],
  ['prescription_dup', 6, ['2026-07-28', '2026-07-28', '2026-07-29']],
  ['dst_double_booked', 5, ['2026-10-25', '2026-10-25', '2026-10-26']],
  ['noise', 36, null],
];
const INCIDENT_DAYS = new Set(['2026-03-02', '2026-03-03', '2026-04-14', '2026-07-09', '2026-06-19', '2026-09-14', '2026-09-15', '2026-10-06', '2026-02-11', '2026-03-24', '2026-05-06', '2026-08-20', '2026-07-28']);

const STATEMENT = (amt, dd, mm) => pick([
  `${dd}/${mm}/2026  CLINARA SALUD SL BARCELONA   -${amt},00\n${dd}/${mm}/2026  CLINARA SALUD SL BARCELONA   -${amt},00`,
  `${dd}.${mm}.  COMPRA TARJ. 5402XXXXXXXX1187 CLINARA SALUD  ${amt},00-\n${dd}.${mm}.  COMPRA TARJ. 5402XXXXXXXX1187 CLINARA SALUD  ${amt},00-`,
  `CLINARA*DEPOSITO   ${dd} ${MES[+mm - 1]}   ${amt},00 €\nCLINARA*DEPOSITO   ${dd} ${MES[+mm - 1]}   ${amt},00 €`]);
const SUBJ_GENERIC = ['(sin asunto)', 'Consulta', 'Help', 'Question', 'Reclamación', '?', 'Re: Tu cita está confirmada', 'Fwd: Clinara', 'URGENTE', 'Clinara'];
const SUBJ = {
  charged_twice: { en: ['Charged twice', 'Duplicate payment', 'Double charge deposit'], es: ['Cobro duplicado', 'Me habéis cobrado dos veces', 'Cargo doble señal'] },
  notice_storm: { en: ['Deposit failed??', 'Too many messages'], es: ['Depósito fallido', 'Mensajes repetidos'] },
  cancelled_but_charged: { en: ['Appointment cancelled but paid', 'Cancelled??'], es: ['Cita cancelada y cobrada', 'Pago no completado'] },
  refund_missing: { en: ['Refund', 'Refund not received'], es: ['Devolución', 'Reembolso cita cancelada'] },
  no_confirmation: { en: ['Confirmation email'], es: ['Correo de confirmación'] },
};
const SIGN = { en: ['\n\nThanks,\n{name}', '\n\nKind regards\n{name}', '\n\n{first}\n\nSent from my iPhone', '\n\nCheers, {first}\nGet Outlook for Android', '\n\n{name}\nSenior Account Manager | Brightwell Consulting\nThis email and any attachments are confidential.'],
  es: ['\n\nGracias,\n{name}', '\n\nUn saludo\n{first}', '\n\n{first}\n\nEnviado desde mi iPhone', '\n\nSaludos cordiales,\n{name}\nDpto. Administración | Grupo Levante\nEste mensaje y sus anexos son confidenciales.', '\n\nEnviado desde mi Galaxy'],
  ca: ['\n\nGràcies,\n{first}', '\n\nSalutacions\n{name}'], de: ['\n\nMit freundlichen Grüßen\n{name}', '\n\nVon meinem iPhone gesendet'], fr: ['\n\nCordialement,\n{name}', '\n\nEnvoyé de mon iPhone'] };
const GREET = { en: ['Hi,\n\n', 'Hello,\n\n', 'Dear Clinara,\n\n', ''], es: ['Hola,\n\n', 'Buenos días,\n\n', 'Buenas tardes:\n\n', ''], ca: ['Hola,\n\n', 'Bon dia,\n\n'], de: ['Sehr geehrte Damen und Herren,\n\n', 'Hallo,\n\n'], fr: ['Bonjour,\n\n', ''] };
const MACRO = {
  en: 'Hi {first},\n\nThanks for getting in touch. We are aware of an issue affecting some payments and messages today and our team is working on it. You will not lose your money: any amount taken in error is refunded automatically, and banks usually show it in 3-5 working days.\n\nRuth from Clinara Patient Care',
  es: 'Hola {first}:\n\nGracias por escribirnos. Estamos al tanto de una incidencia que afecta hoy a algunos pagos y mensajes y el equipo ya está trabajando en ella. No perderás tu dinero: cualquier importe cobrado por error se devuelve automáticamente y el banco suele reflejarlo en 3-5 días hábiles.\n\nEquipo de Atención al Paciente de Clinara',
};
const REPLY = {
  en: ['Hi {first}, thanks for your message. I have checked your booking and passed it to our payments team; we will get back to you within 24 hours.', 'Hi {first}, I\'ve looked into this and it is now sorted. Let us know if anything else comes up.'],
  es: ['Hola {first}, gracias por tu mensaje. He revisado tu reserva y lo he trasladado al equipo de pagos; te respondemos en 24 horas.', 'Hola {first}, ya está revisado y solucionado. Cualquier otra cosa, aquí estamos.'],
};
const BOT = { greet: { en: 'Hi! I\'m Clari, Clinara\'s assistant 👋 What can I help you with: appointments, payments or your account?', es: '¡Hola! Soy Clari, la asistente de Clinara 👋 ¿En qué te puedo ayudar: citas, pagos o tu cuenta?' },
  handoff: { en: 'Thanks! I\'m passing you to a person from our Patient Care team.', es: '¡Gracias! Te paso con una persona del equipo de Atención al Paciente.' } };

// ---- build ----
const conversations = [], messages = [], notes = [], customers = [], truth = {};
const users = AGENTS.map(([n, u], i) => ({ type: 'user', id: oid(Date.UTC(2024, 3, 1 + i * 17)), attributes: { name: n, displayName: n.split(' ')[0], email: `${u}@clinara.es`, userType: 'user' } }));
const TAGS = ['pagos', 'reembolso', 'cita', 'urgente', 'app', 'bizum', 'idioma-en', 'video', 'llamada', 'facturacion', 'vip', 'seguimiento', 'queja'].map((n, i) => ({ type: 'tag', id: oid(Date.UTC(2025, 0, 10 + i)), attributes: { name: n, color: pick(['#F5A623', '#4A90E2', '#7ED321', '#D0021B', '#9B9B9B']) } }));
const REASONS = ['pagos.deposito', 'pagos.reembolso', 'pagos.factura', 'cita.cancelacion', 'cita.confirmacion', 'tecnico.video', 'tecnico.app', 'plus', 'receta', 'otros'];
let bookingSeq = 0;
function ref() { return 'CLN-' + Array.from({ length: 5 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(rnd() * 32)]).join(''); }

const jobs = [];
for (const [cl, n, days] of PLAN) for (let i = 0; i < n; i++) {
  let day;
  if (days) day = addDays(pick(days), chance(0.15) ? int(1, 3) : 0);
  else { const start = Date.UTC(2026, 1, 1), end = Date.UTC(2026, 11, 4); day = new Date(start + rnd() * (end - start)).toISOString().slice(0, 10); }
  jobs.push([cl, day]);
}
jobs.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
let macroCount = 0;
for (const [cl, day] of jobs) {
  const def = C[cl];
  // channel and language
  const channel = weighted({ email: 40, chat: 30, whatsapp: 12, voice: 12, instagram: 3, sms: 3 });
  let lang = weighted({ en: 45, es: 38, ca: 8, de: 5, fr: 4 });
  if (!def[lang] || (channel === 'voice' && lang !== 'en')) lang = (lang === 'en' ? 'en' : (channel === 'voice' ? (chance(0.6) ? 'es' : 'en') : (def[lang] ? lang : (chance(0.7) ? 'es' : 'en'))));
  const replyLang = lang === 'en' ? 'en' : (lang === 'es' || lang === 'ca' ? 'es' : 'en');
  // customer
  let first, last;
  if (lang === 'en') { first = pick(FIRST_EN); last = pick(LAST_EN); } else if (lang === 'de') { first = pick(FIRST_DE); last = pick(LAST_DE); } else if (lang === 'fr') { first = pick(FIRST_FR); last = pick(LAST_FR); } else { first = pick(FIRST_ES); last = pick(LAST_ES) + (chance(0.5) ? ' ' + pick(LAST_ES) : ''); }
  const name = `${first} ${last}`;
  const created = at(day, 7, 23);
  const lp = localParts(created);
  const amt = pick(AMTS);
  const v = { amt, amt2: amt * 2, fee: pick([35, 40, 55, 60]), k: int(2, 4), kth: pick(['3rd', '4th']), n: int(3, 6), ref: ref(), doc: pick(DOCS), spec: pick(SPECS_EN), spec_es: pick(SPECS_ES),
    date: `${int(1, 28)} ${MON[lp.m]}`, date_es: `${int(1, 28)} de ${['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][lp.m]}`,
    stmt: STATEMENT(amt, String(lp.d).padStart(2, '0'), String(lp.m + 1).padStart(2, '0')), name, first };
  const custId = oid(created - int(30, 700) * 86400e3);
  const email = `${first.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '')}.${last.split(' ')[0].toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '')}${chance(0.4) ? int(1, 99) : ''}@${pick(['gmail.com', 'hotmail.com', 'yahoo.es', 'outlook.com', 'icloud.com', 'telefonica.net', 'gmail.com'])}`;
  const phone = `+34 6${int(10, 99)} ${int(100, 999)} ${int(100, 999)}`;
  customers.push({ type: 'customer', id: custId, attributes: { name, displayName: name, emails: [{ type: 'home', email }], phones: [{ type: 'mobile', phone }], locale: lang === 'ca' ? 'ca-ES' : lang === 'en' ? 'en-GB' : lang === 'es' ? 'es-ES' : lang, createdAt: iso(created - int(30, 700) * 86400e3) } });
  const convId = oid(created);
  const agent = pick(users);
  const msgIds = [], noteIds = [];
  let t = created;
  const mkMsg = (attrs, dir, by) => { const id = oid(t); const m = { type: 'message', id, attributes: { channel, app: { email: 'postmark', chat: 'chat', whatsapp: 'whatsapp', voice: 'aircall', instagram: 'instagram', sms: 'twilio' }[channel], direction: dir, size: (attrs.body || '').length, createdAt: iso(t), sentAt: iso(t), status: dir === 'in' ? 'received' : 'sent', auto: false, preview: (attrs.body || '').replace(/\s+/g, ' ').slice(0, 100), ...attrs }, relationships: { conversation: { data: { type: 'conversation', id: convId } }, customer: { data: { type: 'customer', id: custId } }, ...(by ? { createdBy: { data: { type: 'user', id: by } } } : {}) } }; messages.push(m); msgIds.push({ type: 'message', id }); return m; };
  // customer text
  const pool = def[lang] || def.es;
  let text = fill(pick(pool), v);
  if (chance(0.15) && channel !== 'voice') text = typo(text);
  if ((channel === 'whatsapp' || channel === 'instagram' || channel === 'sms') && chance(0.45)) text = text.toLowerCase();
  if (channel === 'chat' && chance(0.25)) text = text.toLowerCase();
  let subject = null;
  if (channel === 'email') {
    subject = chance(0.32) ? pick(SUBJ_GENERIC) : (SUBJ[cl]?.[lang === 'es' || lang === 'ca' ? 'es' : 'en'] ? pick(SUBJ[cl][lang === 'es' || lang === 'ca' ? 'es' : 'en']) : pick(SUBJ_GENERIC));
    const body = pick(GREET[lang] || GREET.en) + text + fill(pick(SIGN[lang] || SIGN.en), v);
    mkMsg({ body, subject, directionType: 'initial-in', meta: { from: email, to: ['ayuda@clinara.es'], subject } }, 'in');
  } else if (channel === 'chat') {
    mkMsg({ body: BOT.greet[replyLang], directionType: 'initial-out', auto: true }, 'out'); t += 4000;
    const chosen = chance(0.6) ? (def.reason.startsWith('pagos') ? (replyLang === 'en' ? 'Payments' : 'Pagos') : (replyLang === 'en' ? 'Appointments' : 'Citas')) : pick(replyLang === 'en' ? ['Payments', 'Appointments', 'My account', 'Something else'] : ['Pagos', 'Citas', 'Mi cuenta', 'Otra cosa']);
    mkMsg({ body: chosen, directionType: 'initial-in', meta: { quickReply: true } }, 'in'); t += 3000;
    mkMsg({ body: BOT.handoff[replyLang], directionType: 'response-out', auto: true }, 'out'); t += int(20, 200) * 1000;
    for (const part of text.split(/(?<=[.?!])\s+(?=\S)/).slice(0, 3)) { mkMsg({ body: part, directionType: 'followup-in' }, 'in'); t += int(5, 40) * 1000; }
  } else if (channel === 'voice') {
    mkMsg({ body: null, directionType: 'initial-in', meta: { call: { direction: 'inbound', from: phone, durationSeconds: int(60, 720), answeredBy: agent.attributes.email } } }, 'in');
    t += int(2, 12) * 60e3;
    const nid = oid(t); notes.push({ type: 'note', id: nid, attributes: { body: fill(pick(def.note), v), createdAt: iso(t) }, relationships: { conversation: { data: { type: 'conversation', id: convId } }, createdBy: { data: { type: 'user', id: agent.id } } } }); noteIds.push({ type: 'note', id: nid });
  } else {
    const parts = text.split(/(?<=[.?!])\s+(?=\S)/);
    for (const part of parts.slice(0, 4)) { mkMsg({ body: part, directionType: msgIds.length ? 'followup-in' : 'initial-in' }, 'in'); t += int(3, 30) * 1000; }
  }
  // agent reply (macro on incident days, across clusters)
  if (channel !== 'voice') {
    t += int(10, 300) * 60e3;
    const useMacro = INCIDENT_DAYS.has(day) && def.incident.length && chance(0.42);
    if (useMacro) macroCount++;
    const reply = useMacro ? fill(MACRO[replyLang], v) : fill(pick(REPLY[replyLang]), v);
    mkMsg({ body: reply, directionType: 'response-out', ...(channel === 'email' ? { subject: 'Re: ' + (subject || 'Clinara'), meta: { from: 'ayuda@clinara.es', to: [email] } } : {}) }, 'out', agent.id);
    // follow-up quoting our reply
    if (channel === 'email' && chance(0.1)) {
      const tp = localParts(t);
      const quoteHead = replyLang === 'en' ? `On ${DOW[tp.dow]}, ${tp.d} ${MON[tp.m]} 2026 at ${tp.hh}:${tp.mm}, Clinara Salud <ayuda@clinara.es> wrote:` : `El ${DIA[tp.dow]}, ${tp.d} ${MES[tp.m]} 2026 a las ${tp.hh}:${tp.mm}, Clinara Salud (<ayuda@clinara.es>) escribió:`;
      t += int(2, 20) * 3600e3;
      const fu = (replyLang === 'en' ? pick(['Thanks. Any update?', 'Still nothing on my account.', 'OK thanks!']) : pick(['Gracias, ¿alguna novedad?', 'Sigo sin ver nada en la cuenta.', 'Vale, gracias!'])) + '\n\n' + quoteHead + '\n' + reply.split('\n').map((l) => '> ' + l).join('\n');
      mkMsg({ body: fu, subject: 'Re: Re: ' + (subject || 'Clinara'), directionType: 'followup-in', meta: { from: email, to: ['ayuda@clinara.es'] } }, 'in');
    }
    if (cl !== 'noise' && chance(0.2)) { t += 60e3; const nid = oid(t); notes.push({ type: 'note', id: nid, attributes: { body: fill(pick(def.note), v), createdAt: iso(t) }, relationships: { conversation: { data: { type: 'conversation', id: convId } }, createdBy: { data: { type: 'user', id: agent.id } } } }); noteIds.push({ type: 'note', id: nid }); }
  }
  // tags (noisy) and reason (60% plausible, rest random)
  const tagIds = [];
  const nt = chance(0.2) ? 0 : int(1, 3);
  for (let i = 0; i < nt; i++) { const tg = pick(TAGS).id; if (!tagIds.includes(tg)) tagIds.push(tg); }
  const reason = chance(0.6) ? def.reason : pick(REASONS);
  const firstIn = messages.filter((m) => m.relationships.conversation.data.id === convId && m.attributes.direction === 'in')[0];
  conversations.push({ type: 'conversation', id: convId, attributes: {
    name: subject || (firstIn?.attributes.preview ? firstIn.attributes.preview.slice(0, 60) : `Llamada de ${phone}`), channels: [channel], status: 'done', open: false,
    priority: pick([3, 3, 3, 2, 4]), direction: 'in', preview: firstIn?.attributes.preview || null, tags: tagIds, messageCount: msgIds.length, noteCount: noteIds.length,
    outboundMessageCount: messages.filter((m) => m.relationships.conversation.data.id === convId && m.attributes.direction === 'out').length,
    createdAt: iso(created), updatedAt: iso(t + int(1, 48) * 3600e3), doneAt: iso(t + int(1, 48) * 3600e3), lastMessageAt: iso(t), language: lang,
    assignedUsers: [agent.id], assignedTeams: ['atencion-paciente'],
    custom: { motivoContactoTree: reason, ...(chance(0.3) ? { bookingRefStr: v.ref } : {}), ...(chance(0.1) ? { escaladoBool: true } : {}) },
    satisfaction: chance(0.25) ? int(1, 5) : null },
    relationships: { customer: { data: { type: 'customer', id: custId } }, messages: { data: msgIds }, notes: { data: noteIds } } });
  truth[convId] = { cluster: cl, about_component: def.about, incident: def.incident.find((i) => i === 'INC-123' ? day < '2026-06-01' : i === 'INC-171' ? day >= '2026-06-01' : true) || null, channel, lang, created: iso(created) };
}
const out = {
  meta: { exportedAt: '2026-12-05T08:12:44.000Z', tool: 'kustomer-dump 1.4.2 (patient-care-ops)', org: 'clinara', query: { status: 'done', createdAt: { gte: '2026-02-01T00:00:00Z', lt: '2026-12-05T00:00:00Z' }, sample: 0.08 },
    note: '8% random sample of closed conversations (assignedTeams atencion-paciente); included[] holds customers, messages, notes, users and tags referenced by data[].', totalConversations: conversations.length },
  data: conversations,
  included: [...customers, ...messages, ...notes, ...users, ...TAGS],
};
writeFileSync(join(HERE, 'kustomer-export-2026-12-05.json'), JSON.stringify(out, null, 1) + '\n');
const counts = {}; for (const v of Object.values(truth)) counts[v.cluster] = (counts[v.cluster] || 0) + 1;
const langs = {}; for (const v of Object.values(truth)) langs[v.lang] = (langs[v.lang] || 0) + 1;
const chans = {}; for (const v of Object.values(truth)) chans[v.channel] = (chans[v.channel] || 0) + 1;
writeFileSync(join(HERE, 'truth.json'), JSON.stringify({ generated_by: 'generate-tickets.mjs', total: conversations.length, counts, languages: langs, channels: chans, macro_conversations: macroCount, conversations: truth }, null, 1) + '\n');
process.stderr.write(`conversations ${conversations.length}, messages ${messages.length}, notes ${notes.length}, macro ${macroCount}\n${JSON.stringify(counts)}\n${JSON.stringify(langs)}\n${JSON.stringify(chans)}\n`);
