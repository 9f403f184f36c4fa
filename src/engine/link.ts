import { posix } from 'node:path';
import type { CallSite, FileSummary, FunctionFacts, Requirement } from '../matchers/index.js';
import { FOLDER_ALIAS, packageNameOf } from './prefilter.js';
import { MODEL_REGISTRY } from '../matchers/store-models.js';
import { COLLECTED_ERROR_RECORDS } from '../matchers/fact-kinds.js';
import { compareFindings, type DeferredFinding, type PendingFinding, type SourceScan } from './scan-source.js';
import type { Finding, RelatedLocation, RuleLanguage } from './types.js';

/** One scanned file as the link step sees it: no tree, only its summary and pending findings. */
export interface LinkInput {
  /** The file's path (forward slashes, the same convention as `Finding.file`). */
  file: string;
  language: RuleLanguage;
  summary: FileSummary;
  pending: readonly PendingFinding[];
  /** Cross-file candidates whose tests were deferred: a full scan of the file decides them. */
  deferred?: readonly DeferredFinding[];
  /**
   * The package the file belongs to (the folder of its nearest package.json / pyproject.toml):
   * project facts such as a queue's attempts hold within one package, not across a monorepo.
   */
  scope?: string;
}

/**
 * The findings of one file scanned on its own: its certain findings plus its pending ones settled
 * as if it were the whole project (imports that lead nowhere keep name-based findings and drop
 * helper-based ones). Used where a snippet or a single file is scanned (fixtures, examples).
 */
export function settleAlone(scan: SourceScan, file: string, language: RuleLanguage): Finding[] {
  return [...scan.findings, ...linkFindings([{ file, language, summary: scan.summary, pending: scan.pending }])].sort(compareFindings);
}

/** How many re-exports / imports a name is followed through before giving up. */
const MAX_HOPS = 6;

const ECMA_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Settles findings that depend on other files: keeps a pending finding when every requirement
 * holds (the imported function retries its callback at that position; the imported helper makes
 * a call of the vocabulary without the key) and drops it otherwise — including when the import
 * leads outside the scanned files, so an unresolved name never produces a finding. Pure: it reads
 * only the summaries.
 */
export function linkFindings(inputs: readonly LinkInput[], options: LinkOptions = {}): Finding[] {
  const byFile = new Map(inputs.map((i) => [i.file, i]));
  if (options.packages && options.packages.length > 0) workspaces.set(byFile, new Map(options.packages.map((p) => [p.name, p])));
  const factsByScope = new Map<string, Set<string>>();
  for (const i of inputs) {
    const set = factsByScope.get(i.scope ?? '') ?? new Set<string>();
    for (const f of i.summary.facts) set.add(settleFact(byFile, i, f));
    factsByScope.set(i.scope ?? '', set);
  }
  for (const set of factsByScope.values()) deriveFacts(set);
  const couldHold = typedOutlook(inputs);
  const out: Finding[] = [];
  for (const input of inputs) {
    const facts = factsByScope.get(input.scope ?? '') ?? new Set<string>();
    const asked: SettleContext = { byFile, options, facts, couldHold, assumeTyped: false };
    const assumed: SettleContext = { ...asked, assumeTyped: true };
    let list = input.pending;
    // A deferred finding that may hold (the type checker not asked yet) sends its file to a full scan.
    if ((input.deferred ?? []).some((d) => requirementsHold(assumed, input, d, []) !== null)) list = options.rescan?.(input) ?? list;
    for (const pending of list) out.push(...settlePending(asked, input, pending));
  }
  return dedupe(out);
}

interface SettleContext {
  byFile: Map<string, LinkInput>;
  options: LinkOptions;
  facts: Set<string>;
  couldHold: (req: Requirement) => boolean;
  /** Treat requirements that need the type checker as holding, without asking it. */
  assumeTyped: boolean;
}

/** The finding a pending one becomes when every requirement holds, else null. */
function settlePending(c: SettleContext, input: LinkInput, pending: PendingFinding): Finding[] {
  const related = [...pending.related];
  const verdict = requirementsHold(c, input, pending, related);
  if (verdict === null) return [];
  const { requires: _settled, ...finding } = pending;
  // A processor handed over by reference: each of its calls that repeats is a finding of its own
  // (a push queued before the commit and an alert e-mailed from the handler are two places to fix).
  return verdict.moved ? verdict.moved.map((m) => relocated(finding, input.file, m.file, m.site, related)) : [{ ...finding, related }];
}

/**
 * Whether every requirement of a pending (or deferred) finding holds; null when one does not.
 * Related locations the requirements point at are added to `related`; a finding found through a
 * reference comes back with where it moves.
 */
