// What it costs to look at every node from JavaScript, next to parsing: parses each source file
// under argv[2] (default: the bench corpus) in this thread, then walks its whole tree once with a
// TreeCursor, reading each node's type, start, end and field (one N-API call each). Prints the two
// totals. `node scripts/walk-cost.mjs [dir]`; see docs/performance.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';

const require = createRequire(import.meta.url);
const Parser = require('tree-sitter');
const python = require('tree-sitter-python');
const { typescript, tsx } = require('tree-sitter-typescript');

const dir = process.argv[2] ?? join(tmpdir(), 'faultline-bench-corpus');
const files = fg.sync('**/*.{py,ts,tsx,js,mjs,cjs}', { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] }).sort();
if (files.length === 0) {
  console.error(`no source files under ${dir} (run \`npm run bench\` once to build the corpus)`);
  process.exit(2);
}
const parsers = new Map();
const parserFor = (file) => {
  const g = file.endsWith('.py') ? python : /\.[mc]?ts$/.test(file) ? typescript : tsx;
  let p = parsers.get(g);
  if (!p) parsers.set(g, (p = new Parser())), p.setLanguage(g);
  return p;
};

let parseMs = 0;
let walkMs = 0;
let nodes = 0;
let sink = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (text.length > 1 << 20) continue; // faultline's default size limit
  let t = performance.now();
  const tree = parserFor(file).parse(text, undefined, { bufferSize: Math.max(32 * 1024, text.length * 2 + 1) });
  parseMs += performance.now() - t;
  t = performance.now();
  const cursor = tree.walk();
  for (;;) {
    sink = (sink + cursor.nodeTypeId + cursor.startIndex + cursor.endIndex + (cursor.currentFieldId ?? 0)) | 0;
    nodes++;
    if (cursor.gotoFirstChild()) continue;
    let up = false;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        up = true;
        break;
      }
    }
    if (up) break;
  }
  walkMs += performance.now() - t;
}
console.log(`${files.length} files, ${nodes.toLocaleString('en')} nodes: parse ${(parseMs / 1000).toFixed(2)} s, one cursor walk over every node ${(walkMs / 1000).toFixed(2)} s (checksum ${sink})`);
