// Parse-only floor for `npm run bench`: parses the files listed (one per line) in argv[2] with
// argv[3] worker threads, largest first, and does nothing else. Same grammars and parser options
// as faultline (JavaScript parsed with TSX).
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

if (isMainThread) {
  const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const threads = Number(process.argv[3] ?? 2);
  const order = files.map((f) => ({ f, s: statSync(f).size })).sort((a, b) => b.s - a.s).map((x) => x.f);
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, () => new Promise((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), { workerData: null });
      const feed = () => (next < order.length ? w.postMessage(order[next++]) : w.terminate().then(resolve));
      w.on('message', feed);
      w.on('error', reject);
      feed();
    })),
  );
} else {
  const Parser = require('tree-sitter');
  const python = require('tree-sitter-python');
  const { typescript, tsx } = require('tree-sitter-typescript');
  const parsers = new Map();
  const parserFor = (file) => {
    const g = file.endsWith('.py') ? python : file.endsWith('.ts') || file.endsWith('.mts') || file.endsWith('.cts') ? typescript : tsx;
    let p = parsers.get(g);
    if (!p) {
      p = new Parser();
      p.setLanguage(g);
      parsers.set(g, p);
    }
    return p;
  };
  let n = 0;
  parentPort.on('message', (file) => {
    const text = readFileSync(file, 'utf8');
    parserFor(file).parse(text, undefined, { bufferSize: Math.max(32 * 1024, text.length * 2 + 1) });
    // Let the event loop free trees, as faultline does.
    if (++n % 16 === 0) setImmediate(() => parentPort.postMessage(0));
    else parentPort.postMessage(0);
  });
}
