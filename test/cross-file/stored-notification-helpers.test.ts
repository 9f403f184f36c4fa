import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * Precision (round 30's judged sample of batch 33, jheart-vic/chuvibackend): an app's own
 * `createNotification({ userId, title, body })` imported from its util module only inserts an in-app
 * notification's row (`NotificationModel.create(…)`, a Mongoose model of its own database). Its name
 * is on the notification vocabulary, but a helper of the project is judged by what its body does: a
 * row stored locally is no remote send, so the catch around it answers a local database error, not an
 * ambiguous remote outcome. The same helper that also pushes the message through a known SDK stays a
 * send, and the handler that records a failure for it stays reported.
 */
describe('a notification helper of another file that only stores a row (AP-003)', () => {
  const jsModel = [
    "const mongoose = require('mongoose');",
    'const schema = new mongoose.Schema({ userId: String, title: String, body: String });',
    "module.exports = mongoose.model('Notification', schema);",
    '',
  ].join('\n');
  const jsOrderModel = [
    "const mongoose = require('mongoose');",
    "module.exports = mongoose.model('Order', new mongoose.Schema({ status: String }));",
    '',
  ].join('\n');
  const jsHelper = (extra: string[]) =>
    [
      "const NotificationModel = require('../models/notification.model');",
      ...extra.filter((l) => l.startsWith('const ')),
      '',
      'async function createNotification({ userId, title, body }) {',
      '  try {',
      '    const notification = await NotificationModel.create({ userId, title, body });',
      ...extra.filter((l) => !l.startsWith('const ')),
      '    return notification;',
      '  } catch (error) {',
      "    console.error('Failed to create notification:', error);",
      '    throw error;',
      '  }',
      '}',
      '',
      'module.exports = createNotification;',
      '',
    ].join('\n');
  const jsService = [
    "const OrderModel = require('../models/order.model');",
    "const createNotification = require('../util/createNotification');",
    '',
    'async function flagOrder(orderId, userId) {',
    '  try {',
    '    const order = await OrderModel.findById(orderId);',
    "    await createNotification({ userId, title: 'Order flagged', body: `Order ${order.id} was flagged` });",
    '    return { success: true };',
    '  } catch (error) {',
    "    await OrderModel.updateOne({ _id: orderId }, { status: 'failed' });",
    "    return { success: false, error: 'Failed to flag order' };",
    '  }',
    '}',
    '',
    'module.exports = { flagOrder };',
    '',
  ].join('\n');
  const jsFiles = (helper: string) => ({ 'package.json': '{}', 'models/notification.model.js': jsModel, 'models/order.model.js': jsOrderModel, 'util/createNotification.js': helper, 'services/order.service.js': jsService });

  it('stays quiet in JavaScript when the helper only inserts the row through a Mongoose model', async () => {
    const dir = project(jsFiles(jsHelper([])));
    expect((await findingLines(dir)).filter((l) => l.includes('services/order.service.js'))).toEqual([]);
  });

  it('reports it in JavaScript when the helper also sends a push through firebase-admin', async () => {
    const push = ["const admin = require('firebase-admin');", '    await admin.messaging().send({ topic: userId, notification: { title, body } });'];
    const dir = project(jsFiles(jsHelper(push)));
    expect((await findingLines(dir)).filter((l) => l.includes('services/order.service.js'))).toEqual(['AP-003 services/order.service.js:10']);
  });

  const tsHelper = (send: string) =>
    [
      "import { prisma } from './prisma';",
      "import { getMessaging } from 'firebase-admin/messaging';",
      '',
      'export async function createNotification(userId: string, title: string, body: string) {',
      '  const notification = await prisma.notification.create({ data: { userId, title, body, read: false } });',
      send,
      '  return notification;',
      '}',
      '',
    ].join('\n');
  const tsService = [
    "import { prisma } from '../lib/prisma';",
    "import { createNotification } from '../lib/notifications';",
    '',
    'export async function cancelOrder(orderId: string, userId: string) {',
    '  try {',
    "    await createNotification(userId, 'Order cancelled', `Your order ${orderId} was cancelled`);",
    '    return { success: true };',
    '  } catch (error) {',
    "    await prisma.order.update({ where: { id: orderId }, data: { status: 'FAILED' } });",
    "    return { success: false, error: 'Failed to cancel order' };",
    '  }',
    '}',
    '',
  ].join('\n');
  const tsFiles = (helper: string) => ({ 'package.json': '{}', 'src/lib/prisma.ts': "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n", 'src/lib/notifications.ts': helper, 'src/services/orders.ts': tsService });

  it('stays quiet in TypeScript when the helper only creates the row through Prisma', async () => {
    const dir = project(tsFiles(tsHelper('')));
    expect((await findingLines(dir)).filter((l) => l.includes('src/services/orders.ts'))).toEqual([]);
  });

  it('reports it in TypeScript when the helper also pushes the message', async () => {
    const dir = project(tsFiles(tsHelper('  await getMessaging().send({ topic: userId, notification: { title, body } });')));
    expect((await findingLines(dir)).filter((l) => l.includes('src/services/orders.ts'))).toEqual(['AP-003 src/services/orders.ts:9']);
  });

  const pyService = (send: string) =>
    [
      'from app.models import Notification',
      ...(send === '' ? [] : ['from app.mailer import mailer']),
      '',
      '',
      'def create_notification(db, user_id, title, message):',
      '    notification = Notification(user_id=user_id, title=title, message=message, status="pending")',
      '    db.add(notification)',
      '    db.commit()',
      '    db.refresh(notification)',
      ...(send === '' ? [] : [send]),
      '    return notification',
      '',
    ].join('\n');
  const pyView = [
    'from app.notifications import create_notification',
    '',
    '',
    'def cancel_order(db, order):',
    '    try:',
    '        create_notification(db, order.user_id, "Order cancelled", f"Order {order.id} was cancelled")',
    '        return {"success": True}',
    '    except Exception as exc:',
    '        order.status = "failed"',
    '        db.commit()',
    '        return {"success": False, "error": str(exc)}',
    '',
  ].join('\n');
  const pyFiles = (service: string) => ({ 'app/__init__.py': '', 'app/models.py': 'class Notification:\n    pass\n', 'app/mailer.py': 'mailer = None\n', 'app/notifications.py': service, 'app/views.py': pyView });

  it('stays quiet in Python when the helper only adds the row to the session and commits', async () => {
    const dir = project(pyFiles(pyService('')));
    expect((await findingLines(dir)).filter((l) => l.includes('app/views.py'))).toEqual([]);
  });

  it('reports it in Python when the helper also e-mails the message', async () => {
    const dir = project(pyFiles(pyService('    mailer.send_email(to=user_id, subject=title, body=message)')));
    expect((await findingLines(dir)).filter((l) => l.includes('app/views.py'))).not.toEqual([]);
  });
});
