import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A retried task calls a service of another module that looks for a prior success before each
// write it makes (a record's field it stores the write's outcome in, `continue` past the items paid
// already): a second attempt pays no item twice.
describe('a prior-success check inside a helper of another module', () => {
  const service = (check: string) =>
    [
      'from ledger.gateway import create_payout',
      'from ledger.models import PayoutRecord',
      '',
      '',
      'class PayoutService:',
      '    @staticmethod',
      '    def pay_day(day):',
      '        for record in PayoutRecord.objects.filter(day=day):',
      check,
      '            payout = create_payout(record.account, record.amount)',
      '            record.payout = payout',
      '            record.save()',
      '',
    ].join('\n');
  const tasks = [
    'from celery import shared_task',
    '',
    'from ledger.service import PayoutService',
    '',
    '',
    '@shared_task(bind=True, max_retries=3)',
    'def pay_day(self, day):',
    '    try:',
    '        PayoutService.pay_day(day)',
    '    except Exception as exc:',
    '        raise self.retry(exc=exc)',
    '',
  ].join('\n');
  const files = (check: string) => ({ 'ledger/__init__.py': '', 'ledger/service.py': service(check), 'tasks/__init__.py': '', 'tasks/pay.py': tasks });

  it('stays quiet when the helper skips the records whose payout it stored before', async () => {
    expect(await findingLines(project(files('            if record.payout_id is not None:\n                continue')))).toEqual([]);
  });

  it('reports the call when the helper skips on a field it never stores the payout in', async () => {
    expect(await findingLines(project(files('            if record.account_id is None:\n                continue')))).toEqual(['AP-001 tasks/pay.py:9']);
  });
});
