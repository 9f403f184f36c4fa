import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const LOOP = 'def settle(gateway, p):\n    for attempt in range(3):\n        try:\n            gateway.charge(p)\n            break\n        except IOError:\n            continue\n';

/**
 * The package as a user gets it: `npm pack` (which builds through `prepare`), installed into a
 * fresh project as a devDependency, then run with npx and imported as a library. Slow (an npm
 * install), so it is one test; dependencies come from npm's cache when it has them.
 */
describe('the packed package', () => {
  it('installs into a fresh project, scans it with npx, and serves the typed library API', () => {
    const work = mkdtempSync(join(tmpdir(), 'faultline-pack-'));
    const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', XDG_CACHE_HOME: join(work, 'cache') };
    execFileSync(npm, ['pack', '--silent', '--pack-destination', work], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = readdirSync(work).find((f) => /^faultline-.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();

    const app = join(work, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
    writeFileSync(join(app, 'jobs.py'), LOOP);
    execFileSync(npm, ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball as string)], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });

    const installed = join(app, 'node_modules', 'faultline');
    for (const file of ['LICENSE', 'README.md', 'dist/src/index.d.ts', 'rules/vocabulary.yaml', 'schemas/rule.schema.json']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, 'test')), 'tests are not shipped').toBe(false);

    const cli = (() => {
      try {
        return { code: 0, stdout: execFileSync(npx, ['--no-install', 'faultline', 'scan', '.', '--format', 'json'], { cwd: app, env, encoding: 'utf8' }) };
      } catch (e) {
        return { code: (e as { status: number }).status, stdout: String((e as { stdout: unknown }).stdout) };
      }
    })();
    expect(cli.code).toBe(1);
    const report = JSON.parse(cli.stdout) as { findings: { ruleId: string; file: string; line: number }[] };
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['AP-001 jobs.py:4']);

    writeFileSync(join(app, 'use-api.mjs'), "import { scan, loadRules } from 'faultline';\nconst r = await scan(['.'], { cache: false });\nconsole.log(JSON.stringify({ rules: loadRules().length, findings: r.findings.length }));\n");
    expect(JSON.parse(execFileSync('node', ['use-api.mjs'], { cwd: app, env, encoding: 'utf8' }))).toEqual({ rules: 3, findings: 1 });
  }, 600_000);
});
