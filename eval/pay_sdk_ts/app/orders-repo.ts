export interface CheckoutOrder {
  id: string;
  totalCents: number;
  currency: string;
  cardToken: string;
}

type State = 'open' | 'paid' | 'failed' | 'pending';

const states = new Map<string, State>();
const reconciliation: string[] = [];

export const orders = {
  async setState(orderId: string, state: State): Promise<void> {
    states.set(orderId, state);
  },
  async getState(orderId: string): Promise<State> {
    return states.get(orderId) ?? 'open';
  },
  async queueReconciliation(orderId: string): Promise<void> {
    if (!reconciliation.includes(orderId)) reconciliation.push(orderId);
  },
};
