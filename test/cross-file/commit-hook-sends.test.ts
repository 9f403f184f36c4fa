import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * AP-003 precision (round 22, r22-c): a helper of another file named for a send
 * (`send_email_notification_on_commit(service, user)`) whose body only registers the send for after
 * the transaction commits (`transaction.on_commit(lambda: send_email_notification(…))`, vocabulary
 * `commit_hooks`) sends nothing inside the caller's try: an export task's error state set in its
 * `except Exception` records the export's failure, not an ambiguous send (unicef/hope's XLSX export,
 * batch 24). The look-alike stays found: a helper that sends right away.
 */

const utils = (body: string) =>
  [
    'from django.core.mail import send_mail',
    'from django.db import transaction',
    '',
    '',
    'def send_email_notification(plan):',
    '    send_mail("Export ready", f"Plan {plan.id} exported", None, [plan.owner_email])',
    '',
    '',
    'def send_email_notification_on_commit(plan):',
    body,
    '',
  ].join('\n');

const tasks = [
  'from core.utils import send_email_notification_on_commit',
  '',
  '',
  'def export_plan(plan):',
  '    try:',
  '        plan.export_file = plan.build_export()',
  '        send_email_notification_on_commit(plan)',
  '    except Exception:',
  '        plan.status = "failed"',
  '        plan.save(update_fields=["status"])',
  '        raise',
  '',
].join('\n');

describe('a send registered on commit by a helper of another file (AP-003)', () => {
  it('finds nothing in the caller when the helper only registers the send, and finds it when the helper sends (Python)', async () => {
    const quiet = project({ 'core/__init__.py': '', 'core/utils.py': utils('    transaction.on_commit(lambda: send_email_notification(plan))'), 'payments/__init__.py': '', 'payments/tasks.py': tasks });
    expect((await findingLines(quiet)).filter((l) => l.startsWith('AP-003'))).toEqual([]);
    const loud = project({ 'core/__init__.py': '', 'core/utils.py': utils('    send_email_notification(plan)'), 'payments/__init__.py': '', 'payments/tasks.py': tasks });
    expect(await findingLines(loud)).toContain('AP-003 payments/tasks.py:9');
  });
});
