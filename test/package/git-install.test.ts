import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectScanFindsTheLoop, freshProject, installDev, installEnv, run } from './fresh-project.js';

const repo = join(import.meta.dirname, '..', '..');

/**
 * The README's other way in: `npm install --save-dev git+…`. npm clones the repository, installs
 * its dependencies and runs `prepare` (the build) there, then installs the package's `files`. The
 * repository is a clone of this checkout's committed HEAD, so uncommitted edits do not make it pass.
 */
describe('the package installed from a git URL', () => {
  it('builds through prepare, installs into a fresh project and scans it with npx', async () => {
    const work = mkdtempSync(join(tmpdir(), 'faultline-git-'));
    const env = installEnv(work);
    const origin = join(work, 'faultline.git');
    await run('git', ['clone', '--quiet', '--no-local', '--depth', '1', pathToFileURL(repo).href, origin], { env });

    const app = freshProject(work);
    await installDev(app, `git+${pathToFileURL(origin).href}`, env);

    const installed = join(app, 'node_modules', 'faultline');
    expect(existsSync(join(installed, 'dist', 'bin', 'faultline.js')), 'built by prepare').toBe(true);
    expect(existsSync(join(installed, 'test')), 'only the package files are installed').toBe(false);

    await expectScanFindsTheLoop(app, env);
  }, 600_000);
});
