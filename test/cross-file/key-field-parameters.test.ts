import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A helper of another file that reads its key from a field of an options parameter
// (`reference: params.reference`) passes it only when its caller's object has that field, with a
// value not made afresh on each attempt (ojieame12/natesub `jobs/billing.ts`: a cron re-charging
// failed payments under `RET-…-R<attempt>`).
describe('helpers whose key is a field of their parameter', () => {
  const recurring = [
    'export async function chargeAuthorization(params: { authorizationCode: string; amount: number; reference?: string }) {',
    "  const response = await fetch('https://api.paystack.co/transaction/charge_authorization', {",
    "    method: 'POST',",
    '    body: JSON.stringify({ authorization_code: params.authorizationCode, amount: params.amount, reference: params.reference }),',
    '  });',
    '  return response.json();',
    '}',
    '',
  ].join('\n');
  const billing = (reference: string, passed: string) =>
    [
      "import { chargeAuthorization } from './recurring';",
      'export async function retryFailed(db: any) {',
      "  const failed = await db.payment.findMany({ where: { status: 'failed' } });",
      '  for (const payment of failed) {',
      '    const attempt = payment.attempts + 1;',
      `    const reference = ${reference};`,
      `    await chargeAuthorization({ authorizationCode: payment.code, amount: payment.amount${passed} });`,
      "    await db.payment.update({ where: { id: payment.id }, data: { status: 'succeeded' } });",
      '  }',
      '}',
      '',
    ].join('\n');
  const files = (b: string) => ({ 'package.json': '{}', 'tsconfig.json': '{}', 'src/recurring.ts': recurring, 'src/billing.ts': b });

  it('reports the charge when the caller leaves the reference out', async () => {
    expect(await findingLines(project(files(billing('`RET-${payment.id}`', ''))))).toContain('AP-001 src/billing.ts:7');
  });

  it('reports the charge when the reference carries the attempt number', async () => {
    expect(await findingLines(project(files(billing('`RET-${payment.id}-R${attempt}`', ', reference'))))).toContain('AP-001 src/billing.ts:7');
  });

  it('stays quiet when the caller passes a stable reference', async () => {
    expect(await findingLines(project(files(billing('`RET-${payment.id}`', ', reference'))))).not.toContain('AP-001 src/billing.ts:7');
  });

  const pyClient = [
    'import requests',
    '',
    '',
    'def charge_authorization(params):',
    '    body = {"authorization_code": params["authorization_code"], "amount": params["amount"], "reference": params["reference"]}',
    '    return requests.post("https://api.paystack.co/transaction/charge_authorization", json=body, timeout=10).json()',
    '',
  ].join('\n');
  const pyBilling = (passed: string) =>
    [
      'from app.recurring import charge_authorization',
      'from app.models import Payment',
      '',
      '',
      'def retry_failed():',
      '    for payment in Payment.objects.filter(status="failed"):',
      `        charge_authorization({"authorization_code": payment.code, "amount": payment.amount${passed}})`,
      '        payment.status = "succeeded"',
      '        payment.save()',
      '',
    ].join('\n');
  const pyFiles = (b: string) => ({ 'pyproject.toml': '', 'app/__init__.py': '', 'app/recurring.py': pyClient, 'app/billing.py': b });

  it('reports the Python charge when the caller leaves the reference out', async () => {
    expect(await findingLines(project(pyFiles(pyBilling(''))))).toContain('AP-001 app/billing.py:7');
  });

  it('reports the Python charge when the reference carries the attempt number', async () => {
    expect(await findingLines(project(pyFiles(pyBilling(', "reference": f"RET-{payment.id}-{payment.attempts + 1}"'))))).toContain('AP-001 app/billing.py:7');
  });

  it('stays quiet when the Python caller passes a stable reference', async () => {
    expect(await findingLines(project(pyFiles(pyBilling(', "reference": f"RET-{payment.id}"'))))).not.toContain('AP-001 app/billing.py:7');
  });
});
