#!/usr/bin/env node
// Generates tickets/intercom-conversations-2026-12-05.json (Merchant Success's Intercom conversations as
// Support Ops' `intercom-dump` writes them: POST /conversations/search, then GET /conversations/{id} for each,
// API version 2.11) and tickets/truth.json (conversation id -> cluster, plus counts).
// Plain Node, no dependencies, seeded: byte-identical output on every run.
//   node generate-tickets.mjs            (writes both files next to this script; sizes on stderr)
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

// ---- seeded PRNG: sfc32 seeded from cyrb128 of a fixed string ----
function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0, k; i < str.length; i++) {
    k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067); h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213); h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067); h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213); h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
let [sa, sb, sc, sd] = cyrb128('bultora/intercom-dump/2026-12-05/history-17');
function rnd() {
  sa >>>= 0; sb >>>= 0; sc >>>= 0; sd >>>= 0;
  let t = (sa + sb) | 0; sa = sb ^ (sb >>> 9); sb = (sc + (sc << 3)) | 0; sc = (sc << 21) | (sc >>> 11);
  sd = (sd + 1) | 0; t = (t + sd) | 0; sc = (sc + t) | 0; return (t >>> 0) / 4294967296;
}
for (let i = 0; i < 15; i++) rnd();
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const int = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const digits = (n) => Array.from({ length: n }, (_, i) => (i === 0 ? '123456789' : '0123456789')[Math.floor(rnd() * (i === 0 ? 9 : 10))]).join('');
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
function weighted(pairs) { const tot = pairs.reduce((a, [, w]) => a + w, 0); let r = rnd() * tot; for (const [k, w] of pairs) { if ((r -= w) < 0) return k; } return pairs[0][0]; }

// ---- time: Madrid wall clock -> unix seconds (CET / CEST, DST 29 Mar - 25 Oct 2026) ----
const pad = (n) => String(n).padStart(2, '0');
function addDays(d, n) { const t = new Date(d + 'T12:00:00Z'); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); }
function unixMadrid(d, h, m, s) {
  const [y, mo, dd] = d.split('-').map(Number);
  let t = Date.UTC(y, mo - 1, dd, h, m, s) - 3600e3;
  if (t >= Date.UTC(2026, 2, 29, 1) && t < Date.UTC(2026, 9, 25, 1)) t -= 3600e3;
  return Math.floor(t / 1000);
}
function madridParts(unix) { // wall-clock fields for quoting our replies
  let t = unix * 1000 + 3600e3; if (unix * 1000 >= Date.UTC(2026, 2, 29, 1) && unix * 1000 < Date.UTC(2026, 9, 25, 1)) t += 3600e3;
  const d = new Date(t); return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), dow: d.getUTCDay() };
}
const MON_ES = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'];
const MON_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON_DE = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
const DOW_ES = ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb']; const DOW_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']; const DOW_DE = ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'];

// ---- people, shops ----
const FIRST = {
  es: ['Amaia', 'Javier', 'Nerea', 'Iñaki', 'Lucía', 'Sergio', 'Marta', 'Pablo', 'Irene', 'Álvaro', 'Carmen', 'Raúl', 'Elena', 'Jon', 'Rocío', 'Andrés', 'Maite', 'Óscar'],
  de: ['Katharina', 'Lukas', 'Anja', 'Florian', 'Sabine', 'Maximilian', 'Julia', 'Stefan', 'Birgit', 'Jan', 'Nadine', 'Thomas', 'Verena', 'Matthias'],
  en: ['Siobhan', 'Ciarán', 'Emma', 'James', 'Chloe', 'Daniel', 'Hannah', 'Liam', 'Grace', 'Oliver', 'Priya', 'Tom'],
  pt: ['Inês', 'João', 'Mariana', 'Rui'], ca: ['Jordi', 'Montse', 'Pau', 'Núria'],
};
const LAST = {
  es: ['García', 'Etxeberria', 'López', 'Aguirre', 'Martínez', 'Fernández', 'Zabala', 'Ruiz', 'Moreno', 'Arrizabalaga', 'Navarro', 'Gil'],
  de: ['Müller', 'Schneider', 'Fischer', 'Weber', 'Hoffmann', 'Bauer', 'Richter', 'Wolf', 'Krüger', 'Lehmann', 'Huber', 'Gruber'],
  en: ['Murphy', 'O\'Brien', 'Walsh', 'Byrne', 'Smith', 'Taylor', 'Kelly', 'Doyle', 'Nolan'],
  pt: ['Silva', 'Costa', 'Ferreira', 'Sousa'], ca: ['Puig', 'Vila', 'Soler', 'Ferrer'],
};
const SHOPS = {
  es: ['Ferretería Olaso', 'La Txokolatería', 'Bicis Bidasoa', 'Café de Indias Tostadores', 'Moda Retal', 'Herboristería Artea', 'Cerámica Sargadelos Outlet', 'Papelería Lápiz & Co', 'Vinos Rioja Alavesa Online', 'Conservas Ortiz Tienda', 'Zapatillas Kaiku', 'Jabones de Castilla'],
  de: ['Naturkosmetik Elbtal', 'Kaffeerösterei Südvorstadt', 'Spielwaren Pfeiffer', 'Outdoorladen Harz', 'Teehaus Lindenau', 'Fahrradteile Gruber (AT)', 'Wollwerk Graz', 'Druckerei Mayer'],
  en: ['Wild Atlantic Candles', 'Lisbon Tile Studio', 'Costa Surf Supplies', 'The Bilbao Print Shop', 'Greenhouse Seeds EU'],
  pt: ['Conservas Lusitanas', 'Azulejos da Ribeira'], ca: ['Espardenyes Vilanova', 'Formatges del Pirineu'],
};
const ADMINS = [
  { id: 5408121, name: 'Ainhoa Ibarra', email: 'ainhoa.ibarra@bultora.com', langs: ['es', 'ca', 'pt'], team: '7311045' },
  { id: 5408127, name: 'Gorka Mendia', email: 'gorka.mendia@bultora.com', langs: ['es', 'ca'], team: '7311045' },
  { id: 5408133, name: 'Leire Azkue', email: 'leire.azkue@bultora.com', langs: ['es', 'en'], team: '7311045' },
  { id: 5409210, name: 'Katrin Weiß', email: 'katrin.weiss@bultora.com', langs: ['de'], team: '7311046' },
  { id: 5409216, name: 'Moritz Seidel', email: 'moritz.seidel@bultora.com', langs: ['de', 'en'], team: '7311046' },
  { id: 5410402, name: 'Owen Gallagher', email: 'owen.gallagher@bultora.com', langs: ['en', 'pt'], team: '7311047' },
];
const TEAMS = [{ id: '7311045', name: 'Soporte ES' }, { id: '7311046', name: 'Support DACH' }, { id: '7311047', name: 'Support EN / PT' }];
const FIN = { type: 'bot', id: '5400001', name: 'Fin', email: 'operator+x7q2mz4k@intercom.io' };
const TAGDEFS = ['etiquetas', 'cobro-duplicado', 'saldo', 'anulaciones', 'avisos', 'dach', 'escalado-cierzo', 'incidente-activo', 'devoluciones', 'seguimiento', 'impresion', 'integraciones', 'bug', 'vip'];
const TAGS = Object.fromEntries(TAGDEFS.map((n, i) => [n, { type: 'tag', id: String(9120400 + i * 7), name: n }]));
const REASONS = ['Etiquetas / cobro', 'Etiquetas / compra', 'Saldo / recargas', 'Anulaciones', 'Avisos y emails', 'Recogidas', 'Devoluciones', 'Seguimiento', 'Integraciones', 'Impresión', 'Otro'];
const CARRIERS_BY_LANG = { es: ['Correvía', 'Correvía', 'PaqLink'], ca: ['Correvía'], pt: ['Correvía', 'PaqLink'], de: ['Falkpost'], en: ['Correvía', 'Falkpost'] };

