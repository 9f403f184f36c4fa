import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderStepSummary } from '../src/action/step-summary.js';
import { jsonReport } from '../src/reporters/json.js';
import { committedProject } from './support/git.js';
import { project } from './support/project.js';

const repo = join(import.meta.dirname, '..');
const run = promisify(execFile);

interface Step { name?: string; id?: string; if?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; 'continue-on-error'?: boolean }
interface Action { runs: { using: string; steps: Step[] }; inputs: Record<string, { default?: string; description: string }>; outputs: Record<string, { value: string }> }

const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as Action;
const step = (name: string) => action.runs.steps.find((s) => s.name === name) as Step;

/** `${{ inputs.x }}` in a step's env, from the inputs' defaults and `overrides`. */
function stepEnv(s: Step, overrides: Record<string, string>): Record<string, string> {
  const input = (name: string) => overrides[name] ?? action.inputs[name]?.default ?? '';
  return Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => input(name))]));
}

const LOOP = (name: string, call: string) => `def ${name}(gateway, p):\n    for attempt in range(3):\n        try:\n            ${call}\n            break\n        except IOError:\n            continue\n`;

/** Runs one of the action's `run:` steps with bash, as the runner would, against `workspace`. */
async function runStep(name: string, workspace: string, runner: Record<string, string>, overrides: Record<string, string> = {}) {
  const s = step(name);
  expect(s.shell, `${name} declares its shell`).toBe('bash');
  const env = {
    ...process.env,
    ...runner,
    ...stepEnv(s, overrides),
    // The installed action runs dist/; the test runs the same entry points from source.
    FAULTLINE_CLI: join(repo, 'bin', 'faultline.ts'),
    FAULTLINE_STEP_SUMMARY: join(repo, 'src', 'action', 'step-summary-cli.ts'),
    NODE_OPTIONS: `--import ${join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')}`,
  };
  return run('bash', ['-e', '-c', s.run as string], { cwd: workspace, env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

function runnerFiles() {
  const temp = mkdtempSync(join(tmpdir(), 'faultline-runner-'));
  const files = { RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: join(temp, 'summary.md'), GITHUB_OUTPUT: join(temp, 'output'), GITHUB_ENV: join(temp, 'env'), XDG_CACHE_HOME: join(temp, 'cache') };
  for (const f of [files.GITHUB_STEP_SUMMARY, files.GITHUB_OUTPUT, files.GITHUB_ENV]) writeFileSync(f, '');
  return files;
}

describe('action.yml', () => {
  it('is a composite action whose gate does not depend on the SARIF upload', () => {
    expect(action.runs.using).toBe('composite');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.['continue-on-error']).toBe(true);
    const gate = step('Gate');
    expect(gate.if).not.toMatch(/upload/i);
    expect(action.runs.steps.indexOf(gate)).toBeGreaterThan(action.runs.steps.indexOf(upload as Step));
    for (const s of action.runs.steps) if (s.run !== undefined) expect(s.shell, s.name).toBe('bash');
    // Inputs reach scripts through env only (no `${{ }}` spliced into shell code).
    for (const s of action.runs.steps) if (s.run !== undefined) expect(s.run, s.name).not.toContain('${{');
    expect(Object.keys(action.outputs)).toEqual(['findings', 'gating', 'sarif-file']);
  });

  it('scans, writes SARIF, summarises every finding in a Markdown table and gates, as its steps run', async () => {
    // More findings than GitHub shows as annotations of one step (10 errors).
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) files[`jobs/job_${i}.py`] = LOOP(`job_${i}`, 'gateway.charge(p)');
    const workspace = project(files);
    const runner = runnerFiles();

    const scan = await runStep('Scan', workspace, runner);
    expect(scan.stderr).toBe('');
    expect(scan.code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(workspace, 'faultline.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toHaveLength(12);

    expect((await runStep('Summary', workspace, runner)).code).toBe(0);
    const summary = readFileSync(runner.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain('### faultline: 12 findings');
    expect(summary).toContain('| risk | rule | location | finding |');
    expect(summary.split('\n').filter((l) => l.startsWith('| high ⛔ | AP-001'))).toHaveLength(12);
    expect(readFileSync(runner.GITHUB_OUTPUT, 'utf8')).toBe('findings=12\ngating=12\n');

    const gate = await runStep('Gate', workspace, runner);
    expect(gate.code).toBe(1);
    expect(gate.stdout.split('\n').filter((l) => l.startsWith('::error file=jobs/job_'))).toHaveLength(12);
    expect((await runStep('Gate', workspace, runner, { 'fail-on': 'none' })).code).toBe(0);
  }, 120_000);

  it('passes changed-since and extra args through, and a bad input fails the scan step with exit 2', async () => {
    const workspace = committedProject({ 'old.py': LOOP('old', 'gateway.charge(p)') });
    writeFileSync(join(workspace, 'new.py'), LOOP('new', 'gateway.refund(p)'));
    const runner = runnerFiles();
    expect((await runStep('Scan', workspace, runner, { 'changed-since': 'main', args: '--exclude vendor/**' })).code).toBe(0);
    expect((await runStep('Summary', workspace, runner)).code).toBe(0);
    expect(readFileSync(runner.GITHUB_OUTPUT, 'utf8')).toBe('findings=1\ngating=1\n');
    const gate = await runStep('Gate', workspace, runner, { 'changed-since': 'main' });
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('file=new.py');
    expect(gate.stdout).not.toContain('file=old.py');

    const bad = await runStep('Scan', workspace, runnerFiles(), { 'changed-since': 'no-such-ref' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no-such-ref');
  }, 120_000);

  it('the summary escapes table cells and says when nothing was found', () => {
    const finding = { ruleId: 'AP-002', slug: 'notify-in-retry-loop', title: 'Notification Per Retry', risk: 'medium' as const, file: 'a|b.py', language: 'python' as const, line: 3, column: 1, endLine: 3, endColumn: 9, message: 'sends `a | b`\non retry', code: 'x', related: [], captures: {} };
    const md = renderStepSummary(jsonReport({ findings: [finding], warnings: [], filesScanned: 1 }, { version: '0' }), 'high');
    expect(md).toContain('| medium | AP-002 notify-in-retry-loop | a\\|b.py:3 | sends `a \\| b` on retry |');
    expect(md).toContain('Gate `--fail-on high`: passed.');
    expect(renderStepSummary(jsonReport({ findings: [], warnings: [], filesScanned: 4 }, { version: '0' }), 'high')).toContain('### faultline: no findings');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

  it('declares a hook with the fields pre-commit requires', () => {
    expect(hooks).toHaveLength(1);
    const hook = hooks[0] as Record<string, unknown>;
    for (const key of ['id', 'name', 'entry', 'language']) expect(typeof hook[key], key).toBe('string');
    expect(hook.language).toBe('node');
    expect(hook.pass_filenames).toBe(false);
    const bin = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(bin.bin)).toContain(String(hook.entry).split(' ')[0]);
  });

  it('its entry fails a commit that adds a finding and passes one that does not', async () => {
    const workspace = committedProject({ 'old.py': LOOP('old', 'gateway.charge(p)') });
    const [, ...args] = String((hooks[0] as { entry: string }).entry).split(' ');
    const entry = () =>
      run('node', ['--import', join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs'), join(repo, 'bin', 'faultline.ts'), ...args], { cwd: workspace, env: { ...process.env, XDG_CACHE_HOME: join(workspace, '.cache-home') } }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    writeFileSync(join(workspace, 'notes.py'), 'def note():\n    return "no retry here"\n');
    expect((await entry()).code).toBe(0);
    writeFileSync(join(workspace, 'new.py'), LOOP('new', 'gateway.refund(p)'));
    const failing = await entry();
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('new.py:4');
    expect(failing.stdout).not.toContain('old.py');
  }, 120_000);
});
