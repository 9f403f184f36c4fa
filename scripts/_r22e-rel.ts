import { readFileSync } from 'node:fs';
import { parseManifold } from '../src/context/manifold/parse-manifold.js';
import { parseIncidentsCsv } from '../src/context/incidents/parse-incidents-csv.js';
import { relevanceIndexes, mentions } from '../src/context/analysis/relevance.js';
const dir = 'test/context/histories/gym-dues-billing/';
const m = parseManifold(readFileSync(dir + 'manifold.yaml', 'utf8'), 'm.yaml');
const inc = parseIncidentsCsv(readFileSync(dir + 'incidents/incident-register-2026.tsv', 'utf8'), 'x.tsv', { delimiter: '\t' });
for (const id of ['NSI-143', 'NSI-150', 'NSI-156']) {
  const i = inc.find((x) => x.incidentId === id)!;
  const { scope, failures } = relevanceIndexes(i);
  console.log(id, m.errorTypes.map((t) => `${t.name}[${t.phrases.join('|')}]:${mentions(failures, t, true)}`).join('  '));
  console.log('  ent', m.entities.map((t) => `${t.name}[${t.phrases.join('|')}]:${mentions(scope, t, true)}`).join('  '));
}
