import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A startup loop that retries registering a queue's processor (`while (retries < max) { try {
// queue.process('events', async (job) => processEvent(job)); break } catch … }`) does not run the
// processor, nor the functions of its file the processor calls: they run per job, later. What such a
// function sends through a helper of another file is repeated only by the queue's own attempts.
describe('a processor registered inside a startup retry loop, calling a function of its file', () => {
  const deliver = [
    "const nodemailer = require('nodemailer');",
    '',
    "const transporter = nodemailer.createTransport({ host: 'smtp.example.com' });",
    '',
    'async function deliverEvent(event) {',
    "  await transporter.sendMail({ to: event.email, subject: 'Event', text: event.text });",
    '}',
    '',
    'module.exports = { deliverEvent };',
    '',
  ].join('\n');
  const worker = (options: string) =>
    [
      "const Queue = require('bull');",
      "const { deliverEvent } = require('./deliver');",
      "const { Event } = require('./models');",
      '',
      `const events = new Queue('events'${options});`,
      '',
      'async function processEvent(job) {',
      '  await deliverEvent(job.data);',
      '  await Event.update({ deliveredAt: new Date() }, { where: { id: job.data.id } });',
      '}',
      '',
      'async function start() {',
      '  let retries = 0;',
      '  while (retries < 5) {',
      '    try {',
      "      events.process('deliver', async (job) => processEvent(job));",
      '      break;',
      '    } catch (err) {',
      '      retries++;',
      '    }',
      '  }',
      '}',
      '',
      'module.exports = { start };',
      '',
    ].join('\n');

  it('stays quiet when the queue gives each job one attempt', async () => {
    const dir = project({ 'deliver.js': deliver, 'worker.js': worker(''), 'models.js': 'module.exports = {};\n' });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports the send as the queue’s when its jobs get more attempts', async () => {
    const dir = project({ 'deliver.js': deliver, 'worker.js': worker(', { defaultJobOptions: { attempts: 3 } }'), 'models.js': 'module.exports = {};\n' });
    expect(await findingLines(dir)).toEqual(['AP-002 worker.js:16']);
  });
});
