// Shared axios client for the storefront API.
import axios from 'axios';
import axiosRetry from 'axios-retry';

export const http = axios.create({ baseURL: '/api', timeout: 15_000 });

// Default retryCondition: network errors and idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE)
// only. POSTs through this client are sent once.
axiosRetry(http, { retries: 3, retryDelay: axiosRetry.exponentialDelay });

export interface PaymentMethodInput {
  type: 'card';
  token: string;
}

export async function saveDefaultPaymentMethod(customerId: string, pm: PaymentMethodInput) {
  const { data } = await http.put(`/customers/${customerId}/default-payment-method`, pm);
  return data;
}

export async function createCheckoutSession(cartId: string): Promise<string> {
  const { data } = await http.post('/checkout-sessions', { cartId });
  return data.sessionId as string;
}
