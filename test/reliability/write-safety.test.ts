import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runContext } from '../../src/context/index.js';
import { copyExample, NOW, TEST_CATALOGUE } from '../context/helpers.js';
import { spawnCli, startCli } from '../support/spawn-cli.js';

// Every write of a user's file either completes and is verified, or leaves the old file byte for
// byte and exits 2 with the reason (issue 17); a read-only file is refused, not replaced (issue 13).

const EXAMPLES = resolve(fileURLToPath(import.meta.url), '../../../examples');
/** 8 KiB in `ulimit -f` blocks: less than each new file below, more than the CLI needs otherwise. */
const LIMIT_8K = 16;

/** The scan example and its failures YAML in a fresh folder: `--write` rewrites the occurrences (paths differ). */
function scanProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-write-'));
  cpSync(join(EXAMPLES, 'payment-service'), join(dir, 'payment-service'), { recursive: true });
  cpSync(join(EXAMPLES, 'payment-retry-v2-failures.yaml'), join(dir, 'failures.yaml'));
  return dir;
}

/** The context example with a failures YAML made by `context`, ready to merge (the manifold grows to ~11 KB). */
async function mergeProject(): Promise<string> {
  const dir = copyExample();
  await runContext({ manifoldFile: 'manifold.yaml', cwd: dir, now: NOW, catalogue: TEST_CATALOGUE, outFile: 'failures.yaml' });
  return dir;
}

/** No temporary file or lock is left beside the target. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'));
}

describe('under a file-size limit (ulimit -f), a write fails whole and says so', { timeout: 120_000 }, () => {
  it('scan --failures --write: exit 2, the failures YAML byte for byte as before, no "wrote" line', () => {
    const dir = scanProject();
    const before = readFileSync(join(dir, 'failures.yaml'));
    const run = spawnCli(['scan', 'payment-service', '--failures', 'failures.yaml', '--write', '--no-cache', '-q', '--fail-on', 'none'], dir, { fileSizeBlocks: LIMIT_8K });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: Cannot write failures\.yaml: file too large .*\(EFBIG\); the file was not changed/m);
    expect(run.stderr).not.toContain('wrote occurrences_in_codebase');
    expect(readFileSync(join(dir, 'failures.yaml')).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    // Without the limit the same command writes the file.
    expect(spawnCli(['scan', 'payment-service', '--failures', 'failures.yaml', '--write', '--no-cache', '-q', '--fail-on', 'none'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'failures.yaml')).equals(before)).toBe(false);
  });

  it('merge: exit 2, the manifold byte for byte as before, no lock left', async () => {
    const dir = await mergeProject();
    const before = readFileSync(join(dir, 'manifold.yaml'));
    const run = spawnCli(['merge', 'manifold.yaml', '--from', 'failures.yaml'], dir, { fileSizeBlocks: LIMIT_8K });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: Cannot write manifold\.yaml: file too large .*\(EFBIG\); the file was not changed/m);
    expect(run.stdout).not.toContain('Merged');
    expect(readFileSync(join(dir, 'manifold.yaml')).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('context --out: exit 2, the previous output kept', async () => {
    const dir = await mergeProject();
    const before = readFileSync(join(dir, 'failures.yaml'));
    writeFileSync(join(dir, 'failures.yaml'), before.toString('utf8') + '# edited by hand\n');
    const edited = readFileSync(join(dir, 'failures.yaml'));
    const run = spawnCli(['context', 'manifold.yaml', '--now', '2025-01-01', '--out', 'failures.yaml'], dir, { fileSizeBlocks: LIMIT_8K });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: Cannot write failures\.yaml: .*\(EFBIG\)/m);
    expect(readFileSync(join(dir, 'failures.yaml')).equals(edited)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('scan --output and --write-baseline: exit 2, the old files kept', () => {
    const dir = scanProject();
    writeFileSync(join(dir, 'report.json'), 'old report\n');
    writeFileSync(join(dir, 'baseline.json'), 'old baseline\n');
    const report = spawnCli(['scan', 'payment-service', '-f', 'json', '-o', 'report.json', '--no-cache', '-q'], dir, { fileSizeBlocks: 8 });
    expect(report.code, report.stderr).toBe(2);
    expect(report.stderr).toMatch(/^error: Cannot write report\.json: .*\(EFBIG\)/m);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('old report\n');
    const baseline = spawnCli(['scan', 'payment-service', '--write-baseline', 'baseline.json', '--no-cache', '-q'], dir, { fileSizeBlocks: 2 });
    expect(baseline.code, baseline.stderr).toBe(2);
    expect(baseline.stderr).toMatch(/^error: Cannot write baseline\.json: .*\(EFBIG\)/m);
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe('old baseline\n');
    expect(leftovers(dir)).toEqual([]);
  });
});

/** A 64 KiB tmpfs when this process may mount one (root with CAP_SYS_ADMIN), else undefined. */
function smallFileSystem(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const mounted = smallFileSystem();
afterAll(() => {
  if (mounted !== undefined) execFileSync('umount', [mounted]);
});

/** Fills the file system at `dir` until fewer than `free` bytes are left. */
function fill(dir: string, free: number): void {
  const { bavail, bsize } = statfs(dir);
  writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - free)));
}