// ---- text helpers ----
function typo(s) { // one transposed-letter typo in a word of 6+ letters
  const words = s.split(' '); const idx = words.map((w, i) => [w, i]).filter(([w]) => /^[a-zäöüßáéíóúñ]{6,}$/i.test(w)); if (!idx.length) return s;
  const [w, i] = pick(idx); const p = int(1, w.length - 3); words[i] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2); return words.join(' ');
}
function fill(t, v) { return t.replace(/\{(\w+)\}/g, (_, k) => (v[k] ?? `{${k}}`)); }
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function html(text) { return text.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join(''); }
const eur = (x) => x.toFixed(2); const eurC = (x) => x.toFixed(2).replace('.', ',');

// ---- clusters ----
const C = {};
C.double_label = {
  about: true, reason: 'Etiquetas / cobro', tags: ['etiquetas', 'cobro-duplicado', 'saldo'],
  es: [
    'Hola, hoy nos habéis cobrado dos etiquetas para el mismo pedido #{order}. En el saldo aparecen dos cargos de {amtc} €. ¿Podéis devolver uno?',
    'Tenemos {k} pedidos con DOS etiquetas de {carrier} cada uno y el saldo ha bajado el doble. Solo hemos pulsado "Comprar etiquetas" una vez.',
    'Buenas, en los movimientos del saldo veo esto:\n\n{stmt_es}\n\nMismo envío, misma hora. ¿Qué ha pasado?',
    'Etiqueta duplicada en el pedido {order}. ¿El transportista nos va a cobrar las dos? Necesito que anuléis una.',
    'me salen dos etiquetas por bulto desde esta tarde, cual imprimo??',
    'Nos habéis cobrado dos veces la etiqueta del pedido {order}, y no es la primera de hoy. Revisad el lote de las 10, por favor.',
  ],
  en: [
    'Hi, we were charged twice for the label on order #{order}. Two debits of €{amt} from our wallet for one parcel.',
    'Every parcel in today\'s batch has two {carrier} labels and our balance dropped twice as much as it should. We only clicked Buy labels once.',
    'Our wallet history shows:\n\n{stmt_en}\n\nSame shipment, same minute. Please refund the duplicate.',
    'Duplicate labels on about {k} orders this afternoon. Which tracking number is the real one?',
  ],
  de: [
    'Hallo, für die Bestellung {order} wurden zwei Etiketten gekauft und unser Guthaben doppelt belastet ({amtc} € zweimal).',
    'Bei {k} Sendungen haben wir heute jeweils zwei {carrier}-Etiketten und das Guthaben ist doppelt abgebucht. Wir haben nur einmal auf "Etiketten kaufen" geklickt.',
    'Guten Tag, im Guthabenverlauf steht:\n\n{stmt_de}\n\nGleiche Sendung, gleiche Uhrzeit. Bitte um Gutschrift.',
    'doppelte etiketten seit 15 uhr, welches soll ich drucken?',
  ],
  pt: ['Olá, foram compradas duas etiquetas para a mesma encomenda {order} e o saldo foi debitado duas vezes.'],
  ca: ['Bon dia, ens heu cobrat dues etiquetes pel mateix enviament {order}. El saldo ha baixat el doble.'],
  chat: { es: ['dos etiquetas para el mismo pedido', 'me habéis cobrado doble las etiquetas', 'por qué tengo 2 números de seguimiento para un paquete'], en: ['two labels for one parcel??', 'charged twice for labels today'], de: ['zwei etiketten für ein paket??', 'guthaben doppelt abgebucht'] },
  note: [
    'Llamada: cliente ve 2 etiquetas x pedido ({carrier}), saldo -2x {amtc}. Dup confirmado por client_ref, abono solicitado.',
    'Anruf: 2 Etiketten je Sendung, Guthaben doppelt belastet. Dup bestätigt, Gutschrift angestoßen, 1-2 Werktage.',
    'Call: mrchnt sees 2 lbls per parcel, wallet dbl debited. Known inc, macro read, credit auto.',
    'Llamada: {k} bultos con etiqueta doble. Le digo que imprima la primera, la 2ª se anula sola.',
  ],
};
C.failed_email_flood = {
  about: true, reason: 'Avisos y emails', tags: ['avisos', 'dach', 'etiquetas'], langs: [['de', 55], ['es', 22], ['en', 23]],
  es: [
    'He recibido {k} correos de "No se ha podido comprar la etiqueta" para el mismo pedido. ¿Me vais a cobrar {k} veces?',
    'Nos están llegando decenas de emails de compra fallida, pero las etiquetas luego aparecen compradas. ¿Qué pasa?',
    'paren los correos de etiqueta fallida por favor, llevo {n} esta mañana',
  ],
  en: [
    'I\'ve got {k} "Label purchase failed" emails for the same shipment this morning. Will I be charged {k} times?',
    'Our inbox has {n} label purchase failed e-mails since 8am but the labels are all there. Is this spam?',
    'stop the label failed emails please. {n} so far',
  ],
  de: [
    'Ich habe {k} E-Mails "Etikettenkauf fehlgeschlagen" für dieselbe Sendung bekommen. Werde ich jetzt {k} mal belastet?',
    'Seit heute früh bekommen wir ständig Mails und Push-Nachrichten, dass der Etikettenkauf fehlgeschlagen ist – {n} Stück. Die Etiketten sind aber da?!',
    'Bitte die Fehlermails stoppen, unser Postfach läuft voll ({n} Mails).',
    'Etikettenkauf fehlgeschlagen – {k}x für Bestellung {order}. Soll ich das Etikett lieber bei Correvía kaufen?',
  ],
  chat: { es: ['me llegan muchos correos de compra fallida'], en: ['getting the same label failed email over and over', '{k} failed emails for one order??'], de: ['warum bekomme ich dauernd fehlgeschlagen mails', '{k}x dieselbe fehlermail'] },
  note: [
    'Anruf: Händler bekam {k}x Mail "Etikettenkauf fehlgeschlagen" je Sendung, Angst vor {k}x Belastung. Geprüft: 1 Etikett, 1 Abbuchung. Beruhigt.',
    'Call: merchant got {k}x label failed mails per shipment, asked if charged {k}x. Checked: 1 label each. Adv\'d.',
    'Llamada: {k} correos compra fallida por envío. Explicado: una sola etiqueta, un solo cargo.',
  ],
};
C.wrongly_rejected_address = {
  about: true, reason: 'Etiquetas / compra', tags: ['etiquetas', 'dach'], langs: [['de', 60], ['es', 20], ['en', 20]],
  de: [
    'Bultora sagt "Adresse nicht zustellbar" bei Bestellung {order}, aber die Adresse ist korrekt (Karl-Liebknecht-Str. 12, 04107 Leipzig). Ich habe das Etikett dann bei Correvía gekauft und jetzt sehe ich, dass Falkpost auch abgebucht wurde.',
    'Heute Morgen wurden {k} Sendungen als "Adresse nicht zustellbar" abgelehnt. Alle Adressen stimmen. Was ist da los?',
    'Ich habe die Adresse "korrigiert" und nochmal gekauft, jetzt habe ich zwei Falkpost-Etiketten und zwei Abbuchungen.',
    'Abgelehnt: Adresse nicht zustellbar. Der Kunde wohnt seit 10 Jahren dort!',
  ],
  en: [
    'Shipments rejected with "address not deliverable" but the addresses are fine. I re-bought with Correvía and now I paid twice for {order}.',
    'Why is Falkpost rejecting Vienna addresses as not deliverable today? {k} orders.',
  ],
  es: [
    'Falkpost rechaza {k} envíos a Alemania con "dirección no entregable" y las direcciones están bien. Compré otra etiqueta y ahora tengo dos cobradas.',
    'El pedido {order} sale como rechazado por dirección, pero el cliente dice que el paquete le ha llegado con etiqueta de Falkpost??',
  ],
  chat: { de: ['adresse nicht zustellbar obwohl korrekt', 'warum abgelehnt? adresse stimmt'], en: ['address rejected but it is correct'], es: ['dirección rechazada pero está bien'] },
  note: [
    'Anruf: {k} Sendungen "Adresse nicht zustellbar", Adressen ok. Händler hat neu gekauft -> 2 Etiketten. Unbenutztes storniert.',
    'Llamada: envíos rechazados por dirección (Falkpost), direcciones correctas. Anulada la 2ª etiqueta.',
  ],
};
C.void_refund_missing = {
  about: true, reason: 'Anulaciones', tags: ['anulaciones', 'saldo'],
  es: [
    'Anulé {k} etiquetas el lunes y el saldo todavía no se ha devuelto. Normalmente se abona al día siguiente.',
    'Hola, las etiquetas anuladas de esta semana no aparecen como abono en el saldo. Faltan unos {big} €.',
    'tengo etiquetas anuladas desde el 13 y el dinero no ha vuelto al saldo, he tenido que recargar otra vez para seguir trabajando',
  ],
  en: ['I voided {k} labels on Monday and the credit never came back to our wallet.', 'Voided labels not credited since the 13th. We had to top up again to keep shipping.'],
  de: ['Wir haben am Montag {k} Etiketten storniert, die Gutschrift fehlt immer noch im Guthaben.', 'Stornierte Etiketten werden seit Tagen nicht gutgeschrieben. Wo ist unser Geld?'],
  chat: { es: ['no me habéis devuelto el saldo de las etiquetas anuladas'], en: ['voided labels no credit'], de: ['gutschrift für stornierte etiketten fehlt'] },
  note: ['Llamada: {k} etiquetas anuladas desde el 13/07 sin abono en saldo. Incidencia conocida, abono hoy.', 'Anruf: Gutschrift stornierter Etiketten fehlt (seit 13.7.). Bekanntes Problem.'],
};
C.no_shipped_email = {
  about: true, reason: 'Avisos y emails', tags: ['avisos'],
  es: [
    'Mis clientes dicen que no les ha llegado el email de "tu pedido ha sido enviado" con el seguimiento. Solo pasa con los pedidos de varios bultos.',
    'Hoy varios compradores nos preguntan dónde está su pedido, no han recibido la confirmación de envío.',
  ],
  en: ['Our buyers are not getting the shipping confirmation email with the tracking link since yesterday. Only orders with more than one box.', 'Customers asking "where is my order" - they never got the shipped email. Labels were bought fine.'],
  de: ['Unsere Kunden bekommen seit gestern keine Versandbestätigung mit Sendungsnummer mehr, nur bei Bestellungen mit mehreren Paketen.', 'Keine Versandbestätigung an die Käufer – wir bekommen jetzt lauter "Wo ist meine Bestellung?"-Mails.'],
  chat: { es: ['mis clientes no reciben el email de envío'], en: ['buyers not getting shipped email'], de: ['keine versandbestätigung an kunden'] },
  note: ['Llamada: compradores sin email de envío (pedidos multibulto). Incidencia conocida, se reenvían.', 'Call: buyers no shipping confirmation for multi-box orders. Known, resend pending.'],
};
// ---- out of scope ----
C.return_label_double = {
  about: false, reason: 'Devoluciones', tags: ['devoluciones', 'cobro-duplicado', 'saldo'],
  es: ['Un cliente ha creado una devolución en el portal y nos habéis cobrado la etiqueta de devolución dos veces.', 'Etiquetas de devolución de Correvía cobradas por duplicado hoy ({k} devoluciones).'],
  en: ['Return label charged twice to our wallet. The customer says the returns page showed an error and she tried again.'],
  de: ['Retourenetikett doppelt berechnet – der Kunde hat im Retourenportal zweimal geklickt, weil eine Fehlermeldung kam.'],
  chat: { es: ['devolución cobrada dos veces'], en: ['return label charged twice'], de: ['retourenetikett doppelt'] },
  note: ['Llamada: etiqueta de devolución cobrada 2x (portal devoluciones). Pasado a Mistral.'],
};
C.tracking_sms_spam = {
  about: false, reason: 'Seguimiento', tags: ['seguimiento', 'avisos'], langs: [['de', 45], ['es', 40], ['en', 15]],
  es: ['Mis clientes se quejan de que reciben el SMS "Tu pedido está en reparto" {k} veces.', 'Un comprador ha recibido {k} SMS de que su paquete está en reparto, está enfadadísimo.'],
  en: ['A customer of ours got the out for delivery SMS {k} times this morning.'],
  de: ['Unsere Kunden bekommen die SMS "Ihr Paket wird heute zugestellt" {k} mal. Bitte abstellen.', 'Zustell-SMS kommt bei unseren Kunden mehrfach an ({k}x).'],
  chat: { de: ['kunden bekommen zustell sms mehrfach'], es: ['sms de reparto repetidos'], en: ['out for delivery sms x{k}'] },
  note: ['Anruf: Endkunden bekommen Zustell-SMS {k}x. Bekanntes Problem Tracking.'],
};
C.topup_double = {
  about: false, reason: 'Saldo / recargas', tags: ['saldo', 'cobro-duplicado'],
  es: ['He recargado {big} € de saldo con tarjeta y el banco me ha cobrado dos veces.', 'Recarga de saldo duplicada en la tarjeta, en Bultora solo aparece una vez.'],
  en: ['Topped up our wallet with €{big} and the card was charged twice. The balance only shows it once.'],
  de: ['Die Guthaben-Aufladung über {big} € wurde zweimal von der Kreditkarte abgebucht.'],
  chat: { es: ['recarga cobrada dos veces'], en: ['top up charged twice on my card'], de: ['aufladung doppelt abgebucht'] },
  note: ['Llamada: recarga {big} € cobrada 2x en tarjeta (Pagora). Pasado a Finanzas.'],
};
C.carrier_surcharge_twice = {
  about: false, reason: 'Saldo / recargas', tags: ['saldo'],
  es: ['Nos habéis descontado dos veces el mismo suplemento de peso de Transvela (palé del pedido {order}).', 'Suplemento por peso de Transvela cobrado por duplicado en el saldo.'],
  en: ['Transvela weight adjustment for the same pallet was deducted twice from our balance.'],
  de: ['Die Gewichtskorrektur von Transvela für dieselbe Palette wurde doppelt vom Guthaben abgezogen.'],
  chat: { es: ['suplemento de peso cobrado dos veces'], en: ['weight surcharge twice'], de: ['gewichtskorrektur doppelt'] },
  note: ['Llamada: suplemento peso Transvela 2x. Pasado a Finanzas (cuadre).'],
};
C.orders_stuck_address_check = {
  about: false, reason: 'Etiquetas / compra', tags: ['etiquetas'],
  es: ['Tengo {k} pedidos atascados en "Comprobando dirección" y no puedo comprar las etiquetas, ¡el corte es a las 16:00!', 'Los pedidos no pasan de "Pendiente de comprobar dirección".'],
  en: ['Orders stuck in "Pending address check" for an hour, can\'t buy labels before the cut-off.'],
  de: ['Bestellungen hängen bei "Adressprüfung ausstehend", wir können keine Etiketten kaufen.'],
  chat: { es: ['pedidos atascados comprobando dirección'], en: ['orders stuck pending address check'], de: ['bestellungen hängen adressprüfung'] },
  note: ['Llamada: pedidos atascados en comprobación de dirección, no puede comprar etiquetas. Incidencia conocida.'],
};
C.duplicate_orders_import = {
  about: false, reason: 'Integraciones', tags: ['integraciones'],
  es: ['Los pedidos de Shopify aparecen duplicados en Bultora y hemos comprado etiqueta para los dos sin darnos cuenta.'],
  en: ['Every Shopify order from this morning shows up twice in Bultora. We bought labels for some of both copies.'],
  de: ['Shopify-Bestellungen erscheinen doppelt, wir haben für manche zwei Etiketten gekauft.'],
  chat: { es: ['pedidos de shopify duplicados'], en: ['orders imported twice from shopify'], de: ['bestellungen doppelt importiert'] },
  note: ['Llamada: pedidos Shopify duplicados. Anuladas etiquetas sobrantes.'],
};
C.print_twice = {
  about: false, reason: 'Impresión', tags: ['impresion'], langs: [['de', 50], ['es', 35], ['en', 15]],
  de: ['Bultora Print druckt jedes Etikett zweimal auf unserem Zebra-Drucker.', 'Seit heute Morgen kommen nur leere Etiketten aus dem Zebra GK420d.'],
  es: ['La impresora Zebra imprime cada etiqueta dos veces desde la actualización de Bultora Print.'],
  en: ['Bultora Print prints blank labels since the update.'],
  chat: { de: ['drucker druckt doppelt'], es: ['imprime dos veces cada etiqueta'], en: ['blank labels from bultora print'] },
  note: ['Anruf: Bultora Print 3.8 druckt doppelt. Downgrade 3.7.2 erklärt.'],
};
C.noise = {
  about: false, reason: null, tags: [],
  es: ['¿Cómo conecto mi propia cuenta de Correvía?', '¿Cobrado dos veces? Ah no, perdón, una era la etiqueta de devolución.', 'Necesito la factura de las recargas de saldo de octubre.', '¿Cómo anulo una etiqueta que no voy a usar?', '¿Podéis cambiar la dirección de recogida por defecto?', '¿Qué tamaño de etiqueta usáis, 10x15?', 'Necesito el CN23 para un envío a Canarias.', 'hola?', 'Quiero dar de baja la cuenta.', '¿Tenéis integración con PrestaShop 8?', 'El transportista no ha pasado a recoger hoy.'],
  en: ['How do I connect our own Falkpost contract?', 'Where can I download the VAT invoice for wallet top-ups?', 'Can we insure parcels over €500?', 'What is the API rate limit for /v1/batches?', 'test', 'Is there a Shopware 6 app?', 'Charged twice?? Oh wait, one of them is the return label. Never mind!', 'How do I add a second pickup address?'],
  de: ['Wie kann ich unseren eigenen Falkpost-Vertrag hinterlegen?', 'Ich brauche die Rechnung für die Guthaben-Aufladungen.', 'Wie storniere ich ein Etikett?', 'Gibt es eine Shopware-6-App?', 'Abholung heute nicht erfolgt, was tun?', 'Hallo?'],
  pt: ['Como altero a morada de recolha?'], ca: ['Com puc anul·lar una etiqueta?'],
  chat: { es: ['hola', 'cómo anulo una etiqueta', 'factura de recargas'], en: ['hi', 'how to void a label', 'invoice for top ups'], de: ['wie storniere ich', 'hallo'] },
  note: ['Llamada: duda sobre cómo anular etiquetas. Explicado.', 'Anruf: Frage zu eigener Falkpost-Anbindung. Doku geschickt.', 'Call: asked about API limits. Sent docs.', 'Llamada: quiere factura de recargas. Enviada.'],
};

