import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import pRetry, { AbortError } from 'p-retry';
import Stripe from 'stripe';

export interface DueRenewal {
  subscriptionId: string;
  invoiceId: string;
  customerId: string;
  amountCents: number;
  customerEmail: string;
  periodEnd: string;
}

@Injectable()
export class SubscriptionsService {
  private readonly logger = new Logger(SubscriptionsService.name);
  private readonly stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');

  constructor(private readonly findDue: () => Promise<DueRenewal[]>) {}

  @Cron(CronExpression.EVERY_HOUR)
  async renewDue(): Promise<void> {
    const due = await this.findDue();
    for (const renewal of due) {
      try {
        await this.renew(renewal);
      } catch (err) {
        this.logger.error(`renewal of ${renewal.subscriptionId} failed`, err as Error);
      }
    }
  }

  async renew(renewal: DueRenewal): Promise<Stripe.PaymentIntent> {
    return pRetry(
      async () => {
        try {
          // label: AP-001 p-retry
          return await this.stripe.paymentIntents.create({ amount: renewal.amountCents, currency: 'eur', customer: renewal.customerId, off_session: true, confirm: true, metadata: { invoiceId: renewal.invoiceId } });
        } catch (err) {
          if (err instanceof Stripe.errors.StripeCardError) throw new AbortError(err.message);
          throw err;
        }
      },
      { retries: 3, minTimeout: 2_000 },
    );
  }

  async renewSafely(renewal: DueRenewal): Promise<Stripe.PaymentIntent> {
    const idempotencyKey = `renewal-${renewal.subscriptionId}-${renewal.periodEnd}`;
    return pRetry(
      // label-ok: AP-001 key-request-options
      () => this.stripe.paymentIntents.create({ amount: renewal.amountCents, currency: 'eur', customer: renewal.customerId, off_session: true, confirm: true }, { idempotencyKey }),
      { retries: 3, minTimeout: 2_000 },
    );
  }

  async upcoming(customerId: string) {
    return pRetry(() => this.stripe.invoices.retrieveUpcoming({ customer: customerId }), { retries: 2 });
  }
}
