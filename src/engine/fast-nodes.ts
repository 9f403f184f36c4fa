import Parser from 'tree-sitter';

/**
 * Cheaper node accessors for the native tree-sitter binding.
 *
 * Every accessor of a binding node (`id`, `startIndex`, `parent`, …) is a call into native code
 * through a shared transfer buffer, and the matchers ask the same questions of the same nodes many
 * times: profiling a cold scan showed most of matching spent in those crossings, not in our code.
 * A node object already carries its raw `TSNode` (fields 0–1: the node's address, used as its id;
 * field 2: its start byte; fields 3–4: its start row and byte column), so `id`, `startIndex` and
 * `startPosition` are read in JavaScript; `type`, `endIndex`, `parent`, the child lists and field lookups are
 * asked once per node object and kept on it (our trees are never edited after parsing, so what one
 * object of a node learnt stays true; see `dropNodeCache` for why a node may have several objects).
 *
 * The layout is the binding's private detail, so it is checked before anything is replaced: the
 * accessors are installed only when they agree with the binding's own on sample trees of every
 * grammar; otherwise the binding's accessors stay as they are and only speed is lost.
 */
type RawNode = Parser.SyntaxNode & Record<number, number> & Record<symbol, unknown>;

const TYPE = Symbol('type');
const END = Symbol('endIndex');
const PARENT = Symbol('parent');
const CHILDREN = Symbol('children');
const NAMED = Symbol('namedChildren');
const FIELDS = Symbol('fields');

let installed: boolean | undefined;

/** Installs the accessors once per thread (after checking them); returns whether they are in use. */
export function installFastNodes(samples: readonly Parser.Tree[]): boolean {
  if (installed !== undefined) return installed;
  const proto = baseNodePrototype(samples[0]?.rootNode);
  if (proto === undefined) return (installed = false);
  const original = new Map<string, PropertyDescriptor>();
  for (const key of ['id', 'type', 'startIndex', 'startPosition', 'endIndex', 'parent', 'children', 'namedChildren', 'childForFieldName']) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (d === undefined) return (installed = false);
    original.set(key, d);
  }
  const get = (key: string) => original.get(key)?.get as (this: Parser.SyntaxNode) => unknown;
  const nativeType = get('type');
  const nativeParent = get('parent');
  const childFor = original.get('childForFieldName')?.value as (this: Parser.SyntaxNode, name: string) => Parser.SyntaxNode | null;
  const reference = samples.map((tree) => snapshot(tree.rootNode));

  const cached = <T>(key: symbol, getter: (this: Parser.SyntaxNode) => unknown) =>
    function (this: RawNode): T {
      let v = this[key];
      if (v === undefined) this[key] = v = getter.call(this);
      return v as T;
    };
  Object.defineProperties(proto, {
    id: { configurable: true, get(this: RawNode) { return (this[0] as number) + (this[1] as number) * 4294967296; } },
    startIndex: { configurable: true, get(this: RawNode) { return (this[2] as number) >>> 1; } },
    startPosition: { configurable: true, get(this: RawNode) { return { row: this[3] as number, column: (this[4] as number) >>> 1 }; } },
    type: { configurable: true, get: cached<string>(TYPE, nativeType) },
    endIndex: { configurable: true, get: cached<number>(END, get('endIndex')) },
    parent: {
      configurable: true,
      get(this: RawNode): Parser.SyntaxNode | null {
        let v = this[PARENT] as Parser.SyntaxNode | null | undefined;
        if (v === undefined) this[PARENT] = v = sharedParent(this, nativeParent);
        return v;
      },
    },
    children: { configurable: true, get: cached<Parser.SyntaxNode[]>(CHILDREN, get('children')) },
    namedChildren: { configurable: true, get: cached<Parser.SyntaxNode[]>(NAMED, get('namedChildren')) },
    childForFieldName: {
      configurable: true,
      writable: true,
      value(this: RawNode, name: string): Parser.SyntaxNode | null {
        let fields = this[FIELDS] as Map<string, Parser.SyntaxNode | null> | undefined;
        if (fields === undefined) this[FIELDS] = fields = new Map();
        let v = fields.get(name);
        if (v === undefined) fields.set(name, (v = childFor.call(this, name)));
        return v;
      },
    },
  });
  const typed = typePerNodeClass(samples, proto, nativeType);
  // The same trees read again, now through the new accessors, must give the binding's answers.
  const agrees = reference.every((expected, i) => sameSnapshot(expected, snapshot((samples[i] as Parser.Tree).rootNode)));
  if (!agrees) {
    for (const [key, d] of original) Object.defineProperty(proto, key, d);
    for (const p of typed) delete (p as Record<string, unknown>).type;
  } else dropNodeCache(samples[0] as Parser.Tree);
  return (installed = agrees);
}