function requirementsHold(
  c: SettleContext,
  input: LinkInput,
  pending: Pick<PendingFinding, 'requires' | 'file' | 'line' | 'column'>,
  related: RelatedLocation[],
): { moved?: { file: string; site: CallSite }[] } | null {
  const { byFile, options, facts } = c;
  let moved: { file: string; site: CallSite }[] | undefined;
  // Requirements that need the type checker are asked last: most pending findings fail earlier.
  const ordered = [...pending.requires].sort((a, b) => Number(isTyped(a)) - Number(isTyped(b)));
  const holds = ordered.every(function holdsOne(req: Requirement): boolean {
    // Several calls each of which may be the try's remote write: the finding holds when one of them is.
    if (req.kind === 'any-of') return req.of.some(holdsOne);
    if (req.kind === 'project-fact') {
      // `result-records:failure:error@response.error`: asked of the function the call resolves to, in its own file.
      const at = req.fact.indexOf('@');
      if (at >= 0) return factOfHelper(byFile, input, req.fact.slice(0, at), req.fact.slice(at + 1), facts);
      // `job-attempts:payouts` holds when that queue, or an unnamed one, gets attempts; `:*` when any does.
      const kind = req.fact.slice(0, req.fact.indexOf(':') + 1);
      return facts.has(req.fact) || facts.has(`${kind}*`) || (req.fact === `${kind}*` && [...facts].some((f) => f.startsWith(kind)));
    }
    if (req.kind === 'retried-client') return resolveSymbol(byFile, input, req.local, 0, (s, n) => s.retriedClients.includes(n)) !== null;
    // A helper whose falsy answer stopped the way before the send: the send is made once when it claims the record.
    if (req.kind === 'unclaimed') return (resolveLocal(byFile, input, req.local, 0) ?? resolveInstanceMethod(byFile, input, req.local))?.facts.claimsRecord !== true;
    if (req.kind === 'client-factory') {
      // A factory whose policy takes its methods from a parameter retries writes when this call fills it with some.
      const given = new Set(req.writeArgs ?? []);
      const retriesHere = (s: FileSummary, n: string) => {
        const p = s.conditionalFactories?.[n];
        return p !== undefined && (given.has(p.name) || given.has(`#${p.index}`));
      };
      return resolveSymbol(byFile, input, req.local, 0, (s, n) => s.clientFactories.includes(n) || retriesHere(s, n)) !== null;
    }
    // Asking the type checker is costly; skip it when no function anywhere could be the answer.
    if (isTyped(req) && !c.couldHold(req)) return false;
    if (isTyped(req) && c.assumeTyped) return true;
    // A typed call on an interface may run any of its implementations: each is a target.
    const targets =
      req.kind === 'helper' && req.typed
        ? resolveTyped(byFile, options, req.typedAt ? { file: pending.file, ...req.typedAt } : pending)
        : req.kind === 'retry-wrapper' && req.typedAt
          ? resolveTyped(byFile, options, { file: pending.file, ...req.typedAt })
          : [resolveLocal(byFile, input, req.local, 0)].filter((t) => t !== null);
    const target = targets[0] ?? null;
    if (req.kind === 'retry-wrapper') return target !== null && target.facts.retriesParam === req.argIndex;
    // Out of sight through imports, a method of a module's instance (`paymentService.initiateWithdrawal`)
    // is asked only whether it keeps every error of its writes to itself; it is resolved for nothing else.
    if (target === null && req.kind === 'helper' && req.unshielded === true) {
      const method = resolveInstanceMethod(byFile, input, req.local);
      if (method !== null) {
        const inner = req.vocab.split('|').flatMap((v) => (method.facts.reaches[v] ?? []).map((site) => ({ file: method.file, site })));
        if (inner.length > 0 && inner.every((x) => keptThere(byFile, x, req.vocab, 0))) return false;
      }
    }
    const made: { file: string; site: CallSite }[] = targets.flatMap((t) => req.vocab.split('|').flatMap((v) => (t.facts.reaches[v] ?? []).map((site) => ({ file: t.file, site }))));
    // `Subscription.create(…)` in the body, where its module imports `Subscription` from a module that
    // exports a model of the application's own database: a row stored locally, no remote write. A body
    // whose every such call is one writes nothing remote (as a local store call in the caller's own file).
    // A static of the model's own (`schema.statics.createWithCharge`, a class model's `static purchase()`)
    // is application code: one whose body writes elsewhere than through the model stays a remote write.
    const reached = made.filter((x) => !onImportedStoreModel(byFile, x) || modelStaticWrites(byFile, x, req.vocab));
    if (made.length > 0 && reached.length === 0 && req.kind === 'helper' && req.rerun !== true) return false;
    // A branch on the result the helper hands back: only a helper that keeps every error of its writes to itself turns a timeout into that result.
    // A write it leaves detached (`void notify(…).catch(…)`) never shapes that result: it answers nothing, and a helper with no other write holds none.
    if (req.kind === 'helper' && req.kept === true) {
      const live = reached.filter((x) => x.site.detached !== true);
      if (target === null || live.length === 0 || !live.every((x) => keptThere(byFile, x, req.vocab, 0))) return false;
      const first = live[0]!;
      related.push(...relatedSites(first.file, first.site, req.local));
      return true;
    }
    // A write the helper keeps in a try of its own (or that a function it calls keeps) never reaches the caller's handler.
    const sites = req.kind === 'helper' && req.unshielded === true ? reached.filter((x) => !keptThere(byFile, x, req.vocab, 0)) : reached;
    if (req.kind === 'helper' && req.unshielded === true && reached.length > 0 && sites.length === 0) return false;
    const excluded = (file: string, s: CallSite) => req.except !== undefined && targets.some((t) => t.file === file && (t.facts.reaches[req.except!] ?? []).some((o) => o.line === s.line && o.column === s.column));
    // A run a timer repeats: what a function of another file it calls sends before the run's later steps is sent again too.
    if (req.rerun === true) sites.push(...targets.flatMap((t) => throughHelpers(byFile, options, t, req, 0)));
    const repeating = (x: { file: string; site: CallSite }[]) => x.filter(({ file, site: s }) => !excluded(file, s) && (req.keyList === undefined || !passesKeyHere(s, req.keyList, req)) && !(req.unlessLast && (req.rerun ? s.final : s.last) && repeatsInside(byFile, file, s, req, 0) === null) && !claimedThere(byFile, file, s, req.keyList));
    const unkeyed = repeating(sites);
    // A retried job's service method that notifies through a service of its own (`this.firebaseService.sendToUser(…)`,
    // then a publish that can fail): asked only when nothing it makes itself repeats, since it may ask the type checker.
    if (unkeyed.length === 0 && req.rerun !== true && req.keyList === DEDUP) {
      const through = repeating(targets.flatMap((t) => throughHelpers(byFile, options, t, req, 0)));
      sites.push(...through);
      unkeyed.push(...through);
    }
    if (req.mode === 'unless-keyed') {
      if (req.keyList === DEDUP && targets.length > 0 && targets.every((t) => t.facts.claimsOnce)) return false;
      // A name that says "write" stands unless the body shows every such call is keyed, or shows
      // it only computes in memory. A generic verb (`createInbox`) stands only while the body is
      // out of sight: in sight, the body must make such a call (storing a row locally is none).
      // Out of sight, a helper that ends the attempt where it is called sends once (as a local call would).
      if (target === null) return req.unlessLast !== true && !isStoreModel(byFile, input, req.local);
      // Every body in sight only raises (a provider of a registry not yet available): judged as out of sight.
      if (targets.every((t) => t.facts.stub === true)) return req.unlessLast !== true;
      // In sight but sending through nothing we know: where it ends the attempt, judged as if out of sight.
      if (sites.length === 0 && req.unlessLast === true) return false;
      if (targets.every((t) => t.facts.localOnly)) return false;
      // In sight, a body that only reads and writes the application's own database (`createNotification`
      // storing an in-app notification's row through an imported model) sends nothing, whatever its name says.
      if (sites.length === 0 && targets.every((t) => storesLocallyOnly(byFile, t))) return false;
      const first = unkeyed[0];
      if (first) related.push(...relatedSites(first.file, first.site, req.local), ...(req.unlessLast && first.site.last ? innerRelated(byFile, first.file, first.site, req) : []));
      return first !== undefined || (sites.length === 0 && req.bodyDecides !== true);
    }
    const first = unkeyed[0];
    if (target === null || first === undefined) return false;
    // A last call of a helper of another file that sends before its own later steps: the send inside is where it repeats.
    if (req.unlessLast) for (const u of unkeyed) if (u.site.last) for (const r of innerRelated(byFile, u.file, u.site, req)) if (!related.some((o) => o.file === r.file && o.line === r.line && o.message === r.message)) related.push(r);
    if (req.relocate) moved = req.deep === true && req.keyList !== DEDUP ? unkeyed.flatMap((u) => innermostSites(byFile, options, u, req, 0)) : unkeyed;
    // Every such call the helper makes is a place that repeats (`PushMessage.send` pushes to Expo, then GCM).
    else for (const { file, site } of unkeyed) for (const r of relatedSites(file, site, req.local)) if (!related.some((o) => o.file === r.file && o.line === r.line && o.message === r.message)) related.push(r);
    return true;
  });
  if (!holds) return null;
  return moved ? { moved } : {};
}

