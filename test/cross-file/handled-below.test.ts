import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * AP-003 precision on code nobody chose (rounds 16-17): a catch one level above a service that
 * already keeps the remote call's error to itself (it returns `{ success: false }`) never receives
 * the remote call's ambiguous outcome. The cases r16-a lost when it first tried this stay found:
 * a later step in the caller's try that can fail after the write went out (Qubic-Group's transfer
 * view saving the transaction and a notification), and a local step before the remote write whose
 * helper is the first candidate (terescrow's bill-payment controllers: wallet debit, then top-up).
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

  it('does the same in JavaScript, for a CommonJS service instance', async () => {
    const svc = (handler: string) =>
      [
        "const axios = require('axios');",
        '',
        'class PayoutService {',
        '  async sendPayout(amount) {',
        '    try {',
        "      const response = await axios.post('https://api.payouts.example.com/v1/payouts', { amount });",
        '      return { success: true, id: response.data.id };',
        '    } catch (error) {',
        handler,
        '    }',
        '  }',
        '}',
        '',
        'module.exports = new PayoutService();',
        '',
      ].join('\n');
    const route = [
      "const payoutService = require('../services/payout.service');",
      '',
      'async function payout(req, res) {',
      '  try {',
      '    const result = await payoutService.sendPayout(req.body.amount);',
      '    res.json(result);',
      '  } catch (error) {',
      "    res.status(500).json({ success: false, message: 'Payout failed' });",
      '  }',
      '}',
      '',
      'module.exports = { payout };',
      '',
    ].join('\n');
    const kept = project({ 'services/payout.service.js': svc("      return { success: false, message: 'Payout could not be started' };"), 'routes/payout.js': route });
    expect((await findingLines(kept)).filter((l) => l.includes('routes/payout.js'))).toEqual([]);
    const raised = project({ 'services/payout.service.js': svc('      throw error;'), 'routes/payout.js': route });
    expect(await findingLines(raised)).toContain('AP-003 routes/payout.js:8');
  });

  it('does the same for a Python helper function of another module', async () => {
    const svc = (handler: string) =>
      [
        'import requests',
        '',
        '',
        'def send_payout(amount):',
        '    try:',
        '        response = requests.post("https://api.payouts.example.com/v1/payouts", json={"amount": amount}, timeout=10)',
        '        return {"success": True, "id": response.json()["id"]}',
        '    except Exception as exc:',
        handler,
        '',
      ].join('\n');
    const view = [
      'from app.services.payouts import send_payout',
      '',
      '',
      'def payout_view(request):',
      '    try:',
      '        result = send_payout(request.amount)',
      '        return {"ok": True, "result": result}',
      '    except Exception as exc:',
      '        return {"status": "failed", "error": str(exc)}',
      '',
    ].join('\n');
    const kept = project({ 'app/__init__.py': '', 'app/services/__init__.py': '', 'app/services/payouts.py': svc('        return {"success": False, "error": str(exc)}'), 'app/views.py': view });
    expect((await findingLines(kept)).filter((l) => l.includes('app/views.py'))).toEqual([]);
    const raised = project({ 'app/__init__.py': '', 'app/services/__init__.py': '', 'app/services/payouts.py': svc('        raise'), 'app/views.py': view });
    expect(await findingLines(raised)).toContain('AP-003 app/views.py:9');
    // A local save after the kept call (SikaRemit's bulk payment item) can fail after the payout went out.
    const saved = view.replace('        return {"ok": True, "result": result}', '        request.item.status = "completed"\n        request.item.save()\n        return {"ok": True, "result": result}');
    const later = project({ 'app/__init__.py': '', 'app/services/__init__.py': '', 'app/services/payouts.py': svc('        return {"success": False, "error": str(exc)}'), 'app/views.py': saved });
    expect(await findingLines(later)).toContain('AP-003 app/views.py:11');
  });
});


describe('the shapes r16-a lost stay found (AP-003)', () => {
  it('keeps the finding when a step after the kept call can fail after the write went out (a later save)', async () => {
    const svc = [
      'import requests',
      '',
      '',
      'def create_transfer(amount):',
      '    try:',
      '        response = requests.post("https://api.payments.example.com/transfer", json={"amount": amount}, timeout=10)',
      '        return response.json()',
      '    except requests.Timeout:',
      '        return {"status": False, "message": "Request timeout"}',
      '    except Exception as exc:',
      '        return {"status": False, "message": str(exc)}',
      '',
    ].join('\n');
    const view = [
      'from app.payments.client import create_transfer',
      'from app.models import Transaction',
      '',
      '',
      'def withdraw_view(request):',
      '    try:',
      '        result = create_transfer(request.amount)',
      '        transaction = Transaction(reference=result.get("reference"), status="SUCCESS")',
      '        transaction.save()',
      '        return {"ok": True}',
      '    except Exception as exc:',
      '        return {"status": "failed", "error": str(exc)}',
      '',
    ].join('\n');
    const dir = project({ 'app/__init__.py': '', 'app/models.py': 'class Transaction:\n    pass\n', 'app/payments/__init__.py': '', 'app/payments/client.py': svc, 'app/views.py': view });
    expect(await findingLines(dir)).toContain('AP-003 app/views.py:12');
  });

  it('keeps the finding when a local step comes before the remote write and more local steps follow it', async () => {
    const wallet = [
      "import prisma from '../prisma';",
      '',
      'class WalletService {',
      '  async debitWallet(walletId: string, amount: number) {',
      '    return prisma.wallet.update({ where: { id: walletId }, data: { balance: { decrement: amount } } });',
      '  }',
      '}',
      '',
      'export const walletService = new WalletService();',
      '',
    ].join('\n');
    const topup = [
      "import axios from 'axios';",
      '',
      'class TopupService {',
      '  async makeTopup(phone: string, amount: number) {',
      "    const response = await axios.post('https://topups.example.com/topups', { phone, amount }, { timeout: 60000 });",
      '    return response.data;',
      '  }',
      '}',
      '',
      'export const topupService = new TopupService();',
      '',
    ].join('\n');
    const route = [
      "import prisma from '../prisma';",
      "import { walletService } from '../services/wallet';",
      "import { topupService } from '../services/topup';",
      '',
      'export async function buyAirtime(req: any, res: any) {',
      '  try {',
      '    await walletService.debitWallet(req.body.walletId, req.body.amount);',
      '    const topupResult = await topupService.makeTopup(req.body.phone, req.body.amount);',
      "    await prisma.billPayment.update({ where: { id: req.body.id }, data: { status: 'completed', reference: topupResult.id } });",
      '  } catch (error: any) {',
      "    await prisma.billPayment.update({ where: { id: req.body.id }, data: { status: 'failed' } });",
      '    throw error;',
      '  }',
      '  return res.json({ ok: true });',
      '}',
      '',
    ].join('\n');
    const dir = project({
      'src/prisma.ts': "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport default prisma;\n",
      'src/services/wallet.ts': wallet,
      'src/services/topup.ts': topup,
      'src/controllers/airtime.ts': route,
    });
    expect(await findingLines(dir)).toContain('AP-003 src/controllers/airtime.ts:11');
  });
});