// ---- bursts: [cluster, incident, first local date, count, first hour] ----
const BURSTS = [
  ['double_label', 'INC-231', '2026-03-16', 22, 11],
  ['double_label', 'INC-274', '2026-10-05', 18, 15],
  ['failed_email_flood', 'INC-244', '2026-04-28', 24, 9],
  ['wrongly_rejected_address', 'INC-266', '2026-08-11', 17, 8],
  ['void_refund_missing', 'INC-259', '2026-07-14', 13, 9],
  ['no_shipped_email', 'INC-281', '2026-11-12', 10, 12],
  ['return_label_double', 'INC-236', '2026-04-02', 11, 11],
  ['tracking_sms_spam', 'INC-240', '2026-04-20', 9, 9],
  ['topup_double', 'INC-255', '2026-06-23', 10, 10],
  ['carrier_surcharge_twice', 'INC-262', '2026-07-28', 7, 9],
  ['orders_stuck_address_check', 'INC-270', '2026-09-15', 8, 14],
  ['duplicate_orders_import', 'INC-277', '2026-10-27', 6, 10],
  ['print_twice', 'INC-285', '2026-11-27', 5, 9],
  ['noise', null, null, 36, 8],
];
const OFFSETS = [[0, 45], [1, 28], [2, 14], [3, 7], [4, 3], [5, 2], [6, 1]];

