import type { Command } from 'commander';

/** A repeatable option's parser: each use appends its value. */
export const collect = (value: string, previous: string[]) => [...previous, value];

/** What `--rules`, `--no-builtin` and `--config` give a command that loads the rule set without scanning. */
export interface RuleSetFlags {
  rules: string[];
  builtin: boolean;
  config?: string;
}

/** Adds `--rules`, `--no-builtin` and `--config` (looked up from the current folder) to `command`. */
export function withRuleSetOptions(command: Command): Command {
  return command
    .option('--rules <path>', 'extra rule file or folder (repeatable; a folder without rule files is an error)', collect, [])
    .option('--no-builtin', 'do not load the built-in rules')
    .option('--config <file>', 'config file (default: the nearest faultline.config.yaml at or above the current folder)');
}
