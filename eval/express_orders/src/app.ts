import express from 'express';
import pg from 'pg';
import { StripeGateway } from './gateways/stripe-gateway.js';
import { ordersRouter } from './routes/orders.routes.js';
import { BillingService } from './services/billing.service.js';
import { Mailer } from './services/notifications.js';
import { OrdersService } from './services/orders.service.js';
import { PaymentsRepo } from './services/payments.repo.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const gateway = new StripeGateway();
const payments = new PaymentsRepo(pool);
const orders = new OrdersService(new BillingService(gateway, payments), gateway, payments, new Mailer());

export const app = express();
app.use(express.json());
app.use(
  '/api',
  ordersRouter(orders, async (id) => {
    const { rows } = await pool.query('select * from orders where id = $1', [id]);
    return rows[0];
  }),
);

app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  console.error(err);
  res.status(500).json({ error: 'internal' });
});

if (process.env.NODE_ENV !== 'test') {
  app.listen(Number(process.env.PORT ?? 3000), () => console.log('orders api listening'));
}
