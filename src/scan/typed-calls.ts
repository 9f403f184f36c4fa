import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { MethodDeclaration, Node as TsNode, Project, SourceFile } from 'ts-morph';
import type { TypedAnswer, TypedResolver } from '../engine/link.js';
import type { ScanWarning } from '../engine/types.js';

// ts-morph brings the whole TypeScript compiler: loaded on the first question, not at start-up.
const requireModule = createRequire(import.meta.url);
type TsMorph = typeof import('ts-morph');
let tsMorph: TsMorph | undefined;
const morph = (): TsMorph => (tsMorph ??= requireModule('ts-morph') as TsMorph);

export interface TypedResolution {
  resolver: TypedResolver;
  warnings: ScanWarning[];
  /**
   * Every file the type checker read to answer (relative to cwd, TypeScript's own library
   * excepted): the answers hold while none of them changes. Null when it was never started.
   */
  filesRead(): string[] | null;
}

/** Distinct method calls the type checker is asked about per scan; later ones keep their syntax-level verdicts. */
export const MAX_TYPED_CALLS = 5000;

/**
 * Resolves method calls on typed objects (`this.payments.settle()` where `payments` is a
 * `PaymentsService` of the project) with ts-morph, to the file and `Class.method` they run.
 *
 * Lazy and bounded: nothing is loaded until the link step asks about a call (it asks only when the
 * finding's other conditions hold); then only the files asked about are added (the checker pulls in
 * what they import), with the project's tsconfig when the scan root or git root has one. After
 * `maxCalls` distinct calls (a count, so the cut is the same in every run) every further call
 * stays unresolved, with one warning; `budgetMs` is a wall-clock safety net above that. Any failure leaves calls
 * unresolved with a warning: the syntax-level verdicts stand.
 */
export function resolveTypedCalls(options: {
  cwd: string;
  roots: readonly string[];
  budgetMs: number;
  /** How many distinct calls may be asked about (default {@link MAX_TYPED_CALLS}). */
  maxCalls?: number;
  /** Answers already known for these inputs (from the cache); new answers are added to it. */
  known?: Map<string, TypedAnswer>;
}): TypedResolution {
  const warnings: ScanWarning[] = [];
  const results = options.known ?? new Map<string, TypedAnswer>();
  const files = new Map<string, SourceFile | undefined>();
  let project: Project | null | undefined;
  let started = 0;
  let stopped = false;
  const load = (): Project | null => {
    if (project !== undefined) return project;
    started = Date.now();
    try {
      const { Project, ts } = morph();
      const tsconfig = tsconfigPath(options.roots);
      project = tsconfig
        ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true, noEmit: true } })
        : new Project({
            compilerOptions: {
              allowJs: true,
              noEmit: true,
              target: ts.ScriptTarget.ES2022,
              module: ts.ModuleKind.ESNext,
              moduleResolution: ts.ModuleResolutionKind.Bundler,
              // The default libraries for ES2022 include the DOM's, the largest of all (about half
              // of building the program); calls into a library are never followed anyway.
              lib: ['lib.es2022.d.ts'],
            },
          });
    } catch (error) {
      warnings.push({ file: '.', kind: 'types', message: `type-aware analysis is off: ${error instanceof Error ? error.message : String(error)}` });
      project = null;
    }
    return project;
  };
  const asked = new Set<string>();
  const maxCalls = options.maxCalls ?? MAX_TYPED_CALLS;
  const resolver: TypedResolver = (file, line, column) => {
    const key = `${file}:${line}:${column}`;
    // The limit counts every call asked about, answered from the cache or not, in the link step's
    // fixed order: the same calls are resolved whether the run is cold, warm or on more threads.
    if (!asked.has(key)) {
      if (asked.size >= maxCalls) {
        if (!stopped) warnings.push({ file, kind: 'types', message: `type-aware analysis stopped after ${maxCalls} method calls; remaining method calls keep their syntax-level verdicts` });
        stopped = true;
        return null;
      }
      asked.add(key);
    }
    if (results.has(key)) return results.get(key) ?? null;
    const p = load();
    if (p === null || stopped) return null;
    // A safety net far above what the call limit needs; hitting it depends on the machine, so the
    // warning it leaves keeps the result out of the cache.
    if (Date.now() - started > options.budgetMs) {
      stopped = true;
      warnings.push({ file, kind: 'types', message: `type-aware analysis stopped after ${options.budgetMs} ms; remaining method calls keep their syntax-level verdicts` });
      return null;
    }
    let hit: TypedAnswer = null;
    try {
      if (!files.has(file)) files.set(file, p.addSourceFileAtPathIfExists(resolve(options.cwd, file)));
      const sf = files.get(file);
      const target = sf && declarationAt(sf, line, column);
      const rel = (t: TypedTarget): TypedTarget => ({ file: relative(options.cwd, t.file).split(sep).join('/'), name: t.name });
      if (target) hit = { ...rel(target), ...(target.also ? { also: target.also.map(rel) } : {}) };
      results.set(key, hit);
    } catch (error) {
      // Not remembered: the next scan asks again (and warns again).
      warnings.push({ file, kind: 'types', message: `cannot resolve the call at line ${line}: ${error instanceof Error ? error.message : String(error)}` });
    }
    return hit;
  };
  const filesRead = (): string[] | null => {
    if (project === undefined || project === null || files.size === 0) return null;
    try {
      const program = project.getProgram().compilerObject;
      return program
        .getSourceFiles()
        .filter((sf) => !program.isSourceFileDefaultLibrary(sf))
        .map((sf) => relative(options.cwd, sf.fileName).split(sep).join('/'))
        .sort();
    } catch {
      return null; // the answers are then not kept
    }
  };
  return { resolver, warnings, filesRead };
}

