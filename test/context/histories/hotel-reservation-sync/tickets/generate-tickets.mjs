// Deterministic generator for the HubSpot ticket export (hubspot-tickets-export.csv).
// Usage: node generate-tickets.mjs            -> writes the CSV, prints cluster sizes
//        node generate-tickets.mjs --truth    -> also prints ticket id -> cluster to stdout
// Seeded PRNG, no dependencies: the same file comes out every run.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

let s = 0x1a2b3c4d;
function rnd() { // mulberry32
  s |= 0; s = (s + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p) => rnd() < p;

const HOTELS = ["Larkspur Harbour Point", "Larkspur Beacon Hill", "Larkspur Lisbon Riverside", "Larkspur Lagos", "Larkspur Tavira", "Larkspur Midtown", "Larkspur Lakeshore", "Larkspur Old Port"];
const FIRST = ["Emma", "Liam", "Olivia", "Noah", "Ava", "Mateo", "Sofia", "Lucas", "Mia", "Ethan", "Chloe", "Arjun", "Hannah", "Diego", "Grace", "Tomás", "Inês", "Kenji", "Fatima", "Ryan", "Zoe", "Marta", "Owen", "Leila", "Sam", "Nina", "Jack", "Beatriz", "Omar", "Claire"];
const LAST = ["Nguyen", "Smith", "Costa", "Garcia", "Okafor", "Murphy", "Silva", "Kowalski", "Patel", "Brown", "Ferreira", "Johansson", "Lee", "Dubois", "Rossi", "Walsh", "Santos", "Kim", "Ahmed", "Miller"];
const OTA = ["Booking.com", "Expedia", "Hotels.com", "Agoda", "booking", "expedia app"];
const conf = () => "LK" + int(100000, 999999);
const mon = ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan"];
const stay = () => `${int(1, 28)} ${pick(mon)}`;

// ---- cluster templates: each returns [subject, body] ----------------------------------------
const C = {};
C.double_booking = [
  (h, o) => [`Booked twice??`, `Hi, I made ONE reservation at ${h} for ${stay()} but ${o} now shows two of them with different numbers. Please remove the extra one, I only need one room.`],
  (h, o) => [`duplicate reservation`, `There is a duplicate reservation under my name at ${h}. Conf ${conf()} and ${conf()}. I will not pay for two rooms.`],
  (h, o) => [`Two stays showing in my ${o} account`, `My trip appears 2 times in the ${o} app, same dates, same room. Did something go wrong? I only clicked once.`],
  (h, o) => [`Extra booking I didn't make`, `Someone (or your system) created a second booking for me at ${h}. I never made it. Can you cancel the copy without cancelling my real one?`],
  (h, o) => [`Re: Your reservation at ${h}`, `I got an email from ${o} saying I have an upcoming stay I don't recognise - it's the same as my actual trip, just listed again. Which one is real?`],
  (h, o) => [`2 confirmations numbers for 1 room`, `why do i have 2 confirmation numbers for the same room and dates?? ${conf()} / ${conf()}. will i be charged for both`],
  (h, o) => [`my booking is doubled`, `Hello, looking at my account my reservation got doubled - there are two identical entries for ${stay()}. Please fix before I travel.`],
  (h, o) => [`Reserva duplicada`, `Hola, tengo dos reservas iguales en ${h} para las mismas fechas. Solo hice una. Por favor cancelen la otra.`],
  (h, o) => [`Ghost booking`, `There's a ghost booking sitting next to my real one on ${o}. I am worried it will count as a no-show and I'll be billed.`],
  (h, o) => [`Same stay listed twice`, `Same stay listed twice on my itinerary. Is the hotel holding two rooms for me? I need just the one.`],
  (h, o) => [`Question about my reservaton`, `I think my reservaton went through more than once, the ${o} page shows it 3 times now. Can someone check on your end?`],
  (h, o) => [`Cancel the second one please`, `Please cancel the second booking for ${stay()} at ${h}, it's identical to the first. I did not request a second room.`],
  (h, o) => [`Why do I have two rooms?`, `My confirmation page lists two rooms, but I booked one double room for two adults. Please correct.`],
];
C.repeated_confirmations = [
  (h, o) => [`Stop sending me emails`, `I have now received the same confirmation email 7 times for my stay at ${h}. Please make it stop.`],
  (h, o) => [`So many texts`, `My phone keeps buzzing with texts from Larkspur, all saying my booking is confirmed. 5 so far in an hour. Is this a scam?`],
  (h, o) => [`Did I book several times?`, `I got 6 confirmation mails for one booking. Does that mean I reserved 6 rooms?? I only wanted one!!`],
  (h, o) => [`inbox flooded`, `your system flooded my inbox, 9 identical messages "your stay at ${h} is confirmed". please check`],
  (h, o) => [`Repeated SMS`, `Receiving the same SMS over and over, every few minutes. Please unsubscribe my number from this.`],
  (h, o) => [`Confirmation received multiple times`, `Just letting you know I received the confirmation multiple times (I count 4 emails and 4 texts). Is only one booking active?`],
  (h, o) => [`spam from your hotel`, `This is borderline spam. Same message, again and again, about a reservation I made once. Marking you as junk if it continues.`],
  (h, o) => [`Re: Booking confirmed - ${h}`, `Why am I getting this again? This is the 5th one. I'm already booked.`],
  (h, o) => [`Too many notifications`, `Hi, too many notifications about my upcoming trip, I got them at 3am as well. Annoying - please limit it.`],
  (h, o) => [`Mensagens repetidas`, `Recebi a mesma mensagem de confirmação várias vezes. Está tudo bem com a minha reserva?`],
  (h, o) => [`Multiple identical emails`, `I keep getting identical emails for reservation ${conf()}. Is there a problem with the booking?`],
  (h, o) => [`confirmaton x6`, `got your confirmaton like six times lol. just want to make sure im not being charged six times`],
];
C.ota_cancel_no_email = [
  (h, o) => [`Did my cancellation go through?`, `I cancelled my stay at ${h} on ${o} but never heard anything from the hotel. Is it actually cancelled?`],
  (h, o) => [`No cancellation confirmation`, `Cancelled via ${o} on Tuesday. ${o} says cancelled, but I got nothing from Larkspur. Please confirm in writing so I don't get a no-show fee.`],
  (h, o) => [`Need proof my booking is cancelled`, `I need something from you showing the reservation ${conf()} was cancelled. I only have ${o}'s message.`],
  (h, o) => [`canceled on expedia - nothing from you`, `canceled on expedia 3 days ago. usually the hotel sends an email too?? nothing. worried i'll be charged`],
  (h, o) => [`Is my booking still active?`, `I withdrew my booking through ${o} but your website still lets me "manage" it. Is it still live on your side?`],
  (h, o) => [`Cancelamento`, `Cancelei a reserva pela ${o} e não recebi nenhuma confirmação do hotel. Podem confirmar?`],
  (h, o) => [`Cancellation`, `Hi, following up. I called off our trip (cancelled on ${o}), still waiting for the hotel to acknowledge.`],
  (h, o) => [`Please confirm cancelation`, `Please confirm cancelation for ${stay()}. Booking.com shows it cancelled but I want it from the hotel too.`],
  (h, o) => [`Not sure the hotel knows I cancelled`, `Not sure the hotel knows I cancelled. Haven't had any email at all. Can someone check?`],
];
C.walked_on_arrival = [
  (h, o) => [`No room when we arrived`, `We arrived at ${h} at 11pm with a confirmed booking and were told there was no room. We were sent to another hotel across the city. Unacceptable.`],
  (h, o) => [`You gave our room away`, `You gave our room away. Booked via ${o} weeks ago, turned up and the desk said you were full.`],
  (h, o) => [`Relocated to another hotel`, `Staff relocated us to Hotel Ribeira on arrival because of an overbooking. I want compensation for the taxi and the ruined first night.`],
  (h, o) => [`Overbooked`, `Overbooked hotel, confirmed reservation ${conf()} meant nothing. Family of 4, midnight, kids asleep in the car.`],
  (h, o) => [`walked`, `Front desk said we were being "walked". had to google what that means. we had paid in advance!!`],
  (h, o) => [`Chegámos e não havia quarto`, `Chegámos ao hotel e não havia quarto para nós, apesar da reserva confirmada. Fomos enviados para outro hotel.`],
  (h, o) => [`Complaint - turned away`, `Turned away at check-in despite a valid booking. The receptionist said the room had been sold twice.`],
  (h, o) => [`Sent elsewhere on our anniversary`, `Our anniversary night and we were moved to a different property because you had no rooms left. We booked the river view months ago.`],
];
// ---- other clusters (NOT about the component) -----------------------------------------------
C.loyalty_points = [
  (h) => [`Points missing`, `My stay at ${h} in ${pick(mon)} isn't showing in my Rewards account. Can you add the points?`],
  (h) => [`Rewards balance wrong`, `My Larkspur Rewards balance looks wrong - should be about 12,000 but shows 8,400.`],
  (h) => [`double points?`, `I noticed I got the points for my May stay twice. Is that a promotion or will they disappear?`],
  (h) => [`Points removed from my account`, `Points were taken off my account yesterday without explanation. Please explain.`],
  (h) => [`Stay not credited`, `Stay not credited to member number ${int(1000000, 9999999)}. I gave my number at check-in.`],
  (h) => [`loyalty`, `hi my rewards status didnt update after 10 nights, still says silver`],
];
C.preauth_holds = [
  (h) => [`Two holds on my card`, `At check-in at ${h} the front desk card machine failed and they tried again. Now I see two pending holds on my card.`],
  (h) => [`Charged twice at check in`, `My bank shows three pending amounts from ${h} from check-in. The desk said the terminal kept timing out.`],
  (h) => [`Deposit taken twice`, `The deposit at check-in was taken twice. When will the extra one be released?`],
  (h) => [`Pending authorizations`, `Several pending authorizations from the front desk on my credit card, I only stayed one night.`],
  (h) => [`Card blocked amount`, `Your hotel blocked money on my card two times at arrival, I need it released please, it's my travel budget.`],
];
C.invoice_request = [
  (h) => [`Invoice request`, `Please send an invoice for my stay at ${h} with our company VAT number.`],
  (h) => [`Receipt for expenses`, `Could I get a receipt for my stay ${stay()}? My company needs it for expenses.`],
  (h) => [`Folio copy`, `Hi, can you email me a copy of my folio? I lost the paper one.`],
  (h) => [`Factura`, `Necesito la factura a nombre de mi empresa, NIF adjunto.`],
  (h) => [`Need itemized bill`, `Need an itemized bill showing room and parking separately.`],
];
C.noise = [
  (h) => [`Pets?`, `Do you allow dogs at ${h}? Small terrier, very quiet.`],
  (h) => [`Early check-in`, `Is early check-in possible on ${stay()}? Our flight lands at 7am.`],
  (h) => [`Parking`, `How much is parking per night and can I leave the car after checkout?`],
  (h) => [`Left my AirPods`, `I think I left my AirPods in room 412. Can someone check lost and found?`],
  (h) => [`Accessible room`, `We need an accessible room with a roll-in shower. Can you note this on our booking?`],
  (h) => [`Breakfast times`, `What time does breakfast start on Sundays?`],
  (h) => [`wifi`, `wifi in the room was terrible last night, kept dropping`],
  (h) => [`Cot for baby`, `Could we have a cot in the room please? Baby is 8 months.`],
  (h) => [`Price lower on Expedia`, `The rate on Expedia is lower than on your own website for the same room. Do you price match?`],
  (h) => [`Group booking`, `We are looking at 15 rooms for a wedding in September next year. Who do I talk to?`],
  (h) => [`Noise complaint`, `Construction noise from 7am next to the building. Nobody warned us.`],
  (h) => [`Gift voucher`, `Can I buy a gift voucher for a weekend stay?`],
  (h) => [`Airport shuttle`, `Is there a shuttle from the airport to ${h}?`],
  (h) => [`Thank you`, `Just wanted to say the staff at ${h} were wonderful. Thank you!`],
  (h) => [`Change of name on booking`, `My colleague will travel instead of me, can you change the name on the booking?`],
];

const SIZES = { double_booking: 36, repeated_confirmations: 27, ota_cancel_no_email: 19, walked_on_arrival: 14, loyalty_points: 15, preauth_holds: 12, invoice_request: 13, noise: 31 };

// dates: bursts after the incidents that caused them, some background
const D = (iso) => new Date(iso + "T00:00:00Z").getTime();
const DAY = 86400000;
const WINDOW = [D("2026-06-01"), D("2026-11-29")];
function dateFor(cluster) {
  const burst = (start, days) => start + rnd() * days * DAY;
  switch (cluster) {
    case "double_booking": return chance(0.55) ? burst(D("2026-06-10"), 9) : chance(0.8) ? burst(D("2026-10-14"), 8) : burst(WINDOW[0], 180);
    case "repeated_confirmations": return chance(0.8) ? burst(D("2026-07-18"), 6) : burst(WINDOW[0], 180);
    case "ota_cancel_no_email": return burst(D("2026-11-09"), 12);
    case "walked_on_arrival": return chance(0.7) ? burst(D("2026-08-11"), 6) : burst(WINDOW[0], 180);
    case "loyalty_points": return chance(0.4) ? burst(D("2026-06-01"), 4) : burst(WINDOW[0], 180);
    case "preauth_holds": return chance(0.7) ? burst(D("2026-07-29"), 5) : burst(WINDOW[0], 180);
    default: return burst(WINDOW[0], 180);
  }
}
function fmt(ms) { return new Date(ms).toISOString().slice(0, 16).replace("T", " "); }

function typo(text) {
  const w = text.split(" ");
  const i = int(0, w.length - 1);
  if (w[i].length > 4) { const j = int(1, w[i].length - 3); const a = w[i].split(""); [a[j], a[j + 1]] = [a[j + 1], a[j]]; w[i] = a.join(""); }
  return w.join(" ");
}
const OPEN = ["", "", "Hi,\n\n", "Hello team,\n\n", "Good morning,\n\n", "To whom it may concern,\n\n", "hey\n\n"];
function close(name) { return pick(["", "\n\nThanks", "\n\nThank you,\n" + name, "\n\nRegards\n" + name, "\n\nSent from my iPhone", "\n\n-- \n" + name + "\n" + pick(["Acme Logistics", "Travel coordinator, Brightwell Ltd", "Mobile: +1 617 555 0" + int(100, 199)])]); }

const rows = [];
const truth = [];
for (const [cluster, n] of Object.entries(SIZES)) {
  for (let k = 0; k < n; k++) {
    const hotel = cluster === "walked_on_arrival" && chance(0.7) ? "Larkspur Lisbon Riverside" : pick(HOTELS);
    const ota = pick(OTA);
    let [subject, body] = pick(C[cluster])(hotel, ota);
    if (chance(0.15)) body = typo(body);
    if (chance(0.1)) body = body.toLowerCase();
    const name = pick(FIRST) + " " + pick(LAST);
    let desc = pick(OPEN) + body + close(name.split(" ")[0]);
    if (chance(0.12)) desc += `\n\nOn ${pick(["Mon", "Tue", "Wed", "Thu", "Fri"])}, Larkspur Guest Care <care@larkspurhotels.com> wrote:\n> Thank you for contacting Larkspur Hotels. A member of our team will reply within 24 hours.`;
    if (chance(0.2)) subject = pick([`Re: Your reservation at ${hotel}`, "Help", "Question", "Urgent", `Booking ${conf()}`, "(no subject)"]);
    const created = dateFor(cluster);
    const category = {
      double_booking: ["Reservations", "Reservations", "Billing", ""],
      repeated_confirmations: ["General inquiry", "Reservations", ""],
      ota_cancel_no_email: ["Reservations", "Cancellations", "Billing"],
      walked_on_arrival: ["Complaint", "Complaint", "Reservations"],
      loyalty_points: ["Loyalty", "Loyalty", "General inquiry"],
      preauth_holds: ["Billing", "Billing", "Complaint"],
      invoice_request: ["Billing", "General inquiry"],
      noise: ["General inquiry", "General inquiry", "Complaint", "Reservations", ""],
    }[cluster];
    rows.push({ cluster, created, subject, desc, name, hotel, category: pick(category), channel: cluster === "noise" || cluster.startsWith("invoice") ? pick(["Direct web", "Phone", "", "Expedia"]) : pick(["Direct web", ota.startsWith("book") ? "Booking.com" : ota.startsWith("exp") ? "Expedia" : ota, ""]) });
  }
}
// shuffle, assign ids in creation order like HubSpot does
for (let i = rows.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [rows[i], rows[j]] = [rows[j], rows[i]]; }
rows.sort((a, b) => a.created - b.created);
let id = 2284100771;
const HDR = ["Ticket ID", "Ticket name", "Ticket description", "Pipeline", "Ticket status", "Priority", "Source", "Create date", "Last activity date", "Ticket owner", "Associated Contact", "Hotel", "Category", "Booking channel"];
const q = (v) => `"${String(v).replace(/"/g, '""')}"`;
const lines = [HDR.map(q).join(",")];
const OWNERS = ["Carla Mendes", "Josh Parker", "Aiko Tanaka", "", "Rui Almeida"];
for (const r of rows) {
  id += int(3, 4000);
  const last = r.created + int(1, 200) * 3600000;
  const status = last < D("2026-11-25") ? pick(["Closed", "Closed", "Closed", "Waiting on contact"]) : pick(["New", "Waiting on us", "Waiting on contact", "Closed"]);
  const cells = [id, r.subject, r.desc, "Guest Care", status, pick(["LOW", "MEDIUM", "MEDIUM", "HIGH", ""]), pick(["Email", "Email", "Form", "Chat", "Phone"]), fmt(r.created), fmt(last), pick(OWNERS), `${r.name} (${r.name.toLowerCase().replace(/[^a-z ]/g, "").replace(" ", ".")}@${pick(["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hey.com"])})`, r.hotel, r.category, r.channel];
  lines.push(cells.map(q).join(","));
  truth.push([id, r.cluster]);
}
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, "hubspot-tickets-export.csv"), lines.join("\r\n") + "\r\n");
const counts = {};
for (const r of rows) counts[r.cluster] = (counts[r.cluster] || 0) + 1;
console.error(JSON.stringify({ total: rows.length, ...counts, first: fmt(rows[0].created), last: fmt(rows[rows.length - 1].created) }));
if (process.argv.includes("--truth")) for (const [i, c] of truth) console.log(`${i}\t${c}`);