// the incident macro (read out or pasted by agents on incident days, whether it fits or not)
const MACRO_CLUSTERS = new Set(['double_label', 'failed_email_flood', 'wrongly_rejected_address', 'return_label_double', 'topup_double', 'tracking_sms_spam']);
const MACRO = {
  es: 'Estamos al tanto de una incidencia que hoy afecta a la compra de algunas etiquetas y a los avisos por email. Nuestro equipo ya está trabajando en ello y cualquier importe cobrado por error se devolverá a tu saldo automáticamente. No tienes que hacer nada más.',
  en: 'We\'re aware of an issue affecting some label purchases and e-mail notices today. Our team is on it, and any amount taken from your wallet in error will be credited back automatically. You don\'t need to do anything else.',
  de: 'Uns ist ein Problem bekannt, das heute einige Etikettenkäufe und E-Mail-Benachrichtigungen betrifft. Unser Team arbeitet daran, und zu viel abgebuchte Beträge werden Ihrem Guthaben automatisch gutgeschrieben. Sie müssen nichts weiter tun.',
};
const REPLIES = {
  double_label: { es: 'Siento lo del doble cargo. Veo dos etiquetas para el mismo bulto; hemos anulado la segunda y el importe vuelve a tu saldo en 24 horas. Imprime la primera etiqueta.', en: 'Sorry about the double charge. I can see two labels for the same parcel; we\'ve voided the second one and the amount will be back in your wallet within 24 hours. Please print the first label.', de: 'Entschuldigung für die doppelte Abbuchung. Ich sehe zwei Etiketten für dasselbe Paket; das zweite ist storniert und der Betrag wird Ihrem Guthaben innerhalb von 24 Stunden gutgeschrieben. Bitte drucken Sie das erste Etikett.' },
  failed_email_flood: { es: 'Perdona por tantos correos. Tus etiquetas se han comprado una sola vez y solo se ha cobrado una vez cada una; los avisos de compra fallida eran un error nuestro.', en: 'Sorry for all those e-mails! Your labels were bought once and charged once each; the "label purchase failed" notices were a mistake on our side.', de: 'Entschuldigung für die vielen Mails! Ihre Etiketten wurden jeweils nur einmal gekauft und einmal abgebucht; die Meldungen "Etikettenkauf fehlgeschlagen" waren ein Fehler bei uns.' },
  wrongly_rejected_address: { es: 'Tienes razón, la dirección era correcta: el rechazo fue un error nuestro con Falkpost y la etiqueta original es válida. Hemos anulado la etiqueta que no has usado y el importe vuelve a tu saldo.', en: 'You\'re right, the address was fine: the rejection was an error on our side with Falkpost and the original label is valid. We\'ve voided the label you didn\'t use and credited your wallet.', de: 'Sie haben recht, die Adresse war korrekt: Die Ablehnung war ein Fehler bei uns mit Falkpost, das ursprüngliche Etikett ist gültig. Das nicht benutzte Etikett haben wir storniert und Ihrem Guthaben gutgeschrieben.' },
  void_refund_missing: { es: 'Disculpa el retraso. Los abonos de las etiquetas anuladas ya están en tu saldo.', en: 'Sorry for the delay. The credits for your voided labels are now in your wallet.', de: 'Entschuldigung für die Verzögerung. Die Gutschriften für Ihre stornierten Etiketten sind jetzt in Ihrem Guthaben.' },
  no_shipped_email: { es: 'Gracias por avisar. Hubo un fallo con el email de envío para pedidos de varios bultos; ya está corregido y hemos reenviado las confirmaciones a tus compradores.', en: 'Thanks for letting us know. There was a problem with the shipping confirmation for multi-box orders; it\'s fixed and we\'ve re-sent the confirmations to your buyers.', de: 'Danke für den Hinweis. Die Versandbestätigung für Bestellungen mit mehreren Paketen hatte einen Fehler; er ist behoben und die Bestätigungen wurden erneut an Ihre Kunden gesendet.' },
  return_label_double: { es: 'Las etiquetas de devolución las gestiona el portal de devoluciones; hemos devuelto el cargo duplicado a tu saldo.', en: 'Return labels come from the returns portal; we\'ve credited the duplicate back to your wallet.', de: 'Retourenetiketten kommen aus dem Retourenportal; die doppelte Abbuchung haben wir Ihrem Guthaben gutgeschrieben.' },
  tracking_sms_spam: { es: 'Perdona las molestias: el aviso de "en reparto" se envió varias veces por un fallo del proveedor de SMS. Ya está resuelto.', en: 'Sorry about that: the out-for-delivery SMS was sent several times because of a problem with our SMS provider. It\'s fixed.', de: 'Entschuldigung: Die Zustell-SMS wurde wegen eines Problems beim SMS-Anbieter mehrfach verschickt. Das ist behoben.' },
  topup_double: { es: 'El segundo cargo de la recarga se ha devuelto a tu tarjeta; puede tardar de 3 a 5 días hábiles.', en: 'The second top-up charge has been refunded to your card; it can take 3-5 business days.', de: 'Die zweite Abbuchung der Aufladung wurde auf Ihre Karte erstattet; das kann 3-5 Werktage dauern.' },
  carrier_surcharge_twice: { es: 'Tienes razón, el suplemento se cargó dos veces. Lo hemos revertido.', en: 'You\'re right, the surcharge was applied twice. We\'ve reversed it.', de: 'Sie haben recht, die Gewichtskorrektur wurde doppelt berechnet. Wir haben sie rückgängig gemacht.' },
  orders_stuck_address_check: { es: 'La comprobación de direcciones tuvo un problema esta tarde; los pedidos ya están liberados.', en: 'The address check had a problem this afternoon; your orders are released now.', de: 'Die Adressprüfung hatte heute Nachmittag ein Problem; Ihre Bestellungen sind jetzt freigegeben.' },
  duplicate_orders_import: { es: 'Hemos eliminado los pedidos duplicados y anulado las etiquetas de las copias.', en: 'We\'ve removed the duplicate orders and voided the labels bought for the copies.', de: 'Wir haben die doppelten Bestellungen entfernt und die Etiketten der Kopien storniert.' },
  print_twice: { es: 'Es un fallo de Bultora Print 3.8; instala la 3.7.2 desde el enlace y se soluciona.', en: 'That\'s a bug in Bultora Print 3.8; installing 3.7.2 from the link fixes it.', de: 'Das ist ein Fehler in Bultora Print 3.8; mit Version 3.7.2 über den Link ist es behoben.' },
  noise: { es: '¡Gracias por escribirnos! {answer}', en: 'Thanks for reaching out! {answer}', de: 'Danke für Ihre Nachricht! {answer}' },
};
const ANSWERS = {
  es: ['Aquí tienes la guía: ayuda.bultora.com/es', 'Lo puedes hacer en Ajustes > Transportistas.', 'Te lo he enviado por email.', 'Hecho, ya está actualizado.'],
  en: ['Here is the guide: help.bultora.com/en', 'You can do that under Settings > Carriers.', 'I\'ve sent it to you by e-mail.', 'Done, it\'s updated.'],
  de: ['Hier ist die Anleitung: hilfe.bultora.com/de', 'Das geht unter Einstellungen > Versanddienstleister.', 'Ich habe es Ihnen per E-Mail geschickt.', 'Erledigt.'],
};
const GREET = { es: ['Hola,', 'Buenos días,', 'Buenas tardes,', 'Hola equipo,', ''], en: ['Hi,', 'Hello,', 'Hi there,', ''], de: ['Hallo,', 'Guten Tag,', 'Sehr geehrte Damen und Herren,', 'Hallo zusammen,', ''], pt: ['Olá,'], ca: ['Bon dia,'] };
const SIGN = { es: ['Un saludo,\n{first}', 'Gracias,\n{first} {last}\n{shop}', 'Saludos\n{first}', ''], en: ['Thanks,\n{first}', 'Best,\n{first} {last}\n{shop}', ''], de: ['Viele Grüße\n{first}', 'Mit freundlichen Grüßen\n{first} {last}', 'LG {first}', ''], pt: ['Obrigado,\n{first}'], ca: ['Gràcies,\n{first}'] };
const DEVICE = { es: ['Enviado desde mi iPhone', 'Enviado desde Outlook para Android'], en: ['Sent from my iPhone'], de: ['Von meinem iPhone gesendet', 'Gesendet von Outlook für Android'], pt: ['Enviado do meu iPhone'], ca: ['Enviat des del meu iPhone'] };
const CORP = {
  es: '{first} {last} · {shop}\nTel. 944 55 0{n3} · www.tienda-online.es\nEste mensaje y sus anexos son confidenciales. En cumplimiento del RGPD le informamos de que sus datos se tratan para gestionar la relación comercial.',
  de: '{first} {last}\n{shop} GmbH · Geschäftsführer: {first} {last}\nAmtsgericht Leipzig HRB 3{n3}{n3} · USt-IdNr. DE2{n3}4{n3}1\nDiese E-Mail enthält vertrauliche Informationen.',
  en: '{first} {last} | {shop}\nThis e-mail and any attachments are confidential.',
};
const SUBJ = {
  double_label: { es: ['Etiqueta cobrada dos veces', 'Cargo duplicado en el saldo', 'Etiquetas duplicadas'], en: ['Charged twice for a label', 'Duplicate labels'], de: ['Doppelte Abbuchung', 'Zwei Etiketten für eine Sendung'] },
  failed_email_flood: { es: ['Correos de compra fallida', 'Demasiados emails'], en: ['Label purchase failed emails', 'Too many emails'], de: ['Etikettenkauf fehlgeschlagen??', 'Massenhaft Fehlermails'] },
  wrongly_rejected_address: { es: ['Dirección rechazada'], en: ['Address not deliverable?'], de: ['Adresse nicht zustellbar', 'Sendung abgelehnt'] },
  void_refund_missing: { es: ['Abono de etiquetas anuladas', 'Saldo no devuelto'], en: ['Voided labels not credited'], de: ['Gutschrift fehlt'] },
  no_shipped_email: { es: ['Email de envío no llega'], en: ['Shipping confirmation missing'], de: ['Versandbestätigung fehlt'] },
  return_label_double: { es: ['Devolución cobrada dos veces'], en: ['Return label charged twice'], de: ['Retourenetikett doppelt'] },
  tracking_sms_spam: { es: ['SMS repetidos a clientes'], en: ['Repeated SMS'], de: ['Zustell-SMS mehrfach'] },
  topup_double: { es: ['Recarga cobrada dos veces'], en: ['Top-up charged twice'], de: ['Aufladung doppelt abgebucht'] },
  carrier_surcharge_twice: { es: ['Suplemento Transvela duplicado'], en: ['Surcharge twice'], de: ['Gewichtskorrektur doppelt'] },
  orders_stuck_address_check: { es: ['Pedidos atascados'], en: ['Orders stuck'], de: ['Bestellungen hängen'] },
  duplicate_orders_import: { es: ['Pedidos duplicados'], en: ['Duplicate orders'], de: ['Doppelte Bestellungen'] },
  print_twice: { es: ['Impresión doble'], en: ['Printing problem'], de: ['Drucker druckt doppelt'] },
  noise: { es: ['Consulta', 'Factura', 'Duda'], en: ['Question', 'Invoice'], de: ['Frage', 'Rechnung'] },
};
const PLACEHOLDER = ['(sin asunto)', '(no subject)', '(kein Betreff)', 'Consulta', 'Hilfe', 'Help', 'URGENTE', '?', 'Re: Tu pedido ha sido enviado', 'Re: No se ha podido comprar la etiqueta', 'AW: Etikettenkauf fehlgeschlagen', 'Fwd: Bultora', 'Frage'];

