import { loadSetup } from '../config/load-setup.js';
import type { Rule } from '../engine/rule.js';
import type { Risk, RuleLanguage } from '../engine/types.js';

/** What `loadRules()` takes: the same rule sources as `faultline scan`. */
export interface LoadRulesOptions {
  /** Folder relative paths resolve against, where `faultline.config.yaml` is looked up (default: `process.cwd()`). */
  cwd?: string;
  /** Extra rule files or folders. */
  rules?: readonly string[];
  /** Load the built-in rules (default true). */
  builtin?: boolean;
  /** Config file (its `rules:` and `disable:` apply). */
  config?: string;
}

/** A loaded rule as data: what `faultline rules --format json` prints. */
export interface RuleInfo {
  id: string;
  slug: string;
  title: string;
  risk: Risk;
  languages: RuleLanguage[];
  message: string;
  help: string;
  rationale: string;
  consequence: string;
  /** The file the rule came from. */
  source: string;
  incidents: string[];
  tags: string[];
  cwe: string[];
  deprecated?: string;
}

/** The public view of a loaded rule. */
export function ruleInfo(rule: Rule): RuleInfo {
  return {
    id: rule.id,
    slug: rule.slug,
    title: rule.title,
    risk: rule.risk,
    languages: [...rule.languages],
    message: rule.message,
    help: rule.help,
    rationale: rule.rationale,
    consequence: rule.consequence,
    source: rule.source,
    incidents: rule.metadata?.incidents ?? [],
    tags: rule.metadata?.tags ?? [],
    cwe: rule.metadata?.cwe ?? [],
    ...(rule.deprecated !== undefined ? { deprecated: rule.deprecated } : {}),
  };
}

/**
 * Loads and validates the rules a scan would use (built-ins, the config's, `rules`), in registry
 * order. @throws ScanError subclasses naming the file and line of a bad rule or config.
 */
export function loadRules(options: LoadRulesOptions = {}): RuleInfo[] {
  const { rules } = loadSetup({ paths: ['.'], cwd: options.cwd ?? process.cwd(), config: options.config, rules: options.rules ?? [], builtin: options.builtin ?? true });
  return rules.map(ruleInfo);
}