/** The tsconfig.json the type checker uses: the first of `roots` (scan root, git root) that has one. */
export function tsconfigPath(roots: readonly string[]): string | undefined {
  return roots.map((r) => join(r, 'tsconfig.json')).find((p) => existsSync(p));
}

/** `Class.method` of a method declared in a named class, with its file. */
function classMethod(decl: MethodDeclaration): TypedTarget | null {
  const { Node } = morph();
  const cls = decl.getParent();
  const className = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
  return className ? { file: decl.getSourceFile().getFilePath(), name: `${className}.${decl.getName()}` } : null;
}

/** The project's class methods with a body that implement an interface or abstract method (the checker's "go to implementation"). */
function implementationsOf(name: TsNode): TypedTarget[] {
  const { Node } = morph();
  const out: TypedTarget[] = [];
  for (const location of Node.isIdentifier(name) ? name.getImplementations() : []) {
    const node = location.getNode();
    const method = Node.isMethodDeclaration(node) ? node : node.getFirstAncestor((n) => Node.isMethodDeclaration(n));
    if (!Node.isMethodDeclaration(method) || !method.hasBody()) continue;
    const file = method.getSourceFile();
    if (file.isDeclarationFile() || file.getFilePath().includes(`${sep}node_modules${sep}`)) continue;
    const target = classMethod(method);
    if (target !== null && !out.some((t) => t.file === target.file && t.name === target.name)) out.push(target);
  }
  return out;
}

type TypedTarget = { file: string; name: string };

/** The function or method declaration the call starting at (line, column) invokes. */
function declarationAt(sf: SourceFile, line: number, column: number): (TypedTarget & { also?: TypedTarget[] }) | null {
  const pos = sf.compilerNode.getPositionOfLineAndCharacter(line - 1, column - 1);
  const { Node } = morph();
  let node: TsNode | undefined = sf.getDescendantAtPos(pos);
  while (node !== undefined && !(Node.isCallExpression(node) && node.getStart() === pos)) node = node.getParent();
  if (node === undefined || !Node.isCallExpression(node)) return null;
  const expr = node.getExpression();
  const symbol = Node.isPropertyAccessExpression(expr) ? expr.getNameNode().getSymbol() : expr.getSymbol();
  const real = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  const decl = real?.getDeclarations()[0];
  if (decl === undefined) return null;
  const file = decl.getSourceFile().getFilePath();
  if (file.includes(`${sep}node_modules${sep}`) || decl.getSourceFile().isDeclarationFile()) return null;
  // A method of an interface or an abstract one has no body: what runs is one of the class
  // methods that implement it (`gateway.createPayment()` on a `PaymentGateway`).
  if (Node.isMethodSignature(decl) || (Node.isMethodDeclaration(decl) && !decl.hasBody())) {
    const [first, ...also] = implementationsOf(decl.getNameNode());
    return first === undefined ? null : { ...first, ...(also.length > 0 ? { also } : {}) };
  }
  if (Node.isMethodDeclaration(decl)) return classMethod(decl);
  // `public addMovie = async (…) => {…}`: a class field holding a function is a method too.
  if (Node.isPropertyDeclaration(decl)) {
    const value = decl.getInitializer();
    const cls = decl.getParent();
    const className = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
    return className && (Node.isArrowFunction(value) || Node.isFunctionExpression(value)) ? { file, name: `${className}.${decl.getName()}` } : null;
  }
  if (Node.isFunctionDeclaration(decl)) {
    const name = decl.getName();
    return name ? { file, name } : null;
  }
  return null;
}
