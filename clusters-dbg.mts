import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseTicketsCsv, clusterTickets } from '/work/wt14-ctx/src/context/index.js';
import { ticketClusteringInput } from '/work/wt14-ctx/src/context/analysis/ticket-text.js';
const dir = process.argv[2]!;
const file = process.argv[3]!;
const truth = new Map(execFileSync('node', ['tickets/generate-tickets.mjs', '--truth'], { cwd: dir }).toString().trim().split('\n').map((l) => l.split(/\s+/) as [string, string]));
const tickets = parseTicketsCsv(readFileSync(path.join(dir, file), 'utf8'), file).filter((t) => t.createdAt >= (process.argv[4] ?? '2000'));
const clusters = clusterTickets(tickets, process.env.OPTS ? JSON.parse(process.env.OPTS) : {});
const inCluster = new Set<string>();
for (const c of clusters) {
  const counts: Record<string, number> = {};
  for (const t of c.tickets) { counts[truth.get(t.id) ?? '?'] = (counts[truth.get(t.id) ?? '?'] ?? 0) + 1; inCluster.add(t.id); }
  console.log(c.tickets.length, JSON.stringify(counts), c.keyTerms.join(','), '|', c.tickets[0]?.title);
}
if (process.env.SHOW) for (const t of tickets) if (truth.get(t.id) === process.env.SHOW) console.log('---', t.id, inCluster.has(t.id) ? 'IN' : 'OUT', JSON.stringify(ticketClusteringInput ? t.title : ''), JSON.stringify(t.body.slice(0, 300)));
