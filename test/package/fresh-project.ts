import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Asynchronous on purpose: a minutes-long synchronous install would starve the test runner's own messages.
export const run = promisify(execFile);
export const BIG_OUTPUT = 64 * 1024 * 1024;

const LOOP = 'def settle(gateway, p):\n    for attempt in range(3):\n        try:\n            gateway.charge(p)\n            break\n        except IOError:\n            continue\n';

/** npm quiet about updates, funding and audits, and faultline's cache inside the test's own folder. */
export function installEnv(work: string): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', XDG_CACHE_HOME: join(work, 'cache') };
}

/** A fresh project in `work/app` holding one Python retry loop that AP-001 reports at jobs.py:4. */
export function freshProject(work: string): string {
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
  writeFileSync(join(app, 'jobs.py'), LOOP);
  return app;
}

/** Installs `spec` (a tarball path or a git URL) into `app` as a devDependency, from npm's cache when it can. */
export async function installDev(app: string, spec: string, env: NodeJS.ProcessEnv): Promise<void> {
  await run(npm, ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', spec], { cwd: app, env, maxBuffer: BIG_OUTPUT });
}

/** Runs the installed `npx faultline scan .` in `app` and checks it reports the loop and exits 1. */
export async function expectScanFindsTheLoop(app: string, env: NodeJS.ProcessEnv): Promise<void> {
  const cli = await run(npx, ['--no-install', 'faultline', 'scan', '.', '--format', 'json'], { cwd: app, env }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  expect(cli.code).toBe(1);
  const report = JSON.parse(cli.stdout) as { findings: { ruleId: string; file: string; line: number }[] };
  expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['AP-001 jobs.py:4']);
}