/**
 * A site that ends its function's run but calls a helper of another file (`sendEmail(…)`, the last
 * step of `sendNotification`), whose own such call is followed by a later step that can fail (the
 * POST to Resend, then the log row's update): a failure there starts another attempt after the
 * send went out. The inner site, or null when every such call of the helper ends its run too.
 */
function repeatsInside(byFile: Map<string, LinkInput>, file: string, site: CallSite, req: Extract<Requirement, { kind: 'helper' }>, depth: number): { file: string; site: CallSite } | null {
  if (site.helper === undefined || depth >= MAX_INNER_HELPERS) return null;
  const from = byFile.get(file);
  const target = from === undefined ? null : resolveLocal(byFile, from, site.helper, 0);
  if (target === null) return null;
  for (const inner of req.vocab.split('|').flatMap((v) => target.facts.reaches[v] ?? [])) {
    if (req.keyList !== undefined && inner.keys.includes(req.keyList)) continue;
    if (claimedThere(byFile, target.file, inner, req.keyList)) continue;
    if (!inner.last) return { file: target.file, site: inner };
    const deeper = repeatsInside(byFile, target.file, inner, req, depth + 1);
    if (deeper !== null) return deeper;
  }
  return null;
}

const MAX_INNER_HELPERS = 3;

/**
 * The sites a target reaches through its calls of functions of other files (`helperCalls`, a method
 * on a typed object resolved by the type checker): with `deep`, the calls those functions make
 * (`sender.sendMessage(message)` inside `sendMessage`), else the target's own call of the function
 * (a notification is reported at the step of the run that makes it). In a run a timer repeats, only
 * calls a later step follows (even one whose error a try swallows); for a retried call that ends
 * its attempt (`unlessLast`), only calls a later step that can fail follows. Such a site is never
 * the run's last step.
 */
function throughHelpers(byFile: Map<string, LinkInput>, options: LinkOptions, t: Target, req: Extract<Requirement, { kind: 'helper' }>, depth: number): { file: string; site: CallSite }[] {
  const out: { file: string; site: CallSite }[] = [];
  const from = byFile.get(t.file);
  if (from === undefined || depth >= MAX_INNER_HELPERS) return out;
  for (const h of t.facts.helperCalls ?? []) {
    if (req.rerun === true ? h.final === true : req.unlessLast === true && h.last === true) continue;
    // A retried job's notification one call further is followed only through a service it holds
    // typed (`this.firebaseService.sendToUser`): an imported helper on its error path (`logError`,
    // an ops alert) or one storing an in-app row is no message to the user sent again.
    const typedOnly = req.rerun !== true && req.keyList === DEDUP;
    const inners = h.helper === undefined ? [] : h.typed === true ? (req.rerun === true ? [] : resolveTyped(byFile, options, { file: t.file, line: h.line, column: h.column })) : typedOnly ? [] : [resolveLocal(byFile, from, h.helper, 0)].filter((x) => x !== null);
    for (const inner of inners) {
      const made = req.vocab.split('|').flatMap((v) => inner.facts.reaches[v] ?? []).map((site) => ({ file: inner.file, site: { ...site, last: undefined, final: undefined } }));
      const deeper = throughHelpers(byFile, options, inner, req.rerun === true ? req : { ...req, unlessLast: undefined }, depth + 1);
      if (made.length + deeper.length === 0) continue;
      if (req.deep === true && req.keyList !== DEDUP) out.push(...made, ...deeper);
      else out.push({ file: t.file, site: { ...h, last: undefined, final: undefined } });
      break;
    }
  }
  return out;
}

