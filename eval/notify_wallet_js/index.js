'use strict';

const http = require('node:http');
const { remindAllOverdue } = require('./services/dispatch');
const { enqueueReceipt } = require('./queues/bull');

const server = http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/jobs/reminders') {
    const failed = await remindAllOverdue();
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ failed }));
  }
  if (req.method === 'POST' && req.url === '/receipts') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const job = await enqueueReceipt(JSON.parse(body));
    res.writeHead(202, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ job: job.id }));
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT || 8080));