// ---- build ----
const conversations = []; const truth = {}; const counts = {}; const langs = {}; const chans = {};
let macroCount = 0; let noiseCursor = 0; let partSeq = 0;
const usedIds = new Set();
function convId() { let id; do { id = '21' + digits(13); } while (usedIds.has(id)); usedIds.add(id); return id; }
const partId = () => String(31000000000 + (++partSeq) * 7919 + int(0, 7000));

function langFor(cl) {
  const def = C[cl];
  if (def.langs) return weighted(def.langs);
  const r = rnd();
  if (def.pt && r < 0.03) return 'pt';
  if (def.ca && r < 0.06) return 'ca';
  return weighted([['es', 46], ['de', 27], ['en', 27]]);
}
const replyLang = (l) => (l === 'de' ? 'de' : l === 'en' || l === 'pt' ? 'en' : 'es');

function stmt(lang, amt, day, carrier) {
  const [y, m, d] = day.split('-'); const tn = `${carrier === 'Falkpost' ? '00340434' : 'CV'}${digits(10)}`; const hh = `${pad(int(10, 16))}:${pad(int(0, 59))}`;
  if (lang === 'de') return [`${d}.${m}.${y} ${hh}  Etikett ${carrier} ${tn}   -${eurC(amt)} €`, `${d}.${m}.${y} ${hh}  Etikett ${carrier} ${tn}   -${eurC(amt)} €`].join('\n');
  if (lang === 'en') return [`${MON_EN[+m - 1]} ${+d}, ${hh}  ${carrier} label ${tn}  -€${eur(amt)}`, `${MON_EN[+m - 1]} ${+d}, ${hh}  ${carrier} label ${tn}  -€${eur(amt)}`].join('\n');
  return [`${d}/${m}/${y} ${hh}  Etiqueta ${carrier} ${tn}   -${eurC(amt)} €`, `${d}/${m}/${y} ${hh}  Etiqueta ${carrier} ${tn}   -${eurC(amt)} €`].join('\n');
}

