import type Stripe from 'stripe';
import { StripeGateway } from '../gateways/stripe-gateway.js';
import type { Order } from '../models/order.js';
import { PaymentsRepo } from './payments.repo.js';

export class BillingService {
  constructor(
    private readonly gateway: StripeGateway,
    private readonly payments: PaymentsRepo,
  ) {}

  /** Charges the order's card and records the payment. No idempotency key. */
  async finalizeOrder(order: Order): Promise<Stripe.PaymentIntent> {
    const intent = await this.gateway.charge({
      amountCents: order.amountCents,
      currency: order.currency,
      customerId: order.customerId,
      paymentMethodId: order.paymentMethodId,
      orderId: order.id,
    });
    await this.payments.record(order.id, intent.id, intent.status);
    return intent;
  }

  /** Same, with a key derived from the order: Stripe replays the first result. */
  async chargeOrder(order: Order): Promise<Stripe.PaymentIntent> {
    const intent = await this.gateway.charge(
      {
        amountCents: order.amountCents,
        currency: order.currency,
        customerId: order.customerId,
        paymentMethodId: order.paymentMethodId,
        orderId: order.id,
      },
      { idempotencyKey: `order-${order.id}-charge` },
    );
    await this.payments.record(order.id, intent.id, intent.status);
    return intent;
  }
}
