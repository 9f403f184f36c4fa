import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * AP-003 precision (batch 25's held-out sample: aaunnr-netizen/mkdata's cable purchase, SaumyaSingh04/
 * Chow-Back's Delhivery shipment, Mustfa2006/montajati's support request): a helper of another file
 * keeps every error of its remote call and returns `{ success: false }`; the caller's try goes on with
 * local steps that can fail (a database update), and its catch only answers the client. That catch
 * sees only the local steps' errors, never the call's ambiguous outcome. A catch that gives money back
 * or marks a record (Qubic-Group's withdrawal view re-credits the balance) still acts on a call that
 * went through, and stays reported.
 */
describe('a catch that only answers, above a helper that keeps its errors (AP-003)', () => {
  const jsServices = [
    "const axios = require('axios');",
    '',
    'class ShipService {',
    '  async createShipment(order) {',
    '    try {',
    "      const response = await axios.post('https://courier.example.com/cmu/create.json', { order }, { timeout: 15000 });",
    "      return { success: true, waybill: response.data.waybill };",
    '    } catch (error) {',
    "      return { success: false, error: `Shipment creation failed: ${error.message}` };",
    '    }',
    '  }',
    '}',
    '',
    'module.exports = {',
    '  shipService: new ShipService(),',
    '};',
    '',
  ].join('\n');
  const jsController = (handler: string) =>
    [
      "const Order = require('../models/Order');",
      "const { shipService } = require('../services');",
      '',
      'exports.createShipment = async (req, res) => {',
      '  try {',
      '    const result = await shipService.createShipment(req.body);',
      '    await Order.findByIdAndUpdate(req.params.id, { waybill: result.waybill, shipmentCreated: result.success });',
      '    res.json(result);',
      '  } catch (error) {',
      handler,
      "    res.status(500).json({ success: false, error: 'Shipment creation failed' });",
      '  }',
      '};',
      '',
    ].join('\n');

  it('stays quiet in JavaScript when the catch only answers (an instance handed out in module.exports = { … })', async () => {
    const dir = project({ 'package.json': '{}', 'services/index.js': jsServices, 'models/Order.js': 'module.exports = {};\n', 'controllers/ship.js': jsController("    console.error('Shipment creation error:', error.message);") });
    expect((await findingLines(dir)).filter((l) => l.includes('controllers/ship.js'))).toEqual([]);
  });

  it('reports it in JavaScript when the catch also marks the order', async () => {
    const dir = project({ 'package.json': '{}', 'services/index.js': jsServices, 'models/Order.js': 'module.exports = {};\n', 'controllers/ship.js': jsController("    await Order.updateOne({ _id: req.params.id }, { shipmentStatus: 'FAILED' });") });
    expect((await findingLines(dir)).filter((l) => l.includes('controllers/ship.js'))).not.toEqual([]);
  });

  const tsHelper = [
    'export async function purchaseCable(input: { plan: string; card: string }) {',
    '  try {',
    "    const res = await fetch('https://vendor.example.com/api/cablesub/', { method: 'POST', body: JSON.stringify(input) });",
    '    const data = await res.json();',
    '    return { success: res.ok, message: data.message };',
    '  } catch (error) {',
    "    return { success: false, message: 'Provider unreachable' };",
    '  }',
    '}',
    '',
  ].join('\n');
  const tsRoute = (handler: string) =>
    [
      "import { NextResponse } from 'next/server';",
      "import { prisma } from '@/lib/prisma';",
      "import { purchaseCable } from '@/lib/vendor';",
      '',
      'export async function POST(req: Request) {',
      '  const body = await req.json();',
      '  try {',
      '    const apiResult = await purchaseCable({ plan: body.plan, card: body.card });',
      "    await prisma.transaction.updateMany({ where: { reference: body.reference }, data: { status: apiResult.success ? 'SUCCESS' : 'PENDING' } });",
      '    return NextResponse.json({ success: true, message: apiResult.message });',
      '  } catch (error) {',
      handler,
      "    return NextResponse.json({ success: false, error: 'Server error' }, { status: 500 });",
      '  }',
      '}',
      '',
    ].join('\n');

  it('stays quiet in TypeScript when the catch only answers', async () => {
    const dir = project({ 'package.json': '{}', 'tsconfig.json': '{"compilerOptions":{"paths":{"@/*":["./*"]}}}', 'lib/vendor.ts': tsHelper, 'lib/prisma.ts': 'export const prisma: any = {};\n', 'app/api/cable/route.ts': tsRoute("    console.error('[CABLE PURCHASE ERROR]', error);") });
    expect((await findingLines(dir)).filter((l) => l.includes('app/api/cable/route.ts'))).toEqual([]);
  });

  it('reports it in TypeScript when the catch gives the money back', async () => {
    const dir = project({ 'package.json': '{}', 'tsconfig.json': '{"compilerOptions":{"paths":{"@/*":["./*"]}}}', 'lib/vendor.ts': tsHelper, 'lib/prisma.ts': 'export const prisma: any = {};\n', 'app/api/cable/route.ts': tsRoute('    await prisma.user.update({ where: { id: body.userId }, data: { balance: { increment: body.amount } } });') });
    expect((await findingLines(dir)).filter((l) => l.includes('app/api/cable/route.ts'))).not.toEqual([]);
  });

  const pyClient = [
    'import requests',
    '',
    '',
    'def create_transfer(amount):',
    '    try:',
    '        response = requests.post("https://api.payments.example.com/transfer", json={"amount": amount}, timeout=10)',
    '        return response.json()',
    '    except Exception as exc:',
    '        return {"status": False, "message": str(exc)}',
    '',
  ].join('\n');
  const pyView = (handler: string) =>
    [
      'from rest_framework.response import Response',
      'from app.payments.client import create_transfer',
      'from app.models import Transaction',
      'from app.wallet import add_balance',
      '',
      '',
      'def withdraw_view(request):',
      '    try:',
      '        result = create_transfer(request.amount)',
      '        transaction = Transaction(reference=result.get("reference"), status="SUCCESS")',
      '        transaction.save()',
      '        return Response({"ok": True})',
      '    except Exception as exc:',
      handler,
      '        return Response({"success": False, "error": "Unable to process withdrawal"}, status=500)',
      '',
    ].join('\n');
  const pyFiles = (handler: string) => ({
    'app/__init__.py': '',
    'app/models.py': 'class Transaction:\n    pass\n',
    'app/wallet.py': 'def add_balance(user, amount):\n    user.balance += amount\n    user.save()\n',
    'app/payments/__init__.py': '',
    'app/payments/client.py': pyClient,
    'app/views.py': pyView(handler),
  });

  it('stays quiet in Python when the except only answers', async () => {
    const dir = project(pyFiles('        print(f"Error creating transfer: {exc}")'));
    expect((await findingLines(dir)).filter((l) => l.includes('app/views.py'))).toEqual([]);
  });

  it('reports it in Python when the except re-credits the balance', async () => {
    const dir = project(pyFiles('        add_balance(request.user, request.amount)'));
    expect((await findingLines(dir)).filter((l) => l.includes('app/views.py'))).not.toEqual([]);
  });

  // `sms_log.mark_sent(…)` after the send is a write of the team's log table, not a logger's line
  // (`passive_receivers` word `log` inside `sms_log`): it can fail after the message went out, and the
  // except then marks the message failed.
  it('reports a Python except that marks the log row failed after a later log-row write', async () => {
    const sender = [
      'import requests',
      '',
      '',
      'def send_sms(phone, text):',
      '    try:',
      '        response = requests.post("https://sms.example.com/v1/messages", json={"to": phone, "text": text}, timeout=10)',
      '        return {"success": response.ok}',
      '    except Exception as exc:',
      '        return {"success": False, "error": str(exc)}',
      '',
    ].join('\n');
    const view = [
      'from app.sms import send_sms',
      'from app.models import SMSLog',
      '',
      '',
      'def resend(phone, text):',
      '    sms_log = SMSLog.objects.create(recipient=phone, message=text, status="pending")',
      '    try:',
      '        send_sms(phone, text)',
      '        sms_log.mark_sent()',
      '    except Exception as exc:',
      '        sms_log.mark_failed(str(exc))',
      '',
    ].join('\n');
    const dir = project({ 'app/__init__.py': '', 'app/models.py': 'class SMSLog:\n    pass\n', 'app/sms.py': sender, 'app/views.py': view });
    expect(await findingLines(dir)).toContain('AP-003 app/views.py:11');
  });
});
