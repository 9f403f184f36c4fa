import { StripeGateway } from '../gateways/stripe-gateway.js';
import { attemptWithBackoff, RetryPolicy, withRetry } from '../lib/index.js';
import type { Order } from '../models/order.js';
import { formatMoney } from '../utils/money.js';
import { BillingService } from './billing.service.js';
import { Mailer } from './notifications.js';
import { PaymentsRepo } from './payments.repo.js';

export class OrdersService {
  constructor(
    private readonly billing: BillingService,
    private readonly gateway: StripeGateway,
    private readonly payments: PaymentsRepo,
    private readonly mailer: Mailer,
    private readonly retry: RetryPolicy = new RetryPolicy(3, 400),
  ) {}

  async checkout(order: Order) {
    // BillingService.finalizeOrder charges through StripeGateway.charge with no key
    // label: AP-001 typed-method-helper
    const intent = await withRetry(() => this.billing.finalizeOrder(order), { attempts: 4 });
    await this.payments.setOrderStatus(order.id, 'paid');
    return intent.id;
  }

  async checkoutSafely(order: Order) {
    // label-ok: AP-001 key-in-helper
    const intent = await attemptWithBackoff(() => this.billing.chargeOrder(order));
    await this.payments.setOrderStatus(order.id, 'paid');
    return intent.id;
  }

  async partialRefund(order: Order, amountCents: number) {
    if (!order.paymentIntentId) throw new Error(`order ${order.id} has no payment intent`);
    const intentId = order.paymentIntentId;
    // a partial refund repeated is a second refund
    // label: AP-001 class-method-wrapper
    const refund = await this.retry.run(() => this.gateway.refund(intentId, amountCents));
    await this.payments.record(order.id, refund.id, `refund:${refund.status}`);
    return refund;
  }

  async checkoutWithNotice(order: Order) {
    return withRetry(async () => {
      // label: AP-002 notify-cross-file-wrapper
      await this.mailer.sendMail(order.email, 'Processing your payment', `We are charging ${formatMoney(order.amountCents, order.currency)}.`);
      // label-ok: AP-001 key-request-options
      return this.gateway.charge(
        { amountCents: order.amountCents, currency: order.currency, customerId: order.customerId, paymentMethodId: order.paymentMethodId, orderId: order.id },
        { idempotencyKey: `order-${order.id}` },
      );
    });
  }

  async retryCheckout(order: Order) {
    return withRetry(async () => {
      if (await this.payments.hasSucceeded(order.id)) return null;
      // label-ok: AP-001 prior-success-helper
      return this.gateway.charge({ amountCents: order.amountCents, currency: order.currency, customerId: order.customerId, paymentMethodId: order.paymentMethodId, orderId: order.id });
    });
  }

  async chargeBacklog(orders: Order[]) {
    const failed: string[] = [];
    for (const order of orders) {
      try {
        // label-ok: AP-001 collection-iteration
        await this.billing.finalizeOrder(order);
      } catch (err) {
        console.error(`order ${order.id} not charged`, err);
        failed.push(order.id);
      }
    }
    return failed;
  }

  async intentStatus(order: Order) {
    if (!order.paymentIntentId) return 'none';
    const intentId = order.paymentIntentId;
    // label-ok: AP-001 get-retry
    const intent = await withRetry(() => this.gateway.getCharge(intentId));
    return intent.status;
  }
}
