import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

/** Scans in tests keep their cache out of the user's cache folder. */
const cacheHome = mkdtempSync(join(tmpdir(), 'faultline-test-cache-'));

/** Runs the CLI in-process in `cwd` and captures its output and exit code. */
export async function runCli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
    isTTY: false,
    env: { XDG_CACHE_HOME: cacheHome },
  });
  return { code, stdout, stderr };
}

/** Scans `dir` through the CLI and lists its findings as `RULE file:line`. */
export async function findingLines(dir: string, extra: string[] = []): Promise<string[]> {
  const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', ...extra], dir);
  return (JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}

/** Scans `dir` through the CLI: each finding as `RULE file:line` with its related locations as `file:line`. */
export async function findingsWithRelated(dir: string): Promise<{ at: string; related: string[] }[]> {
  const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
  const out = JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number; related?: { file?: string; line: number }[] }[] };
  return out.findings.map((f) => ({ at: `${f.ruleId} ${f.file}:${f.line}`, related: (f.related ?? []).map((r) => `${r.file ?? f.file}:${r.line}`) }));
}
