import { Router } from 'express';
import { z } from 'zod';
import type { Order } from '../models/order.js';
import type { OrdersService } from '../services/orders.service.js';

const CheckoutBody = z.object({ paymentMethodId: z.string().min(3) });

export function ordersRouter(orders: OrdersService, findOrder: (id: string) => Promise<Order | undefined>): Router {
  const router = Router();

  router.post('/orders/:id/checkout', async (req, res, next) => {
    try {
      const body = CheckoutBody.parse(req.body);
      const order = await findOrder(req.params.id);
      if (!order) return res.status(404).json({ error: 'not found' });
      const intentId = await orders.checkoutSafely({ ...order, paymentMethodId: body.paymentMethodId });
      res.status(201).json({ orderId: order.id, intentId });
    } catch (err) {
      next(err);
    }
  });

  router.get('/orders/:id/payment', async (req, res, next) => {
    try {
      const order = await findOrder(req.params.id);
      if (!order) return res.status(404).json({ error: 'not found' });
      res.json({ status: await orders.intentStatus(order) });
    } catch (err) {
      next(err);
    }
  });

  return router;
}
