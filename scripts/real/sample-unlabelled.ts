/**
 * Draws a seeded random sample of the findings no label covers (files nobody labelled, and places
 * in labelled files no label covers), for a reviewer to judge: the precision a user meets on code
 * nobody chose for the evaluation. Findings come from `npm run eval:real -- --batch batch-N
 * --save-findings F`.
 *
 *   npx tsx scripts/real/sample-unlabelled.ts --count 40 --seed 15015 batch-14=f14.json batch-15=f15.json …
 *
 * Prints the sample as JSON (id, batch, where, repo, rule, path, line, message, related).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readRealLabels } from './labels.js';
import { scoreReal, type RealFinding } from './score.js';

const { values, positionals } = parseArgs({ options: { count: { type: 'string', default: '40' }, seed: { type: 'string', default: '1' } }, allowPositionals: true });
const uncovered: (RealFinding & { batch: number; where: string })[] = [];
for (const arg of positionals) {
  const [batch, file] = arg.split('=');
  if (batch === undefined || file === undefined) throw new Error(`expected batch-N=findings.json, got ${arg}`);
  const labels = readRealLabels('.', 'eval/real/labels', batch);
  const findings = JSON.parse(readFileSync(file, 'utf8')) as RealFinding[];
  const labelled = new Set(labels.map((l) => `${l.repo}\0${l.path}`));
  const n = Number(batch.replace(/\D/g, ''));
  for (const f of scoreReal(labels, findings).unjudged) uncovered.push({ batch: n, where: 'unjudged-in-labelled-file', ...f });
  for (const f of findings) if (!labelled.has(`${f.repo}\0${f.path}`)) uncovered.push({ batch: n, where: 'file-without-labels', ...f });
}
// A linear congruential generator: the same seed draws the same sample on every machine.
let seed = Number(values.seed);
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pool = [...uncovered];
const sample: typeof uncovered = [];
while (sample.length < Number(values.count) && pool.length > 0) sample.push(...pool.splice(Math.floor(next() * pool.length), 1));
console.error(`${uncovered.length} findings no label covers; ${sample.length} drawn`);
console.log(JSON.stringify(sample.map((f, i) => ({ id: `J${i + 1}`, batch: f.batch, where: f.where, repo: f.repo, rule: f.ruleId, path: f.path, line: f.line, message: f.message, related: f.related })), null, 1));
