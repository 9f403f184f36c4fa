import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A gateway module imports a charge helper and exports it under another name (`import { chargeCard }
// from './flutterwave.js'; export { chargeCard as gatewayChargeCard }`); the controller calls that
// name and answers 400 when the helper's result is not a success. The helper's catch returns
// `{ success: false }` for a timeout too (Riderr-Limited/riderr-backend utils/flutterwave.js:273 and
// utils/paymentGateway.js, batch 31). The renamed export is the helper's, as `export { … } from` is.
describe('a helper exported under another name by a module that imported it (AP-003)', () => {
  const helper = [
    "import axios from 'axios';",
    '',
    'export const chargeCard = async (chargeData) => {',
    '  try {',
    "    const response = await axios.post('https://api.flw.example.com/charges?type=card', chargeData);",
    '    return { success: true, data: response.data };',
    '  } catch (error) {',
    '    return { success: false, message: error.message };',
    '  }',
    '};',
    '',
  ].join('\n');
  const gateway = (exported: string) => ["import { chargeCard } from './flutterwave.js';", '', `export { ${exported} };`, ''].join('\n');
  const controller = (name: string, branch: string[]) =>
    [
      `import { ${name} } from '../utils/paymentGateway.js';`,
      '',
      'export const charge = async (req, res) => {',
      `  const chargeResult = await ${name}(req.body);`,
      ...branch,
      '  return res.json({ success: true, data: chargeResult.data });',
      '};',
      '',
    ].join('\n');
  const failed = ['  if (!chargeResult.success) {', "    return res.status(400).json({ success: false, message: 'Card charge failed' });", '  }'];
  const logged = ['  if (!chargeResult.success) {', "    console.warn('charge not confirmed', chargeResult.message);", '  }'];

  for (const ext of ['js', 'ts']) {
    it(`reports the helper's catch when the caller of the renamed export answers 400 (${ext})`, async () => {
      const dir = project({
        'package.json': '{"name":"api","type":"module","dependencies":{"axios":"1"}}',
        [`utils/flutterwave.${ext}`]: helper,
        [`utils/paymentGateway.${ext}`]: gateway('chargeCard as gatewayChargeCard'),
        [`controllers/payment.controller.${ext}`]: controller('gatewayChargeCard', failed),
      });
      expect(await findingLines(dir)).toContain(`AP-003 utils/flutterwave.${ext}:8`);
    });

    it(`stays quiet when the caller of the renamed export only logs the result (${ext})`, async () => {
      const dir = project({
        'package.json': '{"name":"api","type":"module","dependencies":{"axios":"1"}}',
        [`utils/flutterwave.${ext}`]: helper,
        [`utils/paymentGateway.${ext}`]: gateway('chargeCard as gatewayChargeCard'),
        [`controllers/payment.controller.${ext}`]: controller('gatewayChargeCard', logged),
      });
      expect(await findingLines(dir)).not.toContain(`AP-003 utils/flutterwave.${ext}:8`);
    });
  }
});
