import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// Helpers of another file reached through the shapes CommonJS modules hand them out in, and
// records that another file's function makes of what the handler hands it (round 12, AP-003).

// `const messageApp = require('../messageApp')` called as `messageApp(…)`, where the module is the
// function (`let messageApp = function (…) { return axios.post(…) }; module.exports = messageApp`):
// the `.catch` on its promise answers 500 "Send again" (adeliadanjou/sonia_bravo postMessage.js,
// batch 14; TeoDiaz/teo_diaz and payafrik hand their helpers out the same way).
describe('a module whose export is the function (AP-003)', () => {
  const helper = (method: string) =>
    [
      "const axios = require('axios');",
      '',
      'let messageApp = function (destination, body) {',
      `  return axios.${method}('http://messageapp:3000/message', { destination, body });`,
      '};',
      '',
      'module.exports = messageApp;',
      '',
    ].join('\n');
  const route = [
    "const express = require('express');",
    "const messageApp = require('../messageApp');",
    '',
    'const router = express.Router();',
    "router.post('/messages', (req, res) => {",
    '  const { destination, body } = req.body;',
    '  messageApp(destination, body)',
    '    .then((resp) => res.status(200).send(resp.data))',
    '    .catch((e) => {',
    '      res.status(500);',
    "      res.send('Send again');",
    '    });',
    '});',
    '',
    'module.exports = router;',
    '',
  ].join('\n');

  it('reports the catch of a required function that POSTs', async () => {
    const dir = project({ 'messageApp.js': helper('post'), 'routes/postMessage.js': route });
    expect(await findingLines(dir)).toEqual(['AP-003 routes/postMessage.js:11']);
  });

  it('stays quiet when the required function only reads', async () => {
    const dir = project({ 'messageApp.js': helper('get'), 'routes/postMessage.js': route });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports it through an ES default import of the CommonJS module (TypeScript importer)', async () => {
    const ts = route.replace("const messageApp = require('../messageApp');", "import messageApp from '../messageApp';").replace('module.exports = router;', 'export default router;').replace('(req, res)', '(req: any, res: any)').replace('(resp)', '(resp: any)').replace('(e)', '(e: unknown)');
    const dir = project({ 'messageApp.js': helper('post'), 'routes/postMessage.ts': ts });
    expect(await findingLines(dir)).toEqual(['AP-003 routes/postMessage.ts:11']);
  });
});

// `return response.error(res, error)` where `responses/index.js` hands on what it required
// (`const error = require('./error'); module.exports = { ok, error }`) and `error.js` is an anonymous
// `module.exports = (res, error) => res.status(500).send({ status: false, … })` (i-mizzle/payafrik-node-api
// superpay.js, batch 12: round 10 left it for want of this link).
describe('an answer built by an anonymous module function handed on by an index (AP-003)', () => {
  const builder = (status: number, flag: string) =>
    ["'use strict';", '', 'module.exports = (res, error) => {', `  return res.status(${status}).send({ status: ${flag}, name: error.name, message: error.message });`, '};', ''].join('\n');
  const index = ["const ok = require('./ok');", "const error = require('./error');", '', 'module.exports = { ok, error };', ''].join('\n');
  const ok = ['module.exports = (res, data) => res.status(200).send({ status: true, data });', ''].join('\n');
  const controller = [
    "const requestPromise = require('request-promise');",
    "const axios = require('axios');",
    "const response = require('./responses');",
    '',
    'module.exports = {',
    '  payForPower: async (req, res) => {',
    '    try {',
    "      const purchase = await axios.post('https://superpay.example/complete_transaction', req.body);",
    '      return response.ok(res, purchase.data);',
    '    } catch (error) {',
    '      return response.error(res, error);',
    '    }',
    '  },',
    '};',
    '',
  ].join('\n');

  it('reports the handler when the builder answers a failure', async () => {
    const dir = project({ 'responses/index.js': index, 'responses/ok.js': ok, 'responses/error.js': builder(500, 'false'), 'superpay.js': controller });
    expect(await findingLines(dir)).toEqual(['AP-003 superpay.js:11']);
  });

  it('stays quiet when the builder it resolves to records no failure, whatever another file of that name does', async () => {
    const pending = ["module.exports = (res, error) => res.status(202).send({ state: 'pending', reference: error.reference });", ''].join('\n');
    const other = ['function error(res, e) {', "  return res.status(500).send({ status: false, message: 'Payment failed' });", '}', '', 'module.exports = { error };', ''].join('\n');
    const dir = project({ 'responses/index.js': index, 'responses/ok.js': ok, 'responses/error.js': pending, 'legacy/answers.js': other, 'superpay.js': controller });
    expect(await findingLines(dir)).toEqual([]);
  });
});