/**
 * The binding gives each named node type of a grammar its own class, one per symbol, and means
 * its `type` to be a plain value on that class (`prototype.type = name`), but the assignment is
 * silently lost behind the base class's getter, so every node object asked the native side. A
 * node's type is its symbol's name, the same for every node of the class: the first node of a
 * class asks, and the class keeps the answer. Returns the prototypes given a `type`.
 */
function typePerNodeClass(samples: readonly Parser.Tree[], base: object, nativeType: (this: Parser.SyntaxNode) => unknown): object[] {
  const out: object[] = [];
  for (const tree of samples) {
    const classes = (tree as unknown as { language?: { nodeSubclasses?: unknown[] } }).language?.nodeSubclasses ?? [];
    for (const c of classes) {
      const p = typeof c === 'function' ? (c.prototype as object) : undefined;
      if (p === undefined || p === base || Object.getPrototypeOf(p) !== base || Object.hasOwn(p, 'type')) continue;
      Object.defineProperty(p, 'type', {
        configurable: true,
        get(this: Parser.SyntaxNode) {
          const name = nativeType.call(this);
          Object.defineProperty(p, 'type', { configurable: true, writable: false, value: name });
          return name;
        },
      });
      out.push(p);
    }
  }
  return out;
}

const PARENTS = Symbol('parents');

interface ParentIndex {
  /** Child id → its parent's object. */
  parentOf: Map<number, Parser.SyntaxNode | null>;
  /** Id → the one object handed out as a parent for that node. */
  asParent: Map<number, Parser.SyntaxNode>;
}

const idOf = (node: RawNode) => (node[0] as number) + (node[1] as number) * 4294967296;

/**
 * A node's parent through one object per parent node and tree: walks up from many nodes
 * (`enclosingFunction`) then meet the same ancestor objects, whose answers (parent, type,
 * children) are already kept on them, instead of each walk asking the native side again.
 */
function sharedParent(node: RawNode, nativeParent: (this: Parser.SyntaxNode) => unknown): Parser.SyntaxNode | null {
  const tree = node.tree as unknown as Record<symbol, ParentIndex | undefined>;
  let index = tree[PARENTS];
  if (index === undefined) tree[PARENTS] = index = { parentOf: new Map(), asParent: new Map() };
  const id = idOf(node);
  let parent = index.parentOf.get(id);
  if (parent === undefined) {
    parent = nativeParent.call(node) as Parser.SyntaxNode | null;
    if (parent !== null) {
      const pid = idOf(parent as RawNode);
      const known = index.asParent.get(pid);
      if (known === undefined) index.asParent.set(pid, parent);
      else parent = known;
    }
    index.parentOf.set(id, parent);
  }
  return parent;
}

/**
 * The binding keeps every node object it hands out in a per-tree table of weak references with a
 * finalizer each, so that asking for a node twice gives the same object. That bookkeeping cost
 * about an eighth of a cold scan, and nothing here needs it: nodes are told apart by `id`, and the
 * answers kept on an object stay true for every object of the same node because trees are never
 * edited. So nodes are no longer registered; a node asked for twice may come back as two objects.
 */
function dropNodeCache(sample: Parser.Tree): void {
  const tree = Object.getPrototypeOf(sample) as Record<string, unknown>;
  if (typeof tree._cacheNode !== 'function' || typeof tree._cacheNodes !== 'function') return;
  tree._cacheNode = () => undefined;
  tree._cacheNodes = () => undefined;
}

/** The prototype that defines the node accessors (every node type's class extends it). */
function baseNodePrototype(node: Parser.SyntaxNode | undefined): object | undefined {
  for (let p: object | null = node === undefined ? null : Object.getPrototypeOf(node); p !== null; p = Object.getPrototypeOf(p)) {
    if (Object.hasOwn(p, 'startIndex') && Object.hasOwn(p, 'parent')) return p;
  }
  return undefined;
}

type Snapshot = string[];

/** Every node's answers to the replaced accessors, in document order. */
function snapshot(root: Parser.SyntaxNode): Snapshot {
  const out: Snapshot = [];
  const visit = (n: Parser.SyntaxNode) => {
    const field = n.parent === null ? '' : fieldOf(n);
    out.push(
      [n.id, n.type, n.startIndex, n.endIndex, n.startPosition.row, n.startPosition.column, n.parent?.id ?? '-', n.namedChildren.length, field].join(':'),
    );
    for (const c of n.children) visit(c);
  };
  visit(root);
  return out;
}

/** Which field of its parent holds the node, found through `childForFieldName`. */
function fieldOf(n: Parser.SyntaxNode): string {
  const parent = n.parent as Parser.SyntaxNode;
  for (const name of ['name', 'body', 'function', 'arguments', 'left', 'right', 'condition', 'value', 'object', 'property']) {
    if (parent.childForFieldName(name)?.id === n.id) return name;
  }
  return '';
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
