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

/**
 * The registry module `sequelize-cli` generates (`models/index.js`): it opens the database
 * connection, loads every model file of its folder into an object by the model's name
 * (`db[model.name] = model`) and exports that object. Each model a caller takes from it
 * (`const { Payment } = require('../models')`, `import db from '../models'; const { Payment } = db`)
 * stores rows in the application's own database.
 */
const registry = [
  "const fs = require('fs');",
  "const path = require('path');",
  "const Sequelize = require('sequelize');",
  '',
  'const basename = path.basename(__filename);',
  'const db = {};',
  'const sequelize = new Sequelize(process.env.DATABASE_URL);',
  '',
  'fs.readdirSync(__dirname)',
  "  .filter((file) => file !== basename && file.slice(-3) === '.js')",
  '  .forEach((file) => {',
  '    const model = require(path.join(__dirname, file))(sequelize, Sequelize.DataTypes);',
  '    db[model.name] = model;',
  '  });',
  '',
  'db.sequelize = sequelize;',
  'db.Sequelize = Sequelize;',
  '',
  'module.exports = db;',
  '',
].join('\n');

/** The same shape whose entries are remote clients, filled in by name from a list: no database connection opened. */
const clientRegistry = [
  "const axios = require('axios');",
  '',
  'const clients = {};',
  "for (const name of ['Payment', 'Refund']) {",
  '  clients[name] = {',
  '    create: (body) => axios.post(`https://payments.example.com/v1/${name.toLowerCase()}s`, body),',
  '  };',
  '}',
  '',
  'module.exports = clients;',
  '',
].join('\n');

describe('a registry of the application’s own models (AP-003)', () => {
  it('takes Model.create through the registry a sequelize-cli models/index.js exports for a local write', async () => {
    const destructured = project({ 'models/index.js': registry, 'routes/checkout.js': route("const { Payment } = require('../models');") });
    expect(await findingLines(destructured)).toEqual([]);
    const fromDefault = project({ 'models/index.js': registry, 'routes/checkout.js': route("import models from '../models';\nconst { Payment } = models;") });
    expect(await findingLines(fromDefault)).toEqual([]);
  });

  it('still reports a write through a registry of remote clients', async () => {
    const remote = project({ 'lib/index.js': clientRegistry, 'routes/checkout.js': route("const { Payment } = require('../lib');") });
    expect(await findingLines(remote)).toEqual(['AP-003 routes/checkout.js:8']);
  });

  it('still reports the remote write among local writes through the registry in one try', async () => {
    const mixed = [
      "const { Payment } = require('../models');",
      "const stripe = require('stripe')(process.env.STRIPE_KEY);",
      '',
      'async function startCheckout(req, res) {',
      '  try {',
      "    const payment = await Payment.create({ amount: req.body.amount, status: 'pending' });",
      "    const charge = await stripe.charges.create({ amount: req.body.amount, currency: 'usd', source: req.body.token });",
      '    res.json({ ok: true, paymentId: payment.id, chargeId: charge.id });',
      '  } catch (err) {',
      "    res.status(500).json({ success: false, error: 'Checkout failed', message: err.message });",
      '  }',
      '}',
      '',
      'module.exports = { startCheckout };',
      '',
    ].join('\n');
    const dir = project({ 'models/index.js': registry, 'routes/checkout.js': mixed });
    expect(await findingLines(dir)).toEqual(['AP-003 routes/checkout.js:10']);
  });

  it('still reports a project helper that books a courier after a model write through the registry', async () => {
    const courier = [
      "const axios = require('axios');",
      '',
      'async function bookShipment(order) {',
      "  return axios.post('https://courier.example.com/api/bookings', { ref: order.id, address: order.address });",
      '}',
      '',
      'module.exports = { bookShipment };',
      '',
    ].join('\n');
    const controller = [
      "const { Order } = require('../models');",
      "const { bookShipment } = require('../services/courier');",
      '',
      'async function createOrder(req, res) {',
      '  try {',
      "    const order = await Order.create({ address: req.body.address, status: 'new' });",
      '    await bookShipment(order);',
      '    res.json({ ok: true, orderId: order.id });',
      '  } catch (err) {',
      "    res.status(500).json({ success: false, error: 'Order failed', message: err.message });",
      '  }',
      '}',
      '',
      'module.exports = { createOrder };',
      '',
    ].join('\n');
    const dir = project({ 'models/index.js': registry, 'services/courier.js': courier, 'controllers/orders.js': controller });
    expect(await findingLines(dir)).toEqual(['AP-003 controllers/orders.js:10']);
  });
});

