import type { Command } from 'commander';
import { formatRuleTests, ruleTestsPassed, runRuleTests } from '../../rule-tests/index.js';
import { EXIT_FINDINGS } from '../exit-codes.js';
import type { CliIo } from '../io.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * Registers `faultline test [RULES…] [--fixtures DIR]`: runs rule fixtures and reports missing and
 * unexpected findings; exit 1 (through `process.exitCode`) on any mismatch. Bad rules, config or
 * paths throw ScanErrors, which the CLI turns into exit 2.
 */
export function registerTestCommand(program: Command, io: CliIo): void {
  program
    .command('test')
    .description("run rules' fixtures and check their `expect:` / `ok:` annotations (exit 1 on a mismatch)")
    .argument('[rules...]', 'rule files or folders; fixtures are the files beside a rule named like it, its folder, a tests/ folder, or a folder given')
    .option('--fixtures <dir>', 'a folder of fixtures, walked recursively (repeatable); alone, it tests the built-in rules', collect, [])
    .option('--config <file>', 'config whose vocabulary the rules use (default: faultline.config.yaml in the current folder)')
    .action((paths: string[], opts: { fixtures: string[]; config?: string }) => {
      const report = runRuleTests({ paths, fixtures: opts.fixtures, cwd: io.cwd, config: opts.config });
      io.stdout(formatRuleTests(report));
      if (!ruleTestsPassed(report)) process.exitCode = EXIT_FINDINGS;
    });
}
