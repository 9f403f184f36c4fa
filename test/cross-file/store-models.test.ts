import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * A checkout route whose outer catch answers a failure around a write through `Payment` only (its
 * body's `success: false`: a 5xx's message alone records nothing).
 */
const route = (importLine: string) =>
  [
    importLine,
    '',
    'async function startCheckout(req, res) {',
    '  try {',
    "    const payment = await Payment.create({ amount: req.body.amount, status: 'pending' });",
    '    res.json({ ok: true, paymentId: payment.id });',
    '  } catch (err) {',
    "    res.status(500).json({ success: false, error: 'Checkout failed', message: err.message });",
    '  }',
    '}',
    '',
    'module.exports = { startCheckout };',
    '',
  ].join('\n');

describe('models of the application’s own database (AP-003)', () => {
  it('takes Model.create through a module that exports a mongoose model for a local write, and a remote client of the same shape for a write', async () => {
    const model = [
      "const mongoose = require('mongoose');",
      '',
      'const PaymentSchema = new mongoose.Schema({ amount: Number, status: String });',
      '',
      "module.exports = mongoose.model('Payment', PaymentSchema);",
      '',
    ].join('\n');
    const client = [
      "const axios = require('axios');",
      '',
      'async function create(payment) {',
      "  return axios.post('https://payments.example.com/v1/payments', payment);",
      '}',
      '',
      'module.exports = { create };',
      '',
    ].join('\n');
    const local = project({ 'models/Payment.js': model, 'routes/checkout.js': route("const Payment = require('../models/Payment');") });
    expect(await findingLines(local)).toEqual([]);
    const remote = project({ 'lib/Payment.js': client, 'routes/checkout.js': route("const Payment = require('../lib/Payment');") });
    expect(await findingLines(remote)).toEqual(['AP-003 routes/checkout.js:8']);
  });

  it('follows a named export built with the models cache fallback (`mongoose.models.X || model(…)`)', async () => {
    const model = [
      "import mongoose, { model, Schema } from 'mongoose';",
      '',
      'const PaymentSchema = new Schema({ amount: Number, status: String });',
      '',
      "export const Payment = mongoose.models.Payment || model('Payment', PaymentSchema);",
      '',
    ].join('\n');
    const dir = project({ 'models/payment.ts': model, 'routes/checkout.ts': route("import { Payment } from '../models/payment';") });
    expect(await findingLines(dir)).toEqual([]);
  });
});