/**
 * A model module that mentions nothing else faultline looks for (a schema of plain fields, then
 * `export default mongoose.model('Hostel', schema)`): a seeding route's `Hostel.create(…)` through it
 * stores rows in the application's own database, and its generic catch answers a local error.
 */
describe('a model module with nothing else in it (AP-003)', () => {
  const hostelRoute = (importLine: string, extra = '') =>
    [
      importLine,
      "import axios from 'axios';",
      '',
      'export const addHostel = async (req, res) => {',
      '  try {',
      '    const hostel = await Hostel.create({ name: req.body.name, rooms: req.body.rooms });',
      extra,
      '    res.status(200).json({ success: true, id: hostel.id });',
      '  } catch (error) {',
      "    console.error('Error adding hostel and rooms:', error);",
      "    res.status(500).json({ success: false, error: 'Failed to add hostel and rooms' });",
      '  }',
      '};',
      '',
    ].join('\n');
  const esmModel = [
    "import mongoose from 'mongoose';",
    '',
    'const hostelSchema = new mongoose.Schema({ name: String, rooms: Number });',
    '',
    "export default mongoose.model('Hostel', hostelSchema);",
    '',
  ].join('\n');
  const boundModel = [
    "import { model, Schema } from 'mongoose';",
    '',
    'const hostelSchema = new Schema({ name: String, rooms: Number });',
    '',
    "const Hostel = model('Hostel', hostelSchema);",
    '',
    'export default Hostel;',
    '',
  ].join('\n');

  it('takes Model.create through an `export default mongoose.model(…)` module for a local write', async () => {
    const dir = project({ 'models/hostel.js': esmModel, 'controllers/hostel.js': hostelRoute("import Hostel from '../models/hostel.js';") });
    expect(await findingLines(dir)).toEqual([]);
    const ts = project({ 'models/hostel.ts': boundModel, 'controllers/hostel.ts': hostelRoute("import Hostel from '../models/hostel';") });
    expect(await findingLines(ts)).toEqual([]);
  });

  it('still reports the remote write beside it in the same try', async () => {
    const extra = "    await axios.post('https://payments.example.com/v1/charges', { amount: req.body.deposit });";
    const dir = project({ 'models/hostel.js': esmModel, 'controllers/hostel.js': hostelRoute("import Hostel from '../models/hostel.js';", extra) });
    expect(await findingLines(dir)).toEqual(['AP-003 controllers/hostel.js:11']);
  });
});

/**
 * Sequelize's class models (`class POI extends Model {}` … `export default POI`), gathered by a
 * `models/index.js` that re-exports them by name: an admin route's `POI.create(…)` stores a row of the
 * application's own database (a tourism platform's admin routes, a booking service's controllers).
 */
describe('a Sequelize class model (AP-003)', () => {
  const classModel = [
    "import { DataTypes, Model } from 'sequelize';",
    "import sequelize from '../config/database.js';",
    '',
    'class Payment extends Model {}',
    '',
    "Payment.init({ amount: DataTypes.INTEGER, status: DataTypes.STRING }, { sequelize, tableName: 'payments' });",
    '',
    'export default Payment;',
    '',
  ].join('\n');
  const index = [
    "import Payment from './Payment.js';",
    "import User from './User.js';",
    '',
    "Payment.belongsTo(User, { foreignKey: 'userId' });",
    '',
    'export { Payment, User };',
    '',
  ].join('\n');
  const notModel = [
    "import axios from 'axios';",
    'class Base {}',
    'class Payment extends Base {',
    '  static create(body) {',
    "    return axios.post('https://payments.example.com/v1/payments', body);",
    '  }',
    '}',
    'export default Payment;',
    '',
  ].join('\n');

  it('takes Model.create through a class extending Model, imported directly or through the models index, for a local write', async () => {
    const direct = project({ 'models/Payment.js': classModel, 'routes/checkout.js': route("import Payment from '../models/Payment.js';") });
    expect(await findingLines(direct)).toEqual([]);
    const viaIndex = project({ 'models/Payment.js': classModel, 'models/User.js': classModel.replace(/Payment/g, 'User'), 'models/index.js': index, 'routes/checkout.js': route("import { Payment } from '../models/index.js';") });
    expect(await findingLines(viaIndex)).toEqual([]);
  });

  it('still reports a class of another base whose create posts to a provider', async () => {
    const remote = project({ 'lib/Payment.js': notModel, 'routes/checkout.js': route("import Payment from '../lib/Payment.js';") });
    expect(await findingLines(remote)).toEqual(['AP-003 routes/checkout.js:8']);
  });
});

