import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueEntry } from '../../src/context/index.js';

/** The bundled example, for end-to-end runs. */
export const EXAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/context');

/** A fresh copy of the example in a temp folder (tests write into it). */
export function copyExample(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-context-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return dir;
}

/** A small catalogue in the shape of the built-in rules' `signals:`; stands in for rules/*.yaml. */
export const TEST_CATALOGUE: CatalogueEntry[] = [
  {
    id: 'AP-001',
    slug: 'retry-without-idempotency',
    title: 'Retry Without Idempotency',
    risk: 'high',
    consequence: 'will duplicate on retry',
    rationale: 'Retrying an operation without ensuring it will not duplicate effects. INC-2024-089 charged 47 customers twice.',
    signals: [
      ['retry', 'retries', 'retried', 'retrying'],
      ['duplicate', 'duplicated', 'double', 'twice'],
      ['idempotency', 'idempotent', 'dedup'],
    ],
    prevention: {
      must_include: ['Idempotency key in all mutating operations', 'Check for existing success before retry'],
      must_exclude: ['Blind retry on timeout'],
    },
  },
  {
    id: 'AP-002',
    slug: 'notify-in-retry-loop',
    title: 'Notification Per Retry',
    risk: 'medium',
    consequence: 'sends a notification on every attempt',
    signals: [
      ['notification', 'notifications', 'sms', 'email', 'notify'],
      ['retry', 'retries', 'each time', 'every attempt', 'spam'],
    ],
    prevention: { must_include: ['Notification deduplication', 'Rate limiting per user'], must_exclude: [] },
  },
  {
    id: 'AP-003',
    slug: 'binary-timeout-handling',
    title: 'Swallowed Ambiguous Response',
    risk: 'high',
    consequence: 'marks an ambiguous payment as failed',
    signals: [
      ['timeout', 'timed out', '504', 'ambiguous'],
      ['failed', 'failure', 'success', 'status', 'stuck'],
    ],
    prevention: {
      must_include: ['Explicit ambiguous state for timeouts', 'Reconciliation of ambiguous responses'],
      must_exclude: ['Treating a timeout as a failure'],
    },
  },
];

/** The example's "today". */
export const NOW = new Date('2024-12-31T00:00:00Z');
