'use strict';

const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

async function markReminderSent(invoiceId) {
  await pool.query('update invoices set reminder_sent_at = now() where id = $1', [invoiceId]);
}

async function setTopUpStatus(topUpId, status) {
  await pool.query('update top_ups set status = $2 where id = $1', [topUpId, status]);
}

async function listOverdue() {
  const { rows } = await pool.query("select i.id, i.amount_cents, i.due_on, u.email, u.phone from invoices i join users u on u.id = i.user_id where i.status = 'open' and i.due_on < now()");
  return rows;
}

module.exports = { pool, markReminderSent, setTopUpStatus, listOverdue };
