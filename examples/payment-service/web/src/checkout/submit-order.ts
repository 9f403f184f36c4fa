// Checkout page: places the order and records what the customer sees next.
import { http } from '../lib/http';
import { markFailed, markPaid, markPending } from './order-state';

export interface Cart {
  id: string;
  checkoutId: string;
  items: Array<{ sku: string; quantity: number }>;
}

export async function placeOrder(cart: Cart): Promise<void> {
  try {
    const { data } = await http.post('/orders', cart, {
      headers: { 'Idempotency-Key': cart.checkoutId },
    });
    markPaid(cart.id, data.orderId);
  } catch (err: any) {
    if (err.code === 'ECONNABORTED') {
      markFailed(cart.id, 'The payment timed out. Please try again.');
      return;
    }
    throw err;
  }
}

export async function payBalance(accountId: string, amountCents: number, requestId: string) {
  const res = await fetch(`/api/accounts/${accountId}/payments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': requestId },
    body: JSON.stringify({ amountCents }),
  });
  if (res.ok) {
    markPaid(accountId, (await res.json()).paymentId);
  } else if (res.status >= 500) {
    // The gateway may still have taken the money: show "processing" and let reconciliation decide.
    markPending(accountId);
  } else {
    markFailed(accountId, 'Your card was declined.');
  }
}
