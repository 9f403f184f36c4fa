// Builds salesforce-cases-report.csv: a Salesforce "Cases with details" report exported as CSV
// ("Export Details", UTF-8), the way Customer Care hands cases to the payments team.
//
//   node generate-cases.mjs           writes the CSV, prints the cluster sizes to stderr
//   node generate-cases.mjs --truth   also prints "<Case Number>\t<cluster>" for every case to stdout
//
// No dependencies and no Math.random: sfc32 seeded with xmur3, so every run writes the same bytes.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

function xmur3(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) { h = Math.imul(h ^ str.charCodeAt(i), 3432918353); h = (h << 13) | (h >>> 19); }
  return () => { h = Math.imul(h ^ (h >>> 16), 2246822507); h = Math.imul(h ^ (h >>> 13), 3266489909); return (h ^= h >>> 16) >>> 0; };
}
function sfc32(a, b, c, d) {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0; a = b ^ (b >>> 9); b = (c + (c << 3)) | 0; c = (c << 21) | (c >>> 11); c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const seed = xmur3("cascadia-valley/bill-autopay/cases");
const rnd = sfc32(seed(), seed(), seed(), seed());
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p) => rnd() < p;

const FIRST = ["Linda", "James", "Maria", "Robert", "Jennifer", "Michael", "Patricia", "David", "Susan", "Jose", "Karen", "Daniel", "Nguyen", "Thi", "Olga", "Dmitri", "Ashley", "Brandon", "Guadalupe", "Kevin", "Heather", "Tyler", "Rosa", "Minh", "Brenda", "Cody", "Yesenia", "Gary", "Hannah", "Luis"];
const LAST = ["Johnson", "Martinez", "Nguyen", "Tran", "Smith", "Garcia", "Petrov", "Anderson", "Lopez", "Miller", "Pham", "Hernandez", "Olsen", "Kowalczyk", "Reyes", "Larson", "Le", "Thompson", "Ivanova", "Bauer"];
const BUSINESS = ["Ridgefield Family Dental", "Orchard Falls Hardware", "Blue Heron Cafe LLC", "Salmon Creek Auto Body", "Cedar Ridge Apartments", "Lakeview Laundromat"];
const STREETS = ["NE Alder St", "Birch Ln", "SE 164th Ave", "Main St", "Orchard Dr", "NW Fruit Valley Rd", "Maple Ave", "Cedar Ct", "Hazel Dell Ave", "Pioneer St"];
const TOWNS = ["Ridgefield", "Orchard Falls", "Battle Ground", "Camas", "Hazel Dell", "La Center"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"];

const money = () => `$${int(68, 340)}.${String(int(0, 99)).padStart(2, "0")}`;
const acct = () => `3004-${int(100, 999)}-${int(100, 999)}`;
const last4 = () => String(int(1000, 9999));

// ---- the five clusters about bill-autopay, two that are not, and noise ------------------------
// Each template gets x = { amt, date, acct, last4, month } built from the case itself.
const C = {}; // customer-written: [subject, body]
const AG = {}; // phone cases: the agent's note
C.double_debit = [
  (x) => ["Charged twice for autopay", `My autopay went through twice this month. Two charges of ${x.amt} on ${x.date} from Cascadia Valley Utilities. Please refund one.`],
  (x) => ["Double payment taken", `You took my payment 2 times!! I'm on auto pay and both came out of checking the same day.`],
  (x) => ["two withdrawals", `there are two withdrawals from CVU on my bank statement for the same bill, ${x.amt} each. only one should of happened`],
  (x) => ["Duplicate charge on my card", `Hello, my credit card shows a duplicate charge from your company for this month's bill. I am enrolled in automatic payments, I did not pay manually.`],
  (x) => ["Billed 3 times", `I was charged three times for one bill?? ${x.amt} x3 on my Visa. This put me over my limit.`],
  (x) => ["Refund the extra payment", `The recurring payment ran twice. I need the second one refunded asap, I have rent due.`],
  (x) => ["Doble cobro", `Me cobraron dos veces el pago automático de la luz este mes. Por favor devuélvanme uno de los cargos.`],
  (x) => ["Trừ tiền hai lần", `Tôi bị trừ tiền hai lần cho hóa đơn tháng này (thanh toán tự động). Xin hoàn lại một lần.`],
  (x) => ["overdraft because of you", `your auto-draft hit my account twice and now I have an overdraft fee from my bank. who is paying for that`],
  (x) => ["Why two payments this month?", `I see two identical payments to you on ${x.date}, same amount. I only have one account with you. Is this a mistake on your end?`],
  (x) => ["AutoPay pulled twice", `AutoPay pulled ${x.amt} twice from my card ending ${x.last4}. Please advise when the refund will post.`],
  (x) => ["Extra charge", `Got hit with an extra charge from CVU on top of my normal automatic payment. Same amount, same day. What is it?`],
  (x) => ["Paid my bill 2x", `Looks like my bill got paid 2x by the auto payment. Account ${x.acct}. Can you credit it back to my card instead of my account?`],
];
AG.double_debit = [
  (x) => ["Dup autopay charge", `Cust called re: autopay charged 2x on ${x.date}, ${x.amt} each. Verified dup in Tessera. Adv'd refund 3-5 bus days.`],
  (x) => ["Customer charged twice", `Caller states she sees two debits for the same bill. Auto Pay enrolled (card ending ${x.last4}). Escalated to payments team for refund.`],
  (x) => ["double chg / OD fee", `cust upset - double charge on auto pay, overdraft fee from bank. adv'd to send bank stmt for reimbursement review.`],
];
C.notice_storm = [
  (x) => ["Stop texting me", `I have gotten the same text 6 times today saying my payment couldn't be processed. PLEASE STOP.`],
  (x) => ["So many emails", `Why am I getting email after email that my auto pay failed? I count 5 since lunch.`],
  (x) => ["Payment failed x7??", `7 messages that my payment failed. Do I have 7 failed payments now? Will I get 7 late fees?`],
  (x) => ["spam", `your texts are basically spam at this point. same message every half hour`],
  (x) => ["Repeated notices", `I keep receiving repeated notices that you couldn't process my Auto Pay. Is the card actually bad? It works everywhere else.`],
  (x) => ["Mensajes repetidos", `Recibí el mismo mensaje de pago fallido como cinco veces hoy. ¿Qué pasa con mi cuenta?`],
  (x) => ["Is this a scam?", `Getting constant texts claiming to be CVU saying my payment failed and to pay now. Is this phishing? they keep coming`],
  (x) => ["notifications every 30 min", `Getting a "we couldn't process your payment" notification every 30 minutes. Make it stop or I'm unenrolling.`],
  (x) => ["Blew up my phone", `You guys blew up my phone all afternoon with payment failure alerts. Woke the baby. Take me off the texts.`],
  (x) => ["Same email over and over", `Same email over and over: "We couldn't process your Auto Pay payment". I already called and paid after the 3rd one, do I need to do anything else?`],
  (x) => ["Does this mean 6 charges?", `6 texts saying my automatic payment didn't go thru. Does this mean you'll try to charge me 6 times?`],
];
AG.notice_storm = [
  (x) => ["Multiple failed pmt texts", `Cust reports ~6 failed pmt texts in one afternoon. Explained retry issue, opted out of SMS per cust request.`],
  (x) => ["Repeated notices", `caller rec'd multiple 'payment failed' emails + texts for same bill, worried about late fees. Adv'd no fee will apply.`],
];
C.failed_but_taken = [
  (x) => ["You said my payment failed but it came out", `I got a notice that my automatic payment failed, but the money was taken from my checking account two days later. Which is it?`],
  (x) => ["Payment failed?? bank says paid", `Your email says my bank draft did not go through. My bank says it cleared on ${x.date}. Please correct your records.`],
  (x) => ["Declined but charged", `Autopay was "declined" according to your text but the debit is on my statement. I don't understand.`],
  (x) => ["Paid twice because of your notice", `You told me my payment failed so I paid online. Then the original payment ALSO came out. Now you have my money twice. Refund please.`],
  (x) => ["Failed notice wrong", `Received a failed payment notice for my EFT but the withdrawal happened anyway. Is my account in good standing?`],
  (x) => ["Pago rechazado pero cobrado", `Me dijeron que mi pago falló pero el banco me lo cobró igual. ¿Está pagada mi cuenta?`],
  (x) => ["??", `text said payment failed. bank app says CASCADIA VALLEY UTIL -${x.amt}. so did it fail or not lol`],
  (x) => ["Notice error", `The "we couldn't process your Auto Pay" notice I got was wrong - the draft went through on ${x.date}. Please remove the failed flag from my account.`],
];
AG.failed_but_taken = [
  (x) => ["Failed notice / funds debited", `Cust states rec'd failed pmt notice for ACH but funds debited ${x.date}. Confirmed settled. Apologized.`],
  (x) => ["Paid by phone after failed notice", `Caller paid by phone after receiving failed autopay notice; original bank draft also settled. Submitted refund for phone pmt.`],
];
C.paid_not_posted = [
  (x) => ["Late fee but I'm on autopay", `I have a $15 late fee on my account but my autopay came out on the due date like always. Please remove it.`],
  (x) => ["Account shows unpaid", `My account says I owe ${x.amt} but the payment left my bank on ${x.date}. Where did my payment go?`],
  (x) => ["Past due notice??", `Got a past due notice today. I am enrolled in automatic payments and the money is gone from my account. What is going on?`],
  (x) => ["Payment not showing", `Payment not showing on My Account. Bank shows it paid on the due date. Balance still says due.`],
  (x) => ["Recargo por pago tardío", `Me cobraron un recargo por pago tardío pero tengo pago automático y el dinero ya salió de mi cuenta.`],
  (x) => ["Overdue?", `why does my bill say overdue when u already took the money. fix pls`],
  (x) => ["Balance due error", `There's a balance due showing on my account even though it was paid automatically. Worried about disconnection.`],
  (x) => ["Payment not credited", `My scheduled payment hasn't been credited to my account. The charge has been on my card since ${x.date}.`],
  (x) => ["Late charge in error", `Please reverse the late charge on account ${x.acct}. Payment was drafted on time.`],
];
AG.paid_not_posted = [
  (x) => ["Late fee - autopay", `Cust sees late fee + past due on acct, autopay pmt debited ${x.date}. Pmt not posted in CIS. Waived fee, escalated.`],
  (x) => ["Balance due after pmt", `caller: balance due on portal but pmt taken from bank. Advised posting delay, fee will be reversed.`],
];
C.no_receipt = [
  (x) => ["No receipt", `I didn't get a receipt for this month's autopay. I always get one. Did the payment go through?`],
  (x) => ["Proof of payment", `I need proof of payment for ${x.month}, my landlord asks for it. No confirmation email came this time.`],
  (x) => ["Missing payment confirmation", `Normally I get a text confirming the auto payment. Nothing this month. Is everything ok?`],
  (x) => ["Where is my receipt", `where is my payment receipt? checked spam too. nothing`],
  (x) => ["Did autopay run?", `Haven't received the usual "we received your payment" email. Can you confirm my payment went through?`],
  (x) => ["Recibo de pago", `No recibí el recibo de mi pago automático este mes. ¿Me lo pueden enviar?`],
];
AG.no_receipt = [
  (x) => ["No autopay receipt", `Cust did not receive autopay receipt for ${x.date} pmt. Confirmed pmt posted, resent receipt manually.`],
];
C.high_bill = [
  (x) => ["Bill way too high", `My bill is double what it normally is. ${x.amt}! We were on vacation half the month.`],
  (x) => ["Estimated reading", `This bill says ESTIMATED. Why? You have a smart meter on my house. Please read it properly.`],
  (x) => ["kWh usage wrong", `Usage shows 2,140 kWh, we never use more than 900. Something is wrong with the meter reading.`],
  (x) => ["Dispute bill", `I want to dispute my ${x.month} bill. It's based on an estimate and it's almost $300 more than last month.`],
  (x) => ["Factura muy alta", `Mi factura de luz salió muy alta este mes, casi el doble. ¿Pueden revisar el medidor?`],
  (x) => ["why is my bill so high", `why is my bill so high?? autopay took $412 this month, usually its $180`],
];
AG.high_bill = [
  (x) => ["High bill dispute", `Cust disputes ${x.month} bill, est read. Verified Eastside AMI issue, rebill pending.`],
];
C.portal_double = [
  (x) => ["Paid twice online", `I paid my bill online and the page said payment failed, so I clicked again. Now I see two charges.`],
  (x) => ["Pay Now charged me twice", `Used Pay Now on the website, it spun forever, then error. Tried again and now both went through.`],
  (x) => ["website double charge", `your website charged me twice for a one-time payment last night. i only want to pay once`],
  (x) => ["Duplicate one-time payment", `I made a one-time payment through the portal on ${x.date} and it shows up 2 times on my debit card.`],
  (x) => ["Portal error then 2 charges", `The portal gave me an error when I paid. I retried and got charged for both attempts. I'm not on autopay, I pay manually each month.`],
];
AG.portal_double = [
  (x) => ["Portal dup pmt", `Cust made one-time pmt via portal ${x.date}, error msg, retried, 2 charges. Refund submitted for 2nd.`],
];
C.noise = [
  (x) => ["Start service", `I'm moving into ${int(100, 9999)} ${pick(STREETS)} on the 1st, need to start electric service in my name.`],
  (x) => ["Moving out", `Please stop service at my address on the 30th, I'm moving out of state. Where do I send the final bill?`],
  (x) => ["Tree on power line", `There is a tree branch resting on the power line behind our house, it sparks when it's windy.`],
  (x) => ["Streetlight out", `Streetlight out on Maple & 5th for two weeks now. Dark corner, kids walk there.`],
  (x) => ["Payment arrangement", `Can I set up a payment plan? I lost my job and can't pay the full amount this month.`],
  (x) => ["Budget billing", `How does budget billing work? I want the same amount every month.`],
  (x) => ["Paperless", `Please switch me to paperless billing.`],
  (x) => ["How to sign up for Auto Pay", `How do I sign up for Auto Pay? I can't find it in My Account.`],
  (x) => ["New card for autopay", `I got a new card, how do I update it for autopay so I don't miss a payment?`],
  (x) => ["Low water pressure", `Water pressure has been really low since Tuesday on our street.`],
  (x) => ["Dog in yard", `Meter reader please call before coming, we have a dog in the back yard.`],
  (x) => ["Solar application", `What's the status of my net metering application for the rooftop solar? Submitted 6 weeks ago.`],
  (x) => ["Heat pump rebate", `Is the heat pump rebate still available? How long does it take to get the check?`],
  (x) => ["Mailing address", `Please update my mailing address to PO Box ${int(100, 999)}, ${pick(TOWNS)}.`],
  (x) => ["Thank you", `Just want to say thank you to the line crew who worked through the storm on our street.`],
  (x) => ["Power out", `Power is out on our block since 4am. Any estimate when it'll be back?`],
  (x) => ["Name change", `I got married and need to change the name on the account.`],
  (x) => ["Medical equipment", `My mother uses an oxygen concentrator. How do we register for medical priority?`],
  (x) => ["Cambio de nombre", `Quiero poner la cuenta a nombre de mi esposo. ¿Qué documentos necesito?`],
];
AG.noise = [
  (x) => ["Start svc", `Cust called to start svc at new address eff 1st of month. Deposit waived (good credit).`],
  (x) => ["Pmt arrangement", `Caller requested payment arrangement, set up 3 installments.`],
  (x) => ["Outage call", `Cust reporting outage on block since early AM. Checked OMS, crew assigned, ETR 2pm.`],
  (x) => ["Tree trim request", `Caller wants tree trimmed near service drop. Sent to vegetation mgmt.`],
  (x) => ["Stop svc", `Cust moving out end of month, stop svc scheduled, final bill to new addr.`],
  (x) => ["Rebate question", `Cust asked about heat pump rebate, emailed form + eligibility list.`],
  (x) => ["Name on acct", `Caller wants spouse added to acct as authorized party. Verified ID, added.`],
];

const SIZES = { double_debit: 34, notice_storm: 25, failed_but_taken: 18, paid_not_posted: 22, no_receipt: 13, high_bill: 16, portal_double: 12, noise: 30 };

// when customers write: in bursts after the incident that caused each cluster, some background
const D = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), 7, 0);
const DAY = 86400000;
const FROM = D("2026-01-01"), DAYS = 271; // to 29 Sep 2026
const burst = (start, days) => D(start) + Math.floor(rnd() * days * DAY);
function openedAt(cluster) {
  switch (cluster) {
    case "double_debit": return chance(0.55) ? burst("2026-01-05", 8) : chance(0.8) ? burst("2026-08-03", 6) : FROM + rnd() * DAYS * DAY;
    case "notice_storm": return chance(0.85) ? burst("2026-03-02", 5) : FROM + rnd() * DAYS * DAY;
    case "failed_but_taken": return burst("2026-06-17", 12);
    case "paid_not_posted": return chance(0.8) ? burst("2026-04-16", 9) : burst("2026-06-18", 5);
    case "no_receipt": return chance(0.9) ? burst("2026-07-21", 6) : FROM + rnd() * DAYS * DAY;
    case "high_bill": return chance(0.75) ? burst("2026-08-18", 12) : FROM + rnd() * DAYS * DAY;
    case "portal_double": return chance(0.85) ? burst("2026-01-19", 4) : FROM + rnd() * DAYS * DAY;
    default: return FROM + rnd() * DAYS * DAY;
  }
}
// Salesforce report format, US locale: 1/5/2026 8:47 AM (the org's time zone; no zone in the file)
function sfDate(ms) {
  const d = new Date(ms);
  let h = d.getUTCHours(); const ap = h < 12 ? "AM" : "PM"; h = h % 12 || 12;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h}:${String(d.getUTCMinutes()).padStart(2, "0")} ${ap}`;
}
const shortDate = (ms) => { const d = new Date(ms - int(0, 2) * DAY); return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`; };

