import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A GraphQL transport of another file (`shopifyGraphQL(query, variables)` POSTing `{ query, variables }`)
// sends whatever document its caller hands it. A caller in a retry loop that hands it only query
// documents (a literal, a name bound to one, or its own parameter every caller fills with one) reads
// (reselllausanne/shopify-fulfillment-dashboard's audit pager, tomabbs/clandestine-fulfillment's CAS
// read); one that hands it a mutation still writes.
describe('an imported GraphQL transport handed only query documents (AP-001)', () => {
  const tsTransport = [
    'export async function shopifyGraphQL<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {',
    "  const res = await fetch('https://shop.example.com/admin/api/2024-01/graphql.json', {",
    "    method: 'POST',",
    "    headers: { 'Content-Type': 'application/json' },",
    '    body: JSON.stringify({ query, variables }),',
    '  });',
    '  return res.json();',
    '}',
    '',
  ].join('\n');
  const tsCaller = (operation: string) =>
    [
      "import { shopifyGraphQL } from '../lib/shopify';",
      '',
      'const PRODUCTS_QUERY = /* GraphQL */ `',
      `${operation} Products($cursor: String) {`,
      '  products(first: 100, after: $cursor) { nodes { id } }',
      '}',
      '`;',
      '',
      'async function gqlWithRetry<T>(query: string, variables: Record<string, unknown>, attempt = 0): Promise<T> {',
      '  try {',
      '    return await shopifyGraphQL<T>(query, variables);',
      '  } catch (err) {',
      '    if (attempt < 5) return gqlWithRetry<T>(query, variables, attempt + 1);',
      '    throw err;',
      '  }',
      '}',
      '',
      'export async function readInventory(id: string) {',
      '  const query = `',
      `    ${operation} ReadInventory($id: ID!) { inventoryItem(id: $id) { id } }`,
      '  `;',
      '  for (let attempt = 1; attempt <= 3; attempt++) {',
      '    try {',
      '      return await shopifyGraphQL(query, { id });',
      '    } catch (e) {',
      '      if (attempt === 3) throw e;',
      '    }',
      '  }',
      '}',
      '',
      'export async function main() {',
      '  await gqlWithRetry(PRODUCTS_QUERY, { cursor: null });',
      '}',
      '',
    ].join('\n');

  it('takes query documents for reads (TypeScript)', async () => {
    const dir = project({ 'lib/shopify.ts': tsTransport, 'scripts/audit.ts': tsCaller('query') });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('still reports the same calls handed mutations (TypeScript)', async () => {
    const dir = project({ 'lib/shopify.ts': tsTransport, 'scripts/audit.ts': tsCaller('mutation') });
    expect(await findingLines(dir)).toEqual(['AP-001 scripts/audit.ts:11', 'AP-001 scripts/audit.ts:24']);
  });

  const jsTransport = tsTransport.replace('<T>(query: string, variables: Record<string, unknown> = {}): Promise<T>', '(query, variables = {})').replace('export async function', 'async function') + 'module.exports = { shopifyGraphQL };\n';
  const jsCaller = (operation: string) =>
    tsCaller(operation)
      .replace("import { shopifyGraphQL } from '../lib/shopify';", "const { shopifyGraphQL } = require('../lib/shopify');")
      .replace('async function gqlWithRetry<T>(query: string, variables: Record<string, unknown>, attempt = 0): Promise<T>', 'async function gqlWithRetry(query, variables, attempt = 0)')
      .replace(/<T>/g, '')
      .replace('(id: string)', '(id)');

  it('takes query documents for reads, and still reports mutations (JavaScript)', async () => {
    expect(await findingLines(project({ 'lib/shopify.js': jsTransport, 'scripts/audit.js': jsCaller('query') }))).toEqual([]);
    expect(await findingLines(project({ 'lib/shopify.js': jsTransport, 'scripts/audit.js': jsCaller('mutation') }))).toEqual(['AP-001 scripts/audit.js:11', 'AP-001 scripts/audit.js:24']);
  });
  // Python: a transport posting `json={"query": query}` is read as a GraphQL read already (isGraphqlRead's `query:` key), on main too.
});

// Review 30 item 11: the bare word 'subscription' handed to an imported REST helper (`POST
// /v1/${resource}`) is a resource name, not a GraphQL document: no selection set follows it. The
// retried call creates a subscription on every attempt.
describe('an imported REST helper handed a resource named like a GraphQL operation (AP-001)', () => {
  const tsHelper = [
    'export async function createResource(resource: string, body: Record<string, unknown>) {',
    '  const res = await fetch(`https://api.billing.example/v1/${resource}`, {',
    "    method: 'POST',",
    "    headers: { 'Content-Type': 'application/json' },",
    '    body: JSON.stringify(body),',
    '  });',
    '  if (!res.ok) throw new Error(`billing ${res.status}`);',
    '  return res.json();',
    '}',
    '',
  ].join('\n');
  const tsCaller = [
    "import { createResource } from './lib/billing';",
    '',
    'export async function subscribeCustomer(customerId: string, planId: string) {',
    '  for (let attempt = 1; attempt <= 3; attempt++) {',
    '    try {',
    "      return await createResource('subscription', { customer: customerId, plan: planId });",
    '    } catch (err) {',
    '      if (attempt === 3) throw err;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('reports the retried write (TypeScript)', async () => {
    expect(await findingLines(project({ 'lib/billing.ts': tsHelper, 'subscribe.ts': tsCaller }))).toEqual(['AP-001 subscribe.ts:6']);
  });

  it('reports the retried write (JavaScript)', async () => {
    const jsHelper = tsHelper.replace('(resource: string, body: Record<string, unknown>)', '(resource, body)').replace('export async function', 'async function') + 'module.exports = { createResource };\n';
    const jsCaller = tsCaller.replace("import { createResource } from './lib/billing';", "const { createResource } = require('./lib/billing');").replace('(customerId: string, planId: string)', '(customerId, planId)');
    expect(await findingLines(project({ 'lib/billing.js': jsHelper, 'subscribe.js': jsCaller }))).toEqual(['AP-001 subscribe.js:6']);
  });

  it('reports the retried write (Python)', async () => {
    const pyHelper = [
      'import requests',
      '',
      '',
      'def create_resource(resource, body):',
      '    res = requests.post(f"https://api.billing.example/v1/{resource}", json=body, timeout=10)',
      '    res.raise_for_status()',
      '    return res.json()',
      '',
    ].join('\n');
    const pyCaller = [
      'from lib.billing import create_resource',
      '',
      '',
      'def subscribe_customer(customer_id, plan_id):',
      '    for attempt in range(1, 4):',
      '        try:',
      '            return create_resource("subscription", {"customer": customer_id, "plan": plan_id})',
      '        except Exception:',
      '            if attempt == 3:',
      '                raise',
      '',
    ].join('\n');
    expect(await findingLines(project({ 'lib/__init__.py': '', 'lib/billing.py': pyHelper, 'subscribe.py': pyCaller }))).toEqual(['AP-001 subscribe.py:7']);
  });
});

// Review 30 item 3: an exported retry helper's document parameter is not read from the callers of its
// own file: one in-file reader (`listProducts` handing PRODUCTS_QUERY) says nothing of orders.ts, which
// hands the same helper an `orderCreate` mutation (a duplicate order per retry). Only a function every
// caller of which is in the file (not exported; Python: a `_private` name) is read from its callers.
describe('an exported GraphQL retry helper read through by its own file (AP-001)', () => {
  const tsTransport = [
    'export async function shopifyGraphQL(query: string, variables: Record<string, unknown>) {',
    "  const res = await fetch('https://shop.example.com/admin/api/2024-01/graphql.json', {",
    "    method: 'POST',",
    "    headers: { 'Content-Type': 'application/json' },",
    '    body: JSON.stringify({ query, variables }),',
    '  });',
    '  return res.json();',
    '}',
    '',
  ].join('\n');
  const tsRetry = [
    "import { shopifyGraphQL } from './shopify';",
    '',
    'const PRODUCTS_QUERY = `query Products($first: Int!) { products(first: $first) { nodes { id title } } }`;',
    '',
    'export async function shopifyGqlWithRetry(query: string, variables: Record<string, unknown>) {',
    '  for (let attempt = 1; attempt <= 5; attempt++) {',
    '    try {',
    '      return await shopifyGraphQL(query, variables);',
    '    } catch (err) {',
    '      if (attempt === 5) throw err;',
    '    }',
    '  }',
    '}',
    '',
    'export async function listProducts() {',
    '  return shopifyGqlWithRetry(PRODUCTS_QUERY, { first: 50 });',
    '}',
    '',
  ].join('\n');
  const tsOrders = [
    "import { shopifyGqlWithRetry } from './lib/retry';",
    '',
    'const ORDER_CREATE = `mutation OrderCreate($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } } }`;',
    '',
    'export async function createOrder(order: Record<string, unknown>) {',
    '  return shopifyGqlWithRetry(ORDER_CREATE, { order });',
    '}',
    '',
  ].join('\n');

  it('reports the exported helper (TypeScript)', async () => {
    const dir = project({ 'lib/shopify.ts': tsTransport, 'lib/retry.ts': tsRetry, 'orders.ts': tsOrders });
    expect(await findingLines(dir)).toEqual(['AP-001 lib/retry.ts:8']);
  });

  const js = (ts: string, exported: string) =>
    ts
      .replace(/^import \{ (\w+) \} from '([^']+)';/m, "const { $1 } = require('$2');")
      .replace(/export async function/g, 'async function')
      .replace(/: string|: Record<string, unknown>/g, '') + (exported === '' ? '' : `module.exports = { ${exported} };\n`);

  it('reports the exported helper, whichever way it is exported (JavaScript)', async () => {
    const files = { 'lib/shopify.js': js(tsTransport, 'shopifyGraphQL'), 'orders.js': js(tsOrders, 'createOrder') };
    expect(await findingLines(project({ ...files, 'lib/retry.js': js(tsRetry, 'shopifyGqlWithRetry, listProducts') }))).toEqual(['AP-001 lib/retry.js:8']);
    const byProperty = js(tsRetry, '') + 'exports.shopifyGqlWithRetry = shopifyGqlWithRetry;\nexports.listProducts = listProducts;\n';
    expect(await findingLines(project({ ...files, 'lib/retry.js': byProperty }))).toEqual(['AP-001 lib/retry.js:8']);
  });

  const pyTransport = [
    'import requests',
    '',
    'URL = "https://shop.example.com/admin/api/2024-01/graphql.json"',
    '',
    '',
    'def shopify_graphql(query, variables):',
    '    payload = {"query": query, "variables": variables}',
    '    return requests.post(URL, json=payload, timeout=10).json()',
    '',
  ].join('\n');
  const pyRetry = (helper: string) =>
    [
      'from .shopify import shopify_graphql',
      '',
      'PRODUCTS_QUERY = """query Products($first: Int!) { products(first: $first) { nodes { id title } } }"""',
      '',
      '',
      `def ${helper}(query, variables):`,
      '    for attempt in range(1, 6):',
      '        try:',
      '            return shopify_graphql(query, variables)',
      '        except Exception:',
      '            if attempt == 5:',
      '                raise',
      '',
      '',
      'def list_products():',
      `    return ${helper}(PRODUCTS_QUERY, {"first": 50})`,
      '',
    ].join('\n');
  const pyOrders = [
    'from lib.retry import shopify_gql_with_retry',
    '',
    'ORDER_CREATE = """mutation OrderCreate($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } } }"""',
    '',
    '',
    'def create_order(order):',
    '    return shopify_gql_with_retry(ORDER_CREATE, {"order": order})',
    '',
  ].join('\n');

  it('reports a public helper, and takes a private one for a read (Python)', async () => {
    const files = { 'lib/__init__.py': '', 'lib/shopify.py': pyTransport };
    expect(await findingLines(project({ ...files, 'lib/retry.py': pyRetry('shopify_gql_with_retry'), 'orders.py': pyOrders }))).toEqual(['AP-001 lib/retry.py:9']);
    expect(await findingLines(project({ ...files, 'lib/retry.py': pyRetry('_shopify_gql_with_retry') }))).toEqual([]);
  });
});
