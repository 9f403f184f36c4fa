import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A sweep of another file hands each due task to a runner that marks it PROCESSING before sending
// and returns early while the mark is there. A handler that sets the mark back to a status the
// guard lets through re-opens the task: the next sweep sends again.
describe('a runner of another file whose handler unmarks the task (AP-002)', () => {
  const runner = (reset: string) =>
    [
      "const { sendEmail } = require('./mailer');",
      "const EmailLog = require('../models/EmailLog');",
      '',
      'async function processTask(task) {',
      "  if (task.status === 'PROCESSING' || task.status === 'COMPLETED') return;",
      "  task.status = 'PROCESSING';",
      '  await task.save();',
      '  try {',
      '    const result = await sendEmail({ email: task.email, html: task.body });',
      '    await EmailLog.create({ task: task._id, messageId: result.id });',
      "    task.status = 'COMPLETED';",
      '    await task.save();',
      '  } catch (error) {',
      `    task.status = '${reset}';`,
      '    await task.save();',
      '  }',
      '}',
      '',
      'module.exports = { processTask };',
      '',
    ].join('\n');
  const server = [
    "const Queue = require('./models/Queue');",
    '',
    'async function sweep() {',
    "  const due = await Queue.find({ status: { $in: ['PENDING', 'FAILED'] }, attempts: { $lt: 3 } });",
    '  for (const task of due) {',
    "    const { processTask } = require('./services/notify');",
    '    await processTask(task);',
    '  }',
    '}',
    '',
    'module.exports = { sweep };',
    '',
  ].join('\n');

  it('reports the sweep when the handler sets the task back to PENDING', async () => {
    const dir = project({ 'services/notify.js': runner('PENDING'), 'server.js': server });
    expect(await findingLines(dir)).toEqual(['AP-002 server.js:7']);
  });

  it('stays quiet when the handler leaves it in a status the guard stops at (PROCESSING, for a person to look at)', async () => {
    const dir = project({ 'services/notify.js': runner('PROCESSING'), 'server.js': server });
    expect(await findingLines(dir)).toEqual([]);
  });
});