/**
 * sequelize-typescript's usual layout: one base class of the project extends `Model` (`class Entity
 * extends Model` with the id and soft-delete columns) and every model extends that base in its own
 * file (`class Program extends Entity`); routes import a model by a relative path or by a tsconfig
 * alias of its folder (`@models/Program`). A route's `Program.create(…)` stores a row of the
 * application's own database (a telehealth platform's endpoints, round 28 J9/J10/J15/J20/J27).
 */
describe('a class model whose base class of the project extends Model (AP-003)', () => {
  const base = [
    "import { Column, DataType, Model, Table } from 'sequelize-typescript';",
    '',
    '@Table({ freezeTableName: true })',
    'export default class Entity extends Model {',
    '  @Column({ type: DataType.UUID, primaryKey: true })',
    '  declare id: string;',
    '}',
    '',
  ].join('\n');
  const derived = [
    "import { Column, DataType, Table } from 'sequelize-typescript';",
    "import Entity from './Entity';",
    '',
    "@Table({ tableName: 'Payment' })",
    'export default class Payment extends Entity {',
    '  @Column({ type: DataType.INTEGER })',
    '  declare amount: number;',
    '}',
    '',
  ].join('\n');
  const remoteBase = [
    "import axios from 'axios';",
    '',
    'export default class Resource {',
    '  static create(body: unknown) {',
    "    return axios.post('https://payments.example.com/v1/payments', body);",
    '  }',
    '}',
    '',
  ].join('\n');

  it('takes Model.create through a class extending the project’s base model, imported by a relative path, for a local write', async () => {
    const dir = project({ 'src/models/Entity.ts': base, 'src/models/Payment.ts': derived, 'src/routes/checkout.ts': route("import Payment from '../models/Payment';") });
    expect(await findingLines(dir)).toEqual([]);
    // JavaScript: the same chain of classes, the model exported at the end of its module.
    const baseJs = ["import { Model } from 'sequelize';", '', 'export default class Entity extends Model {}', ''].join('\n');
    const derivedJs = ["import Entity from './Entity.js';", '', 'class Payment extends Entity {}', '', 'export default Payment;', ''].join('\n');
    const js = project({ 'src/models/Entity.js': baseJs, 'src/models/Payment.js': derivedJs, 'src/routes/checkout.js': route("import Payment from '../models/Payment.js';") });
    expect(await findingLines(js)).toEqual([]);
  });

  it('takes Model.create through a folder alias of the models (`@models/Payment`) for a local write', async () => {
    const dir = project({ 'src/models/Entity.ts': base, 'src/models/Payment.ts': derived, 'src/routes/checkout.ts': route("import Payment from '@models/Payment';") });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('still reports a class whose base of the project posts to a provider', async () => {
    const dir = project({ 'src/models/Entity.ts': remoteBase, 'src/models/Payment.ts': derived, 'src/routes/checkout.ts': route("import Payment from '../models/Payment';") });
    expect(await findingLines(dir)).toEqual(['AP-003 src/routes/checkout.ts:8']);
  });
});

/**
 * A route whose catch answers a failure around a service function of another file
 * (`applyWalletToPayment`), whose body writes only through a model its own module imports
 * (`Wallet.findOne`, the schema's static `Wallet.createForUser`, `Wallet.create`): nothing remote.
 */
const walletRoute = (importLine: string) =>
  [
    importLine,
    '',
    'async function applyWallet(req, res) {',
    '  try {',
    '    const result = await applyWalletToPayment(req.user.id, req.body.fareAmount);',
    '    res.json({ success: true, result });',
    '  } catch (error) {',
    "    res.status(500).json({ success: false, error: 'Failed to apply wallet balance' });",
    '  }',
    '}',
    '',
    'module.exports = { applyWallet };',
    '',
  ].join('\n');

const walletModel = [
  "const mongoose = require('mongoose');",
  '',
  'const WalletSchema = new mongoose.Schema({ userId: String, balance: Number });',
  'WalletSchema.statics.createForUser = async function (userId) {',
  '  return this.create({ userId, balance: 0 });',
  '};',
  "const Wallet = mongoose.model('Wallet', WalletSchema);",
  '',
  'module.exports = Wallet;',
  '',
].join('\n');

const walletService = (extra: string[]) =>
  [
    "const Wallet = require('../models/Wallet');",
    "const stripe = require('stripe')(process.env.STRIPE_KEY);",
    '',
    'async function applyWalletToPayment(userId, fareAmount) {',
    '  let wallet = await Wallet.findOne({ userId });',
    '  if (!wallet) {',
    '    wallet = await Wallet.createForUser(userId);',
    '  }',
    '  await Wallet.create({ userId, balance: -fareAmount });',
    ...extra,
    '  return { applied: fareAmount };',
    '}',
    '',
    'module.exports = { applyWalletToPayment };',
    '',
  ].join('\n');

describe('a service of another file whose body writes through an imported model only (AP-003)', () => {
  it('takes the service call for a local write when every write of its body goes through a model of the application’s own database', async () => {
    const js = project({ 'models/Wallet.js': walletModel, 'services/walletService.js': walletService([]), 'routes/wallet.js': walletRoute("const { applyWalletToPayment } = require('../services/walletService');") });
    expect(await findingLines(js)).toEqual([]);
    const ts = project({
      'models/Wallet.ts': walletModel.replace("const mongoose = require('mongoose');", "import mongoose from 'mongoose';").replace('module.exports = Wallet;', 'export default Wallet;'),
      'services/walletService.ts': walletService([]).replace("const Wallet = require('../models/Wallet');", "import Wallet from '../models/Wallet';").replace('async function applyWalletToPayment(userId, fareAmount)', 'export async function applyWalletToPayment(userId: string, fareAmount: number)').replace('module.exports = { applyWalletToPayment };', ''),
      'routes/wallet.ts': walletRoute("import { applyWalletToPayment } from '../services/walletService';").replace('async function applyWallet(req, res)', 'export async function applyWallet(req: any, res: any)').replace('module.exports = { applyWallet };', ''),
    });
    expect(await findingLines(ts)).toEqual([]);
  });

  it('still reports the service when its body also charges a provider', async () => {
    const charge = ["  await stripe.charges.create({ amount: fareAmount, currency: 'usd', customer: userId });"];
    const js = project({ 'models/Wallet.js': walletModel, 'services/walletService.js': walletService(charge), 'routes/wallet.js': walletRoute("const { applyWalletToPayment } = require('../services/walletService');") });
    expect(await findingLines(js)).toEqual(['AP-003 routes/wallet.js:8']);
  });
});

/**
 * A service of another file that calls a static the model's own module defines
 * (`subscriptionSchema.statics.createWithCharge`, a class model's `static async purchase()`) whose
 * body charges Stripe before it stores the row: the static is application code, not the model
 * library's own method, so the charge reaches the route's catch (review 30 item 9).
 */
const subscriptionRoute = (importLine: string) =>
  [
    importLine,
    '',
    'async function upgrade(req, res) {',
    '  try {',
    '    const sub = await upgradeUserSubscription(req.user.id, req.body.plan, req.user.customerId, req.body.amount);',
    '    res.json({ success: true, sub });',
    '  } catch (err) {',
    "    res.status(400).json({ success: false, message: 'Upgrade failed, payment declined' });",
    '  }',
    '}',
    '',
    'module.exports = { upgrade };',
    '',
  ].join('\n');

const subscriptionModel = (body: string[]) =>
  [
    "const mongoose = require('mongoose');",
    "const stripe = require('stripe')(process.env.STRIPE_KEY);",
    '',
    'const SubscriptionSchema = new mongoose.Schema({ user: String, plan: String, stripeId: String, status: String });',
    'SubscriptionSchema.statics.createWithCharge = async function (userId, plan, customerId, amount) {',
    ...body,
    '};',
    "const Subscription = mongoose.model('Subscription', SubscriptionSchema);",
    '',
    'module.exports = Subscription;',
    '',
  ].join('\n');
const charges = ["  const charge = await stripe.charges.create({ amount, currency: 'usd', customer: customerId });", "  return this.create({ user: userId, plan, stripeId: charge.id, status: 'active' });"];
const storesOnly = ["  return this.create({ user: userId, plan, stripeId: customerId, status: 'active' });"];

const subscriptionService = [
  "const Subscription = require('../models/Subscription');",
  '',
  'async function upgradeUserSubscription(userId, plan, customerId, amount) {',
  '  return Subscription.createWithCharge(userId, plan, customerId, amount);',
  '}',
  '',
  'module.exports = { upgradeUserSubscription };',
  '',
].join('\n');

const tsModel = (body: string[]) =>
  subscriptionModel(body)
    .replace("const mongoose = require('mongoose');", "import mongoose from 'mongoose';")
    .replace("const stripe = require('stripe')(process.env.STRIPE_KEY);", "import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_KEY as string);")
    .replace('async function (userId, plan, customerId, amount)', 'async function (userId: string, plan: string, customerId: string, amount: number)')
    .replace('module.exports = Subscription;', 'export default Subscription;');
const tsService = subscriptionService
  .replace("const Subscription = require('../models/Subscription');", "import Subscription from '../models/Subscription';")
  .replace('async function upgradeUserSubscription(userId, plan, customerId, amount)', 'export async function upgradeUserSubscription(userId: string, plan: string, customerId: string, amount: number)')
  .replace('module.exports = { upgradeUserSubscription };', '');
const tsRoute = subscriptionRoute("import { upgradeUserSubscription } from '../services/subscriptionService';")
  .replace('async function upgrade(req, res)', 'export async function upgrade(req: any, res: any)')
  .replace('module.exports = { upgrade };', '');

const classModel = (body: string[]) =>
  [
    "import { DataTypes, Model } from 'sequelize';",
    "import Stripe from 'stripe';",
    "import sequelize from '../config/database';",
    '',
    'const stripe = new Stripe(process.env.STRIPE_KEY as string);',
    '',
    'class Subscription extends Model {',
    '  static async createWithCharge(userId: string, plan: string, customerId: string, amount: number) {',
    ...body.map((l) => `  ${l}`),
    '  }',
    '}',
    '',
    "Subscription.init({ user: DataTypes.STRING, plan: DataTypes.STRING, stripeId: DataTypes.STRING, status: DataTypes.STRING }, { sequelize, tableName: 'subscriptions' });",
    '',
    'export default Subscription;',
    '',
  ].join('\n');

describe('a custom static of an imported model (AP-003)', () => {
  it('still reports the service when the model’s static charges a provider (JS)', async () => {
    const js = project({ 'models/Subscription.js': subscriptionModel(charges), 'services/subscriptionService.js': subscriptionService, 'routes/subscriptions.js': subscriptionRoute("const { upgradeUserSubscription } = require('../services/subscriptionService');") });
    expect(await findingLines(js)).toEqual(['AP-003 routes/subscriptions.js:8']);
  });

  it('still reports the service when the model’s static charges a provider (TS, schema static and class model static)', async () => {
    const schema = project({ 'models/Subscription.ts': tsModel(charges), 'services/subscriptionService.ts': tsService, 'routes/subscriptions.ts': tsRoute });
    expect(await findingLines(schema)).toEqual(['AP-003 routes/subscriptions.ts:8']);
    const cls = project({ 'models/Subscription.ts': classModel(charges), 'services/subscriptionService.ts': tsService, 'routes/subscriptions.ts': tsRoute });
    expect(await findingLines(cls)).toEqual(['AP-003 routes/subscriptions.ts:8']);
  });

  it('takes the same static for a local write when its body only stores through the model', async () => {
    const js = project({ 'models/Subscription.js': subscriptionModel(storesOnly), 'services/subscriptionService.js': subscriptionService, 'routes/subscriptions.js': subscriptionRoute("const { upgradeUserSubscription } = require('../services/subscriptionService');") });
    expect(await findingLines(js)).toEqual([]);
    const ts = project({ 'models/Subscription.ts': tsModel(storesOnly), 'services/subscriptionService.ts': tsService, 'routes/subscriptions.ts': tsRoute });
    expect(await findingLines(ts)).toEqual([]);
    const cls = project({ 'models/Subscription.ts': classModel(storesOnly), 'services/subscriptionService.ts': tsService, 'routes/subscriptions.ts': tsRoute });
    expect(await findingLines(cls)).toEqual([]);
  });
});
