import type { Pool } from 'pg';

export class PaymentsRepo {
  constructor(private readonly db: Pool) {}

  async hasSucceeded(orderId: string): Promise<boolean> {
    const { rows } = await this.db.query('select 1 from payments where order_id = $1 and status = $2 limit 1', [orderId, 'succeeded']);
    return rows.length > 0;
  }

  async record(orderId: string, intentId: string, status: string): Promise<void> {
    await this.db.query(
      'insert into payments (order_id, intent_id, status) values ($1, $2, $3) on conflict (intent_id) do update set status = excluded.status',
      [orderId, intentId, status],
    );
  }

  async setOrderStatus(orderId: string, status: string): Promise<void> {
    await this.db.query('update orders set status = $2 where id = $1', [orderId, status]);
  }
}
