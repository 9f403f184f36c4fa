import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { VocabularySchema } from '../matchers/index.js';
import { describeSchemaProblem, parseYamlSource } from '../yaml-source.js';
import { BYTE_SIZE_FORMS, parseByteSize } from './byte-size.js';


/** `max_file_size`: what `--max-file-size` takes (a number, or text with K or M). */
const ByteSize = z.unknown().transform((value, ctx) => {
  const bytes = typeof value === 'number' ? value : typeof value === 'string' ? parseByteSize(value) : undefined;
  if (bytes === undefined || !Number.isInteger(bytes) || bytes <= 0) {
    ctx.addIssue({ code: 'custom', message: `must be ${BYTE_SIZE_FORMS}, above 0 (got ${JSON.stringify(value)})` });
    return z.NEVER;
  }
  return bytes;
});

/** `faultline.config.yaml`: everything optional; unknown keys are refused. */
export const ConfigSchema = z
  .object({
    /** Extends the built-in vocabularies (lists are appended). */
    vocabulary: VocabularySchema.optional(),
    /** Extra rule files or folders, relative to the config file. */
    rules: z.array(z.string()).default([]),
    /** Turn built-in rules off by id. */
    disable: z.array(z.string()).default([]),
    include: z.array(z.string()).default([]),
    exclude: z.array(z.string()).default([]),
    /** Files larger than this many bytes are skipped with a warning. */
    max_file_size: ByteSize.default(1024 * 1024),
    fail_on: z.enum(['high', 'medium', 'low', 'none']).optional(),
    /**
     * Findings in test files: `off` (the default) reports none, since retries and sends in tests
     * and e2e specs never reach production; a risk reports them at that risk; `keep` at the rule's.
     */
    test_files: z
      .object({ risk: z.enum(['off', 'high', 'medium', 'low', 'keep']).default('off'), patterns: z.array(z.string()).optional() })
      .strict()
      .prefault({}),
    /**
     * Libraries copied into the project, left out of the scan: a folder below the scanned one
     * holding one of these `manifests`, naming a `main` entry file (a bower package under
     * `static/js/`); and, below an `asset_folders` folder (where web apps keep the browser code they
     * serve, their own and copied), a folder holding a `licence_files` file (TinyMCE's
     * `license.txt`) or a file whose opening comment carries one of the `banner_tags`, or opens
     * with one of the `banner_marks` and names a licence, a copyright (`banner_words`) or a version
     * `x.y.z` (the `/*! inputmask.js … Version: 4.0.9` banner a library marks for minifiers to
     * keep; an application's `/*! main.js — our app` names none). An
     * application's own code carries neither (a licence header such as Apache's is plain `/*`), and
     * a licence file outside an asset folder (a monorepo package's LICENSE) is no sign of a copy.
     * `manifests: []` and `asset_folders: []` scan them.
     */
    vendored: z
      .object({
        manifests: z.array(z.string()).default(['bower.json']),
        asset_folders: z
          .array(z.string())
          .default(['static', 'staticfiles', 'public', 'assets', 'vendor', 'third_party', 'thirdparty', 'third-party', 'wwwroot', 'bower_components']),
        licence_files: z.array(z.string()).default(['license', 'licence', 'copying']),
        banner_tags: z.array(z.string()).default(['@license', '@preserve']),
        banner_marks: z.array(z.string()).default(['/*!', '//!']),
        banner_words: z.array(z.string()).default(['license', 'licence', 'copyright', '(c)', '©']),
      })
      .strict()
      .prefault({}),
    /** Sources for `faultline context` (owned by that command). */
    context: z.unknown().optional(),
  })
  .strict();

export type Config = z.output<typeof ConfigSchema> & {
  file: string | undefined;
  dir: string;
  /** The line of a key path in the config file (for errors found after loading it). */
  lineOf(path: readonly (string | number)[]): number | undefined;
};

/**
 * Loads the config `file` (it must exist), or the defaults when there is none (`dir` is then
 * `root`). Relative rule paths, `include` and `exclude` globs are relative to the config's folder.
 * @throws ConfigError naming the file and line.
 */
export function loadConfig(file: string | undefined, root: string): Config {
  if (file === undefined) return { ...ConfigSchema.parse({}), file: undefined, dir: root, lineOf: () => undefined };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`Cannot read config ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, {
      file,
      cause,
      help: 'Check the path given to --config.',
    });
  }
  const yaml = parseYamlSource(text);
  if (!yaml.ok) {
    throw new ConfigError(`Cannot load config ${file}:${yaml.line}: invalid YAML: ${yaml.message}`, { file, line: yaml.line, help: 'Fix the YAML syntax at that line.' });
  }
  const parsed = ConfigSchema.safeParse(yaml.source.data ?? {});
  if (!parsed.success) {
    const { where, message, line } = describeSchemaProblem(yaml.source, parsed.error);
    throw new ConfigError(`Cannot load config ${file}:${line}: ${where}: ${message}`, { file, line, help: 'See "Configuration" in the README.' });
  }
  const dir = dirname(resolve(file));
  const source = yaml.source;
  return { ...parsed.data, rules: parsed.data.rules.map((r) => (isAbsolute(r) ? r : join(dir, r))), file, dir, lineOf: (path) => source.lineOf([...path]) };
}