/**
 * A site that calls a function of another file (`sendMessage(request)` in a poll loop's worker) stands
 * for the calls that function makes (`sender.sendMessage(message)`): the write is where its key would
 * go. A function out of sight leaves the site where it is; keyed sites drop.
 */
function innermostSites(byFile: Map<string, LinkInput>, options: LinkOptions, at: { file: string; site: CallSite }, req: Extract<Requirement, { kind: 'helper' }>, depth: number): { file: string; site: CallSite }[] {
  if (at.site.helper === undefined || depth >= MAX_INNER_HELPERS) return [at];
  const from = byFile.get(at.file);
  const target = from === undefined ? null : resolveLocal(byFile, from, at.site.helper, 0);
  if (target === null) return [at];
  // In sight, the function's body decides: one that makes no such call (`createInvoiceNumber` inserting
  // a row in the run's own transaction) sends nothing, whatever its name says.
  const inner = req.vocab.split('|').flatMap((v) => (target.facts.reaches[v] ?? []).map((site) => ({ file: target.file, site })));
  return [...inner, ...throughHelpers(byFile, options, target, req, depth + 1)]
    .filter(({ file, site: s }) => !(req.keyList !== undefined && s.keys.includes(req.keyList)) && !claimedThere(byFile, file, s, req.keyList))
    .flatMap((s) => innermostSites(byFile, options, s, req, depth + 1));
}

/** The related locations of the send a last helper call repeats inside its own file. */
function innerRelated(byFile: Map<string, LinkInput>, file: string, site: CallSite, req: Extract<Requirement, { kind: 'helper' }>): RelatedLocation[] {
  const inner = repeatsInside(byFile, file, site, req, 0);
  return inner === null ? [] : relatedSites(inner.file, inner.site, site.callee);
}

/**
 * `result-records:failure:error` asked of `response.error(…)` (written `…:error@response.error`): where the call resolves to a function
 * of a scanned file, that file must say it of the function under its own name (an anonymous
 * `module.exports = (res, error) => …` is named for the export); unresolved, the name alone decides.
 */
function factOfHelper(byFile: Map<string, LinkInput>, input: LinkInput, fact: string, local: string, facts: Set<string>): boolean {
  const symbol = resolveSymbol(byFile, input, local, 0, definesFunction);
  if (symbol === null) return facts.has(fact);
  const name = symbol.name === 'default' ? symbol.file.summary.defaultExport ?? 'default' : symbol.name;
  // The fact names the function by the called name's last segment: there, it goes by its own.
  const parts = fact.split(':');
  const at = parts.lastIndexOf(local.slice(local.lastIndexOf('.') + 1));
  if (at < 0) return false;
  parts[at] = name.slice(name.lastIndexOf('.') + 1);
  return symbol.file.summary.facts.includes(parts.join(':'));
}

/**
 * A write or send whose outcome stays where it is made: a try of its function takes every error of
 * it without raising again, or it calls a function of another file every one of whose writes is so
 * kept (`paymentService.initiateWithdrawal` catching the transfer's error and returning `{ success: false }`),
 * and does not raise on the result that function hands back.
 */
function keptThere(byFile: Map<string, LinkInput>, at: { file: string; site: CallSite }, vocab: string, depth: number): boolean {
  if (at.site.shielded === true) return true;
  if (at.site.helper === undefined || at.site.raisesOnResult === true || depth >= MAX_INNER_HELPERS) return false;
  const from = byFile.get(at.file);
  const target = from === undefined ? null : resolveLocal(byFile, from, at.site.helper, 0);
  if (target === null) return false;
  const inner = vocab.split('|').flatMap((v) => (target.facts.reaches[v] ?? []).map((site) => ({ file: target.file, site })));
  return inner.length > 0 && inner.every((x) => keptThere(byFile, x, vocab, depth + 1));
}

/** The key list a notification's deduplication is asked of (AP-002's `idempotency-key: dedup`). */
const DEDUP = 'dedup';

/**
 * The site calls a function of another file that claims a record by a dedup key before it sends
 * (`NotificationService.notify`, whose `get_or_create(dedupe_key=…)` stops a second send).
 */
function claimedThere(byFile: Map<string, LinkInput>, file: string, site: CallSite, keyList: string | undefined): boolean {
  if (keyList !== DEDUP || site.helper === undefined) return false;
  const from = byFile.get(file);
  return from !== undefined && resolveLocal(byFile, from, site.helper, 0)?.facts.claimsOnce === true;
}

/**
 * The helper's call passes the key: always, or through a parameter this call fills, with a value
 * not made afresh on each attempt; a key read from a field of a parameter (`params.reference`)
 * only when this call's object literal there has that field.
 */
function passesKeyHere(site: CallSite, list: string, req: { argCount?: number; argKeys?: (string[] | null)[]; freshArgs?: number[] }): boolean {
  if (!site.keys.includes(list)) return false;
  const at = site.keyParams?.[list];
  if (at !== undefined && req.argCount !== undefined && at >= req.argCount) return false;
  if (at !== undefined && req.freshArgs?.includes(at)) return false;
  const field = site.keyFields?.[list];
  if (field !== undefined) {
    const given = req.argKeys?.[field[0]];
    if (given != null && !given.includes(field[1])) return false;
    if (req.freshArgs?.includes(field[0])) return false;
  }
  return true;
}

function isTyped(r: Requirement): boolean {
  if (r.kind === 'any-of') return r.of.some(isTyped);
  return (r.kind === 'helper' && r.typed === true) || (r.kind === 'retry-wrapper' && r.typedAt !== undefined);
}

/**
 * Whether a typed requirement could hold at all, judged from every summary without the type
 * checker. A member call (`this.retry.run`) can only resolve to a method of that name (`Class.run`,
 * as `declarationAt` names it); a wrapper must retry the callback at that position, and a `writes`
 * helper must reach the vocabulary without the key. An `unless-keyed` one holds even unresolved.
 */