function statfs(dir: string): { bavail: number; bsize: number } {
  const out = execFileSync('stat', ['-f', '-c', '%a %S', dir], { encoding: 'utf8' }).trim().split(' ');
  return { bavail: Number(out[0]), bsize: Number(out[1]) };
}

// Skipped where the test cannot mount a file system (not root, or no CAP_SYS_ADMIN in a container):
// the file-size limit tests above cover the same code path everywhere.
const fullDisk = mounted !== undefined ? 'on a real full disk (a 64 KiB tmpfs, 4 KiB left)' : 'on a real full disk (skipped: mounting a tmpfs needs root with CAP_SYS_ADMIN)';
describe.skipIf(mounted === undefined)(fullDisk, { timeout: 120_000 }, () => {
  it('scan --failures --write and merge exit 2 and leave their files byte for byte', async () => {
    const root = mounted as string;
    const dir = scanProject();
    const failures = join(root, 'failures.yaml');
    cpSync(join(dir, 'failures.yaml'), failures);
    const manifoldDir = await mergeProject();
    cpSync(join(manifoldDir, 'manifold.yaml'), join(root, 'manifold.yaml'));
    cpSync(join(manifoldDir, 'failures.yaml'), join(manifoldDir, 'from.yaml'));
    const failuresBefore = readFileSync(failures);
    const manifoldBefore = readFileSync(join(root, 'manifold.yaml'));
    fill(root, 4096);

    const scan = spawnCli(['scan', 'payment-service', '--failures', failures, '--write', '--no-cache', '-q', '--fail-on', 'none'], dir);
    expect(scan.code, scan.stderr).toBe(2);
    expect(scan.stderr).toMatch(/Cannot write .*failures\.yaml: (no space left on the device \(ENOSPC\)|the write stopped short \(ESHORT\)); the file was not changed/);
    expect(readFileSync(failures).equals(failuresBefore)).toBe(true);

    const merge = spawnCli(['merge', join(root, 'manifold.yaml'), '--from', 'from.yaml'], manifoldDir);
    expect(merge.code, merge.stderr).toBe(2);
    expect(merge.stderr).toMatch(/Cannot write .*manifold\.yaml: .*(ENOSPC|ESHORT)/);
    expect(readFileSync(join(root, 'manifold.yaml')).equals(manifoldBefore)).toBe(true);
    expect(leftovers(root)).toEqual([]);
  });
});

