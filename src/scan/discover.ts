import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { InputPathError } from '../errors.js';
import { SOURCE_EXTENSIONS } from '../engine/languages.js';

/** Folders and files never scanned: dependencies, build output, virtualenvs, caches, minified code. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/build/**',
  '**/.venv/**',
  '**/venv/**',
  // Installed packages, whatever the virtualenv is called (`env/Lib/site-packages`, `lib/python3.11/site-packages`).
  '**/site-packages/**',
  '**/__pycache__/**',
  '**/*.min.js',
];

/** Globs, the folder they are relative to, and where they were given (named in messages). */
export interface GlobSet {
  patterns: readonly string[];
  base: string;
  /** `--exclude`, `exclude in faultline.config.yaml`, … */
  origin: string;
}

export interface DiscoverOptions {
  /** When any set has patterns, only files one of them matches are scanned. */
  include: readonly GlobSet[];
  exclude: readonly GlobSet[];
  /** Honour `.gitignore` files (off with --no-ignore). */
  gitignore: boolean;
  /**
   * Package manifests that mark a folder as a library copied into the project (config
   * `vendored.manifests`, default `bower.json`): a folder below the scanned one whose manifest
   * names a `main` entry file is another project's code (`static/js/jquery/bower.json`), and its
   * files are left out. The project's own manifest (in the scanned folder itself) names none.
   */
  vendoredManifests?: readonly string[];
  /**
   * The other signs of a copied library (config `vendored`), read only below a folder with one of
   * the `assetFolders` names: a folder holding a licence file (a name starting with one of
   * `licenceFiles`, any case: `license.txt`, `LICENSE-JQUERY.txt`), or a file whose opening comment
   * carries one of `bannerTags`, or opens with one of `bannerMarks` and names one of `bannerWords`
   * or a version.
   */
  vendoredAssets?: VendoredAssetSigns;
}

export interface VendoredAssetSigns {
  assetFolders: readonly string[];
  licenceFiles: readonly string[];
  bannerTags: readonly string[];
  bannerMarks: readonly string[];
  bannerWords: readonly string[];
}

/** What one path given to the scan holds, and why supported files were left out (told when nothing is left). */
export interface PathDiscovery {
  path: string;
  /** Files to scan under it. */
  found: number;
  /** Supported files left out, by the `.gitignore` file that ignores them. */
  gitignored: Map<string, number>;
  /** Supported files left out, by the origin of the glob that excludes them (or `--include …` not matching). */
  excluded: Map<string, number>;
  /** The path is a file faultline has no language for. */
  unsupported: boolean;
  /** Supported files left out because they sit in a vendored library folder, by that folder (relative to the path). */
  vendored: Map<string, number>;
}

/** The files to scan, and what each path contributed. */
export interface Discovery {
  files: string[];
  paths: PathDiscovery[];
}

/**
 * The source files under the given paths, absolute, sorted, without duplicates. A path that is a
 * file is taken as it is (even when ignored or excluded: naming a file is asking for it); a folder
 * is walked with the default excludes, `.gitignore` files (each applying below its folder) and the
 * include/exclude globs. A glob matches a file when it matches the file's path relative to the
 * glob's base (the current folder for the command line, the config's folder for the config) or
 * relative to the scanned folder; a glob without a slash matches a file or folder name at any
 * depth, and a folder's path stands for everything under it.
 * @throws InputPathError when a path does not exist.
 */
