import got from 'got';

/** The bank's API client. Its retry policy explicitly includes POST. */
export const bank = got.extend({
  prefixUrl: process.env.BANK_API ?? 'https://api.bank.example.com/v2',
  timeout: { request: 15_000 },
  retry: {
    limit: 3,
    methods: ['GET', 'POST', 'PUT'],
    statusCodes: [408, 429, 500, 502, 503, 504],
  },
  headers: { authorization: `Bearer ${process.env.BANK_TOKEN ?? ''}` },
});

/** Read-only statements API: got's default retry methods (POST excluded). */
export const statements = got.extend({ prefixUrl: process.env.STATEMENTS_API ?? 'https://statements.bank.example.com', retry: { limit: 5 } });