function typedOutlook(inputs: readonly LinkInput[]): (req: Requirement) => boolean {
  let byMember: Map<string, FunctionFacts[]> | undefined;
  const all: FunctionFacts[] = [];
  const known = new Map<string, boolean>();
  const candidates = (local: string): FunctionFacts[] => {
    if (byMember === undefined) {
      byMember = new Map();
      for (const i of inputs) {
        for (const [name, facts] of Object.entries(i.summary.functions)) {
          all.push(facts);
          const member = name.slice(name.lastIndexOf('.') + 1);
          const list = byMember.get(member);
          if (list === undefined) byMember.set(member, [facts]);
          else list.push(facts);
        }
      }
    }
    const dot = local.lastIndexOf('.');
    return dot < 0 ? all : (byMember.get(local.slice(dot + 1)) ?? []);
  };
  return function outlook(req: Requirement): boolean {
    if (req.kind === 'any-of') return req.of.some(outlook);
    if (req.kind === 'helper' && req.mode === 'unless-keyed') return true;
    if (req.kind !== 'helper' && req.kind !== 'retry-wrapper') return true;
    const key = req.kind === 'helper' ? `h\0${req.local}\0${req.vocab}\0${req.keyList ?? ''}` : `w\0${req.local}\0${req.argIndex}`;
    let hit = known.get(key);
    if (hit === undefined) {
      const makes = (f: FunctionFacts, vocab: string, keyList: string | undefined) => vocab.split('|').some((v) => (f.reaches[v] ?? []).some((site) => keyList === undefined || !site.keys.includes(keyList)));
      hit = candidates(req.local).some((f) =>
        req.kind === 'retry-wrapper'
          ? f.retriesParam === req.argIndex
          : makes(f, req.vocab, req.keyList) ||
            // A notification sent one call further, through a function of another file (see `throughHelpers`).
            (req.keyList === DEDUP && (f.helperCalls ?? []).some((h) => candidates(h.callee).some((g) => makes(g, req.vocab, req.keyList)))),
      );
      known.set(key, hit);
    }
    return hit;
  };
}

/** `job-attempts@chargesQueue` (an imported queue) becomes `job-attempts:<its name>` through the import. */
const IMPLIED_BY = ' <= ';

/**
 * `falsy-records:failure:send_sms <= falsy-records:failure:send_message`: a fact that holds when
 * another does (a function that hands a helper's result on as its own). Settled to a fixed point,
 * so a chain of such functions carries the fact down to the first.
 */
function deriveFacts(facts: Set<string>): void {
  const rules = [...facts].filter((f) => f.includes(IMPLIED_BY)).map((f) => f.split(IMPLIED_BY) as [string, string]);
  if (rules.length === 0) return;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [fact, premise] of rules) {
      if (!facts.has(fact) && facts.has(premise)) changed = Boolean(facts.add(fact));
    }
  }
}

function settleFact(byFile: Map<string, LinkInput>, input: LinkInput, fact: string): string {
  const at = fact.indexOf('@');
  if (at < 0) return fact;
  const kind = fact.slice(0, at);
  if (kind.startsWith(FALSY_RECORDS) || kind.startsWith(ERROR_RECORDS) || kind.startsWith(COLLECTED_RECORDS)) return `${kind}:${definedName(byFile, input, fact.slice(at + 1))}`;
  const symbol = resolveSymbol(byFile, input, fact.slice(at + 1), 0, (s, n) => s.queues[n] !== undefined);
  return `${kind}:${symbol ? symbol.file.summary.queues[symbol.name] : '*'}`;
}

const FALSY_RECORDS = 'falsy-records:';
const ERROR_RECORDS = 'error-records:';
const COLLECTED_RECORDS = `${COLLECTED_ERROR_RECORDS}:`;

/**
 * `falsy-records:failure@BUYAIRTIME`: the caller knows the function by the name it imported it
 * under; the function's own handler asks by the name it is defined under (`buyAirtime`, the
 * module's default export). Unresolved, the imported name is the best guess.
 */
function definedName(byFile: Map<string, LinkInput>, input: LinkInput, local: string): string {
  const imported = input.summary.imports.find((i) => i.local === local);
  // `const buy = require('./buy')` called as `buy(…)`: the module's export is the function.
  const whole = imported?.name === '*' && input.language !== 'python';
  const symbol = whole ? resolveExport(byFile, input, imported.module, 'default', 0, definesFunction) : resolveSymbol(byFile, input, local, 0, definesFunction);
  if (symbol === null) return local;
  return symbol.name === 'default' ? symbol.file.summary.defaultExport ?? local : symbol.name;
}

/** Where a helper makes the call, and, made inside a helper of its own file, where it calls that one. */
function relatedSites(file: string, site: CallSite, local: string): RelatedLocation[] {
  const at = relatedAt(file, site, `${local} calls ${site.callee} here`);
  if (!site.through) return [at];
  // Each helper on the way hands the call on: the last of them is where its later steps follow the send.
  const steps = [site.through, ...(site.between ?? [])].map((step, i, all) => relatedAt(file, { ...site, ...step }, `${i === 0 ? local : all[i - 1]!.callee} calls ${step.callee} here`));
  return [...steps, at];
}

function relatedAt(file: string, site: CallSite, message: string): RelatedLocation {
  return { file, line: site.line, column: site.column, endLine: site.endLine, endColumn: site.endColumn, message };
}

/**
 * A finding found through a reference (`with_retries(charge_customer, order)`) is reported where
 * the write happens, in the helper's file, like a same-file callback; the retry and the reference
 * become related locations.
 */
