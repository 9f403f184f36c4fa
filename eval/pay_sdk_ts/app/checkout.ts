import { PayClient, PayTimeoutError, withBackoff, type Charge, type RequestOptions } from '../src/index.js';
import { orders, type CheckoutOrder } from './orders-repo.js';

const pay = new PayClient(process.env.ACMEPAY_KEY ?? '');

function requestOptions(order: CheckoutOrder): RequestOptions {
  return { idempotencyKey: `checkout-${order.id}`, timeoutMs: 15_000 };
}

const baseRefundOptions = (orderId: string): RequestOptions => ({ idempotencyKey: `refund-${orderId}`, timeoutMs: 10_000 });

export async function chargeOrder(order: CheckoutOrder): Promise<Charge> {
  // withBackoff is re-exported by the SDK's index; every attempt is a new charge
  // label: AP-001 cross-file-wrapper
  return withBackoff(() => pay.charges.create({ amount: order.totalCents, currency: order.currency, source: order.cardToken }));
}

export async function chargeOrderSafely(order: CheckoutOrder): Promise<Charge> {
  // the options object comes from a function that sets the key
  // label-ok: AP-001 key-built-in-function
  return withBackoff(() => pay.charges.create({ amount: order.totalCents, currency: order.currency, source: order.cardToken }, requestOptions(order)));
}

export async function refundOrder(order: CheckoutOrder, chargeId: string) {
  const opts = baseRefundOptions(order.id);
  return withBackoff(
    // label-ok: AP-001 key-object-spread
    () => pay.refunds.create({ charge: chargeId }, { ...opts, timeoutMs: 20_000 }),
    { maxAttempts: 5 },
  );
}

export async function checkoutAndRecord(order: CheckoutOrder): Promise<void> {
  try {
    const charge = await pay.charges.create({ amount: order.totalCents, currency: order.currency, source: order.cardToken }, requestOptions(order));
    // a pending charge is recorded as failed
    // label: AP-003 status-ternary
    await orders.setState(order.id, charge.status === 'succeeded' ? 'paid' : 'failed');
  } catch (err) {
    if (err instanceof PayTimeoutError) {
      // label: AP-003 timeout-instanceof
      await orders.setState(order.id, 'failed');
      return;
    }
    throw err;
  }
}

export async function checkoutAndRecordCarefully(order: CheckoutOrder): Promise<void> {
  try {
    const charge = await pay.charges.create({ amount: order.totalCents, currency: order.currency, source: order.cardToken }, requestOptions(order));
    if (charge.status === 'succeeded') await orders.setState(order.id, 'paid');
    // label-ok: AP-003 status-three-way
    else if (charge.status === 'failed') await orders.setState(order.id, 'failed');
    else await orders.setState(order.id, 'pending');
  } catch (err) {
    if (err instanceof PayTimeoutError) {
      await orders.setState(order.id, 'pending');
      await orders.queueReconciliation(order.id);
      return;
    }
    throw err;
  }
}

export async function chargeExists(chargeId: string): Promise<boolean> {
  try {
    await pay.charges.retrieve(chargeId);
    return true;
  } catch (err) {
    if (err instanceof PayTimeoutError) {
      // a timed-out read changed nothing
      // label-ok: AP-003 read-timeout
      return false;
    }
    throw err;
  }
}

export async function displayState(chargeId: string): Promise<'paid' | 'failed'> {
  const charge = await pay.charges.retrieve(chargeId);
  // label-ok: AP-003 read-status
  return charge.status === 'succeeded' ? 'paid' : 'failed';
}
