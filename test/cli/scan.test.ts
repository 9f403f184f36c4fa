import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

const repo = join(import.meta.dirname, '..', '..');


const RETRY = 'for attempt in range(3):\n    try:\n        gateway.charge(p)\n        break\n    except IOError:\n        send_sms(u, "again")\n';

describe('faultline scan', () => {
  it('scans the bundled example: findings, summary, exit 1 at the default gate', async () => {
    const { code, stdout } = await runCli(['scan', 'examples/payment-service'], repo);
    expect(code).toBe(1);
    expect(stdout).toContain('AP-001: Retry Without Idempotency\n  → Found in codebase: 3 locations (HIGH RISK)');
    expect(stdout).toContain('AP-002: Notification Per Retry\n  → Found in codebase: 1 location (MEDIUM RISK)');
    expect(stdout).toContain('AP-003: Swallowed Ambiguous Response\n  → Found in codebase: 2 locations (HIGH RISK)');
    expect(stdout).toMatch(/Scanned 12 files; 6 findings/);
    expect(stdout).toContain('examples/payment-service/app/jobs/payment_reminder.py:36:');
  });

  it('gates on --fail-on: medium-only findings pass the high gate and fail the medium one', async () => {
    const dir = project({ 'a.py': RETRY.replace('gateway.charge(p)', 'gateway.charge(p, idempotency_key=k)') });
    expect((await runCli(['scan', '.'], dir)).code).toBe(0);
    expect((await runCli(['scan', '.', '--fail-on', 'medium'], dir)).code).toBe(1);
    expect((await runCli(['scan', '.', '--fail-on', 'none'], dir)).code).toBe(0);
  });

  it('writes a versioned JSON report with related locations', async () => {
    const dir = project({ 'a.py': RETRY });
    const { stdout } = await runCli(['scan', '.', '--format', 'json'], dir);
    const report = JSON.parse(stdout) as { version: number; findings: { ruleId: string; file: string; line: number; related: { message: string }[] }[] };
    expect(report.version).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['AP-001 a.py:3', 'AP-002 a.py:6']);
    expect(report.findings[0]?.related[0]?.message).toBe('retried by for attempt in range(3)');
  });

  it('keeps scanning past unreadable, binary, oversized and broken files, reporting each', async () => {
    const dir = project({ 'a.py': RETRY, 'b.py': 'def (:\n' + RETRY, 'c.py': 'x\0y', 'big.py': '#'.repeat(2000) });
    const { stdout, code } = await runCli(['scan', '.', '--format', 'json', '--max-file-size', '1000'], dir);
    const report = JSON.parse(stdout) as { findings: { file: string }[]; errors: { file: string; kind: string }[] };
    expect(code).toBe(1);
    expect(report.errors.map((e) => `${e.file} ${e.kind}`).sort()).toEqual(['b.py syntax', 'big.py too-large', 'c.py binary']);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['a.py', 'b.py']));
  });

  it('honours .gitignore, default excludes and --exclude', async () => {
    const dir = project({ 'a.py': RETRY, 'gen/b.py': RETRY, 'node_modules/x/c.js': 'x', '.gitignore': 'gen/\n', 'skip/d.py': RETRY });
    const { stdout } = await runCli(['scan', '.', '--format', 'json', '--exclude', 'skip/**'], dir);
    expect(new Set((JSON.parse(stdout) as { findings: { file: string }[] }).findings.map((f) => f.file))).toEqual(new Set(['a.py']));
  });

  it('extends vocabularies from faultline.config.yaml', async () => {
    const code = 'for attempt in range(3):\n    try:\n        ledger.book_entry(p)\n        break\n    except IOError:\n        continue\n';
    const dir = project({ 'a.py': code.replace('book_entry', 'settle_up'), 'faultline.config.yaml': 'vocabulary:\n  calls:\n    mutating:\n      names: [ledger.settle_up]\n' });
    const { stdout } = await runCli(['scan', '.', '--format', 'json'], dir);
    expect((JSON.parse(stdout) as { findings: unknown[] }).findings).toHaveLength(1);
  });

  it('takes test and load-test scripts beside the code for test files', async () => {
    const loop = 'for (let i = 0; i < 3; i++) {\n  try {\n    await stripe.charges.create({ amount });\n    break;\n  } catch (e) {}\n}\n';
    const files = { 'scripts/test-checkout.ts': loop, 'scripts/load-test-concurrent.mjs': loop, 'scripts/test_refunds.js': loop, 'scripts/charge.ts': loop };
    const { stdout } = await runCli(['scan', '.', '--format', 'json'], project(files));
    expect((JSON.parse(stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(['scripts/charge.ts']);
  });

  it('leaves out a library copied in with its bower.json, says so, and scans it when the config asks', async () => {
    const loop = 'for (let i = 0; i < 3; i++) {\n  try {\n    await stripe.charges.create({ amount });\n    break;\n  } catch (e) {}\n}\n';
    const files = {
      'bower.json': '{ "name": "app", "dependencies": { "jquery": "2.1.4" } }\n',
      'app.js': loop,
      'static/js/jquery/bower.json': '{ "name": "jquery", "main": "dist/jquery.js" }\n',
      'static/js/jquery/src/effects.js': loop,
      'static/js/widgets/bower.json': '{ "name": "widgets", "dependencies": {} }\n',
      'static/js/widgets/pay.js': loop,
    };
    const quiet = await runCli(['scan', '.', '--format', 'json'], project(files));
    expect((JSON.parse(quiet.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(['app.js', 'static/js/widgets/pay.js']);
    expect(quiet.stderr).toContain('note: skipped 1 file in 1 vendored library (a folder whose bower.json names a main file, or a copy under static/, staticfiles/, public/… with its licence file or banner): static/js/jquery;');
    const all = await runCli(['scan', '.', '--format', 'json'], project({ ...files, 'faultline.config.yaml': 'vendored: { manifests: [] }\n' }));
    expect((JSON.parse(all.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(['app.js', 'static/js/jquery/src/effects.js', 'static/js/widgets/pay.js']);
    expect(all.stderr).not.toContain('vendored');
  });

  it('leaves out a library copied under an asset folder with its licence file or its kept banner, and nothing else', async () => {
    const loop = 'for (let i = 0; i < 3; i++) {\n  try {\n    await stripe.charges.create({ amount });\n    break;\n  } catch (e) {}\n}\n';
    const files = {
      'static/grappelli/tinymce/jscripts/tiny_mce/license.txt': 'GNU LESSER GENERAL PUBLIC LICENSE\n',
      'static/grappelli/tinymce/jscripts/tiny_mce/tiny_mce_src.js': loop,
      'static/plugins/inputmask/inputmask.js': `/*!\n* inputmask.js\n* Licensed under the MIT license\n* Version: 4.0.9\n*/\n${loop}`,
      'public/js/moment.js': `//! moment.js\n//! license : MIT\n${loop}`,
      // The application's own code: a plain licence header, a file about licences, a LICENSE in the asset folder itself.
      'static/js/checkout.js': `/* Licensed under the Apache License, Version 2.0 */\n${loop}`,
      'static/js/licenseService.js': loop,
      'static/js/main.js': `/*!\n * main.js — Main JavaScript for Acme\n */\n${loop}`,
      'assets/LICENSE': 'MIT\n',
      'assets/pay.js': loop,
      // Outside an asset folder a licence file is the project's own package.
      'packages/pay/LICENSE': 'MIT\n',
      'packages/pay/index.js': `/*! pay v1.0.0 */\n${loop}`,
    };
    const quiet = await runCli(['scan', '.', '--format', 'json'], project(files));
    const found = (out: string) => [...new Set((JSON.parse(out) as { findings: { file: string }[] }).findings.map((f) => f.file))];
    expect(found(quiet.stdout)).toEqual(['assets/pay.js', 'packages/pay/index.js', 'static/js/checkout.js', 'static/js/licenseService.js', 'static/js/main.js']);
    expect(quiet.stderr).toContain('note: skipped 3 files in 3 vendored libraries');
    expect(quiet.stderr).toContain('static/grappelli/tinymce/jscripts/tiny_mce');
    const all = await runCli(['scan', '.', '--format', 'json'], project({ ...files, 'faultline.config.yaml': 'vendored: { asset_folders: [] }\n' }));
    expect(found(all.stdout)).toHaveLength(8);
  });

  it("never scans a virtualenv's installed packages, whatever the virtualenv is called", async () => {
    const files = { 'pay.py': RETRY, 'env/Lib/site-packages/vendor/client.py': RETRY, 'py311/lib/python3.11/site-packages/sdk/api.py': RETRY };
    const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], project(files));
    expect((JSON.parse(stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(['pay.py', 'pay.py']);
  });

  it('reports nothing in test files by default, and lowers their findings when asked to', async () => {
    const files = { 'tests/test_pay.py': RETRY, 'e2e/checkout.spec.ts': 'for (let i = 0; i < 3; i++) {\n  try {\n    await stripe.charges.create({ amount });\n    break;\n  } catch (e) {}\n}\n', 'pay.py': RETRY };
    const quiet = await runCli(['scan', '.', '--format', 'json'], project(files));
    expect((JSON.parse(quiet.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)).toEqual(['pay.py', 'pay.py']);
    const lowered = project({ ...files, 'faultline.config.yaml': 'test_files: { risk: low }\n' });
    const { stdout, code } = await runCli(['scan', '.', '--format', 'json'], lowered);
    expect(code).toBe(1);
    const found = (JSON.parse(stdout) as { findings: { file: string; risk: string }[] }).findings.filter((f) => f.file !== 'pay.py');
    expect(found.map((f) => `${f.file} ${f.risk}`)).toEqual(['e2e/checkout.spec.ts low', 'tests/test_pay.py low', 'tests/test_pay.py low']);
  });
});

describe('input errors exit 2 with the file and line', () => {
  it('a missing path', async () => {
    const r = await runCli(['scan', 'no/such/dir'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot scan no/such/dir: no such file or folder');
  });

  it('an unknown option or format', async () => {
    expect((await runCli(['scan', '--bogus'], repo)).code).toBe(2);
    expect((await runCli(['scan', '--format', 'xml'], repo)).code).toBe(2);
  });

  it('a broken config', async () => {
    const dir = project({ 'a.py': RETRY, 'faultline.config.yaml': 'fail_on: severe\n' });
    const r = await runCli(['scan', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/faultline\.config\.yaml:1: fail_on/);
  });

  it('a rule with an unknown key, a bad risk, an unknown matcher, a wrong file name', async () => {
    const base = (extra: string, risk = 'high') =>
      `id: AP-100\nslug: my-rule\ntitle: T\nrisk: ${risk}\nconsequence: c\nmessage: m\nhelp: h\nrationale: r\nlanguages: [python]\nsignature:\n  - call: mutating\n${extra}`;
    const cases: [string, string, RegExp][] = [
      ['AP-100-my-rule.yaml', base('colour: red\n'), /AP-100-my-rule\.yaml:12: top level: unknown key "colour"/],
      ['AP-100-my-rule.yaml', base('', 'severe'), /AP-100-my-rule\.yaml:4: risk: must be high, medium, low \(got "severe"\)/],
      ['AP-100-my-rule.yaml', base('  - inside: nowhere\n'), /AP-100-my-rule\.yaml:12: rule AP-100: `inside` needs a context name/],
      ['AP-100-my-rule.yaml', base('  - frobnicate: x\n'), /names the matcher "frobnicate", which does not exist/],
      ['wrong-name.yaml', base(''), /its name must be AP-100-my-rule\.yaml/],
      ['AP-100-my-rule.yaml', 'id: [unclosed\n', /AP-100-my-rule\.yaml:\d+: invalid YAML/],
    ];
    for (const [name, text, message] of cases) {
      const dir = project({ 'a.py': RETRY, [`rules/${name}`]: text });
      const r = await runCli(['scan', '.', '--rules', 'rules'], dir);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('faultline rules', () => {
  it('lists id, slug, risk and languages', async () => {
    const { stdout, code } = await runCli(['rules'], repo);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^AP-001\s+retry-without-idempotency\s+high\s+python, typescript, javascript/m);
  });
});