function relocated(finding: Finding, from: string, file: string, site: CallSite, related: RelatedLocation[]): Finding {
  const old = finding.captures.callee;
  const message = old === undefined ? finding.message : finding.message.replace(`\`${old}\``, `\`${site.callee}\``);
  return {
    ...finding,
    file,
    line: site.line,
    column: site.column,
    endLine: site.endLine,
    endColumn: site.endColumn,
    code: site.code,
    message,
    captures: { ...finding.captures, callee: site.callee, via: old ?? '' },
    related: [
      { file: from, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, message: `${old ?? 'it'} is retried here` },
      ...related.map((r) => (r.file === undefined ? { ...r, file: from } : r)),
    ],
  };
}

/** One finding per rule and place; the related locations of the ones dropped join the one kept (sends reached through one retried call). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\0${f.file}\0${f.line}\0${f.column}`;
    const kept = seen.get(key);
    if (kept === undefined) {
      seen.set(key, f);
      return true;
    }
    mergeRelated(kept, f);
    return false;
  });
}

/** Adds to `kept` the related locations of `dropped` it does not have yet. */
export function mergeRelated(kept: Finding, dropped: Finding): void {
  const key = (r: RelatedLocation) => `${r.file ?? ''}\0${r.line}\0${r.column}\0${r.message}`;
  const known = new Set((kept.related ?? []).map(key));
  const more = (dropped.related ?? []).filter((r) => !known.has(key(r)));
  if (more.length > 0) kept.related = [...(kept.related ?? []), ...more];
}

/**
 * Where the type checker says a call at a position goes: a file and `Class.method` / function name;
 * for an interface or abstract method, the first implementation, and the others in `also`.
 */
export type TypedResolver = (file: string, line: number, column: number) => TypedAnswer;

export type TypedAnswer = { file: string; name: string; also?: { file: string; name: string }[] } | null;

export interface LinkOptions {
  /** Resolves method calls on typed objects (TypeScript); without it they stay unknown. */
  resolveTyped?: TypedResolver;
  /**
   * The file's pending findings from a scan that ran every test, asked for a file some of whose
   * deferred findings may hold; null when it cannot be read again. Without it, or on null, the
   * deferred findings are dropped (their tests never ran) and the file's pending ones stand.
   */
  rescan?: (input: LinkInput) => readonly PendingFinding[] | null;
  /** The workspace's own packages, so `@acme/db/queries` resolves to the scanned files of `packages/db`. */
  packages?: readonly WorkspacePackage[];
}

/** A package of the scanned workspace (a folder with a package.json that has a name). */
export interface WorkspacePackage {
  name: string;
  /** Its folder, in the convention of `LinkInput.file`. */
  dir: string;
  /** Its package.json `exports` subpaths mapped to files (`./queries` → `./src/queries/index.ts`). */
  exports: Readonly<Record<string, string>>;
}

/** The functions a typed call runs: its declaration, or every implementation of an interface method. */
function resolveTyped(byFile: Map<string, LinkInput>, options: LinkOptions, at: { file: string; line: number; column: number }): Target[] {
  const hit = options.resolveTyped?.(at.file, at.line, at.column);
  if (!hit) return [];
  return [hit, ...(hit.also ?? [])].flatMap((h) => {
    const facts = byFile.get(h.file)?.summary.functions[h.name];
    return facts ? [{ file: h.file, facts }] : [];
  });
}

interface Target {
  file: string;
  facts: FunctionFacts;
}

/** What a file defines under a name: its facts as a function, or that it is a retried client / client factory. */
interface Symbol {
  file: LinkInput;
  name: string;
}

type Defines = (summary: FileSummary, name: string) => boolean;

const definesFunction: Defines = (summary, name) => summary.functions[name] !== undefined;

/** The function a dotted local name (`withRetry`, `retry.with_retries`) refers to through the file's imports. */
function resolveLocal(byFile: Map<string, LinkInput>, from: LinkInput, local: string, hops: number): Target | null {
  const symbol = resolveSymbol(byFile, from, local, hops, definesFunction);
  const facts = symbol && symbol.file.summary.functions[symbol.name];
  return symbol && facts ? { file: symbol.file.file, facts } : null;
}

/**
 * `paymentService.initiateWithdrawal` where `paymentService` is a module's instance of its class
 * `PaymentService` (`FileSummary.instances`): the class's method, or null.
 */
function resolveInstanceMethod(byFile: Map<string, LinkInput>, from: LinkInput, local: string): Target | null {
  const methodOf = (s: FileSummary, n: string): string | undefined => {
    const dot = n.indexOf('.');
    const cls = dot > 0 ? s.instances?.[n.slice(0, dot)] : undefined;
    return cls === undefined ? undefined : `${cls}.${n.slice(dot + 1)}`;
  };
  const symbol = resolveSymbol(byFile, from, local, 0, (s, n) => {
    const m = methodOf(s, n);
    return m !== undefined && s.functions[m] !== undefined;
  });
  const key = symbol === null ? undefined : methodOf(symbol.file.summary, symbol.name);
  const facts = key === undefined || symbol === null ? undefined : symbol.file.summary.functions[key];
  return symbol !== null && facts !== undefined ? { file: symbol.file.file, facts } : null;
}

/**
 * `Payment.create(…)` where `Payment` comes from a module that exports a model of the application's
 * own database (`module.exports = mongoose.model('Payment', schema)`): it stores a row locally.
 */
function isStoreModel(byFile: Map<string, LinkInput>, from: LinkInput, local: string): boolean {
  const head = local.split('.')[0] ?? '';
  const imported = from.summary.imports.find((i) => i.local === head);
  if (imported === undefined || head === local) return false;
  // A registry of models (sequelize-cli's `models/index.js`): each property of its export is one.
  const models = storeModelDefined;
  const parts = local.split('.');
  // `import db from '../models'; db.Payment.create(…)`: the registry's property is the model.
  if (imported.name === 'default' && parts.length > 2 && storeModelAt(byFile, from, parts.slice(0, 2).join('.'), 0)) return true;
  if (imported.name !== '*') return storeModelAt(byFile, from, head, 0);
  // `const Payment = require('../models/Payment')`: the module itself is the model.
  const file = resolveModule(byFile, from, imported.module);
  // `const db = require('../models'); db.Payment.create(…)`: a property of the registry.
  return file !== null && (models(file.summary, 'default') || (parts.length > 2 && models(file.summary, parts[1] ?? '')));
}

