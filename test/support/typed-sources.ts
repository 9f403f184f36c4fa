// Sources for the type-aware tests: a method called on an injected service inside a retry loop.

/** A service class: `renew` writes without a key, `charge` passes one, `status` only reads. */
export const SERVICE = [
  'export class PaymentsService {',
  '  async renew(orderId: string, amount: number) {',
  "    return stripe.paymentIntents.create({ amount, currency: 'usd', metadata: { orderId } });",
  '  }',
  '  async charge(orderId: string, amount: number) {',
  "    return stripe.paymentIntents.create({ amount, currency: 'usd' }, { idempotencyKey: `order-${orderId}` });",
  '  }',
  '  async status(orderId: string) {',
  '    return stripe.paymentIntents.retrieve(orderId);',
  '  }',
  '}',
  '',
].join('\n');

/** A job whose retry loop calls the injected service's three methods (lines 9, 10 and 11). */
export const JOB = [
  "import { PaymentsService } from './payments';",
  '',
  'export class RenewalJob {',
  '  constructor(private readonly payments: PaymentsService) {}',
  '',
  '  async run(orderId: string, amount: number) {',
  '    for (let attempt = 0; attempt < 3; attempt++) {',
  '      try {',
  '        await this.payments.renew(orderId, amount);',
  '        await this.payments.charge(orderId, amount);',
  '        await this.payments.status(orderId);',
  '        return;',
  '      } catch (err) {',
  '        await new Promise((r) => setTimeout(r, 100));',
  '      }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');
