import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

/**
 * A method called on a module's instance of its class (`client = ReportClient()`, `payout =
 * PayoutService()`) is resolved to the class's body only to ask whether it keeps its writes'
 * errors to itself (AP-003, `handled-below.test.ts`). Round 16's r16-a resolved it for every rule
 * and lost factpulse's Celery submission (a client method whose request takes its HTTP method as a
 * parameter, judged by name until then) and added 18 AP-001/AP-002 findings in polar's task modules
 * (an actor calling an instance's method that calls another instance's generic-verb method, an
 * upload to a path fixed by the payout). These two shapes fail if that resolution comes back unasked.
 */
describe('a method of a module instance, for AP-001', () => {
  it('still finds a retried submission through a client instance whose request takes its method as a parameter', async () => {
    const client = [
      'import requests',
      '',
      '',
      'class UnavailableError(Exception):',
      '    pass',
      '',
      '',
      'class ReportClient:',
      '    base = "https://reports.example.com/api/v1"',
      '',
      '    def _request(self, method, url, **kwargs):',
      '        kwargs.setdefault("timeout", 30)',
      '        try:',
      '            response = requests.request(method, url, **kwargs)',
      '        except requests.Timeout:',
      '            raise UnavailableError("Report API request timed out.") from None',
      '        response.raise_for_status()',
      '        return response.json()',
      '',
      '    def submit_filing(self, payload):',
      '        return self._request("POST", f"{self.base}/reports/submit", json=payload)',
      '',
      '',
      'client = ReportClient()',
      '',
    ].join('\n');
    const tasks = [
      'from celery import shared_task',
      '',
      'from app.client import UnavailableError, client',
      '',
      '',
      '@shared_task(bind=True, max_retries=3, default_retry_delay=60)',
      'def submit_report_for_invoice(self, invoice_id):',
      '    payload = {"invoice": invoice_id}',
      '    try:',
      '        result = client.submit_filing(payload)',
      '        return result',
      '    except UnavailableError as e:',
      '        raise self.retry(exc=e) from e',
      '',
    ].join('\n');
    const dir = project({ 'app/__init__.py': '', 'app/client.py': client, 'app/tasks.py': tasks });
    expect(await findingLines(dir)).toContain('AP-001 app/tasks.py:10');
  });

  it('finds nothing in an actor calling an instance method that uploads to a path fixed by its record', async () => {
    const invoice = [
      'import boto3',
      '',
      's3 = boto3.client("s3")',
      '',
      '',
      'class InvoiceService:',
      '    async def create_payout_invoice(self, payout):',
      '        pdf = render_pdf(payout)',
      '        key = f"payouts/{payout.id}/invoice.pdf"',
      '        s3.put_object(Bucket="invoices", Key=key, Body=pdf)',
      '        return key',
      '',
      '',
      'def render_pdf(payout):',
      '    return f"Payout {payout.id}".encode()',
      '',
      '',
      'invoice = InvoiceService()',
      '',
    ].join('\n');
    const service = [
      'from app.invoice.service import invoice as invoice_service',
      '',
      '',
      'class PayoutService:',
      '    async def generate_invoice(self, session, payout):',
      '        invoice_path = await invoice_service.create_payout_invoice(payout)',
      '        payout.invoice_path = invoice_path',
      '        session.add(payout)',
      '        return payout',
      '',
      '',
      'payout = PayoutService()',
      '',
    ].join('\n');
    const tasks = [
      'import dramatiq',
      '',
      'from app.db import AsyncSessionMaker',
      'from .service import payout as payout_service',
      '',
      '',
      '@dramatiq.actor(max_retries=20)',
      'async def payout_invoice(payout_id):',
      '    async with AsyncSessionMaker() as session:',
      '        payout = await session.get(payout_id)',
      '        if payout is None:',
      '            return',
      '        await payout_service.generate_invoice(session, payout)',
      '',
    ].join('\n');
    const dir = project({
      'app/__init__.py': '',
      'app/invoice/__init__.py': '',
      'app/invoice/service.py': invoice,
      'app/payout/__init__.py': '',
      'app/payout/service.py': service,
      'app/payout/tasks.py': tasks,
    });
    expect((await findingLines(dir)).filter((l) => l.includes('app/payout/tasks.py'))).toEqual([]);
  });
});