function makeConversation(cl, incident, day, hourFrom) {
  const def = C[cl]; const lang = langFor(cl); const rl = replyLang(lang);
  const first = pick(FIRST[lang]); const last = pick(LAST[lang]); const shop = pick(SHOPS[lang]);
  const carrier = cl === 'failed_email_flood' || cl === 'wrongly_rejected_address' ? 'Falkpost' : cl === 'carrier_surcharge_twice' ? 'Transvela'
    : incident === 'INC-231' || cl === 'return_label_double' ? 'Correvía' : incident === 'INC-274' ? (lang === 'de' ? 'Falkpost' : 'Correvía') : pick(CARRIERS_BY_LANG[lang]);
  const channel = weighted([['email', 40], ['chat', 30], ['phone', 15], ['whatsapp', 8], ['form', 7]]);
  const amt = pick([3.95, 4.2, 4.85, 5.2, 5.9, 6.45, 7.1, 9.8]);
  const h = Math.max(hourFrom, int(8, 20)); const created = unixMadrid(day, Math.min(h, 21), int(0, 59), int(0, 59));
  const v = {
    first, last, shop, carrier, order: `#${int(1001, 48999)}`, amt: eur(amt), amtc: eurC(amt), k: String(int(3, 6)), n: String(int(12, 140)),
    big: String(pick([50, 100, 150, 200, 300, 500])), stmt_es: stmt('es', amt, day, carrier), stmt_en: stmt('en', amt, day, carrier), stmt_de: stmt('de', amt, day, carrier), n3: String(int(100, 999)),
  };
  const pool = def[lang] || def.es;
  let text;
  if ((channel === 'chat' || channel === 'whatsapp') && def.chat[rl] && chance(0.5)) text = fill(pick(def.chat[rl]), v);
  else if (cl === 'noise' && lang !== 'pt' && lang !== 'ca' && channel !== 'phone') text = fill(def[lang][noiseCursor++ % def[lang].length], v); // walk the confusers
  else text = fill(pick(pool), v);
  if (chance(0.15)) text = typo(text);
  if (chance(0.1)) text = text.toLowerCase();

  const id = convId(); const contactId = hex(24); const merchantId = 'mer_' + digits(1) + Array.from({ length: 4 }, () => pick('0123456789ABCDEFGHJKMNPQRSTVWXYZ'.split(''))).join('');
  const email = `${first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '')}@${shop.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 18)}.${lang === 'de' ? (chance(0.3) ? 'at' : 'de') : lang === 'pt' ? 'pt' : lang === 'en' ? pick(['ie', 'com', 'eu']) : pick(['es', 'com', 'eus', 'cat'])}`;
  const user = { type: 'user', id: contactId, name: `${first} ${last}`, email };
  const teamFor = lang === 'de' ? '7311046' : lang === 'en' || lang === 'pt' ? '7311047' : '7311045';
  const admin = pick(ADMINS.filter((a) => a.team === teamFor));
  const adminRef = { type: 'admin', id: String(admin.id), name: admin.name, email: admin.email };
  const parts = []; let t = created;
  const part = (part_type, body, author, when, extra = {}) => ({ type: 'conversation_part', id: partId(), part_type, body, created_at: when, updated_at: when, notified_at: when, assigned_to: null, author, attachments: [], external_id: null, redacted: false, ...extra });
  const useMacro = MACRO_CLUSTERS.has(cl) && incident && (created - unixMadrid(day, 0, 0, 0)) < 2 * 86400 && chance(0.45);
  if (useMacro) macroCount++;

  let source; let subject = '';
  if (channel === 'email' || channel === 'form') {
    if (channel === 'form') {
      subject = `Formulario de contacto: ${pick(['Facturación', 'Etiquetas', 'Otro'])}`;
      const body = `Nombre: ${first} ${last}\nEmail: ${email}\nTienda: ${shop}\nID comercio: ${merchantId}\nTema: ${def.reason || 'Otro'}\nMensaje:\n${text}`;
      source = { type: 'email', id: partId(), delivered_as: 'customer_initiated', subject, body: html(body).replace(/<\/p><p>/g, '<br>'), author: user, attachments: [], url: null, redacted: false };
    } else {
      subject = chance(0.3) ? pick(PLACEHOLDER) : pick(SUBJ[cl][rl] || SUBJ[cl].es);
      const g = /^(hola|hi|hello|hallo|guten|buenas|olá|bon dia)/i.test(text) ? '' : pick(GREET[lang]);
      const s = fill(pick(SIGN[lang]), v);
      let body = [g, text, s].filter(Boolean).join('\n\n');
      if (chance(0.25)) body += '\n\n' + pick(DEVICE[lang]);
      else if (chance(0.12) && CORP[rl]) body += '\n\n--\n' + fill(CORP[rl], v);
      source = { type: 'email', id: partId(), delivered_as: 'customer_initiated', subject, body: html(body), author: user, attachments: chance(0.08) ? [{ type: 'upload', name: pick(['captura.png', 'Screenshot 2026.png', 'saldo.pdf', 'IMG_4411.jpg']), url: `https://downloads.intercomcdn.com/i/o/x7q2mz4k/${digits(10)}/${hex(20)}`, content_type: 'image/png', filesize: int(40000, 900000), width: 1280, height: 720 }] : [], url: null, redacted: false };
    }
  } else if (channel === 'chat') {
    source = { type: 'conversation', id: partId(), delivered_as: 'customer_initiated', subject: '', body: html(text.split(/(?<=[.!?])\s+/)[0]), author: user, attachments: [], url: pick(['https://app.bultora.com/shipments', 'https://app.bultora.com/wallet', 'https://app.bultora.com/batches', 'https://app.bultora.com/settings/carriers']), redacted: false };
    const rest = text.split(/(?<=[.!?])\s+/).slice(1).join(' ');
    t += int(5, 40);
    parts.push(part('comment', rl === 'de' ? '<p>Hallo! Ich bin Fin, der KI-Assistent von Bultora. Ich schaue mir das an …</p>' : rl === 'en' ? '<p>Hi! I\'m Fin, Bultora\'s AI agent. Let me look into that…</p>' : '<p>¡Hola! Soy Fin, el asistente de IA de Bultora. Déjame revisarlo…</p>', FIN, t));
    if (rest) { t += int(20, 90); parts.push(part('comment', html(rest), user, t)); }
    t += int(10, 40);
    parts.push(part('comment', rl === 'de' ? '<p>Ich verbinde Sie mit dem Support-Team.</p>' : rl === 'en' ? '<p>I\'ll pass you to the support team.</p>' : '<p>Te paso con el equipo de soporte.</p>', FIN, t));
    if (chance(0.35)) { t += int(60, 300); parts.push(part('comment', `<p>${pick(['?', 'hola?', 'hallo?', 'anyone?', '...'])}</p>`, user, t)); }
  } else if (channel === 'whatsapp') {
    source = { type: 'whatsapp', id: partId(), delivered_as: 'customer_initiated', subject: '', body: html(chance(0.5) ? text.toLowerCase() : text), author: user, attachments: [], url: null, redacted: false };
  } else { // phone (Aircall logs the call; no customer text)
    const num = lang === 'de' ? `+49 341 ${digits(6)}` : lang === 'en' ? `+353 1 ${digits(6)}` : `+34 9${int(1, 8)}${digits(1)} ${digits(3)} ${digits(3)}`;
    const dur = `${int(2, 14)}m ${int(0, 59)}s`;
    source = { type: 'conversation', id: partId(), delivered_as: 'admin_initiated', subject: '', body: `<p>📞 Inbound call from ${num} · ${dur} · answered by ${esc(admin.name)} (Aircall)</p>`, author: adminRef, attachments: [], url: null, redacted: false };
  }
  // assignment
  t += int(30, 900);
  parts.push(part('assignment', null, { type: 'bot', id: '5400002', name: 'Workflows', email: 'operator+x7q2mz4k@intercom.io' }, t, { assigned_to: { type: 'team', id: teamFor } }));
  t += int(60, 3600);
  parts.push(part('assignment', null, adminRef, t, { assigned_to: { type: 'admin', id: String(admin.id) } }));
  // agent reply or call note
  t += int(60, 5400);
  const firstReplyAt = t;
  let reply = fill(REPLIES[cl][rl], { answer: pick(ANSWERS[rl]) });
  if (useMacro) reply = MACRO[rl] + (chance(0.5) ? '\n\n' + reply : '');
  if (channel === 'phone') {
    const prefix = { es: 'Llamada', de: 'Anruf', en: 'Call' }[rl];
    const notes = def.note.filter((x) => x.startsWith(prefix));
    parts.push(part('note', html(fill(pick(notes.length ? notes : def.note), v)), adminRef, t));
    if (useMacro) { t += 30; parts.push(part('note', `<p>${rl === 'de' ? 'Makro vorgelesen: Störung DE' : rl === 'en' ? 'Read macro: incident EN' : 'Macro leída: incidencia ES'}</p>`, adminRef, t)); }
  } else {
    const greet = channel === 'email' || channel === 'form' ? (rl === 'de' ? `Hallo ${first},\n\n` : rl === 'en' ? `Hi ${first},\n\n` : `Hola ${first}:\n\n`) : '';
    const sig = channel === 'email' || channel === 'form' ? `\n\n${admin.name.split(' ')[0]}\n${rl === 'de' ? 'Bultora Support' : rl === 'en' ? 'Bultora Support' : 'Soporte Bultora'}` : '';
    parts.push(part('comment', html(greet + reply + sig), adminRef, t));
    if (chance(0.25)) { t += int(20, 200); parts.push(part('note', `<p>${esc(pick({ es: ['client_ref comprobado en backoffice', 'escalado a #cierzo', 'pasado a Finanzas'], en: ['Checked purchase_attempts via backoffice', 'escalated to #cierzo'], de: ['Im Backoffice geprüft', 'an Finanzen weitergegeben'] }[rl]))}</p>`, adminRef, t)); }
  }
  // follow-up quoting our reply (email only)
  if (channel === 'email' && chance(0.15)) {
    const rp = madridParts(t); t += int(2, 30) * 3600;
    const q = rl === 'de'
      ? `Am ${DOW_DE[rp.dow]}, ${rp.d}. ${MON_DE[rp.mo]} ${rp.y} um ${pad(rp.h)}:${pad(rp.mi)} Uhr schrieb Bultora Support &lt;support@bultora.com&gt;:`
      : rl === 'en' ? `On ${DOW_EN[rp.dow]}, ${MON_EN[rp.mo]} ${rp.d}, ${rp.y} at ${(rp.h + 11) % 12 + 1}:${pad(rp.mi)} ${rp.h < 12 ? 'AM' : 'PM'} Bultora Support &lt;support@bultora.com&gt; wrote:`
        : `El ${DOW_ES[rp.dow]}, ${rp.d} ${MON_ES[rp.mo]} ${rp.y} a las ${rp.h}:${pad(rp.mi)}, Soporte Bultora (&lt;soporte@bultora.com&gt;) escribió:`;
    const fu = rl === 'de' ? pick(['Danke, aber im Guthaben sehe ich noch nichts.', 'Super, danke!', 'Ok. Und was ist mit den anderen Sendungen?']) : rl === 'en' ? pick(['Thanks, but I still don\'t see it in the wallet.', 'Great, thanks!', 'And the other orders?']) : pick(['Gracias, pero en el saldo todavía no aparece.', '¡Perfecto, gracias!', 'Vale. ¿Y los otros pedidos?']);
    parts.push(part('comment', `<p>${esc(fu)}</p><div class="gmail_quote"><div dir="ltr" class="gmail_attr">${q}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${html(reply)}</blockquote></div>`, user, t));
    t += int(1, 20) * 3600;
    parts.push(part('comment', html(rl === 'de' ? 'Danke für die Rückmeldung, ich prüfe das.' : rl === 'en' ? 'Thanks for letting us know, I\'ll check.' : 'Gracias por avisar, lo reviso.'), adminRef, t));
  }
  t += int(300, 36000);
  parts.push(part('close', null, adminRef, t));
  const closedAt = t;

  // tags, attributes
  const tagList = [];
  for (const tg of def.tags) if (chance(0.5)) tagList.push(tg);
  if (lang === 'de' && chance(0.6)) tagList.push('dach'); if (useMacro) tagList.push('incidente-activo'); if (chance(0.05)) tagList.push('vip'); if (def.about && chance(0.2)) tagList.push('escalado-cierzo');
  const tags = [...new Set(tagList)].sort().map((n) => ({ ...TAGS[n], applied_at: firstReplyAt, applied_by: { type: 'admin', id: String(admin.id) } }));
  const reason = def.reason && chance(0.6) ? def.reason : pick(REASONS);
  const langName = { es: 'Spanish', de: 'German', en: 'English', pt: 'Portuguese', ca: 'Catalan' }[lang];
  const custom_attributes = { 'Contact reason': reason, Carrier: chance(0.7) ? carrier : null, 'Merchant plan': pick(['Starter', 'Pro', 'Pro', 'Business']), 'Merchant ID': chance(0.8) ? merchantId : null, Language: chance(0.85) ? langName : null };
  const adminParts = parts.filter((p) => p.author.type === 'admin' && p.part_type === 'comment');
  const userParts = parts.filter((p) => p.author.type === 'user');
  const conv = {
    type: 'conversation', id, title: null, created_at: created, updated_at: closedAt, waiting_since: null, snoozed_until: null,
    open: false, state: 'closed', read: true, priority: 'not_priority', admin_assignee_id: admin.id, team_assignee_id: teamFor,
    tags: { type: 'tag.list', tags },
    conversation_rating: chance(0.18) ? { rating: int(2, 5), remark: null, created_at: closedAt + int(60, 3000), contact: { type: 'contact', id: contactId, external_id: merchantId }, teammate: { type: 'admin', id: String(admin.id) } } : null,
    source,
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: contactId, external_id: merchantId }] },
    teammates: { type: 'admin.list', admins: [{ type: 'admin', id: String(admin.id) }] },
    custom_attributes,
    first_contact_reply: channel === 'phone' ? null : { created_at: created, type: channel === 'email' || channel === 'form' ? 'email' : channel === 'whatsapp' ? 'whatsapp' : 'conversation', url: source.url },
    sla_applied: null,
    statistics: {
      type: 'conversation_statistics', time_to_assignment: parts[parts.findIndex((p) => p.part_type === 'assignment')].created_at - created,
      time_to_admin_reply: adminParts.length ? adminParts[0].created_at - created : null, time_to_first_close: closedAt - created, time_to_last_close: closedAt - created,
      median_time_to_reply: adminParts.length ? adminParts[0].created_at - created : null, first_contact_reply_at: channel === 'phone' ? null : created,
      first_assignment_at: parts.find((p) => p.part_type === 'assignment').created_at, first_admin_reply_at: adminParts.length ? adminParts[0].created_at : null,
      first_close_at: closedAt, last_assignment_at: parts.filter((p) => p.part_type === 'assignment').pop().created_at, last_assignment_admin_reply_at: adminParts.length ? adminParts[0].created_at : null,
      last_contact_reply_at: userParts.length ? userParts[userParts.length - 1].created_at : (channel === 'phone' ? null : created), last_admin_reply_at: adminParts.length ? adminParts[adminParts.length - 1].created_at : null,
      last_close_at: closedAt, last_closed_by_id: String(admin.id), count_reopens: 0, count_assignments: parts.filter((p) => p.part_type === 'assignment').length, count_conversation_parts: parts.length + 1,
    },
    conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
    linked_objects: { type: 'list', data: [], total_count: 0, has_more: false },
    ai_agent_participated: channel === 'chat',
  };
  conversations.push(conv);
  truth[id] = { cluster: cl, about_component: def.about, incident, channel, lang, created: new Date(created * 1000).toISOString() };
  counts[cl] = (counts[cl] || 0) + 1; langs[lang] = (langs[lang] || 0) + 1; chans[channel] = (chans[channel] || 0) + 1;
}

