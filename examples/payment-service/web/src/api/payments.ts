// Browser-side payments API used by the checkout and account pages.
import pRetry, { AbortError } from 'p-retry';

const API_BASE = '/api/payments';

export interface PaymentRequest {
  orderId: string;
  amountCents: number;
  paymentMethodId: string;
}

export interface PaymentResult {
  paymentId: string;
  status: 'succeeded' | 'processing' | 'requires_action';
}

export async function submitPayment(req: PaymentRequest): Promise<PaymentResult> {
  return pRetry(
    async () => {
      const res = await fetch(`${API_BASE}/charges`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(req),
      });
      if (res.status === 402) throw new AbortError('card declined');
      if (!res.ok) throw new Error(`charge request answered ${res.status}`);
      return (await res.json()) as PaymentResult;
    },
    { retries: 3, minTimeout: 500 },
  );
}

export async function requestRefund(paymentId: string, amountCents: number, requestId: string) {
  return pRetry(
    async () => {
      const res = await fetch(`${API_BASE}/${paymentId}/refunds`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `refund-${requestId}` },
        body: JSON.stringify({ amountCents }),
      });
      if (!res.ok) throw new Error(`refund request answered ${res.status}`);
      return res.json();
    },
    { retries: 3 },
  );
}

export async function getPayment(paymentId: string): Promise<PaymentResult> {
  return pRetry(async () => {
    const res = await fetch(`${API_BASE}/${paymentId}`);
    if (!res.ok) throw new Error(`payment lookup answered ${res.status}`);
    return (await res.json()) as PaymentResult;
  });
}
