import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIG_OUTPUT, expectScanFindsTheLoop, freshProject, installDev, installEnv, npm, run } from './fresh-project.js';

const repo = join(import.meta.dirname, '..', '..');

/**
 * The package as a user gets it: `npm pack` (which builds through `prepare`), installed into a
 * fresh project as a devDependency, then run with npx and imported as a library. Slow (an npm
 * install), so it is one test; dependencies come from npm's cache when it has them.
 */
describe('the packed package', () => {
  it('installs into a fresh project, scans it with npx, and serves the typed library API', async () => {
    const work = mkdtempSync(join(tmpdir(), 'faultline-pack-'));
    const env = installEnv(work);
    await run(npm, ['pack', '--silent', '--pack-destination', work], { cwd: repo, env, maxBuffer: BIG_OUTPUT });
    const tarball = readdirSync(work).find((f) => /^faultline-.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();

    const app = freshProject(work);
    await installDev(app, join(work, tarball as string), env);

    const installed = join(app, 'node_modules', 'faultline');
    for (const file of ['LICENSE', 'README.md', 'dist/src/index.d.ts', 'rules/vocabulary.yaml', 'schemas/rule.schema.json']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    expect(existsSync(join(installed, 'test')), 'tests are not shipped').toBe(false);

    await expectScanFindsTheLoop(app, env);

    writeFileSync(join(app, 'use-api.mjs'), "import { scan, loadRules } from 'faultline';\nconst r = await scan(['.'], { cache: false });\nconsole.log(JSON.stringify({ rules: loadRules().length, findings: r.findings.length }));\n");
    expect(JSON.parse((await run('node', ['use-api.mjs'], { cwd: app, env })).stdout)).toEqual({ rules: 3, findings: 1 });
  }, 600_000);
});
