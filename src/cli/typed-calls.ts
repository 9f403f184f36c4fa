import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Node, Project, ts, type SourceFile } from 'ts-morph';
import type { TypedResolver } from '../engine/link.js';
import type { ScanWarning } from '../engine/types.js';

/** A method call whose target only the type checker knows, by the position of the call. */
export interface TypedRequest {
  file: string;
  line: number;
  column: number;
}

export interface TypedResolution {
  resolver: TypedResolver;
  warnings: ScanWarning[];
}

/**
 * Resolves method calls on typed objects (`this.payments.settle()` where `payments` is a
 * `PaymentsService` of the project) with ts-morph, to the file and `Class.method` they run.
 *
 * Bounded and optional: only the files that hold such calls are added (the checker pulls in what
 * they import), the project's tsconfig is used when the scan root or git root has one, and the work
 * stops at `budgetMs`. Any failure leaves calls unresolved with a warning: the syntax-level
 * verdicts stand.
 */
export function resolveTypedCalls(requests: readonly TypedRequest[], options: { cwd: string; roots: readonly string[]; budgetMs: number }): TypedResolution {
  const results = new Map<string, { file: string; name: string }>();
  const warnings: ScanWarning[] = [];
  const resolver: TypedResolver = (file, line, column) => results.get(`${file}:${line}:${column}`) ?? null;
  if (requests.length === 0) return { resolver, warnings };
  const started = Date.now();
  let project: Project;
  try {
    const tsconfig = options.roots.map((r) => join(r, 'tsconfig.json')).find((p) => existsSync(p));
    project = tsconfig
      ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true, noEmit: true } })
      : new Project({
          compilerOptions: { allowJs: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
        });
  } catch (error) {
    warnings.push({ file: '.', kind: 'types', message: `type-aware analysis is off: ${error instanceof Error ? error.message : String(error)}` });
    return { resolver, warnings };
  }
  const files = new Map<string, SourceFile | undefined>();
  for (const [i, req] of requests.entries()) {
    if (Date.now() - started > options.budgetMs) {
      warnings.push({ file: req.file, kind: 'types', message: `type-aware analysis stopped after ${options.budgetMs} ms; ${requests.length - i} method calls left to syntax-level verdicts` });
      break;
    }
    try {
      if (!files.has(req.file)) files.set(req.file, project.addSourceFileAtPathIfExists(resolve(options.cwd, req.file)));
      const sf = files.get(req.file);
      const target = sf && declarationAt(sf, req.line, req.column);
      if (target) results.set(`${req.file}:${req.line}:${req.column}`, { file: relative(options.cwd, target.file).split(sep).join('/'), name: target.name });
    } catch (error) {
      warnings.push({ file: req.file, kind: 'types', message: `cannot resolve the call at line ${req.line}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { resolver, warnings };
}

/** The function or method declaration the call starting at (line, column) invokes. */
function declarationAt(sf: SourceFile, line: number, column: number): { file: string; name: string } | null {
  const pos = sf.compilerNode.getPositionOfLineAndCharacter(line - 1, column - 1);
  let node: Node | undefined = sf.getDescendantAtPos(pos);
  while (node !== undefined && !(Node.isCallExpression(node) && node.getStart() === pos)) node = node.getParent();
  if (node === undefined || !Node.isCallExpression(node)) return null;
  const expr = node.getExpression();
  const symbol = Node.isPropertyAccessExpression(expr) ? expr.getNameNode().getSymbol() : expr.getSymbol();
  const real = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
  const decl = real?.getDeclarations()[0];
  if (decl === undefined) return null;
  const file = decl.getSourceFile().getFilePath();
  if (file.includes(`${sep}node_modules${sep}`) || decl.getSourceFile().isDeclarationFile()) return null;
  if (Node.isMethodDeclaration(decl)) {
    const cls = decl.getParent();
    const className = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
    return className ? { file, name: `${className}.${decl.getName()}` } : null;
  }
  if (Node.isFunctionDeclaration(decl)) {
    const name = decl.getName();
    return name ? { file, name } : null;
  }
  return null;
}
