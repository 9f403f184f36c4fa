import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Asynchronous on purpose: a minutes-long synchronous install would starve the test runner's own messages.
const run = promisify(execFile);

const LOOP = 'def settle(gateway, p):\n    for attempt in range(3):\n        try:\n            gateway.charge(p)\n            break\n        except IOError:\n            continue\n';

/**
 * The package as a user gets it: `npm pack` (which builds through `prepare`), installed into a
 * fresh project as a devDependency, then run with npx and imported as a library. Slow (an npm
 * install), so it is one test; dependencies come from npm's cache when it has them.
 */
describe('the packed package', () => {
  it('installs into a fresh project, scans it with npx, and serves the typed library API', async () => {
    const work = mkdtempSync(join(tmpdir(), 'faultline-pack-'));
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', XDG_CACHE_HOME: join(work, 'cache') };
    await run(npm, ['pack', '--silent', '--pack-destination', work], { cwd: repo, env, maxBuffer: 64 * 1024 * 1024 });
    const tarball = readdirSync(work).find((f) => /^faultline-.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();

    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
    writeFileSync(join(app, 'jobs.py'), LOOP);
    await run(npm, ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball as string)], { cwd: app, env, maxBuffer: 64 * 1024 * 1024 });

    const installed = join(app, 'node_modules', 'faultline');
    for (const file of ['LICENSE', 'README.md', 'dist/src/index.d.ts', 'rules/vocabulary.yaml', 'schemas/rule.schema.json']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, 'test')), 'tests are not shipped').toBe(false);

    const cli = await run(npx, ['--no-install', 'faultline', 'scan', '.', '--format', 'json'], { cwd: app, env }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(cli.code).toBe(1);
    const report = JSON.parse(cli.stdout) as { findings: { ruleId: string; file: string; line: number }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['AP-001 jobs.py:4']);

    writeFileSync(join(app, 'use-api.mjs'), "import { scan, loadRules } from 'faultline';\nconst r = await scan(['.'], { cache: false });\nconsole.log(JSON.stringify({ rules: loadRules().length, findings: r.findings.length }));\n");
    expect(JSON.parse((await run('node', ['use-api.mjs'], { cwd: app, env })).stdout)).toEqual({ rules: 3, findings: 1 });
  }, 600_000);
});
