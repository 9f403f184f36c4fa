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
