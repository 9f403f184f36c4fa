import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

const lines = (dir: string) => findingLines(dir);

describe('broad handlers around helpers of other files (AP-003)', () => {
  it('judges a handler when the imported helper writes or sends, and stays quiet when it only reads', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/smtp.py': 'import smtplib\n\ndef deliver(mail):\n    with smtplib.SMTP("localhost") as s:\n        s.sendmail(mail.sender, [mail.to], mail.body)\n',
      'app/bank.py': 'import requests\n\ndef balance(account):\n    return requests.get(f"https://bank.example.com/accounts/{account}").json()\n',
      'app/tasks.py': [
        'from app.smtp import deliver',
        'from app.bank import balance',
        '',
        'def send(mail):',
        '    try:',
        '        deliver(mail)',
        '    except Exception:',
        '        mail.mark_failed()',
        '',
        'def show(account):',
        '    try:',
        '        balance(account)',
        '    except Exception:',
        '        account.mark_failed()',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-003 app/tasks.py:8']);
  });

  it('looks into a function of the same file for the imported helper it calls, and at the domain error it wraps errors in', async () => {
    const sender = [
      'from app.stuf import send_case',
      '',
      'class CreateCaseError(Exception):',
      '    pass',
      '',
      'def send_signal(signal):',
      '    try:',
      '        send_case(signal)',
      '    except Exception as e:',
      '        raise CreateCaseError from e',
      '',
      'def handle(signal):',
      '    try:',
      '        send_signal(signal)',
      '    except CreateCaseError:',
      '        signal.update(state="VERZENDEN_MISLUKT")',
      '        raise',
      '',
    ].join('\n');
    const writes = 'import requests\n\ndef send_case(signal):\n    return requests.post("https://citycontrol.example.com/zaak", data=signal.xml, timeout=30)\n';
    const reads = 'import requests\n\ndef send_case(signal):\n    return requests.get(f"https://citycontrol.example.com/zaak/{signal.id}", timeout=30)\n';
    const dir = project({ 'app/__init__.py': '', 'app/stuf.py': writes, 'app/sigmax.py': sender });
    expect(await lines(dir)).toEqual(['AP-003 app/sigmax.py:16']);
    const quiet = project({ 'app/__init__.py': '', 'app/stuf.py': reads, 'app/sigmax.py': sender });
    expect(await lines(quiet)).toEqual([]);
  });

  it('follows a method on a typed service (this.payouts.send()) through the type checker', async () => {
    const dir = project({
      'src/payouts.ts': [
        "import axios from 'axios';",
        'export class PayoutService {',
        '  async send(account: string, amount: number) {',
        "    return axios.post('https://bank.example.com/payouts', { account, amount });",
        '  }',
        '  async status(id: string) {',
        "    return axios.get(`https://bank.example.com/payouts/${id}`);",
        '  }',
        '}',
      ].join('\n'),
      'src/worker.ts': [
        "import { PayoutService } from './payouts';",
        'export class Worker {',
        '  constructor(private payouts: PayoutService, private db: { setStatus(id: string, s: string): Promise<void> }) {}',
        '  async run(id: string, account: string, amount: number) {',
        '    try {',
        '      await this.payouts.send(account, amount);',
        '    } catch (err) {',
        "      await this.db.setStatus(id, 'failed');",
        '    }',
        '    try {',
        '      await this.payouts.status(id);',
        '    } catch (err) {',
        "      await this.db.setStatus(id, 'failed');",
        '    }',
        '  }',
        '}',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-003 src/worker.ts:8']);
  });
  it('follows a method of a client built from an imported class (service = Service(); service.send()), through a package\'s star import', async () => {
    const dir = project({
      'app/__init__.py': '',
      'app/services/__init__.py': 'from .bank import *\n',
      'app/services/base.py': [
        'import requests',
        '',
        'class BaseService:',
        '    def post(self, endpoint, data):',
        '        return requests.post(f"https://bank.example.com/{endpoint}", json=data, timeout=15)',
        '',
      ].join('\n'),
      'app/services/bank.py': [
        'from .base import BaseService',
        '',
        'class BankService(BaseService):',
        '    def make_transfer(self, amount):',
        '        return self.post("transfers", {"amount": amount})',
        '',
        '    def fee_for(self, amount):',
        '        return amount // 100',
        '',
      ].join('\n'),
      'app/payouts.py': [
        'from app.services import BankService',
        '',
        'def pay_out(payout):',
        '    try:',
        '        service = BankService()',
        '        service.make_transfer(payout.amount)',
        '    except Exception:',
        '        payout.status = "failed"',
        '',
        'def quote(payout):',
        '    try:',
        '        service = BankService()',
        '        payout.fee = service.fee_for(payout.amount)',
        '    except Exception:',
        '        payout.status = "failed"',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-003 app/payouts.py:8']);
  });
});

describe('falsy results read through other files (AP-003)', () => {
  const clients = {
    'app/__init__.py': '',
    'app/seven.py': [
      'import httpx',
      '',
      'async def send_whatsapp(to, text):',
      '    try:',
      '        async with httpx.AsyncClient() as client:',
      '            await client.post("https://gateway.seven.io/api/whatsapp", json={"to": to, "text": text})',
      '            return True',
      '    except Exception:',
      '        return False',
      '',
    ].join('\n'),
    'app/twilio_sms.py': [
      'from twilio.rest import Client',
      '',
      'client = Client("sid", "token")',
      '',
      'def send_sms(to, text):',
      '    try:',
      '        client.messages.create(body=text, from_="+100", to=to)',
      '        return True',
      '    except Exception:',
      '        return False',
      '',
    ].join('\n'),
  };

  /** WhatsApp first; what follows a falsy answer is `rest`. */
  const orchestrator = (rest: string[]) =>
    [
      'from app.seven import send_whatsapp',
      'from app.twilio_sms import send_sms',
      '',
      'async def send_message(to, text):',
      '    success = await send_whatsapp(to, text)',
      '    if success:',
      '        return True',
      ...rest,
      '',
    ].join('\n');

  it('follows a fallback send and a result handed on to the caller that records failure', async () => {
    const dir = project({
      ...clients,
      'app/orchestrator.py': orchestrator(['    return send_sms(to, text)']),
      'app/tasks.py': [
        'from app.orchestrator import send_message',
        '',
        'async def notify(appointment, to, text):',
        '    if not await send_message(to, text):',
        '        appointment.status = "failed"',
        '        appointment.save()',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-003 app/seven.py:9', 'AP-003 app/twilio_sms.py:10']);
  });

  it('stays quiet when no caller sends again or reads the handed-on result as failed', async () => {
    const dir = project({
      ...clients,
      'app/orchestrator.py': orchestrator([
        '    return False',
        '',
        'def remind(to, text):',
        '    if not to:',
        '        return False',
        '    return send_sms(to, text)',
      ]),
      'app/tasks.py': [
        'from app.orchestrator import send_message, remind',
        '',
        'async def notify(appointment, to, text):',
        '    if not await send_message(to, text):',
        '        appointment.status = "unconfirmed"',
        '        appointment.save()',
        '    remind(to, text)',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual([]);
  });
});

describe('a success flag read by a caller that imports the helper under its own name (AP-003)', () => {
  const helper = [
    "const axios = require('axios');",
    '',
    'const buyAirtime = async ({ network, phone, amount }) => {',
    '  try {',
    "    const response = await axios.post('https://vtu.example.com/buy/airtime', { network, phone, amount });",
    '    return { status: true, reference: response.data.reference };',
    '  } catch (error) {',
    '    return { status: false };',
    '  }',
    '};',
    'module.exports = buyAirtime;',
    '',
  ].join('\n');

  /** The controller charges the wallet, buys, then does `branch` with `const { <fields> } = await BUY(…)`. */
  const controller = (fields: string, flag: string, onFalsy: string[]) =>
    [
      "const BUY = require('./airtime');",
      "const Wallet = require('./wallet');",
      '',
      'const buyAirtime = async (req, res) => {',
      '  await Wallet.debit(req.user.id, req.body.amount);',
      `  const { ${fields} } = await BUY(req.body);`,
      `  if (${flag}) return res.status(200).json({ msg: 'ok' });`,
      ...onFalsy,
      '};',
      'module.exports = { buyAirtime };',
      '',
    ].join('\n');

  it('follows the flag pulled out of the result to the refund and the failure answer', async () => {
    const dir = project({
      'package.json': '{"name":"vtu"}',
      'airtime.js': helper,
      'wallet.js': 'module.exports = { debit: async () => {}, credit: async () => {} };\n',
      'controller.js': controller('status, msg', 'status', [
        '  await Wallet.credit(req.user.id, req.body.amount);',
        "  return res.status(500).json({ msg: msg || 'Transaction failed' });",
      ]),
    });
    expect(await lines(dir)).toEqual(['AP-003 airtime.js:8']);
  });

  it('stays quiet when the caller tests another field of the result, or records the purchase as pending', async () => {
    const other = project({
      'package.json': '{"name":"vtu"}',
      'airtime.js': helper,
      'wallet.js': 'module.exports = { debit: async () => {}, credit: async () => {} };\n',
      'controller.js': controller('status, reference', 'reference', [
        '  await Wallet.credit(req.user.id, req.body.amount);',
        "  return res.status(500).json({ msg: 'Transaction failed' });",
      ]),
    });
    const pending = project({
      'package.json': '{"name":"vtu"}',
      'airtime.js': helper,
      'wallet.js': 'module.exports = { debit: async () => {}, credit: async () => {} };\n',
      'controller.js': controller('status', 'status', ["  return res.status(202).json({ msg: 'Purchase pending, we will confirm it shortly' });"]),
    });
    expect(await lines(other)).toEqual([]);
    expect(await lines(pending)).toEqual([]);
  });
});

describe('the rejection handler of a promise chain on a helper of another file (AP-003)', () => {
  it('judges .catch after an imported helper that posts, and not after one that reads', async () => {
    const dir = project({
      'package.json': '{"name":"media"}',
      'sonarr.js': [
        "const axios = require('axios');",
        "const addSeries = (options) => axios.post('http://sonarr.local/api/v3/series', options).then((r) => r.data);",
        "const lookupSeries = (term) => axios.get('http://sonarr.local/api/v3/series/lookup', { params: { term } }).then((r) => r.data);",
        'module.exports = { addSeries, lookupSeries };',
        '',
      ].join('\n'),
      'request.js': [
        "const { addSeries, lookupSeries } = require('./sonarr');",
        '',
        'function send(request) {',
        '  addSeries({ tvdbId: request.tvdbId })',
        '    .then(() => request.save())',
        '    .catch(() => {',
        "      request.status = 'FAILED';",
        '    });',
        '  lookupSeries(request.title).catch(() => {',
        "    request.status = 'FAILED';",
        '  });',
        '}',
        'module.exports = { send };',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-003 request.js:7']);
  });
});

describe('a client the class hands out through a property or a factory method (AP-003)', () => {
  const clients = {
    'app/__init__.py': '',
    'app/clients.py': [
      'import requests',
      '',
      'class LMSApiClient:',
      '    def enroll(self, user_id, course):',
      '        return requests.post("https://lms.example.com/api/enrollments", json={"user": user_id, "course": course}).json()',
      '',
      '    def enrollment(self, user_id, course):',
      '        return requests.get(f"https://lms.example.com/api/enrollments/{user_id}/{course}").json()',
      '',
      'class GEAGFulfillmentHandler:',
      '    def can_fulfill(self, tx):',
      '        return tx.variant_id is not None',
      '',
      '    def fulfill(self, tx):',
      '        return requests.post("https://geag.example.com/allocations", json={"tx": str(tx.uuid)}).json()',
      '',
    ].join('\n'),
  };
  const subsidy = (calls: string[]) =>
    [
      'from functools import cached_property',
      '',
      'from app.clients import GEAGFulfillmentHandler, LMSApiClient',
      '',
      'class Subsidy:',
      '    @cached_property',
      '    def lms_client(self):',
      '        return LMSApiClient()',
      '',
      '    def fulfillment_handler(self):',
      '        return GEAGFulfillmentHandler()',
      '',
      '    def rollback(self, tx):',
      '        tx.state = "failed"',
      '        tx.save()',
      '',
      '    def redeem(self, tx, user_id, course):',
      '        try:',
      ...calls.map((c) => `            ${c}`),
      '        except Exception:',
      '            self.rollback(tx)',
      '            raise',
      '',
    ].join('\n');

  it('follows self.lms_client.enroll() and self.fulfillment_handler().fulfill() to the class they are built from', async () => {
    const enroll = project({ ...clients, 'app/subsidy.py': subsidy(['self.lms_client.enroll(user_id, course)']) });
    const fulfill = project({ ...clients, 'app/subsidy.py': subsidy(['if self.fulfillment_handler().can_fulfill(tx):', '    self.fulfillment_handler().fulfill(tx)']) });
    expect(await lines(enroll)).toEqual(['AP-003 app/subsidy.py:21']);
    expect(await lines(fulfill)).toEqual(['AP-003 app/subsidy.py:22']);
  });

  it('stays quiet when the method it reaches through the property only reads', async () => {
    const dir = project({ ...clients, 'app/subsidy.py': subsidy(['self.lms_client.enrollment(user_id, course)']) });
    expect(await lines(dir)).toEqual([]);
  });
});

describe('a helper of another file known as a write only by its name (AP-003)', () => {
  const route = [
    "import { createAuthorizationCode } from './codes';",
    '',
    'export async function action() {',
    '  try {',
    '    const code = await createAuthorizationCode();',
    '    return Response.json({ code: code.code });',
    '  } catch (error) {',
    "    return Response.json({ error: 'Failed to create authorization code' }, { status: 400 });",
    '  }',
    '}',
    '',
  ].join('\n');

  it('stays quiet when the helper only stores a row in the local database', async () => {
    const dir = project({
      'package.json': '{"name":"web"}',
      'db.ts': 'export const prisma: any = {};\n',
      'codes.ts': [
        "import { prisma } from './db';",
        '',
        'export function createAuthorizationCode() {',
        '  return prisma.authorizationCode.create({ data: { code: crypto.randomUUID() } });',
        '}',
        '',
      ].join('\n'),
      'route.ts': route,
    });
    expect(await lines(dir)).toEqual([]);
  });

  it('judges the handler when the helper posts to a remote service', async () => {
    const dir = project({
      'package.json': '{"name":"web"}',
      'codes.ts': [
        'export async function createAuthorizationCode() {',
        "  const res = await fetch('https://auth.example.com/codes', { method: 'POST' });",
        '  return res.json();',
        '}',
        '',
      ].join('\n'),
      'route.ts': route,
    });
    expect(await lines(dir)).toEqual(['AP-003 route.ts:8']);
  });
});
