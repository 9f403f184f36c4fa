export type OrderStatus = 'open' | 'paid' | 'failed' | 'pending';

export interface Order {
  id: string;
  customerId: string;
  email: string;
  amountCents: number;
  currency: string;
  paymentMethodId: string;
  paymentIntentId?: string;
  status: OrderStatus;
}

export interface Refund {
  id: string;
  orderId: string;
  amountCents: number;
  status: 'requested' | 'succeeded' | 'failed' | 'pending';
  bankReference?: string;
}
