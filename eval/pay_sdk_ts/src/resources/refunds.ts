import type { PayClient, RequestOptions } from '../client.js';

export interface Refund {
  id: string;
  charge: string;
  status: 'succeeded' | 'pending' | 'failed';
}

export class Refunds {
  constructor(private readonly client: PayClient) {}

  create(params: { charge: string; amount?: number }, opts?: RequestOptions): Promise<Refund> {
    return this.client.request<Refund>('POST', '/refunds', params, opts);
  }
}
