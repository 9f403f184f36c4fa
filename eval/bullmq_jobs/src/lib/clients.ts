import postmark from 'postmark';
import Stripe from 'stripe';
import twilio from 'twilio';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
export const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
export const mail = new postmark.ServerClient(process.env.POSTMARK_TOKEN ?? '');

export const bank = {
  async createTransfer(body: { iban: string; amountCents: number; reference: string }, headers: Record<string, string> = {}) {
    const res = await fetch(`${process.env.BANK_API}/transfers`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    if (!res.ok) throw Object.assign(new Error(`bank ${res.status}`), { status: res.status });
    return (await res.json()) as { id: string; state: string };
  },
};
