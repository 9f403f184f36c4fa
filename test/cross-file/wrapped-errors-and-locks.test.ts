import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

const lines = (dir: string) => findingLines(dir);

describe('a project exception class raised in another file for an ambiguous outcome (AP-003)', () => {
  const service = [
    'from app.errors import CertificationError',
    '',
    'def certify(provider, invoice):',
    '    try:',
    '        result = provider.certify(invoice)',
    '        invoice.status = "certified"',
    '        invoice.save()',
    '    except CertificationError:',
    '        invoice.status = "failed"',
    '        invoice.save()',
    '',
  ].join('\n');
  const client = (caught: string) =>
    [
      'import requests',
      'from app.errors import CertificationError',
      '',
      'class Platform:',
      '    def certify(self, invoice):',
      '        try:',
      '            return requests.post("https://einvoice.example.com/invoices", json=invoice.payload(), timeout=10).json()',
      `        except ${caught} as exc:`,
      '            raise CertificationError("no answer") from exc',
      '',
    ].join('\n');
  const errors = 'class CertificationError(Exception):\n    pass\n';

  it('judges the handler of the class when another file raises it from a timeout of a POST', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/errors.py': errors, 'app/platform.py': client('requests.Timeout'), 'app/service.py': service });
    expect(await lines(dir)).toEqual(['AP-003 app/service.py:9']);
  });

  it('stays quiet when the class is raised only where nothing was sent (a connect timeout)', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/errors.py': errors, 'app/platform.py': client('requests.ConnectTimeout'), 'app/service.py': service });
    expect(await lines(dir)).toEqual([]);
  });
});

describe('a row locked and read before the helper of another file that posts (AP-003)', () => {
  it('takes the helper, not the lock, for the handler’s subject', async () => {
    const dir = project({
      'wallets/__init__.py': '',
      'wallets/bank.py': 'import requests\n\ndef send_to_bank(tx):\n    return requests.post("https://bank.example.com/withdrawals", json={"amount": tx.amount}, timeout=5).json()\n',
      'wallets/tasks.py': [
        'import requests',
        'from wallets.models import Transaction',
        'from wallets.bank import send_to_bank',
        '',
        'def process(tx_ids):',
        '    for tx_id in tx_ids:',
        '        try:',
        '            tx = Transaction.objects.select_for_update().get(id=tx_id)',
        '            send_to_bank(tx)',
        '            tx.status = Transaction.SUCCESS',
        '            tx.save()',
        '        except requests.exceptions.RequestException:',
        '            tx.status = Transaction.FAILED',
        '            tx.save()',
        '',
      ].join('\n'),
    });
    expect(await lines(dir)).toEqual(['AP-003 wallets/tasks.py:13']);
  });
});