for (const [cl, incident, start, n, hourFrom] of BURSTS) {
  for (let i = 0; i < n; i++) {
    if (!start) { makeConversation(cl, null, addDays('2026-02-01', int(0, 305)), 8); continue; } // noise: 1 Feb - 3 Dec
    const off = weighted(OFFSETS); makeConversation(cl, incident, addDays(start, off), off === 0 ? hourFrom : 8);
  }
}
conversations.sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : 1)); // search results sorted by created_at ascending

const exportDoc = {
  export: {
    tool: 'intercom-dump 0.9.3 (Merchant Success Ops)', workspace: 'x7q2mz4k (Bultora)', api_version: '2.11', generated_at: '2026-12-05T06:30:11Z', timezone_of_timestamps: 'unix seconds (UTC)',
    search: { query: { operator: 'AND', value: [{ field: 'state', operator: '=', value: 'closed' }, { field: 'created_at', operator: '>', value: 1769900400 }, { field: 'created_at', operator: '<', value: 1796425200 }] }, sort: { field: 'created_at', order: 'ascending' } },
    sampling: 'every 11th conversation of the search results (intercom-dump --every 11); bodies are Intercom HTML',
    count: conversations.length,
  },
  admins: ADMINS.map(({ id, name, email, team }) => ({ type: 'admin', id: String(id), name, email, team_ids: [Number(team)] })).concat([{ type: 'bot', id: FIN.id, name: FIN.name, email: FIN.email, team_ids: [] }]),
  teams: TEAMS.map((tm) => ({ type: 'team', ...tm })),
  conversations,
};
const sortedTruth = {}; for (const c of conversations) sortedTruth[c.id] = truth[c.id];
const truthDoc = {
  generated_by: 'generate-tickets.mjs', export: 'intercom-conversations-2026-12-05.json', total: conversations.length,
  counts, languages: langs, channels: chans, macro_conversations: macroCount, conversations: sortedTruth,
};
const exp = JSON.stringify(exportDoc, null, 1) + '\n'; const tr = JSON.stringify(truthDoc, null, 1) + '\n';
writeFileSync(join(HERE, 'intercom-conversations-2026-12-05.json'), exp);
writeFileSync(join(HERE, 'truth.json'), tr);
console.error(`conversations: ${conversations.length}  export: ${exp.length} chars  truth: ${tr.length} chars`);
console.error(JSON.stringify({ counts, langs, chans, macroCount }));