function typo(text) { // swap two letters inside one longer word
  const w = text.split(" ");
  for (let tries = 0; tries < 6; tries++) {
    const i = int(0, w.length - 1);
    if (/^[A-Za-z]{5,}$/.test(w[i])) { const j = int(1, w[i].length - 3); const a = w[i].split(""); [a[j], a[j + 1]] = [a[j + 1], a[j]]; w[i] = a.join(""); break; }
  }
  return w.join(" ");
}
const ref = () => `ref:_00D5f3Gh1._500${pick(["Kc", "Hx", "Rb"])}0${Array.from({ length: 6 }, () => pick("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz0123456789".split(""))).join("")}:ref`;

function emailBody(body, first, last) {
  const hello = pick(["", "", "Hello,\n\n", "Hi,\n\n", "To whom it may concern,\n\n", "Good morning\n\n", "CVU -\n\n"]);
  const sign = pick(["", `\n\nThanks,\n${first}`, `\n\n${first} ${last}`, "\n\nSent from my iPhone", `\n\nThank you\n${first} ${last}\n(360) 555-01${int(10, 99)}`, "\n\nSent from Yahoo Mail on Android"]);
  let out = hello + body + sign;
  if (chance(0.18)) out += `\n\n-----Original Message-----\nFrom: Cascadia Valley Utilities <noreply@cascadiavalley.com>\nSubject: We received your message\n\nThank you for contacting Cascadia Valley Utilities. A representative will respond within 2 business days.\n\n${ref()}`;
  return out;
}
function webBody(body, account, first, last) {
  return `Account number: ${account}\nService address: ${int(100, 9999)} ${pick(STREETS)}, ${pick(TOWNS)} WA\nName: ${first} ${last}\nPhone: (360) 555-01${int(10, 99)}\nTopic: ${pick(["Billing", "Payments", "My Account", "Other"])}\n\nMessage:\n${body}`;
}
function chatBody(body, first, opened) {
  const agent = pick(["Jess", "Anh", "Marisol", "Tyrone"]);
  const t = (k) => { const d = new Date(opened - (8 - k) * 60000); return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`; };
  const wait = int(1, 4);
  return `Chat transcript\n[${t(0)}] Chatbot: Hi! How can we help today?\n[${t(0)}] ${first}: ${body}\n[${t(1)}] Chatbot: Let me connect you with a representative.\n[${t(1 + wait)}] ${agent} (CVU): ${pick(["Thanks for waiting", "Hi", "Hello", "Sorry for the wait"])}, ${first}. ${pick(["Let me look into that for you.", "I can help with that.", "Can you confirm the service address?"])}\n[${t(7)}] ${agent} (CVU): ${pick(["I've created a case so our team can follow up.", "I'm sending this to the right team; you'll hear back within 2 business days.", "Case created. Anything else today?"])}`;
}
const GENERIC = ["Help", "Question about my bill", "My account", "Urgent!!", "(no subject)", "Re: Your Cascadia Valley Utilities bill", "Billing", "Complaint"];
const REASON = {
  double_debit: ["Payment Issue", "Payment Issue", "Billing Question", "Complaint"],
  notice_storm: ["Complaint", "Payment Issue", "Other", ""],
  failed_but_taken: ["Payment Issue", "Billing Question", ""],
  paid_not_posted: ["Billing Question", "Payment Issue", "Complaint"],
  no_receipt: ["Billing Question", "Other", "Payment Issue"],
  high_bill: ["Billing Question", "Billing Question", "Complaint"],
  portal_double: ["Payment Issue", "Billing Question", "Complaint"],
  noise: ["Account Maintenance", "Other", "Billing Question", "Service Request", ""],
};
const OWNERS = ["Jess Morales", "Tyrone Beck", "Anh Pham", "Marisol Vega", "CS Tier 1 Queue", "Payments Escalations"];

const rows = [];
for (const [cluster, n] of Object.entries(SIZES)) {
  for (let k = 0; k < n; k++) {
    const opened = openedAt(cluster);
    const business = chance(0.1);
    const first = pick(FIRST), last = pick(LAST);
    const x = { amt: money(), date: shortDate(opened), acct: acct(), last4: last4(), month: MONTHS[new Date(opened).getUTCMonth() - (chance(0.5) ? 1 : 0)] || "January" };
    const origin = pick(["Email", "Email", "Email", "Web", "Web", "Phone", "Phone", "Chat", "Facebook"]);
    let [subject, body] = origin === "Phone" ? pick(AG[cluster])(x) : pick(C[cluster])(x);
    if (origin !== "Phone") {
      if (chance(0.15)) body = typo(body);
      if (chance(0.1)) body = body.toLowerCase();
    }
    let desc;
    if (origin === "Email") desc = emailBody(body, first, last);
    else if (origin === "Web") desc = webBody(body, x.acct, first, last);
    else if (origin === "Chat") desc = chatBody(body, first, opened);
    else if (origin === "Facebook") desc = `Facebook message from ${first} ${last[0]}.:\n${body}`;
    else desc = body;
    if (origin !== "Phone" && chance(0.2)) subject = pick(GENERIC);
    if (origin === "Web" && chance(0.3)) subject = "Web inquiry";
    rows.push({ cluster, opened, origin, subject, desc, account: business ? pick(BUSINESS) : `${first} ${last}`, contact: `${first} ${last}`, cis: x.acct, type: business ? "Commercial" : "Residential", reason: pick(REASON[cluster]) });
  }
}
// Salesforce numbers cases in the order they were opened
for (let i = rows.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [rows[i], rows[j]] = [rows[j], rows[i]]; }
rows.sort((a, b) => a.opened - b.opened);

const HDR = ["Case Number", "Date/Time Opened", "Case Origin", "Status", "Priority", "Subject", "Description", "Account Name", "CIS Account #", "Contact Name", "Case Reason", "Type", "Case Owner", "Closed"];
const q = (v) => `"${String(v).replace(/"/g, '""')}"`;
const lines = [HDR.map(q).join(",")];
const truth = [];
let num = 418230;
for (const r of rows) {
  num += int(1, 40);
  const caseNo = String(num).padStart(8, "0");
  const recent = r.opened > D("2026-09-20");
  const status = recent ? pick(["New", "Working", "Escalated", "Closed"]) : pick(["Closed", "Closed", "Closed", "Closed - No Response"]);
  const cells = [caseNo, sfDate(r.opened), r.origin, status, pick(["Low", "Medium", "Medium", "High"]), r.subject, r.desc, r.account, r.cis, r.contact, r.reason, r.type, pick(OWNERS), status.startsWith("Closed") ? 1 : 0];
  lines.push(cells.map(q).join(","));
  truth.push([caseNo, r.cluster]);
}
// the footer Salesforce appends to every exported report
lines.push('""', '""', '"Cascadia Valley Utilities"', '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."', '"Confidential Information - Do Not Distribute"', '"Generated By:  Rosa Delgado  9/30/2026 3:12 PM"', '"Cascadia Valley Utilities"');

const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, "salesforce-cases-report.csv"), lines.join("\n") + "\n");
const counts = {};
for (const r of rows) counts[r.cluster] = (counts[r.cluster] || 0) + 1;
console.error(JSON.stringify({ total: rows.length, ...counts, first: sfDate(rows[0].opened), last: sfDate(rows[rows.length - 1].opened) }));
if (process.argv.includes("--truth")) for (const [c, k] of truth) console.log(`${c}\t${k}`);