/** A call a function of another file makes through a model its own module imports (`Wallet.createForUser(…)`). */
function onImportedStoreModel(byFile: Map<string, LinkInput>, x: { file: string; site: CallSite }): boolean {
  const from = byFile.get(x.file);
  return from !== undefined && isStoreModel(byFile, from, x.site.callee);
}

/**
 * `Subscription.createWithCharge(…)` through an imported model whose module defines that method
 * itself (`subscriptionSchema.statics.createWithCharge = async function () { await stripe.charges.create(…) }`,
 * `static async purchase()` of a class model): its body makes a call of the vocabulary other than
 * through the model (`this.create(…)`) or another imported model. A method of the model library
 * (`create`, `findOneAndUpdate`) has no body in the module and writes locally.
 */
function modelStaticWrites(byFile: Map<string, LinkInput>, x: { file: string; site: CallSite }, vocab: string): boolean {
  const from = byFile.get(x.file);
  const dot = x.site.callee.lastIndexOf('.');
  if (from === undefined || dot <= 0) return false;
  const method = x.site.callee.slice(dot + 1);
  const model = resolveSymbol(byFile, from, x.site.callee.slice(0, dot), 0, (s, n) => storeModelDefined(s, n) || s.storeModelBases?.[n] !== undefined);
  if (model === null) return false;
  const functions = model.file.summary.functions;
  const key = functions[`${model.name}.${method}`] !== undefined ? `${model.name}.${method}` : Object.keys(functions).find((k) => k === method || k.endsWith(`.${method}`));
  const facts = key === undefined ? undefined : functions[key];
  if (facts === undefined) return false;
  return vocab.split('|').some((v) => (facts.reaches[v] ?? []).some((site) => !site.callee.startsWith('this.') && !onImportedStoreModel(byFile, { file: model.file.file, site })));
}

/**
 * A target whose body only reads and writes the application's own database (`storesOnly`), each of
 * whose calls of any vocabulary is on a model of that store (`NotificationModel.create(…)`).
 */
function storesLocallyOnly(byFile: Map<string, LinkInput>, t: Target): boolean {
  if (t.facts.storesOnly !== true) return false;
  return Object.values(t.facts.reaches).every((sites) => sites.every((site) => onImportedStoreModel(byFile, { file: t.file, site })));
}

/** A name a module exports as a model of the application's own database (`storeModels`), or one of its registry's properties. */
const storeModelDefined: Defines = (s, n) => s.storeModels?.includes(n) === true || (s.storeModels?.includes(MODEL_REGISTRY) === true && /^(default\.)?[\w$]+$/.test(n) && n !== 'default');

/**
 * Whether a local name resolves to a model: exported as one, or a class extending a class its
 * module imports (`class Program extends Entity`) whose own module makes it one (`class Entity
 * extends Model`), followed through each base's module in turn.
 */
function storeModelAt(byFile: Map<string, LinkInput>, from: LinkInput, local: string, depth: number): boolean {
  if (depth > MAX_HOPS) return false;
  const symbol = resolveSymbol(byFile, from, local, 0, (s, n) => storeModelDefined(s, n) || s.storeModelBases?.[n] !== undefined);
  if (symbol === null) return false;
  if (storeModelDefined(symbol.file.summary, symbol.name)) return true;
  const base = symbol.file.summary.storeModelBases?.[symbol.name];
  return base !== undefined && storeModelAt(byFile, symbol.file, base, depth + 1);
}

/** The file and name a dotted local name is defined under, following imports and re-exports. */
function resolveSymbol(byFile: Map<string, LinkInput>, from: LinkInput, local: string, hops: number, defines: Defines): Symbol | null {
  const [head, ...rest] = local.split('.');
  const imported = from.summary.imports.find((i) => i.local === head);
  if (imported === undefined) return null;
  if (imported.name !== '*') return resolveExport(byFile, from, imported.module, [imported.name, ...rest].join('.'), hops, defines);
  // `const send = require('./send')` called as `send(…)`: the module's export (`module.exports = send`) is the function.
  if (rest.length === 0) return from.language === 'python' ? null : resolveExport(byFile, from, imported.module, 'default', hops, defines);
  // A module imported whole: `retry.with_retries`, or, in Python, `app.lib.retry.with_retries`.
  for (let split = 0; split < rest.length; split++) {
    const module = [imported.module, ...rest.slice(0, split)].join(from.language === 'python' ? '.' : '/');
    const found = resolveExport(byFile, from, module, rest.slice(split).join('.'), hops, defines);
    if (found) return found;
  }
  return null;
}

function resolveExport(byFile: Map<string, LinkInput>, from: LinkInput, module: string, name: string, hops: number, defines: Defines): Symbol | null {
  if (hops > MAX_HOPS) return null;
  const file = resolveModule(byFile, from, module);
  const found = file === null ? null : resolveIn(byFile, file, name, hops, defines);
  if (found !== null || from.language !== 'python' || !name.includes('.')) return found;
  // `from app import stripe_service` then `stripe_service.start()`: the name is a submodule.
  const dot = name.indexOf('.');
  return resolveExport(byFile, from, `${module.endsWith('.') ? module : `${module}.`}${name.slice(0, dot)}`, name.slice(dot + 1), hops + 1, defines);
}

