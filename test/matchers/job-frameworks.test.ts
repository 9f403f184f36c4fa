import { describe, expect, it } from 'vitest';
import { languageSpec } from '../../src/engine/languages.js';
import { settleAlone } from '../../src/engine/link.js';
import { scanSource } from '../../src/engine/scan-source.js';
import { mergeVocabularies, VocabularySchema } from '../../src/matchers/index.js';
import { loadBuiltinVocabulary, loadRules } from '../../src/rules-loader/load-rules.js';

const vocab = loadBuiltinVocabulary();
const py = languageSpec('python');
// A single file, settled as the fixtures are (imports it cannot resolve hold nothing).
const scan = (rules: ReturnType<typeof loadRules>, v: typeof vocab) => settleAlone(scanSource(JOB, 'jobs.py', py, rules, v), 'jobs.py', 'python');

const JOB = [
  'import requests',
  'from ourjobs import jobs',
  '',
  '@jobs.task(max_attempts=4)',
  'def settle(order_id):',
  '    requests.post("https://bank.example.com/settlements", json={"order": order_id})',
  '',
  '@jobs.task(max_attempts=0)',
  'def settle_once(order_id):',
  '    requests.post("https://bank.example.com/settlements", json={"order": order_id})',
  '',
].join('\n');

describe('job frameworks from the vocabulary', () => {
  it('a team’s own framework in config makes its handlers retried, and its retry option turns that off', () => {
    const plain = loadRules({ builtin: true, extra: [], vocab });
    expect(scan(plain, vocab)).toEqual([]);
    const extended = mergeVocabularies(
      vocab,
      VocabularySchema.parse({ retry: { job_frameworks: [{ name: 'our-jobs', decorators: ['jobs.task'], retries_option: 'max_attempts', default_retries: 3 }] } }),
    );
    const rules = loadRules({ builtin: true, extra: [], vocab: extended });
    const findings = scan(rules, extended);
    expect(findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['AP-001:6']);
    expect(findings[0]?.message).toContain('our-jobs retries a failed job 4 times');
  });
});
