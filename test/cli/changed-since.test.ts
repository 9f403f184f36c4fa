import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { committedProject, git } from '../support/git.js';
import { project } from '../support/project.js';

const LOOP = (name: string, call: string) =>
  `def ${name}(gateway, p):\n    for attempt in range(3):\n        try:\n            ${call}\n            break\n        except IOError:\n            continue\n`;

/** A repository with one old finding committed on main, and a branch that adds code. */
function history(): string {
  const dir = committedProject({ 'old.py': LOOP('old', 'gateway.charge(p)'), 'quiet.py': 'def f():\n    return 1\n' });
  git(dir, 'checkout', '-q', '-b', 'feature');
  return dir;
}

type Report = { findings: { file: string; line: number; ruleId: string }[] };
const found = (stdout: string) => (JSON.parse(stdout) as Report).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);

describe('--changed-since REF', () => {
  it('reports and gates only findings on lines changed since the ref (committed, uncommitted and untracked)', async () => {
    const dir = history();
    expect((await runCli(['scan', '.', '--changed-since', 'main'], dir)).code).toBe(0);

    // A committed change on the branch: a new finding in a tracked file.
    writeFileSync(join(dir, 'quiet.py'), 'def f():\n    return 1\n\n' + LOOP('g', 'gateway.refund(p)'));
    git(dir, 'commit', '-q', '-am', 'refund retry');
    // Not committed: a new, untracked file.
    writeFileSync(join(dir, 'new.py'), LOOP('h', 'gateway.capture(p)'));

    const full = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
    expect(found(full.stdout)).toEqual(['AP-001 new.py:4', 'AP-001 old.py:4', 'AP-001 quiet.py:7']);
    const changed = await runCli(['scan', '.', '--format', 'json', '--changed-since', 'main'], dir);
    expect(changed.code).toBe(1);
    expect(found(changed.stdout)).toEqual(['AP-001 new.py:4', 'AP-001 quiet.py:7']);
  });

  it('an edit elsewhere in an old file does not bring its old findings back; a retry newly wrapped around an old call does', async () => {
    const dir = history();
    writeFileSync(join(dir, 'old.py'), '# a comment on top\n' + LOOP('old', 'gateway.charge(p)'));
    expect(found((await runCli(['scan', '.', '--format', 'json', '--changed-since', 'main'], dir)).stdout)).toEqual([]);

    // The call line itself stays as it was; only the retry around it is new.
    writeFileSync(join(dir, 'pay.js'), 'export async function pay(gateway, p) {\nawait gateway.charge(p);\n}\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'charge once');
    git(dir, 'checkout', '-q', 'main');
    git(dir, 'merge', '-q', 'feature');
    git(dir, 'checkout', '-q', '-b', 'wrap');
    writeFileSync(join(dir, 'pay.js'), 'export async function pay(gateway, p) {\nfor (let attempt = 0; attempt < 3; attempt++) { try {\nawait gateway.charge(p);\nbreak; } catch (e) { continue; } }\n}\n');
    const diff = git(dir, 'diff', '--unified=0', 'main', '--', 'pay.js');
    expect(diff).not.toMatch(/^[-+]await gateway\.charge/m);
    expect(found((await runCli(['scan', '.', '--format', 'json', '--changed-since', 'main'], dir)).stdout)).toEqual(['AP-001 pay.js:3']);
  });

  it('compares with the merge base: what moved on the target branch is not the change', async () => {
    const dir = history();
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'main-only.py'), LOOP('m', 'gateway.charge(p)'));
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'on main');
    git(dir, 'checkout', '-q', 'feature');
    expect(found((await runCli(['scan', '.', '--format', 'json', '--changed-since', 'main'], dir)).stdout)).toEqual([]);
  });

  it('an unknown ref, or no git repository, is exit 2 naming the ref', async () => {
    const dir = history();
    const r = await runCli(['scan', '.', '--changed-since', 'no-such-branch'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-branch');
    const outside = project({ 'a.py': LOOP('a', 'gateway.charge(p)') });
    expect((await runCli(['scan', '.', '--changed-since', 'main'], outside)).code).toBe(2);
  });

  it('refuses to write a baseline from a changed-lines scan', async () => {
    const dir = history();
    const r = await runCli(['scan', '.', '--changed-since', 'main', '--write-baseline', 'b.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--write-baseline');
  });
});