describe('a read-only file is refused, not replaced', { timeout: 120_000 }, () => {
  it('scan --failures --write, --write-baseline, --output and merge: exit 2, content and mode unchanged', async () => {
    const dir = scanProject();
    const files = ['failures.yaml', 'baseline.json', 'report.json'];
    writeFileSync(join(dir, 'baseline.json'), '{}\n');
    writeFileSync(join(dir, 'report.json'), 'kept\n');
    for (const name of files) chmodSync(join(dir, name), 0o444);
    const before = files.map((name) => readFileSync(join(dir, name)));
    const runs = [
      spawnCli(['scan', 'payment-service', '--failures', 'failures.yaml', '--write', '--no-cache', '-q', '--fail-on', 'none'], dir),
      spawnCli(['scan', 'payment-service', '--write-baseline', 'baseline.json', '--no-cache', '-q', '--fail-on', 'none'], dir),
      spawnCli(['scan', 'payment-service', '-o', 'report.json', '--no-cache', '-q', '--fail-on', 'none'], dir),
    ];
    for (const [i, run] of runs.entries()) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`error: Cannot write ${files[i]}: the file is read-only (EREADONLY); the file was not changed`);
    }
    files.forEach((name, i) => {
      expect(readFileSync(join(dir, name)).equals(before[i]!)).toBe(true);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o444);
    });

    const merging = await mergeProject();
    chmodSync(join(merging, 'manifold.yaml'), 0o444);
    const manifold = readFileSync(join(merging, 'manifold.yaml'));
    const merge = spawnCli(['merge', 'manifold.yaml', '--from', 'failures.yaml'], merging);
    expect(merge.code, merge.stderr).toBe(2);
    expect(merge.stderr).toContain('Cannot write manifold.yaml: the file is read-only');
    expect(readFileSync(join(merging, 'manifold.yaml')).equals(manifold)).toBe(true);
    expect(leftovers(merging)).toEqual([]);
  });
});

describe('two merges into one manifold', { timeout: 120_000 }, () => {
  it('a merge refuses while another live run holds the lock, and takes over a lock its dead holder left', async () => {
    const dir = await mergeProject();
    const before = readFileSync(join(dir, 'manifold.yaml'));
    writeFileSync(join(dir, 'manifold.yaml.lock'), `${process.pid}\n`);
    const refused = spawnCli(['merge', 'manifold.yaml', '--from', 'failures.yaml'], dir);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain(`Cannot write manifold.yaml: another run is writing it (lock file ${join(dir, 'manifold.yaml.lock')}, process ${process.pid})`);
    expect(readFileSync(join(dir, 'manifold.yaml')).equals(before)).toBe(true);

    const gone = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'manifold.yaml.lock'), `${gone}\n`);
    const merged = spawnCli(['merge', 'manifold.yaml', '--from', 'failures.yaml'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readFileSync(join(dir, 'manifold.yaml'), 'utf8')).toContain('T_INC089_1');
    expect(leftovers(dir)).toEqual([]);
  });

  it('run at once, both apply or the second is refused with exit 2; no update is lost', async () => {
    const dir = await mergeProject();
    // A second failures file that adds one constraint the first does not.
    mkdirSync(join(dir, 'b'));
    writeFileSync(
      join(dir, 'b', 'b.yaml'),
      [
        'meta:',
        '  manifold: payment-retry-v2',
        'derived_constraints:',
        '  from_incidents:',
        '    - incident: INC-2024-999',
        '      generated_constraints:',
        '        - id: T_OTHER_1',
        '          type: invariant',
        "          statement: A second writer's constraint is kept",
        '  from_anti_patterns: []',
        '  from_ticket_patterns: []',
        'enriched_failure_modes:',
        '  existing_in_manifold: []',
        '  newly_discovered: []',
        'anti_patterns: []',
        '',
      ].join('\n'),
    );
    const [a, b] = await Promise.all([startCli(['merge', 'manifold.yaml', '--from', 'failures.yaml'], dir), startCli(['merge', 'manifold.yaml', '--from', 'b/b.yaml'], dir)]);
    const text = readFileSync(join(dir, 'manifold.yaml'), 'utf8');
    for (const [run, id] of [
      [a, 'T_INC089_1'],
      [b, 'T_OTHER_1'],
    ] as const) {
      if (run.code === 0) expect(text).toContain(`id: ${id}`);
      else {
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toMatch(/another run is writing it|it changed since it was read/);
      }
    }
    expect([a.code, b.code]).toContain(0);
    expect(leftovers(dir)).toEqual([]);
  });
});
