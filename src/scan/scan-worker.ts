import { workerData } from 'node:worker_threads';
import { createTextScanner, type ScannerSetup, type TextOutcome, type TextTask } from './scan-text.js';

/**
 * Worker-thread entry for the pool: grammars load and rules compile once per worker (on the first
 * task), then each task is one file's text. Runs under piscina, which calls the default export.
 */
const scan = createTextScanner(workerData as ScannerSetup);

export default function scanTask(task: TextTask): TextOutcome {
  return scan(task);
}
