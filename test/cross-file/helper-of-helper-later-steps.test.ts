import { describe, expect, it } from 'vitest';
import { findingsWithRelated as findings } from '../support/cli.js';
import { project } from '../support/project.js';

// A retried job calls a service of another file (`sendNotification`) whose last step is a helper of
// a third file (`sendEmail`); that helper sends and only then updates its log row. The helper's call
// ends the service's run, but the send inside it does not end the helper's: a failure of the update
// fails the job, and its next attempt sends again (Gray-Refer's notification worker). When the send
// is the helper's last step too, the attempt that sent it did not fail after it: quiet.
describe("a last helper call of another file whose own send is followed by a later step (AP-002)", () => {
  const queue = "import { Queue } from 'bullmq';\nexport const notifications = new Queue('notifications', { defaultJobOptions: { attempts: 3 } });\n";
  const worker = (imp: string) =>
    [
      imp,
      'export function start(connection) {',
      "  return new Worker('notifications', async (job) => {",
      '    await sendNotification(job.data.userId);',
      '  }, { connection });',
      '}',
      '',
    ].join('\n');
  const service = (imp: string, exp: string) =>
    [
      imp,
      `${exp}async function sendNotification(userId) {`,
      '  const user = await db.users.findUnique({ where: { id: userId } });',
      '  if (!user) return;',
      "  await sendEmail({ to: user.email, subject: 'Your reward' });",
      '}',
      '',
    ].join('\n');
  const email = (exp: string, after: boolean) =>
    [
      `${exp}async function sendEmail(opts) {`,
      "  const log = await db.messageLogs.create({ data: { to: opts.to, status: 'pending' } });",
      ...(after ? [] : ["  await db.messageLogs.update({ where: { id: log.id }, data: { status: 'sending' } });"]),
      '  await transporter.sendMail({ to: opts.to, subject: opts.subject });',
      ...(after ? ["  await db.messageLogs.update({ where: { id: log.id }, data: { status: 'sent' } });"] : []),
      '}',
      '',
    ].join('\n');

  it('reports the job, with the send inside the innermost helper as related (TypeScript)', async () => {
    const dir = project({
      'src/queue.ts': queue,
      'src/worker.ts': worker("import { Worker } from 'bullmq';\nimport { sendNotification } from './notification';"),
      'src/notification.ts': service("import { sendEmail } from './email';\nimport { db } from './db';", 'export '),
      'src/email.ts': `import { db } from './db';\nimport { transporter } from './mailer';\n${email('export ', true)}`,
    });
    const found = await findings(dir);
    expect(found.map((f) => f.at)).toEqual(['AP-002 src/worker.ts:5']);
    expect(found[0]?.related).toContain('src/email.ts:5');
  });

  it('stays quiet when the send is the helper’s last step (TypeScript)', async () => {
    const dir = project({
      'src/queue.ts': queue,
      'src/worker.ts': worker("import { Worker } from 'bullmq';\nimport { sendNotification } from './notification';"),
      'src/notification.ts': service("import { sendEmail } from './email';\nimport { db } from './db';", 'export '),
      'src/email.ts': `import { db } from './db';\nimport { transporter } from './mailer';\n${email('export ', false)}`,
    });
    expect((await findings(dir)).map((f) => f.at)).toEqual([]);
  });

  it('does the same through CommonJS (JavaScript)', async () => {
    const files = (after: boolean) => ({
      'src/queue.js': queue.replace("import { Queue } from 'bullmq';", "const { Queue } = require('bullmq');").replace('export const', 'const') + 'module.exports = { notifications };\n',
      'src/worker.js': worker("const { Worker } = require('bullmq');\nconst { sendNotification } = require('./notification');").replace('export function', 'function') + 'module.exports = { start };\n',
      'src/notification.js': service("const { sendEmail } = require('./email');\nconst { db } = require('./db');", '') + 'module.exports = { sendNotification };\n',
      'src/email.js': `const { db } = require('./db');\nconst { transporter } = require('./mailer');\n${email('', after)}module.exports = { sendEmail };\n`,
    });
    expect((await findings(project(files(true)))).map((f) => f.at)).toEqual(['AP-002 src/worker.js:5']);
    expect((await findings(project(files(false)))).map((f) => f.at)).toEqual([]);
  });

  it('does the same for a Celery task (Python)', async () => {
    const files = (after: boolean) => ({
      'app/__init__.py': '',
      'app/tasks.py': [
        'from celery import shared_task',
        'from app.notification import send_notification',
        '',
        '@shared_task(autoretry_for=(Exception,), max_retries=3)',
        'def notify_reward(user_id):',
        '    send_notification(user_id)',
        '',
      ].join('\n'),
      'app/notification.py': [
        'from app.email import send_email',
        'from app.models import User',
        '',
        'def send_notification(user_id):',
        '    user = User.objects.filter(id=user_id).first()',
        '    if user is None:',
        '        return',
        '    send_email(user.email, "Your reward")',
        '',
      ].join('\n'),
      'app/email.py': [
        'from django.core.mail import send_mail',
        'from app.models import MessageLog',
        'from app.storage import upload_receipt',
        '',
        'def send_email(to, subject):',
        '    log = MessageLog.objects.create(to=to, status="pending")',
        ...(after ? [] : ['    upload_receipt(log.id)']),
        '    send_mail(subject, "", "noreply@example.com", [to])',
        ...(after ? ['    upload_receipt(log.id)'] : []),
        '',
      ].join('\n'),
    });
    const bad = await findings(project(files(true)));
    expect(bad.map((f) => f.at)).toEqual(['AP-002 app/tasks.py:6']);
    expect(bad[0]?.related).toContain('app/email.py:7');
    expect((await findings(project(files(false)))).map((f) => f.at)).toEqual([]);
  });
});
