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