function resolveIn(byFile: Map<string, LinkInput>, file: LinkInput, name: string, hops: number, defines: Defines): Symbol | null {
  if (defines(file.summary, name)) return { file, name };
  for (const re of file.summary.reExports) {
    const original = re.names === undefined ? name : re.names[name];
    if (original === undefined) continue;
    const found = resolveExport(byFile, file, re.module, original, hops + 1, defines);
    if (found) return found;
  }
  // Python: a name imported into a module (typically a package's __init__) is an attribute of it.
  // CommonJS: `const error = require('./error'); module.exports = { ok, error }` hands on what it imported.
  if (file.language === 'python' || file.summary.handsOn?.includes(name.split('.')[0] ?? '') === true) return resolveSymbol(byFile, file, name, hops + 1, defines);
  return null;
}

/** Path aliases by convention (`@/…`, `~/…`, `#/…`, `#name/…`); a tsconfig's own `paths` are the type checker's. */
const ALIAS = /^[@~#]\/|^#(?=[\w-])/;

/** Resolutions per file set, by importer folder, language and specifier: the same imports recur. */
const resolutions = new WeakMap<Map<string, LinkInput>, Map<string, LinkInput | null>>();

/** The scanned file an import specifier names, or null (a package outside the scan). */
function resolveModule(byFile: Map<string, LinkInput>, from: LinkInput, specifier: string): LinkInput | null {
  let known = resolutions.get(byFile);
  if (known === undefined) resolutions.set(byFile, (known = new Map()));
  const key = `${posix.dirname(from.file)}\0${from.language === 'python' ? 'py' : 'es'}\0${specifier}`;
  let hit = known.get(key);
  if (hit === undefined) known.set(key, (hit = findModule(byFile, from, specifier)));
  return hit;
}

function findModule(byFile: Map<string, LinkInput>, from: LinkInput, specifier: string): LinkInput | null {
  const dir = posix.dirname(from.file);
  const candidates: string[] = [];
  if (from.language === 'python') {
    const dots = /^\.*/.exec(specifier)?.[0].length ?? 0;
    const path = specifier.slice(dots).split('.').filter(Boolean).join('/');
    if (dots > 0) {
      let base = dir;
      for (let i = 1; i < dots; i++) base = posix.dirname(base);
      candidates.push(...pythonModuleFiles(posix.join(base, path)));
    } else {
      // An absolute import resolves against any folder above the importer (the project's roots).
      for (let base = dir; ; base = posix.dirname(base)) {
        candidates.push(...pythonModuleFiles(posix.join(base, path)));
        if (base === '.' || base === '/' || posix.dirname(base) === base) break;
      }
    }
  } else {
    const ecmaFiles = (joined: string) => {
      const stem = joined.replace(/\.(m|c)?jsx?$/, '');
      return [joined, ...ECMA_EXTENSIONS.map((e) => stem + e), ...ECMA_EXTENSIONS.map((e) => posix.join(joined, 'index' + e))];
    };
    const alias = ALIAS.exec(specifier);
    // `@models/Order` with a tsconfig `"@models/*": ["./src/models/*"]`: a scope no package of the
    // workspace has, named for a folder of the project (an npm scope's folder is in no scan).
    const folderAlias = alias === null ? FOLDER_ALIAS.exec(specifier) : null;
    const aliased = alias !== null ? specifier.slice(alias[0].length) : folderAlias !== null && workspaces.get(byFile)?.get(packageNameOf(specifier)) === undefined ? specifier.slice(1) : null;
    if (aliased !== null) {
      // `@/lib/retry`, `~/utils/http`, `#connectors/mail.js` (a package.json `imports` subpath,
      // usually named for its folder): the usual alias of a package's root or its `src/`.
      // Tried from the importer's folder up, so each package of a monorepo finds its own.
      for (let base = dir; ; base = posix.dirname(base)) {
        candidates.push(...ecmaFiles(posix.join(base, aliased)), ...ecmaFiles(posix.join(base, 'src', aliased)));
        if (base === '.' || base === '/' || posix.dirname(base) === base) break;
      }
    } else if (specifier.startsWith('.')) candidates.push(...ecmaFiles(posix.join(dir, specifier)));
    else {
      const pkg = workspaces.get(byFile)?.get(packageNameOf(specifier));
      if (pkg === undefined) return null;
      const sub = specifier.slice(pkg.name.length).replace(/^\//, '');
      const exported = pkg.exports[sub === '' ? '.' : `./${sub}`];
      if (exported !== undefined) candidates.push(...[exported, ...builtToSource(exported)].flatMap((f) => ecmaFiles(posix.join(pkg.dir, f))));
      candidates.push(...ecmaFiles(posix.join(pkg.dir, 'src', sub)), ...ecmaFiles(posix.join(pkg.dir, sub)));
    }
  }
  for (const c of candidates) {
    const hit = byFile.get(posix.normalize(c));
    if (hit) return hit;
  }
  return null;
}

/** Folders a package's build writes to, and the folders its sources are usually kept in. */
const BUILD_FOLDERS = /^(?:\.\/)?(?:dist|build|out)\/(.+)$/;
const SOURCE_FOLDERS = ['src', 'lib'];

/**
 * A package's entry points at its build (`./dist/index.js`, `./dist/index.d.ts`), which a scan of
 * the repository does not hold: the same path under its source folders (`lib/index.ts`).
 */
function builtToSource(file: string): string[] {
  const inner = BUILD_FOLDERS.exec(file)?.[1]?.replace(/\.d\.(m|c)?ts$/, '.ts');
  return inner === undefined ? [] : SOURCE_FOLDERS.map((folder) => `${folder}/${inner}`);
}

/** The workspace's own packages by name, per file set (like `resolutions`). */
const workspaces = new WeakMap<Map<string, LinkInput>, Map<string, WorkspacePackage>>();

function pythonModuleFiles(path: string): string[] {
  return path === '' || path === '.' ? ['__init__.py'] : [`${path}.py`, `${path}/__init__.py`];
}

