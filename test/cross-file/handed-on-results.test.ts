import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A helper catches its purchase POST's error and returns a failed result; a dispatcher of the same
// file hands that result on as its own (`return await buyData(…)`, `result = await
// this.sendBankPayout(…); … return result`), and a caller in another file records a definite
// failure when it is not a success (Oniboy6775/ReloadedData-bot purchaseHelper.js and its
// conversation controller, RonIverson7/LATE25 payoutGatewayService.js and payoutService.js, batch 25).
describe('a failed result handed on by a dispatcher to a caller of another file (AP-003)', () => {
  const helper = [
    "const axios = require('axios');",
    '',
    'const buyData = async ({ phone, planId }) => {',
    "  let response = { status: false, msg: 'Purchase failed' };",
    '  try {',
    "    const { data } = await axios.post('https://vtu.example.com/buy/data', { phone, plan: planId });",
    '    response.status = true;',
    '    response.msg = data.msg;',
    '    return response;',
    '  } catch (error) {',
    '    response.msg = error.response?.data?.msg;',
    '    return response;',
    '  }',
    '};',
    '',
    'const handlePurchase = async ({ serviceType, phone, planId }) => {',
    '  try {',
    '    switch (serviceType) {',
    "      case 'DATA':",
    '        return await buyData({ phone, planId });',
    '      default:',
    '        break;',
    '    }',
    '  } catch (err) {',
    "    console.error('Error in handlePurchase:', err);",
    '  }',
    '};',
    '',
    'module.exports = { handlePurchase };',
    '',
  ].join('\n');
  const caller = (branch: string[]) =>
    [
      "const { handlePurchase } = require('../utils/purchaseHelper');",
      '',
      'async function confirmPayment(from, conversation, sendWhatsAppMessage) {',
      '  const { status, msg } = await handlePurchase({ serviceType: conversation.serviceType, phone: conversation.phone, planId: conversation.planId });',
      ...branch,
      "  conversation.currentStep = 'COMPLETED';",
      '  await conversation.save();',
      '}',
      '',
      'module.exports = { confirmPayment };',
      '',
    ].join('\n');

  it('reports the helper when the caller tells the user the order failed', async () => {
    const dir = project({
      'package.json': '{"name":"bot","dependencies":{"axios":"1"}}',
      'utils/purchaseHelper.js': helper,
      'controllers/conversation.js': caller(['  if (!status) {', "    await sendWhatsAppMessage(from, 'Your order failed: ' + msg);", '    return;', '  }']),
    });
    expect(await findingLines(dir)).toContain('AP-003 utils/purchaseHelper.js:12');
  });

  it('stays quiet when the caller only logs the result', async () => {
    const dir = project({
      'package.json': '{"name":"bot","dependencies":{"axios":"1"}}',
      'utils/purchaseHelper.js': helper,
      'controllers/conversation.js': caller(["  console.log('purchase answered', status, msg);"]),
    });
    expect(await findingLines(dir)).toEqual([]);
  });

  it('reports a Python helper whose result a method of the same class hands on to a caller of another module', async () => {
    const gateway = [
      'import requests',
      '',
      '',
      'class PayoutGateway:',
      '    def _send_bank_payout(self, payout):',
      '        try:',
      '            resp = requests.post("https://api.bank.example/disbursements", json={"amount": payout.amount}, timeout=30)',
      '            return resp.json()["id"]',
      '        except Exception:',
      '            return None',
      '',
      '    def process_payout(self, payout):',
      '        result = None',
      '        if payout.method == "bank":',
      '            result = self._send_bank_payout(payout)',
      '        return result',
      '',
    ].join('\n');
    const service = [
      'from payouts.gateway import PayoutGateway',
      '',
      '',
      'def withdraw(payout):',
      '    reference = PayoutGateway().process_payout(payout)',
      '    if not reference:',
      '        payout.status = "failed"',
      '        payout.save()',
      '        return',
      '    payout.reference = reference',
      '    payout.save()',
      '',
    ].join('\n');
    const dir = project({ 'payouts/__init__.py': '', 'payouts/gateway.py': gateway, 'payouts/service.py': service });
    expect(await findingLines(dir)).toContain('AP-003 payouts/gateway.py:10');
  });
});

// A tip bot's helper returns `[false, e]` for any error of its broadcast; the command in another
// file answers the user "Send failed" with the chat client's reply (Astral-Credits-Bot songbird.js
// and tipbot.js, batch 25; the same answer by `msg.channel.send` in ensj/dogewallet, batch 20).
describe('a failure told to the user by a chat bot reply (AP-003)', () => {
  const chain = [
    'async function withdrawNative(wallet, address, amount) {',
    '  try {',
    '    return [true, await wallet.sendTransaction({ to: address, value: amount })];',
    '  } catch (e) {',
    '    return [false, e];',
    '  }',
    '}',
    '',
    'module.exports = { withdrawNative };',
    '',
  ].join('\n');
  const command = (reply: string) =>
    [
      "const chain = require('./chain.js');",
      '',
      'async function sendTip(interaction, wallet, address, amount) {',
      '  let success, sent;',
      '  try {',
      '    [success, sent] = await chain.withdrawNative(wallet, address, amount);',
      '  } catch (e) {',
      '    return;',
      '  }',
      '  if (!success) {',
      `    return await interaction.editReply(${JSON.stringify(reply)});`,
      '  }',
      '  await interaction.editReply(`Sending tip... ${sent.hash}`);',
      '}',
      '',
      'module.exports = { sendTip };',
      '',
    ].join('\n');

  it('reports the helper when the reply says the send failed', async () => {
    const dir = project({ 'chain.js': chain, 'tipbot.js': command('Send failed - you may be sending tips too fast.') });
    expect(await findingLines(dir)).toContain('AP-003 chain.js:5');
  });

  it('stays quiet when the reply says the send is being checked', async () => {
    const dir = project({ 'chain.js': chain, 'tipbot.js': command('Your tip is being checked on the network; we will confirm it here.') });
    expect(await findingLines(dir)).toEqual([]);
  });
});
