import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES_HELP, SUPPRESSIONS_HELP } from '../../src/cli/help-text.js';
import { runCli } from '../support/cli.js';

const repo = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
/** The README's CLI synopsis: the first code block under "## CLI". */
const synopsis = /## CLI\n\n```\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';

/** The README's lines for one command: from `faultline <command>` to the next `faultline …` line. */
function readmeSection(command: string): string {
  const lines = synopsis.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`faultline ${command} `) || l === `faultline ${command}`);
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && l.startsWith('faultline '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

const flags = (text: string) => new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]).filter((f) => f !== '--help'));

describe('--help and the README agree', () => {
  it('lists every command of --help in the README synopsis', async () => {
    const help = (await runCli(['--help'], repo)).stdout;
    const commands = [...help.split('Commands:')[1]!.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['scan', 'rules', 'explain', 'compile', 'context', 'merge']));
    for (const command of commands) expect(readmeSection(command), command).not.toBe('');
  });

  for (const command of ['scan', 'rules', 'explain', 'compile', 'context', 'merge']) {
    it(`faultline ${command}: the same options in --help and in the README`, async () => {
      const help = (await runCli([command, '--help'], repo)).stdout;
      expect([...flags(readmeSection(command))].sort()).toEqual([...flags(help.split('Options:')[1] ?? '')].sort());
    });
  }

  it('the exit codes and the suppression syntax, word for word', async () => {
    for (const argv of [['--help'], ['scan', '--help']]) {
      const help = (await runCli(argv, repo)).stdout;
      expect(help).toContain(EXIT_CODES_HELP);
      expect(help).toContain(SUPPRESSIONS_HELP);
    }
    expect(readme).toContain(EXIT_CODES_HELP);
    expect(readme).toContain(SUPPRESSIONS_HELP);
  });
});
