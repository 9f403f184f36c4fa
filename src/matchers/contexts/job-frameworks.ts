import { compiledOnce } from '../compiled.js';
import { calleePath, nodesOfType } from '../file-index.js';
import { importsOf } from '../imports.js';
import { NamePatterns, escapeRegExp, normalizeName } from '../names.js';
import {
  booleanLiteral,
  blockStatements,
  callArguments,
  callee,
  dottedPath,
  enclosingFunction,
  firstLine,
  functionBody,
  functionParameters,
  ifChain,
  isCall,
  isFunction,
  keywordArgument,
  lastSegment,
  literalEntries,
  loopVariables,
  namesUnder,
  stringValue,
  tryHandlers,
  unwrapAwait,
  type Family,
  type Node,
} from '../syntax.js';
import type { FileContext, Scope } from '../types.js';
import type { Vocabulary } from '../vocabulary.js';

type JobFramework = Vocabulary['retry']['job_frameworks'][number];

interface CompiledFramework {
  spec: JobFramework;
  decorators: NamePatterns;
  calls: NamePatterns;
}

/**
 * Handlers of job and consumer frameworks that run them again after a failure (vocabulary
 * `retry.job_frameworks`): `@dramatiq.actor` (20 retries unless `max_retries=0`), an Inngest
 * function (4 retries), an SQS consumer's `handleMessage` or a KafkaJS `eachMessage` (the message
 * comes back until it is acknowledged). A handler whose retry option turns retries off is quiet.
 */
export function jobFrameworkScopes(
  ctx: FileContext,
  decorators: readonly Node[],
  calls: readonly Node[],
  functions: Map<string, Node>,
  decoratedFunction: (deco: Node, family: Family) => Node | null,
): Scope[] {
  const frameworks = compiledOnce(ctx.vocab, 'job-frameworks', () =>
    ctx.vocab.retry.job_frameworks.map((spec) => ({ spec, decorators: new NamePatterns(spec.decorators), calls: new NamePatterns(spec.calls) })),
  );
  if (frameworks.length === 0) return [];
  const anyCall = compiledOnce(ctx.vocab, 'job-framework-calls', () => new NamePatterns(ctx.vocab.retry.job_frameworks.flatMap((f) => f.calls)));
  const anyDecorator = compiledOnce(ctx.vocab, 'job-framework-decorators', () => new NamePatterns(ctx.vocab.retry.job_frameworks.flatMap((f) => f.decorators)));
  const scopes: Scope[] = [];
  for (const deco of decorators) {
    const expr = deco.firstNamedChild;
    if (expr === null) continue;
    const isCallDeco = isCall(expr, ctx.family);
    const path = dottedPath(isCallDeco ? callee(expr) : expr);
    if (!anyDecorator.matches(path)) continue;
    // Several frameworks share a decorator name (`@app.task`: procrastinate's `retry=`, Celery's
    // none; `@task`: Airflow's and Prefect's `retries=`): the first whose options retry decides.
    const args = isCallDeco ? callArguments(expr) : [];
    const fw = frameworks.find((f) => f.decorators.matches(path) && handlerRetries(f, args).retries !== 0);
    if (fw === undefined) continue;
    const fn = decoratedFunction(deco, ctx.family);
    const body = fn && functionBody(fn);
    if (body) scopes.push(scope(body, deco, fw, handlerRetries(fw, args)));
  }
  for (const call of calls) {
    const path = calleePath(ctx, call);
    if (anyCall.empty || !anyCall.matches(path)) continue;
    // Several frameworks share a call name (`run`): each judges the call by its own options.
    for (const fw of frameworks) {
      if (fw.calls.empty || !fw.calls.matches(path)) continue;
      const args = callArguments(call);
      if (fw.spec.first_argument !== undefined && (args[0] === undefined || stringValue(args[0]) !== fw.spec.first_argument)) continue;
      const retries = handlerRetries(fw, args);
      if (retries.retries === 0) continue;
      const handlers = handlersOf(ctx, fw, args, functions);
      for (const handler of handlers) scopes.push(scope(handler, call, fw, retries));
      if (handlers.length > 0) break;
    }
  }
  return scopes;
}

/**
 * The retries a handler gets: a count, or `project` when it sets none of its own and its framework
 * takes the package's project-wide default (a fact of another file, settled at link time).
 */
interface HandlerRetries {
  retries: number;
  project?: true;
}

