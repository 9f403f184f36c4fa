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
});
