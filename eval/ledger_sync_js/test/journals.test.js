'use strict';

const test = require('node:test');
const assert = require('node:assert');
const axios = require('axios');
const { pushSettlement } = require('../jobs/journals');

test('pushSettlement retries until the accounting API answers', async (t) => {
  const post = t.mock.method(axios, 'post');
  post.mock.mockImplementationOnce(() => Promise.reject(new Error('ECONNRESET')), 0);
  post.mock.mockImplementationOnce(() => Promise.resolve({ data: { id: 'st_1' } }), 1);
  const result = await pushSettlement({ id: 's1', lines: [] });
  assert.deepStrictEqual(result, { id: 'st_1' });
  assert.strictEqual(post.mock.callCount(), 2);
});
