import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway project folder holding `files` (path → text), for CLI-level tests. */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
