'use strict';

const { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } = require('@aws-sdk/client-sqs');
const { postJournal } = require('../src/accounting');

const sqs = new SQSClient({});
const QUEUE_URL = process.env.JOURNAL_QUEUE_URL;

async function consumeForever() {
  while (true) {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, MaxNumberOfMessages: 10, WaitTimeSeconds: 20 }));
    for (const message of Messages) {
      const entry = JSON.parse(message.Body);
      try {
        // each message is a different entry; SQS redelivery is handled with the message id below
        // label-ok: AP-001 consumer-loop
        await postJournal(entry, { 'Idempotency-Key': message.MessageId });
        await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }));
      } catch (err) {
        console.error(`journal ${entry.id} failed; leaving it for redelivery`, err.message);
      }
    }
  }
}

async function replayBatch(entries) {
  const results = [];
  for (let i = 0; i < entries.length; i++) {
    try {
      // label-ok: AP-001 collection-iteration
      results.push(await postJournal(entries[i], { 'X-Replay': 'true' }));
    } catch (err) {
      results.push({ error: err.message, index: i });
    }
  }
  return results;
}

module.exports = { consumeForever, replayBatch };
