import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A provider's webhook handler runs again when it fails (the provider redelivers the event): a write
// made by a helper of another file is made again, unless that helper keeps every error to itself
// (the handler then never fails because of it).
describe('webhook handlers the provider redelivers', () => {
  const route = [
    "import Stripe from 'stripe';",
    "import { purchaseLabel } from './shippo';",
    'const stripe = new Stripe(process.env.STRIPE_KEY as string);',
    'export async function POST(req: Request) {',
    "  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get('stripe-signature') as string, process.env.SECRET as string);",
    "  if (event.type === 'payment_intent.succeeded') {",
    '    await purchaseLabel((event.data.object as any).metadata.rate_id);',
    '  }',
    "  return new Response('ok');",
    '}',
    '',
  ].join('\n');
  const shippo = (kept: boolean) =>
    [
      'export async function purchaseLabel(rateId: string) {',
      ...(kept ? ['  try {'] : []),
      "  await fetch('https://api.goshippo.com/transactions/', { method: 'POST', body: JSON.stringify({ rate: rateId }) });",
      ...(kept ? ['  } catch (err) {', '    console.error(err);', '  }'] : []),
      '}',
      '',
    ].join('\n');

  it('reports the handler call of a helper whose write fails the handler', async () => {
    const dir = project({ 'package.json': '{}', 'src/route.ts': route, 'src/shippo.ts': shippo(false) });
    expect(await findingLines(dir)).toEqual(['AP-001 src/route.ts:7']);
  });

  it('stays quiet when the helper keeps every error of its write', async () => {
    const dir = project({ 'package.json': '{}', 'src/route.ts': route, 'src/shippo.ts': shippo(true) });
    expect(await findingLines(dir)).toEqual([]);
  });
});