// `await updateSuccess(filename, false)` in the catch around a publish, where `updateSuccess(filename,
// success)` is defined in another file: the `false` is the upload's recorded result
// (DEFRA/ffc-pay-injection process-payment-file.js, batch 14).
describe('a false handed to another file’s result-flag parameter (AP-003)', () => {
  const sender = [
    "const { ServiceBusClient } = require('@azure/service-bus');",
    '',
    'const sendPaymentMessages = async (messages) => {',
    "  const sender = new ServiceBusClient(process.env.CONN).createSender('payments');",
    '  await sender.sendMessages(messages);',
    '};',
    '',
    'module.exports = { sendPaymentMessages };',
    '',
  ].join('\n');
  const update = (param: string) =>
    ["const db = require('../data');", '', `const updateSuccess = async (filename, ${param}) => {`, `  await db.manualUpload.update({ ${param} }, { where: { filename } });`, '};', '', 'module.exports = { updateSuccess };', ''].join('\n');
  const processor = [
    "const { sendPaymentMessages } = require('../messaging');",
    "const { updateSuccess } = require('./update-success');",
    '',
    'const processPaymentFile = async (filename, payments) => {',
    '  try {',
    '    await sendPaymentMessages(payments);',
    '    await updateSuccess(filename, true);',
    '  } catch (err) {',
    '    await updateSuccess(filename, false);',
    '    throw err;',
    '  }',
    '};',
    '',
    'module.exports = { processPaymentFile };',
    '',
  ].join('\n');
  const messagingIndex = ["const { sendPaymentMessages } = require('./send-payment-message');", '', 'module.exports = { sendPaymentMessages };', ''].join('\n');

  it('reports the false handed to a `success` parameter (JavaScript, through an index that hands the sender on)', async () => {
    const dir = project({ 'app/messaging/index.js': messagingIndex, 'app/messaging/send-payment-message.js': sender, 'app/processing/update-success.js': update('success'), 'app/processing/process-payment-file.js': processor });
    expect(await findingLines(dir)).toEqual(['AP-003 app/processing/process-payment-file.js:9']);
  });

  it('stays quiet when that parameter is no result flag', async () => {
    const dir = project({ 'app/messaging/index.js': messagingIndex, 'app/messaging/send-payment-message.js': sender, 'app/processing/update-success.js': update('archived'), 'app/processing/process-payment-file.js': processor });
    expect(await findingLines(dir)).toEqual([]);
  });

  const tsUpdate = (param: string) => [`export async function updateSuccess(filename: string, ${param}: boolean) {`, `  await db.upload.update({ where: { filename }, data: { ${param} } });`, '}', '', 'declare const db: any;', ''].join('\n');
  const tsProcessor = [
    "import { updateSuccess } from './update-success';",
    '',
    'export async function publish(filename: string, payload: unknown) {',
    '  try {',
    "    await fetch('https://bus.example/topics/payments', { method: 'POST', body: JSON.stringify(payload) });",
    '    await updateSuccess(filename, true);',
    '  } catch (err) {',
    '    await updateSuccess(filename, false);',
    '  }',
    '}',
    '',
  ].join('\n');

  it('reports it in TypeScript, and not for a parameter that is no result flag', async () => {
    expect(await findingLines(project({ 'update-success.ts': tsUpdate('success'), 'publish.ts': tsProcessor }))).toEqual(['AP-003 publish.ts:8']);
    expect(await findingLines(project({ 'update-success.ts': tsUpdate('archived'), 'publish.ts': tsProcessor }))).toEqual([]);
  });

  const pyUpdate = (param: string) => [`def update_success(filename, ${param}):`, `    Upload.objects.filter(filename=filename).update(${param}=${param})`, ''].join('\n');
  const pyProcessor = [
    'import requests',
    '',
    'from uploads.store import update_success',
    '',
    '',
    'def publish(filename, payload):',
    '    try:',
    '        requests.post("https://bus.example/topics/payments", json=payload, timeout=10)',
    '        update_success(filename, True)',
    '    except Exception:',
    '        update_success(filename, False)',
    '',
  ].join('\n');

  it('reports it in Python, and not for a parameter that is no result flag', async () => {
    expect(await findingLines(project({ 'uploads/__init__.py': '', 'uploads/store.py': pyUpdate('success'), 'uploads/publish.py': pyProcessor }))).toEqual(['AP-003 uploads/publish.py:11']);
    expect(await findingLines(project({ 'uploads/__init__.py': '', 'uploads/store.py': pyUpdate('archived'), 'uploads/publish.py': pyProcessor }))).toEqual([]);
  });
});

