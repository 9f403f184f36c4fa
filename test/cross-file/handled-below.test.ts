import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * AP-003 precision on code nobody chose (round 16): a catch whose guarded call makes no remote
 * write (a database client of the application's own), and a catch one level above a service that
 * already keeps the remote call's error to itself.
 */

/** A controller whose catch-all answers a failure around `paymentService.<method>(…)`. */
const controller = (method: string) =>
  [
    "import { paymentService } from '../services/payment.service';",
    '',
    'export async function withdraw(req: any, res: any) {',
    '  try {',
    `    const result = await paymentService.${method}(req.body.amount);`,
    '    res.json(result);',
    '  } catch (error: any) {',
    "    res.status(500).json({ success: false, message: 'Withdrawal failed' });",
    '  }',
    '}',
    '',
  ].join('\n');

/** A service class handed out as an instance (`export const paymentService = new PaymentService()`). */
const service = (handler: string) =>
  [
    "import axios from 'axios';",
    '',
    'class PaymentService {',
    '  async initiateWithdrawal(amount: number) {',
    '    try {',
    "      const response = await axios.post('https://api.payments.example.com/v3/transfers', { amount });",
    '      return { success: true, id: response.data.id };',
    '    } catch (error: any) {',
    handler,
    '    }',
    '  }',
    '',
    '  async recordDeposit(amount: number) {',
    "    return prisma.deposit.create({ data: { amount, status: 'pending' } });",
    '  }',
    '}',
    '',
    'export const paymentService = new PaymentService();',
    '',
  ].join('\n');

describe('a catch above a service that keeps the remote error itself (AP-003)', () => {
  it('finds no ambiguous outcome in the caller when the service method catches every error of its request and returns a result', async () => {
    const dir = project({
      'services/payment.service.ts': service("      return { success: false, message: 'Transfer could not be started' };"),
      'routes/withdraw.ts': controller('initiateWithdrawal'),
    });
    const lines = await findingLines(dir);
    expect(lines.filter((l) => l.includes('routes/withdraw.ts'))).toEqual([]);
  });

  it('still finds it where the service lets the error reach the caller', async () => {
    const dir = project({
      'services/payment.service.ts': service('      throw error;'),
      'routes/withdraw.ts': controller('initiateWithdrawal'),
    });
    expect(await findingLines(dir)).toContain('AP-003 routes/withdraw.ts:8');
  });

  it('still finds it where the caller raises on the result the service made of the error', async () => {
    const rethrowing = controller('initiateWithdrawal').replace(
      '    res.json(result);',
      "    if (!result.success) throw new Error('no transfer id');\n    res.json(result);",
    );
    const dir = project({
      'services/payment.service.ts': service("      return { success: false, message: 'Transfer could not be started' };"),
      'routes/withdraw.ts': rethrowing,
    });
    expect(await findingLines(dir)).toContain('AP-003 routes/withdraw.ts:9');
  });

  it('and where a function between them raises on that result', async () => {
    const between = [
      "import { paymentService } from './payment.service';",
      '',
      'export async function buyBadge(amount: number) {',
      '  const paymentResult = await paymentService.initiateWithdrawal(amount);',
      "  if (!paymentResult.success) throw new Error(paymentResult.message || 'Failed');",
      '  return paymentResult;',
      '}',
      '',
    ].join('\n');
    const route = [
      "import { buyBadge } from '../services/badge.service';",
      '',
      'export async function badge(req: any, res: any) {',
      '  try {',
      '    const badge = await buyBadge(req.body.amount);',
      '    res.json(badge);',
      '  } catch (error: any) {',
      "    return res.status(400).json({ success: false, message: 'Badge purchase failed' });",
      '  }',
      '}',
      '',
    ].join('\n');
    const dir = project({
      'services/payment.service.ts': service("      return { success: false, message: 'Transfer could not be started' };"),
      'services/badge.service.ts': between,
      'routes/badge.ts': route,
    });
    expect(await findingLines(dir)).toContain('AP-003 routes/badge.ts:8');
  });

  it('judges a method of an exported instance by its body: one that only stores a row locally writes nothing remote', async () => {
    const dir = project({
      'services/payment.service.ts': service('      throw error;'),
      'routes/withdraw.ts': controller('recordDeposit'),
    });
    expect((await findingLines(dir)).filter((l) => l.includes('routes/withdraw.ts'))).toEqual([]);
  });

  it('does the same for a Python module-level instance', async () => {
    const svc = (handler: string) =>
      [
        'import requests',
        '',
        '',
        'class PayoutService:',
        '    def send_payout(self, amount):',
        '        try:',
        '            response = requests.post("https://api.payouts.example.com/v1/payouts", json={"amount": amount}, timeout=10)',
        '            return {"success": True, "id": response.json()["id"]}',
        '        except Exception as exc:',
        handler,
        '',
        '',
        'payout_service = PayoutService()',
        '',
      ].join('\n');
    const view = [
      'from app.services.payouts import payout_service',
      '',
      '',
      'def payout_view(request):',
      '    try:',
      '        result = payout_service.send_payout(request.amount)',
      '        return {"ok": True, "result": result}',
      '    except Exception as exc:',
      '        return {"status": "failed", "error": str(exc)}',
      '',
    ].join('\n');
    const kept = project({ 'app/__init__.py': '', 'app/services/__init__.py': '', 'app/services/payouts.py': svc('            return {"success": False, "error": str(exc)}'), 'app/views.py': view });
    expect((await findingLines(kept)).filter((l) => l.includes('app/views.py'))).toEqual([]);
    const raised = project({ 'app/__init__.py': '', 'app/services/__init__.py': '', 'app/services/payouts.py': svc('            raise'), 'app/views.py': view });
    expect(await findingLines(raised)).toContain('AP-003 app/views.py:9');
  });
});

describe('a database client of the application’s own (AP-003)', () => {
  const client = [
    "import { PrismaClient } from '@prisma/client';",
    '',
    'const prismaClientSingleton = () => {',
    '  return new PrismaClient({ log: ["warn", "error"] });',
    '};',
    '',
    'const prisma = (globalThis as any).prisma ?? prismaClientSingleton();',
    '',
    'export default prisma;',
    '',
  ].join('\n');
  const route = [
    "import prismaClient from '../prismaClient';",
    '',
    'const getOrCreateCart = async (userId: string) => {',
    '  const cart = await prismaClient.orders.findFirst({ where: { buyer_id: userId } });',
    '  return cart ?? prismaClient.orders.create({ data: { buyer_id: userId, status: "CART" } });',
    '};',
    '',
    'export async function cancelOrder(req: any, res: any) {',
    '  try {',
    "    await prismaClient.order_messages.create({ data: { order_id: req.params.id, is_sent: false } });",
    '    res.json({ ok: true });',
    '  } catch (error) {',
    "    return res.status(500).json({ message: 'Failed to cancel order' });",
    '  }',
    '}',
    '',
    'export async function addToCart(req: any, res: any) {',
    '  try {',
    '    const cart = await getOrCreateCart(req.user.id);',
    '    res.json(cart);',
    '  } catch (error) {',
    "    return res.status(500).json({ message: 'Failed to add item to cart' });",
    '  }',
    '}',
    '',
  ].join('\n');

  it('takes a write through an imported database client instance for a local write, directly or through a helper of the file', async () => {
    const dir = project({ 'src/prismaClient.ts': client, 'src/controllers/order.ts': route });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('still takes a module exporting a remote client of the same shape for a write', async () => {
    const remote = [
      "import axios from 'axios';",
      '',
      'const api = {',
      "  order_messages: { create: (body: any) => axios.post('https://sms.example.com/v1/messages', body) },",
      "  orders: { findFirst: (q: any) => axios.get('https://shop.example.com/orders', { params: q }), create: (body: any) => axios.post('https://shop.example.com/orders', body) },",
      '};',
      '',
      'export default api;',
      '',
    ].join('\n');
    const dir = project({ 'src/prismaClient.ts': remote, 'src/controllers/order.ts': route });
    expect(await findingLines(dir)).toContain('AP-003 src/controllers/order.ts:13');
  });
});
