import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A payout through a provider chosen at run time (zefparis/unipay-api withdraw.ts, batch 27): the
// registry's type is its first provider's module, whose `initiatePayment` only throws (an
// integration not yet available). A body that only raises is a stub of an operation implemented
// elsewhere: it says nothing of what the call does where it runs, so the name's write stands and
// the handler that marks the withdrawal failed records a definite failure for an unknown outcome.
// A provider whose body is in sight and writes nowhere (it only computes) still overrules the name.
// TypeScript only: JavaScript and Python reach the provider by its name, where the name already stands.
describe('a provider whose body only raises does not overrule the write its name says (AP-003)', () => {
  const stubTs = [
    'export async function initiatePayment(_payload: { amount: number; phone: string }): Promise<{ ref: string }> {',
    "  throw new Error('Provider integration not yet available');",
    '}',
    '',
  ].join('\n');
  const localTs = [
    'export async function initiatePayment(payload: { amount: number; phone: string }): Promise<{ ref: string }> {',
    '  return { ref: `${payload.phone}-${payload.amount}` };',
    '}',
    '',
  ].join('\n');
  const registryTs = [
    "import * as vodacash from './vodacash';",
    "import * as orange from './orange';",
    'type ProviderService = typeof vodacash;',
    'const registry: Record<string, ProviderService> = { vodacash, orange };',
    'export function getProviderService(channel: string): ProviderService {',
    '  return registry[channel];',
    '}',
    '',
  ].join('\n');
  const orangeTs = [
    "import axios from 'axios';",
    'export async function initiatePayment(payload: { amount: number; phone: string }): Promise<{ ref: string }> {',
    "  const res = await axios.post('https://api.orange.example/payouts', payload);",
    '  return { ref: res.data.id };',
    '}',
    '',
  ].join('\n');
  const withdrawTs = [
    "import { getProviderService } from './services';",
    "import { db } from './db';",
    '',
    'export async function withdraw(txId: string, operator: string, amount: number, phone: string) {',
    '  const service = getProviderService(operator);',
    '  try {',
    '    const res = await service.initiatePayment({ amount, phone });',
    "    await db.transactions.update({ where: { id: txId }, data: { status: 'processing', ref: res.ref } });",
    '  } catch (err) {',
    "    await db.transactions.update({ where: { id: txId }, data: { status: 'failed' } });",
    '  }',
    '}',
    '',
  ].join('\n');
  const files = (vodacash: string) => ({
    'package.json': '{}',
    'tsconfig.json': '{"compilerOptions":{"strict":true,"module":"esnext","moduleResolution":"bundler"}}',
    'src/vodacash.ts': vodacash,
    'src/orange.ts': orangeTs,
    'src/services.ts': registryTs,
    'src/db.ts': 'export const db: any = {};\n',
    'src/withdraw.ts': withdrawTs,
  });

  it('reports the handler of a payout whose typed provider is a stub (TypeScript)', async () => {
    expect(await findingLines(project(files(stubTs)))).toEqual(['AP-003 src/withdraw.ts:10']);
  });

  it('keeps quiet where the typed provider’s body in sight only computes (TypeScript)', async () => {
    expect(await findingLines(project(files(localTs)))).toEqual([]);
  });

});
