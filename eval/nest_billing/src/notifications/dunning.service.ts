import { Injectable, Logger } from '@nestjs/common';
import pRetry from 'p-retry';
import Stripe from 'stripe';
import { MailChannel, SmsChannel } from './channels';

const MAX_ATTEMPTS = 4;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Debtor {
  customerId: string;
  invoiceId: string;
  phone: string;
  email: string;
}

@Injectable()
export class DunningService {
  private readonly logger = new Logger(DunningService.name);
  private readonly stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');

  constructor(
    private readonly sms: SmsChannel,
    private readonly mail: MailChannel,
  ) {}

  private payInvoice(debtor: Debtor) {
    return this.stripe.invoices.pay(debtor.invoiceId, {}, { idempotencyKey: `dunning-${debtor.invoiceId}` });
  }

  async collectWithUpdates(debtor: Debtor) {
    // payInvoice passes an idempotency key derived from the invoice
    // label-ok: AP-001 key-in-helper
    return pRetry(() => this.payInvoice(debtor), {
      retries: MAX_ATTEMPTS - 1,
      onFailedAttempt: async (error) => {
        // label: AP-002 notify-retry-hook
        await this.sms.sendSms(debtor.phone, `Payment attempt ${error.attemptNumber} failed. We will try again.`);
      },
    });
  }

  async collectLoudly(debtor: Debtor) {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        // label-ok: AP-001 key-in-helper
        return await this.payInvoice(debtor);
      } catch (err) {
        // label: AP-002 notify-in-except
        await this.mail.sendMail(debtor.email, 'Payment problem', `Attempt ${attempt} to collect your invoice failed.`);
        await pause(attempt * 5_000);
      }
    }
    throw new Error(`invoice ${debtor.invoiceId} not collected`);
  }

  async collectQuietly(debtor: Debtor) {
    let lastError: unknown;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        // label-ok: AP-001 key-request-options
        const invoice = await this.stripe.invoices.pay(debtor.invoiceId, {}, { idempotencyKey: `dunning-${debtor.invoiceId}` });
        // label-ok: AP-002 notify-success-exit
        await this.mail.sendMail(debtor.email, 'Payment received', `Invoice ${invoice.number} is paid.`);
        return invoice;
      } catch (err) {
        lastError = err;
        // label-ok: AP-002 logging-only
        this.logger.warn(`notify: attempt ${attempt} for ${debtor.invoiceId} failed`);
        if (attempt === MAX_ATTEMPTS) {
          // label-ok: AP-002 notify-once-guard
          await this.sms.sendSms(debtor.phone, 'We could not collect your invoice. Please update your card.');
        }
        await pause(attempt * 5_000);
      }
    }
    throw lastError;
  }

  async collectThenTell(debtor: Debtor) {
    let attempt = 0;
    while (attempt < MAX_ATTEMPTS) {
      attempt++;
      try {
        // label-ok: AP-001 key-request-options
        return await this.stripe.invoices.pay(debtor.invoiceId, {}, { idempotencyKey: `dunning-${debtor.invoiceId}` });
      } catch {
        await pause(attempt * 5_000);
      }
    }
    // label-ok: AP-002 notify-after-loop
    await this.mail.sendMail(debtor.email, 'Action needed', 'Your invoice could not be collected.');
    return null;
  }

  async remindAll(debtors: Debtor[]) {
    for (const debtor of debtors) {
      try {
        // label-ok: AP-002 notify-collection
        await this.sms.sendSms(debtor.phone, 'Friendly reminder: your invoice is overdue.');
      } catch (err) {
        this.logger.error(`reminder to ${debtor.customerId} failed`);
      }
    }
  }

  async issueCreditNote(debtor: Debtor, amountCents: number) {
    let attempt = 0;
    while (attempt < 3) {
      attempt++;
      try {
        // label: AP-001 while-counter
        const res = await fetch(`${process.env.BILLING_CORE_URL}/invoices/${debtor.invoiceId}/credit-notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount: amountCents }) });
        if (res.ok) return true;
      } catch {
        await pause(1_000);
      }
    }
    return false;
  }
}
