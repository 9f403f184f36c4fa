import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// `client = _build_client()` where this file's factory returns the project's `OmariClient`
// (morebnyemba/Kali-Safaris omari_integration/views.py, batch 29): the object is of that class, so
// `client.request(…)` runs `OmariClient.request`, whose body POSTs the debit. The handler that marks
// the transaction FAILED on any error records a definite failure for an unknown outcome. A factory
// that hands back something else (a dict of settings) says nothing of the call.
// Python only: in JavaScript and TypeScript the type checker already follows the factory's return.
describe('a method called on an object made by a factory of the same file (AP-003)', () => {
  const servicesPy = [
    'import requests',
    '',
    '',
    'class OmariClient:',
    '    def __init__(self):',
    '        self.session = requests.Session()',
    '',
    '    def request(self, msisdn, reference, otp):',
    '        resp = self.session.post("https://omari.example.com/api/request", json={"msisdn": msisdn, "reference": reference, "otp": otp}, timeout=30)',
    '        resp.raise_for_status()',
    '        return resp.json()',
    '',
  ].join('\n');
  const viewsPy = (factory: string) => [
    'from app.models import OmariTransaction',
    'from app.services import OmariClient',
    '',
    '',
    factory,
    '',
    '',
    'def omari_request_view(payload):',
    '    client = _build_client()',
    '    try:',
    '        result = client.request(msisdn=payload["msisdn"], reference=payload["reference"], otp=payload["otp"])',
    '        OmariTransaction.objects.filter(reference=payload["reference"]).update(status="SUCCESS")',
    '        return result',
    '    except Exception as e:',
    '        txn = OmariTransaction.objects.filter(reference=payload["reference"]).first()',
    '        txn.status = "FAILED"',
    '        txn.save()',
    '        return {"error": True}',
    '',
  ].join('\n');
  const files = (factory: string) => ({
    'app/__init__.py': '',
    'app/models.py': 'from django.db import models\n\n\nclass OmariTransaction(models.Model):\n    status = models.CharField(max_length=20)\n',
    'app/services.py': servicesPy,
    'app/views.py': viewsPy(factory),
  });

  it('reads the class from the factory’s return annotation (Python)', async () => {
    const factory = 'def _build_client() -> OmariClient:\n    """Build the client from the configuration."""\n    return make_configured(OmariClient)';
    expect(await findingLines(project(files(`${factory}\n\n\ndef make_configured(cls):\n    return cls()`)))).toEqual(['AP-003 app/views.py:22']);
  });

  it('reads the class the factory’s return constructs (Python)', async () => {
    expect(await findingLines(project(files('def _build_client():\n    return OmariClient()')))).toEqual(['AP-003 app/views.py:17']);
  });

  it('keeps quiet where the factory hands back no client (Python)', async () => {
    expect(await findingLines(project(files('def _build_client():\n    return {"base_url": "https://omari.example.com"}')))).toEqual([]);
  });

});
