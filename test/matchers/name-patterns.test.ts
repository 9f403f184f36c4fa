import { describe, expect, it } from 'vitest';
import { NamePatterns, WordSet, escapeRegExp, normalizeName, splitWords } from '../../src/matchers/names.js';

/** The pattern language's plain answer: the alternation alone, no shortcut. */
function plain(patterns: string[], caseSensitive = false): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const re = new RegExp(patterns.map((p) => `(?:^|\\.)${p.split('*').map(escapeRegExp).join('.*')}$`).join('|'), caseSensitive ? '' : 'i');
  return (path) => re.test(path);
}

const PATHS = [
  '', 'send', 'Send', 'SEND', 'resend', 'send_email', 'mail.send', 'self.mail.send', 'mail.sendMail', 'cron.schedule', 'nodeCron.schedule',
  'x.cron.schedule', 'schedule', 'a.every.minute.do', 'every.minute.do', 'a.every.do', 'redis.get', 'redis', 'self.redis.client.get',
  'logger[]', 'x?.send', 'api.post', 'api.Post', 'requests.post', 'a.b.', 'kelvin.\u212Aey', 'key', 'obj.foo_bar', 'foo_bar', 'xfoo_bar',
  'prisma.user.create', 'prisma', 'window.postMessage', 'postMessage', 'x.PostMessage', 'Object.create', 'object.create', 'redis.GET', 'api.send', 'x.resend', 'mail.Send',
];

describe('NamePatterns', () => {
  const sets: [string[], boolean][] = [
    [['send', 'mail.sendMail', 'cron.schedule'], false],
    [['*.every.*.do', 'schedule'], false],
    [['redis.*', 'send'], false],
    [['*send', 'post'], false],
    [['Send', 'api.Post'], true],
    [['key', 'foo_bar'], false],
    [['a.b.'], false],
    [['send', 'prisma.*', '*.postMessage', 'redis.get', 'Object.create'], false],
    [['send', '*Send', 'api.*'], true],
    [[], false],
  ];
  it('answers every path as the plain alternation does, with or without a wildcard last segment', () => {
    for (const [patterns, caseSensitive] of sets) {
      const np = new NamePatterns(patterns, { caseSensitive });
      const want = plain(patterns, caseSensitive);
      for (const path of PATHS) {
        // Twice: the first answer and the remembered one.
        expect([patterns, path, np.matches(path)]).toEqual([patterns, path, want(path)]);
        expect([patterns, path, np.matches(path)]).toEqual([patterns, path, want(path)]);
      }
    }
  });
});

describe('WordSet and normalizeName', () => {
  it('answer a name asked again as the first time (anyWordOf remembers its answers)', () => {
    const set = new WordSet(['send', 'Charge', 'retry']);
    const names = ['sendEmail', 'send_email', 'resend', 'chargeCustomer', 'CHARGE', 'x.retry_later', 'recharge', '', 'HTTPSend', 'a-b c'];
    const want = (name: string) => splitWords(name).some((w) => ['send', 'charge', 'retry'].includes(w));
    for (const name of names) {
      expect([name, set.anyWordOf(name)]).toEqual([name, want(name)]);
      expect([name, set.anyWordOf(name)]).toEqual([name, want(name)]);
    }
  });
  it('normalizeName removes every separator, runs of them at once', () => {
    for (const [name, want] of [['Idempotency-Key', 'idempotencykey'], ['idempotency__key', 'idempotencykey'], ['  a \n\t b--c ', 'abc'], ['', ''], ['Ünï_code', 'ncode']]) {
      expect(normalizeName(name as string)).toBe(want);
      expect(normalizeName(name as string)).toBe((name as string).toLowerCase().replace(/[^a-z0-9]/g, ''));
    }
  });
});
