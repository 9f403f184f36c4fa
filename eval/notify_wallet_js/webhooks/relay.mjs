// Relays partner events and books partner credits (ESM).
import pRetry, { AbortError } from 'p-retry';

const PARTNER_API = process.env.PARTNER_API ?? 'https://partner.example.com/api';

export async function bookPartnerCredit(partnerId, amountCents, reason) {
  return pRetry(
    async () => {
      // label: AP-001 p-retry
      const res = await fetch(`${PARTNER_API}/partners/${partnerId}/credits`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount: amountCents, reason }) });
      if (res.status === 400) throw new AbortError('rejected by partner');
      if (!res.ok) throw new Error(`partner API answered ${res.status}`);
      return res.json();
    },
    { retries: 4 },
  );
}

export async function bookPartnerCreditOnce(partnerId, amountCents, reason, creditId) {
  return pRetry(
    async () => {
      // label-ok: AP-001 key-header
      const res = await fetch(`${PARTNER_API}/partners/${partnerId}/credits`, { method: 'POST', headers: { 'content-type': 'application/json', 'Idempotency-Key': `credit-${creditId}` }, body: JSON.stringify({ amount: amountCents, reason }) });
      if (!res.ok) throw new Error(`partner API answered ${res.status}`);
      return res.json();
    },
    { retries: 4 },
  );
}

export async function partnerProfile(partnerId) {
  return pRetry(async () => {
    // label-ok: AP-001 get-retry
    const res = await fetch(`${PARTNER_API}/partners/${partnerId}`, { method: 'GET' });
    if (!res.ok) throw new Error(`partner API answered ${res.status}`);
    return res.json();
  });
}

export async function submitPayoutFile(fileBody) {
  let attempt = 0;
  let result;
  do {
    attempt++;
    try {
      // label: AP-001 do-while
      const res = await fetch(`${PARTNER_API}/payout-files`, { method: 'POST', body: fileBody });
      result = await res.json();
      break;
    } catch (err) {
      console.warn(`payout file upload attempt ${attempt} failed`, err);
      await new Promise((r) => setTimeout(r, 2000 * attempt));
    }
  } while (attempt < 3);
  return result;
}
