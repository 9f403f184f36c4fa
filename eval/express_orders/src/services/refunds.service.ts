import { CardDeclinedError, TimeoutError } from '../lib/index.js';
import type { Refund } from '../models/order.js';

const BANK_API = process.env.BANK_API ?? 'https://acquirer.example.com/api';

export interface RefundsRepo {
  save(refund: Refund): Promise<void>;
  markFailed(refundId: string): Promise<void>;
  markSucceeded(refundId: string, reference: string): Promise<void>;
}

export interface Reconciler {
  schedule(kind: 'refund' | 'payment', id: string): Promise<void>;
}

async function postRefund(refund: Refund, signal: AbortSignal): Promise<{ reference: string }> {
  const res = await fetch(`${BANK_API}/refunds`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `refund-${refund.id}` },
    body: JSON.stringify({ order: refund.orderId, amount: refund.amountCents }),
    signal,
  });
  if (!res.ok) throw new Error(`bank answered ${res.status}`);
  return res.json() as Promise<{ reference: string }>;
}

export class RefundsService {
  constructor(
    private readonly repo: RefundsRepo,
    private readonly reconciler: Reconciler,
  ) {}

  async refund(refund: Refund): Promise<Refund> {
    try {
      const { reference } = await postRefund(refund, AbortSignal.timeout(8000));
      refund.status = 'succeeded';
      refund.bankReference = reference;
    } catch (err) {
      if (!(err instanceof TimeoutError) && !(err instanceof DOMException && err.name === 'TimeoutError')) throw err;
      // label: AP-003 timeout-rethrow-others
      refund.status = 'failed';
    }
    await this.repo.save(refund);
    return refund;
  }

  async refundDirect(refund: Refund): Promise<void> {
    const res = await fetch(`${BANK_API}/refunds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `refund-${refund.id}` },
      body: JSON.stringify({ order: refund.orderId, amount: refund.amountCents }),
    });
    if (!res.ok) {
      // label: AP-003 status-not-ok
      await this.repo.markFailed(refund.id);
      return;
    }
    const body = (await res.json()) as { reference: string };
    await this.repo.markSucceeded(refund.id, body.reference);
  }

  async refundCarefully(refund: Refund): Promise<Refund> {
    try {
      const { reference } = await postRefund(refund, AbortSignal.timeout(8000));
      refund.status = 'succeeded';
      refund.bankReference = reference;
    } catch (err) {
      if (err instanceof TimeoutError || (err instanceof DOMException && err.name === 'TimeoutError')) {
        refund.status = 'pending';
        await this.reconciler.schedule('refund', refund.id);
      } else if (err instanceof CardDeclinedError) {
        // label-ok: AP-003 timeout-pending
        refund.status = 'failed';
      } else {
        throw err;
      }
    }
    await this.repo.save(refund);
    return refund;
  }
}
