import Stripe from 'stripe';

export interface ChargeParams {
  amountCents: number;
  currency: string;
  customerId: string;
  paymentMethodId: string;
  orderId: string;
}

export class StripeGateway {
  private readonly stripe: Stripe;

  constructor(secretKey = process.env.STRIPE_SECRET_KEY ?? '') {
    this.stripe = new Stripe(secretKey, { maxNetworkRetries: 0 });
  }

  charge(params: ChargeParams, options?: Stripe.RequestOptions): Promise<Stripe.PaymentIntent> {
    return this.stripe.paymentIntents.create(
      {
        amount: params.amountCents,
        currency: params.currency,
        customer: params.customerId,
        payment_method: params.paymentMethodId,
        confirm: true,
        metadata: { orderId: params.orderId },
      },
      options,
    );
  }

  refund(paymentIntentId: string, amountCents: number): Promise<Stripe.Refund> {
    return this.stripe.refunds.create({ payment_intent: paymentIntentId, amount: amountCents });
  }

  getCharge(paymentIntentId: string): Promise<Stripe.PaymentIntent> {
    return this.stripe.paymentIntents.retrieve(paymentIntentId);
  }
}
