import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A processor handed to a retried queue by reference (`queue.process('name', handler)` with the
// handler imported): every send it makes that a later failure repeats is a finding of its own, not
// only the first (emadhussain453/test-repo: a push queued before the commit hid the alert e-mailed
// from the handler).
describe('a retried processor of another file with several sends', () => {
  it('reports each send that a later step or a failed attempt repeats', async () => {
    const dir = project({
      'package.json': '{}',
      'src/queue.js': [
        "import Queue from 'bull';",
        "import handler from './handler.js';",
        "const payments = new Queue('payments', { defaultJobOptions: { attempts: 3 } });",
        "payments.process('payment', handler);",
        'export default payments;',
        '',
      ].join('\n'),
      'src/handler.js': [
        "import mongoose from 'mongoose';",
        "import notificationsQueue from './notifications.js';",
        "import { sendEmailWithSES } from './ses.js';",
        "import Payments from './payments.js';",
        'export default async function handler(job, done) {',
        '  const session = await mongoose.startSession();',
        '  try {',
        "    await notificationsQueue.add('push', { userId: job.data.userId });",
        "    await Payments.updateOne({ _id: job.data.id }, { status: 'COMPLETED' }, { session });",
        '    await session.commitTransaction();',
        '    done(null);',
        '  } catch (error) {',
        "    await sendEmailWithSES('dev@example.com', 'Cashin Error', error);",
        '    await session.abortTransaction();',
        '    done(error);',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/ses.js': [
        "import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';",
        'const ses = new SESClient({});',
        'export async function sendEmailWithSES(to, subject, body) {',
        '  await ses.send(new SendEmailCommand({ Destination: { ToAddresses: [to] }, Message: { Subject: { Data: subject }, Body: { Text: { Data: String(body) } } } }));',
        '}',
        '',
      ].join('\n'),
      'src/notifications.js': "import Queue from 'bull';\nconst notificationsQueue = new Queue('notifications');\nexport default notificationsQueue;\n",
    });
    expect(await findingLines(dir)).toEqual(['AP-002 src/handler.js:8', 'AP-002 src/handler.js:13']);
  });
});