function scope(body: Node, construct: Node, fw: CompiledFramework, { retries, project }: HandlerRetries): Scope {
  const label = firstLine(construct, 50).replace(/\s*[:{(]\s*$/, '');
  if (project === true) {
    const fact = projectDefaultFact(fw.spec);
    return { context: 'retry', body, construct, label: `${label} (${fw.spec.name} retries a failed job as the project's default sets)`, requires: { kind: 'project-fact', fact } };
  }
  const how = retries < 0 ? 'redelivers a failed message until it is acknowledged' : `retries a failed job ${retries} time${retries === 1 ? '' : 's'}`;
  return { context: 'retry', body, construct, label: `${label} (${fw.spec.name} ${how})` };
}

/** A retry count given by a name or expression: more than none. */
const CONFIGURED = 2;

/** Retries the handler gets: from its own retry option, else the project's default where the framework has one, else the framework's. */
function handlerRetries(fw: CompiledFramework, args: readonly Node[]): HandlerRetries {
  const own = retriesOf(fw.spec, args);
  if (own !== null) return { retries: own };
  if (fw.spec.default_retries === 0 && fw.spec.project_default !== undefined) return { retries: CONFIGURED, project: true };
  return { retries: fw.spec.default_retries };
}

/** Retries an options object (or keyword arguments) gives, or null when it sets none. */
function retriesOf(spec: Pick<JobFramework, 'retries_option' | 'attempts_option'>, args: readonly Node[]): number | null {
  const read = (option: string | undefined): number | 'configured' | null => {
    if (option === undefined) return null;
    const value = optionValue(args, option.split('.'));
    if (value === null) return null;
    // `retries=_NB_RETRIES`, `retries=settings.EMAIL_RETRIES`: configured, so some; a count the
    // code does not spell out is read as more than none. `retry=False` / `None` turns retries off,
    // `retry=True` retries (procrastinate: without end).
    if (/^(?:False|false|None|null|undefined)$/.test(value.text)) return 0;
    return /^\d+$/.test(value.text) ? Number(value.text) : 'configured';
  };
  const retries = read(spec.retries_option);
  if (retries !== null) return retries === 'configured' ? CONFIGURED : retries;
  const attempts = read(spec.attempts_option);
  if (attempts !== null) return attempts === 'configured' ? CONFIGURED : Math.max(0, attempts - 1);
  return null;
}

/** The fact a package's project-wide retry default gives the handlers of a framework. */
function projectDefaultFact(spec: JobFramework): string {
  return `job-default-retries:${spec.name}`;
}

/**
 * `job-default-retries:<framework>` when this file sets a project-wide default that retries the
 * framework's handlers (`defineConfig({ retries: { default: { maxAttempts: 3 } } })`): every
 * handler of the package that sets no retries of its own runs again after a failure.
 */
export function projectDefaultFacts(ctx: FileContext): string[] {
  const specs = ctx.vocab.retry.job_frameworks.filter((f) => f.project_default !== undefined);
  if (specs.length === 0 || !/attempt|retr/i.test(ctx.source)) return [];
  const out = new Set<string>();
  for (const spec of specs) {
    const project = spec.project_default!;
    const calls = compiledOnce(ctx.vocab, `project-default-calls:${spec.name}`, () => new NamePatterns(project.calls));
    for (const call of nodesOfType(ctx, ctx.family === 'python' ? 'call' : 'call_expression')) {
      if (!calls.matches(calleePath(ctx, call))) continue;
      const retries = retriesOf({ attempts_option: project.attempts_option }, callArguments(call));
      if (retries !== null && retries > 0) out.add(projectDefaultFact(spec));
    }
  }
  return [...out];
}

/** An option as a keyword argument or a key of an options object (dotted for nested objects). */
function optionValue(args: readonly Node[], path: readonly string[]): Node | null {
  const [head, ...rest] = path;
  if (head === undefined) return null;
  for (const arg of args) {
    const kw = keywordArgument(arg);
    const found = kw !== null ? (normalizeName(kw.name) === normalizeName(head) ? kw.value : null) : (literalEntries(arg).find((e) => normalizeName(e.key) === normalizeName(head))?.value ?? null);
    if (found === null) continue;
    return rest.length === 0 ? found : optionValue([found], rest);
  }
  return null;
}

/** The handler bodies a registering call names. */
function handlersOf(ctx: FileContext, fw: CompiledFramework, args: readonly Node[], functions: Map<string, Node>): Node[] {
  const bodyOf = (n: Node | null): Node | null => {
    const v = unwrapAwait(n);
    if (v === null) return null;
    if (isFunction(v, ctx.family)) return functionBody(v);
    if (v.type === 'identifier' || v.type === 'shorthand_property_identifier') {
      const fn = functions.get(lastSegment(v.text));
      return fn ? functionBody(fn) : null;
    }
    return null;
  };
  const out: Node[] = [];
  if (fw.spec.handler_map !== undefined) {
    const map = optionValue(args, [fw.spec.handler_map]);
    for (const entry of map ? literalEntries(map) : []) {
      const body = bodyOf(entry.value);
      if (body) out.push(body);
    }
    return out;
  }
  if (fw.spec.handler_options.length > 0) {
    for (const option of fw.spec.handler_options) {
      const body = bodyOf(optionValue(args, [option]));
      if (body) out.push(body);
    }
    return out;
  }
  const last = [...args].reverse().find((a) => bodyOf(a) !== null);
  const body = last ? bodyOf(last) : null;
  return body ? [body] : [];
}

/**
 * Handlers whose event type says its failed messages come back (vocabulary
 * `retry.redelivered_events`): `async (event: SQSEvent) => …` or `const handler: SQSHandler =
 * async (event) => …`. The whole handler runs again for each message it fails.
 */
export function redeliveredHandlerScopes(ctx: FileContext, functions: readonly Node[]): Scope[] {
  const events = ctx.vocab.retry.redelivered_events;
  if (ctx.family !== 'ecma' || events.length === 0) return [];
  const text = compiledOnce(ctx.vocab, 'redelivered-event-text', () => new RegExp(`\\b(?:${[...new Set(events.map(lastSegment))].map(escapeRegExp).join('|')})\\b`));
  if (!text.test(ctx.source)) return [];
  const patterns = compiledOnce(ctx.vocab, 'redelivered-events', () => new NamePatterns(events));
  const typed = (annotation: Node | null | undefined) => {
    const type = annotation?.type === 'type_annotation' ? annotation.namedChildren[0] : annotation;
    // `SQSHandler<…>` names its type before the arguments.
    const name = type?.type === 'generic_type' ? type.childForFieldName('name') ?? type.namedChildren[0] : type;
    return name !== null && name !== undefined && patterns.matches(name.text);
  };
  const scopes: Scope[] = [];
  for (const fn of functions) {
    const body = functionBody(fn);
    if (body === null) continue;
    const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
    const holder = fn.parent?.type === 'variable_declarator' ? fn.parent : null;
    const event = params.find((p) => typed(p.childForFieldName('type')));
    if (event === undefined && !typed(holder?.childForFieldName('type'))) continue;
    const name = holder?.childForFieldName('name')?.text ?? fn.childForFieldName('name')?.text ?? 'handler';
    const label = `${name}(${event ? event.text : 'event'}) (a message it fails is delivered again)`;
    // Reporting `batchItemFailures`, the handler fails messages one by one: what runs again is
    // the callback that processes one record (`event.Records.map(async (record) => …)`).
    const perRecord = body.text.includes(BATCH_FAILURES) ? recordCallbacks(ctx, body) : [];
    if (perRecord.length > 0) for (const cb of perRecord) scopes.push({ context: 'retry', body: cb, construct: event ?? holder ?? fn, label });
    else scopes.push({ context: 'retry', body, construct: event ?? holder ?? fn, label });
  }
  return scopes;
}

const BATCH_FAILURES = 'batchItemFailures';

/**
 * Functions that raise an exception their consumer framework answers with a redelivery (vocabulary
 * `retry.redelivery_raises`, named with their module: `from sdc.rabbit.exceptions import
 * RetryableError` … `raise RetryableError`). The message comes back and the handler runs again from
 * the start, so everything the raising function does runs again: a write before the raise (or one
 * whose own failure raises it) is repeated. A project's own exception of the same name is not one.
 */
export function redeliveryRaiseScopes(ctx: FileContext): Scope[] {
  const raises = ctx.vocab.retry.redelivery_raises;
  if (raises.length === 0) return [];
  const text = compiledOnce(ctx.vocab, 'redelivery-raise-text', () => new RegExp(`\\b(?:${[...new Set(raises.map(lastSegment))].map(escapeRegExp).join('|')})\\b`));
  if (!text.test(ctx.source)) return [];
  const patterns = compiledOnce(ctx.vocab, 'redelivery-raises', () => new NamePatterns(raises));
  const scopes: Scope[] = [];
  const seen = new Set<number>();
  for (const raise of nodesOfType(ctx, ctx.family === 'python' ? 'raise_statement' : 'throw_statement')) {
    const thrown = raisedName(raise);
    if (thrown === null) continue;
    const qualified = qualifiedName(ctx, thrown);
    if (qualified === null || !patterns.matches(qualified)) continue;
    const fn = enclosingFunction(raise, ctx.family);
    const body = fn && functionBody(fn);
    if (!body || seen.has(body.id)) continue;
    seen.add(body.id);
    scopes.push({ context: 'retry', body, construct: raise, label: `${firstLine(raise, 50)} (the consumer redelivers the message)` });
  }
  return scopes;
}

/** The exception a `raise` / `throw` names: `RetryableError` in `raise RetryableError`, `raise e.RetryableError(…)`, `throw new RetryableError()`. */
function raisedName(raise: Node): string | null {
  let expr: Node | null = raise.namedChildren[0] ?? null;
  if (expr?.type === 'new_expression') expr = expr.childForFieldName('constructor');
  else if (expr !== null && (expr.type === 'call' || expr.type === 'call_expression')) expr = callee(expr);
  if (expr === null) return null;
  const path = dottedPath(expr);
  return path === '' ? null : path;
}

/** A name under the module it is imported from (`RetryableError` → `sdc.rabbit.exceptions.RetryableError`), or null when it is not imported. */
function qualifiedName(ctx: FileContext, path: string): string | null {
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const imported = importsOf(ctx).get(head);
  if (imported === undefined) return null;
  const base = imported.name === '*' || imported.name === 'default' ? imported.module : `${imported.module}.${imported.name}`;
  return dot < 0 ? base : base + path.slice(dot);
}

/** Bodies of the callbacks a handler runs per record (`event.Records.map(async ({ body }) => …)`). */
function recordCallbacks(ctx: FileContext, body: Node): Node[] {
  const out: Node[] = [];
  for (const call of body.descendantsOfType(['call_expression'])) {
    if (!/\.Records\.(map|forEach)$/.test(calleePath(ctx, call))) continue;
    const cb = callArguments(call)[0];
    const cbBody = cb && isFunction(cb, ctx.family) ? functionBody(cb) : null;
    if (cbBody) out.push(cbBody);
  }
  return out;
}

/**
 * Handlers that settle their delivered message by hand on the success path (vocabulary
 * `retry.settle_calls`: Azure Service Bus `receiver.completeMessage(message)` in peek-lock mode,
 * RabbitMQ `channel.ack(msg)`): a failure before the settle, thrown or swallowed, leaves the message
 * to be delivered again, and the handler runs again from the start. What comes before the settle is
 * in scope; what follows it is not. Quiet: a settle in `finally`, a catch whose every path ends the
 * message (`deadLetterMessage`, or completing it anyway: `retry.settle_failure_calls`), or a settle
 * that is not handed the function's own message (a parameter of the function).
 */
export function settledMessageScopes(ctx: FileContext, calls: readonly Node[]): Scope[] {
  const settles = ctx.vocab.retry.settle_calls;
  const commands = ctx.vocab.retry.settle_commands;
  if (settles.length === 0 && commands.length === 0) return [];
  const text = compiledOnce(ctx.vocab, 'settle-call-text', () => new RegExp(`\\b(?:${[...new Set([...settles.map(lastSegment), ...commands.map(lastSegment)])].map(escapeRegExp).join('|')})\\b`));
  if (!text.test(ctx.source)) return [];
  const patterns = compiledOnce(ctx.vocab, 'settle-calls', () => new NamePatterns(settles));
  const settleCommands = compiledOnce(ctx.vocab, 'settle-commands', () => new NamePatterns(commands));
  const failureEnds = compiledOnce(ctx.vocab, 'settle-failure-calls', () => new NamePatterns(ctx.vocab.retry.settle_failure_calls));
  const drops = compiledOnce(ctx.vocab, 'settle-drop-calls', () => new NamePatterns(ctx.vocab.retry.settle_drop_calls));
  const scopes: Scope[] = [];
  const seen = new Set<number>();
  for (const call of calls) {
    if (!patterns.matches(calleePath(ctx, call)) && !sendsSettleCommand(call, settleCommands)) continue;
    const fn = enclosingFunction(call, ctx.family);
    const body = fn && functionBody(fn);
    if (!fn || !body || seen.has(body.id)) continue;
    // The message settled must be the one the function was handed, or the one a loop of it
    // receives (`for msg in receiver:` … `receiver.complete_message(msg)`).
    const params = new Set([...functionParameters(fn), ...loopVariables(call, body)]);
    const argNames = callArguments(call).flatMap((a) => namesUnder(a));
    if (!argNames.some((n) => params.has(n))) continue;
    if (settledOnEveryFailure(ctx, call, body, failureEnds, drops)) continue;
    seen.add(body.id);
    scopes.push({ context: 'retry', body, construct: call, label: `${firstLine(call, 50)} (a message not settled is delivered again)`, excludes: statementsAfter(call, body), swallowedRetries: true });
  }
  return scopes;
}

/** `sqs.send(new DeleteMessageCommand({ … }))`: a call handed a command object of `retry.settle_commands`. */
function sendsSettleCommand(call: Node, commands: NamePatterns): boolean {
  if (commands.empty) return false;
  return callArguments(call).some((a) => {
    const made = unwrapAwait(a) ?? a;
    return made.type === 'new_expression' && commands.matches(dottedPath(made.childForFieldName('constructor')));
  });
}

/**
 * Whether every path through `block` ends the message: a statement that settles it for good
 * (`receiver.deadLetterMessage(message)`, `channel.ack(msg)`), a drop without requeue (`channel.nack(msg,
 * false, false)`, `ch.basic_reject(tag, requeue=False)`), or an `if` whose every branch does.
 */
function endsOnEveryPath(ctx: FileContext, block: Node, failureEnds: NamePatterns, drops: NamePatterns): boolean {
  return blockStatements(block).some((s) => {
    if (s.type === 'if_statement') {
      const branches = ifChain(s, ctx.family);
      return branches.some((b) => b.condition === null) && branches.every((b) => endsOnEveryPath(ctx, b.body, failureEnds, drops));
    }
    const expr = unwrapAwait(s.type === 'expression_statement' ? s.firstNamedChild : null);
    if (expr === null || !isCall(expr, ctx.family)) return false;
    const path = calleePath(ctx, expr);
    return failureEnds.matches(path) || (drops.matches(path) && withoutRequeue(expr));
  });
}

/** `nack(msg, false, false)`, `reject(msg, false)`, `basic_nack(tag, requeue=False)`: the requeue flag (the last parameter) is false. */
function withoutRequeue(call: Node): boolean {
  const args = callArguments(call);
  for (const arg of args) {
    const kw = keywordArgument(arg);
    if (kw !== null && kw.name === 'requeue') return booleanLiteral(kw.value) === false;
  }
  const positional = args.filter((a) => keywordArgument(a) === null);
  return positional.length >= 2 && booleanLiteral(positional.at(-1)) === false;
}

/** Whether the settle sits in a `finally`, or a catch around it ends the message on its every path. */
function settledOnEveryFailure(ctx: FileContext, call: Node, body: Node, failureEnds: NamePatterns, drops: NamePatterns): boolean {
  for (let n: Node | null = call.parent; n !== null && n.id !== body.id; n = n.parent) {
    if (n.type === 'finally_clause') return true;
    if (n.type !== 'try_statement') continue;
    for (const handler of tryHandlers(n, ctx.family)) if (endsOnEveryPath(ctx, handler.body, failureEnds, drops)) return true;
  }
  return false;
}

/**
 * The settle's own statement and the statements that run after it in `body` (later siblings of
 * each block between them): a failure of the settle itself is not counted as a later step.
 */
function statementsAfter(node: Node, body: Node): Node[] {
  const out: Node[] = [];
  let own: Node | null = node;
  while (own !== null && own.parent !== null && own.parent.type !== 'block' && own.parent.type !== 'statement_block' && own.id !== body.id) own = own.parent;
  if (own !== null && own.id !== body.id) out.push(own);
  for (let n: Node = node; n.parent !== null && n.id !== body.id; n = n.parent) {
    let next = n.nextNamedSibling;
    while (next !== null) {
      out.push(next);
      next = next.nextNamedSibling;
    }
  }
  return out;
}