export function discoverFiles(paths: readonly string[], cwd: string, options: DiscoverOptions): Discovery {
  const out = new Set<string>();
  const discovery: Discovery = { files: [], paths: [] };
  const extGlob = `**/*.{${SOURCE_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
  const includes = options.include.filter((s) => s.patterns.length > 0).map(compileGlobSet);
  const excludes = options.exclude.filter((s) => s.patterns.length > 0).map(compileGlobSet);
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) {
      throw new InputPathError(`Cannot scan ${p}: no such file or folder`, { file: p, help: 'Check the path; faultline scan takes files and folders.' });
    }
    const here: PathDiscovery = { path: p, found: 0, gitignored: new Map(), excluded: new Map(), unsupported: false, vendored: new Map() };
    discovery.paths.push(here);
    if (!statSync(abs).isDirectory()) {
      if (isSupported(abs)) {
        out.add(abs);
        here.found++;
      } else here.unsupported = true;
      continue;
    }
    const gitignores = options.gitignore ? gitignoreMatchers(abs) : [];
    const library = vendoredFolders(abs, options.vendoredManifests ?? [], options.vendoredAssets);
    const files = fg.sync([extGlob], {
      cwd: abs,
      absolute: true,
      dot: false,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: [...DEFAULT_EXCLUDES],
      suppressErrors: true,
    });
    for (const f of files) {
      if (!isSupported(f)) continue;
      const ignoredBy = gitignores.find((m) => m.ignores(f));
      if (ignoredBy !== undefined) {
        count(here.gitignored, ignoredBy.file);
        continue;
      }
      const excludedBy = excludes.find((m) => m.matches(f, abs));
      if (excludedBy !== undefined) {
        count(here.excluded, excludedBy.origin);
        continue;
      }
      if (includes.length > 0 && !includes.some((m) => m.matches(f, abs))) {
        count(here.excluded, `not matching ${includes.map((m) => m.origin).join(' or ')}`);
        continue;
      }
      const vendoredIn = library(f);
      if (vendoredIn !== null) {
        count(here.vendored, vendoredIn);
        continue;
      }
      out.add(f);
      here.found++;
    }
  }
  discovery.files = [...out].sort();
  return discovery;
}

/**
 * The library folder a file sits in (relative to the scanned folder), or null: the outermost folder
 * between the file and the scanned folder (not the scanned folder itself) that holds one of the
 * manifests naming a `main` entry file; else, below an asset folder (`static/`, `public/`), the
 * outermost folder under it holding a licence file; else, below an asset folder, the file's own
 * folder when the file opens with a library's licence banner. Each folder is looked at once per walk.
 */
function vendoredFolders(root: string, manifests: readonly string[], assets: VendoredAssetSigns | undefined): (file: string) => string | null {
  const byManifest = manifestLibraries(root, manifests);
  const byAsset = assets === undefined || assets.assetFolders.length === 0 ? () => null : assetLibraries(root, assets);
  return (file) => byManifest(file) ?? byAsset(file);
}

/** How many bytes of a file the banner is looked for in: a library's banner opens the file. */
const BANNER_BYTES = 2048;

/**
 * Copies below an asset folder. Only there: an application's own package (a monorepo's
 * `packages/pay/LICENSE`) carries a licence file too, and its source files licence headers; a web
 * app's served folder is where copies of browser libraries land, each with the licence it ships.
 */
function assetLibraries(root: string, signs: VendoredAssetSigns): (file: string) => string | null {
  const assetNames = new Set(signs.assetFolders.map((n) => n.toLowerCase()));
  const licencePrefixes = signs.licenceFiles.map((n) => n.toLowerCase()).filter((n) => n !== '');
  const lower = (list: readonly string[]) => list.map((w) => w.toLowerCase()).filter((w) => w !== '');
  const banner: Banner = { tags: lower(signs.bannerTags), marks: lower(signs.bannerMarks), words: lower(signs.bannerWords) };
  const licensed = new Map<string, boolean>();
  const holdsLicence = (dir: string): boolean => {
    let hit = licensed.get(dir);
    if (hit === undefined) {
      try {
        hit = licencePrefixes.length > 0 && readdirSync(dir).some((name) => isLicenceFile(name, licencePrefixes));
      } catch {
        hit = false;
      }
      licensed.set(dir, hit);
    }
    return hit;
  };
  return (file) => {
    const parts = toSlashes(relative(root, dirname(file))).split('/');
    const asset = parts.findIndex((p) => assetNames.has(p.toLowerCase()));
    if (asset < 0 || dirname(file) === root) return null;
    // Folders strictly below the asset folder, outermost first: the asset folder itself is the
    // application's (its LICENSE, if any, is the application's licence).
    for (let end = asset + 2; end <= parts.length; end++) {
      const rel = parts.slice(0, end).join('/');
      if (holdsLicence(join(root, rel))) return rel;
    }
    return banner.tags.length + banner.marks.length > 0 && opensWithBanner(file, banner) ? parts.join('/') : null;
  };
}

/**
 * `LICENSE`, `license.txt`, `LICENSE-JQUERY.txt`, `COPYING.md`: the name, or the name followed by
 * `.`, `-` or `_`, and not a source file (`licenseService.js` is code about licences).
 */
function isLicenceFile(name: string, prefixes: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return !isSupported(lower) && prefixes.some((p) => lower === p || (lower.startsWith(p) && '.-_'.includes(lower.charAt(p.length))));
}

interface Banner {
  tags: readonly string[];
  marks: readonly string[];
  words: readonly string[];
}

/** A release number (`v3.4.1`, `Version: 4.0.9`, `v.4.3.35`): what a library's banner states and an application's file does not. */
const RELEASE = /\bv?\.?\s*\d+\.\d+\.\d+\b/;

/**
 * Whether the file's opening comment (after blank lines and a shebang) is a library's banner: it
 * carries a tag a library puts there so that minifiers keep it (`@license`, `@preserve`), or opens
 * with a kept-comment mark (`/*!`, `//!`) and names a licence, a copyright or a release number
 * (`/*! jQuery v3.4.1 | (c) JS Foundation`). An application's own file has no reason for the tags,
 * and a `/*!` on one (`/*! main.js — our app`) names none of the rest.
 */
function opensWithBanner(file: string, banner: Banner): boolean {
  let head: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(BANNER_BYTES);
      head = buf.subarray(0, readSync(fd, buf, 0, BANNER_BYTES, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  const text = head.replace(/^\uFEFF/, '').replace(/^#![^\n]*\n/, '').trimStart();
  let comment: string;
  if (text.startsWith('/*')) {
    const end = text.indexOf('*/');
    comment = end < 0 ? text : text.slice(0, end + 2);
  } else if (text.startsWith('//')) {
    const lines = text.split('\n');
    const run = lines.findIndex((l) => !/^\s*\/\//.test(l));
    comment = (run < 0 ? lines : lines.slice(0, run)).join('\n');
  } else return false;
  const normal = comment.toLowerCase();
  if (banner.tags.some((t) => normal.includes(t))) return true;
  return banner.marks.some((m) => normal.startsWith(m)) && (banner.words.some((w) => normal.includes(w)) || RELEASE.test(normal));
}

/** Folders below the scanned one whose manifest names a `main` entry file (a bower package). */
function manifestLibraries(root: string, manifests: readonly string[]): (file: string) => string | null {
  if (manifests.length === 0) return () => null;
  const known = new Map<string, string | null>();
  const holdsLibrary = (dir: string): boolean =>
    manifests.some((m) => {
      const at = join(dir, m);
      if (!existsSync(at)) return false;
      try {
        const data = JSON.parse(readFileSync(at, 'utf8')) as { main?: unknown };
        return data !== null && typeof data === 'object' && data.main !== undefined && data.main !== '';
      } catch {
        return false;
      }
    });
  const libraryOf = (dir: string): string | null => {
    if (dir === root || !dir.startsWith(root + sep)) return null;
    let hit = known.get(dir);
    if (hit === undefined) {
      const outer = libraryOf(dirname(dir));
      hit = outer ?? (holdsLibrary(dir) ? toSlashes(relative(root, dir)) : null);
      known.set(dir, hit);
    }
    return hit;
  };
  return (file) => libraryOf(dirname(file));
}

function isSupported(file: string): boolean {
  return SOURCE_EXTENSIONS.some((e) => file.toLowerCase().endsWith(e));
}

interface CompiledGlobSet {
  origin: string;
  matches(file: string, scannedFolder: string): boolean;
}

function compileGlobSet(set: GlobSet): CompiledGlobSet {
  // As in a .gitignore: `legacy` or `legacy/` is also the folder and everything under it, and a
  // name without a slash matches at any depth.
  const patterns = set.patterns.flatMap((p) => {
    const trimmed = toSlashes(p).replace(/^\.\//, '').replace(/\/+$/, '');
    const anchored = trimmed.includes('/') ? trimmed : `**/${trimmed}`;
    return anchored.endsWith('/**') ? [anchored] : [anchored, `${anchored}/**`];
  });
  const isMatch = picomatch(patterns, { dot: true });
  return {
    origin: set.origin,
    matches(file, scannedFolder) {
      const candidates = [relative(set.base, file), relative(scannedFolder, file)].filter((r) => r !== '' && !r.startsWith('..') && !isAbsolute(r));
      return isMatch(toSlashes(file)) || candidates.some((r) => isMatch(toSlashes(r)));
    },
  };
}

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}

interface GitignoreAt {
  file: string;
  ignores(file: string): boolean;
}

/** `.gitignore` files in `root`, its ancestors up to the git root, and below it. */
function gitignoreMatchers(root: string): GitignoreAt[] {
  const found: string[] = [];
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.gitignore')) && dir !== root) found.push(join(dir, '.gitignore'));
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  found.push(
    ...fg.sync('**/.gitignore', { cwd: root, absolute: true, dot: true, ignore: DEFAULT_EXCLUDES as string[], suppressErrors: true }),
  );
  return found.map((file) => {
    const dir = dirname(file);
    const rules: Ignore = ignore().add(readFileSync(file, 'utf8'));
    return { file, ignores: (f: string) => f.startsWith(dir + sep) && rules.ignores(toSlashes(relative(dir, f))) };
  });
}
