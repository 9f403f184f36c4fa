import pg from 'pg';

export const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export async function setPayoutStatus(payoutId: string, status: string, reference?: string) {
  await db.query('update payouts set status = $2, bank_reference = coalesce($3, bank_reference) where id = $1', [payoutId, status, reference ?? null]);
}

export async function recordCharge(orderId: string, intentId: string) {
  await db.query('insert into charges (order_id, intent_id) values ($1, $2)', [orderId, intentId]);
}
