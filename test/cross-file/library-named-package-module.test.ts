import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A Django app keeps its Stripe models in `realstate_new/payment/models/stripe.py`; its views
// `import stripe` and charge the card with `stripe.PaymentIntent.create(…, confirm=True)`, answering
// any error with a 400 (amitv9493/realstate views.py). A module inside a package (a folder with an
// `__init__.py`) is imported by its package's path, never by its bare name, so the bare `import
// stripe` is the library, not the project's models module. The same name at a root folder (no
// `__init__.py` beside it) is the project's own module and is judged by its body.
describe("a package's module named like a library does not hide the library (AP-003)", () => {
  const view = [
    'import stripe',
    'from rest_framework.response import Response',
    '',
    'def create_intent(request, params):',
    '    try:',
    '        intent = stripe.PaymentIntent.create(**params, confirm=True)',
    '        return Response({"client_secret": intent.client_secret}, status=200)',
    '    except Exception as e:',
    '        return Response({"error": str(e)}, status=400)',
    '',
  ].join('\n');

  it('reports the charge when the same-named module sits inside a package', async () => {
    const dir = project({
      'shop/__init__.py': '',
      'shop/payment/__init__.py': '',
      'shop/payment/models/__init__.py': 'from .stripe import StripeTransaction\n',
      'shop/payment/models/stripe.py': [
        'from django.db import models',
        '',
        'class StripeTransaction(models.Model):',
        '    intent_id = models.CharField(max_length=64)',
        '',
      ].join('\n'),
      'shop/api/__init__.py': '',
      'shop/api/views.py': view,
    });
    expect(await findingLines(dir)).toEqual(['AP-003 shop/api/views.py:9']);
  });

  it("stays quiet when a root folder's own module of that name writes nothing remote", async () => {
    const dir = project({
      'stripe.py': [
        'class PaymentIntent:',
        '    @staticmethod',
        '    def create(**params):',
        '        return {"client_secret": "local"}',
        '',
      ].join('\n'),
      'views.py': view,
    });
    expect(await findingLines(dir)).toEqual([]);
  });
});

// uktrade/trade-remedies-api keeps its Django root inside a package (`trade_remedies_api/__init__.py`)
// and imports `from core.notifier import notify_footer`: the folder `core` starts the import, so its
// functions are the project's, judged by their bodies (a footer built from a string is no send).
describe("a project folder inside a package still starts the project's imports", () => {
  it('reads `from core.notifier import …` as the project module', async () => {
    const dir = project({
      'api/__init__.py': '',
      'api/core/__init__.py': '',
      'api/core/notifier.py': ['def notify_footer(email=None):', '    return "Contact us at " + str(email)', ''].join('\n'),
      'api/core/tasks.py': [
        'import smtplib',
        'from celery import shared_task',
        'from core.notifier import notify_footer',
        '',
        '@shared_task(bind=True)',
        'def send_audit_email(self, email, status):',
        '    if status == "sending":',
        '        self.retry(countdown=60)',
        '    footer = notify_footer(email=email)',
        '    with smtplib.SMTP("smtp.example.com", 587) as server:',
        '        server.sendmail("audit@example.com", "team@example.com", footer)',
        '',
      ].join('\n'),
    });
    expect(await findingLines(dir)).toEqual([]);
  });
});