// `message.status = "sent" if result["success"] else "failed"` in the caller of another file's
// `send_sms`, whose broad except returns `{"success": False}` (py-exec/clinic_drghorbanisharf
// tasks.py / sms.py, batch 14, has this caller; its send is an SDK client's, not yet known; and
// Bratett/sms-system's workers read `result.success ? "SENT" : "FAILED"`).
describe('a ternary that reads a helper’s result flag as failed (AP-003)', () => {
  const sms = [
    'import requests',
    '',
    '',
    'def send_sms(to, text):',
    '    try:',
    '        response = requests.post("https://sms.example/messages", json={"from": "3000", "to": [to], "text": text}, timeout=10)',
    '        message_id = response.json()["id"]',
    '        return {"success": True, "response": {"message_id": message_id}}',
    '    except Exception as e:',
    '        return {"success": False, "message": str(e)}',
    '',
  ].join('\n');
  const task = (failed: string) =>
    ['from messenger.sms import send_sms', '', '', 'def send_sms_task(message):', '    result = send_sms(message.to, message.body)', `    message.status = "sent" if result["success"] else "${failed}"`, '    message.save()', ''].join('\n');

  it('reports the falsy result the caller records as failed', async () => {
    const dir = project({ 'messenger/__init__.py': '', 'messenger/sms.py': sms, 'messenger/tasks.py': task('failed') });
    expect(await findingLines(dir)).toEqual(['AP-003 messenger/sms.py:10']);
  });

  it('stays quiet when the caller records it as unknown', async () => {
    const dir = project({ 'messenger/__init__.py': '', 'messenger/sms.py': sms, 'messenger/tasks.py': task('unknown') });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the same in JavaScript (`result.success ? "SENT" : "FAILED"`)', async () => {
    const jsSms = [
      "const axios = require('axios');",
      '',
      'async function sendSms(to, text) {',
      '  try {',
      "    await axios.post('https://sms.example/messages', { sender: '3000', to, text });",
      '',
      '    return { success: true };',
      '  } catch (e) {',
      '    return { success: false, message: e.message };',
      '  }',
      '}',
      '',
      'module.exports = { sendSms };',
      '',
    ].join('\n');
    const jsTask = (failed: string) =>
      ["const { sendSms } = require('./sms');", '', 'async function sendSmsJob(message) {', '  const result = await sendSms(message.to, message.body);', `  await message.update({ status: result.success ? 'SENT' : '${failed}' });`, '}', '', 'module.exports = { sendSmsJob };', ''].join('\n');
    expect(await findingLines(project({ 'sms.js': jsSms, 'tasks.js': jsTask('FAILED') }))).toEqual(['AP-003 sms.js:9']);
    expect(await findingLines(project({ 'sms.js': jsSms, 'tasks.js': jsTask('PENDING') }))).toEqual([]);
  });
});

// A catch-all around a send made by a helper of another file hands back `{ success: false }`; the
// caller passes the flag on and throws "Failed to send …" (DEFRA ffc-ahwr-sfd-messaging-proxy
// message-service.js:73, batch 17). Both conditions hold: the helper's body sends, the caller
// reads the falsy result as a failure. Quiet when either does not.
describe('a falsy result around a helper of another file (AP-003)', () => {
  const forward = (call: string) =>
    ["import axios from 'axios';", '', 'export const forwardRequest = async (request) => {', `  await ${call};`, '};', ''].join('\n');
  const service = (failed: string) =>
    [
      "import { forwardRequest } from './forward.js';",
      '',
      'export const sendOutbound = async (logger, message) => {',
      '  const { success } = await sendToProvider(logger, message);',
      '  if (!success) {',
      `    throw new Error('${failed} to send outbound message');`,
      '  }',
      '  return message;',
      '};',
      '',
      'const sendToProvider = async (logger, message) => {',
      '  try {',
      '    await forwardRequest(message);',
      '    return { success: true };',
      '  } catch (error) {',
      '    logger.error(error);',
      '    return { success: false };',
      '  }',
      '};',
      '',
    ].join('\n');

  it('reports the result when the helper sends and the caller reads it as failed', async () => {
    const dir = project({ 'forward.js': forward("axios.post('https://provider.example.com/messages', request)"), 'service.js': service('Failed') });
    expect(await findingLines(dir)).toEqual(['AP-003 service.js:17']);
  });

  it('stays quiet for a method, whose callers are linked by a name another class shares', async () => {
    // caiogn-dev/server (batch 16): WhatsApp's `mark_as_read` read through an Instagram view's `if service.mark_as_read(…)`.
    const api = ['import requests', '', '', 'class ChatApi:', '    def mark_as_read(self, message_id):', '        requests.post("https://chat.example.com/messages", json={"status": "read", "message_id": message_id})', ''].join('\n');
    const service = ['import logging', '', 'from .api import ChatApi', '', 'logger = logging.getLogger(__name__)', '', '', 'class ChatService:', '    def mark_as_read(self, message_id):', '        api = ChatApi()', '        try:', '            api.mark_as_read(message_id)', '            return True', '        except Exception as e:', '            logger.error(f"Failed to mark message as read: {e}")', '            return False', ''].join('\n');
    const views = ['from rest_framework.response import Response', '', '', 'def mark_read(service, conversation):', '    if service.mark_as_read(str(conversation.id)):', '        return Response({"status": "marked_as_read"})', '    return Response({"error": "Failed to mark"}, status=400)', ''].join('\n');
    expect(await findingLines(project({ 'app/__init__.py': '', 'app/api.py': api, 'app/service.py': service, 'app/views.py': views }))).toEqual([]);
  });

  it('stays quiet when the helper only reads, or the caller does not call it a failure', async () => {
    expect(await findingLines(project({ 'forward.js': forward("axios.get('https://provider.example.com/messages')"), 'service.js': service('Failed') }))).toEqual([]);
    expect(await findingLines(project({ 'forward.js': forward("axios.post('https://provider.example.com/messages', request)"), 'service.js': service('Unable') }))).toEqual([]);
  });
});
