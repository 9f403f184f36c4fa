import type { PayClient, RequestOptions } from '../client.js';

export interface Charge {
  id: string;
  amount: number;
  currency: string;
  status: 'succeeded' | 'pending' | 'failed';
}

export interface ChargeCreateParams {
  amount: number;
  currency: string;
  source: string;
  description?: string;
}

export class Charges {
  constructor(private readonly client: PayClient) {}

  create(params: ChargeCreateParams, opts?: RequestOptions): Promise<Charge> {
    return this.client.request<Charge>('POST', '/charges', params, opts);
  }

  retrieve(id: string): Promise<Charge> {
    return this.client.request<Charge>('GET', `/charges/${id}`);
  }
}
