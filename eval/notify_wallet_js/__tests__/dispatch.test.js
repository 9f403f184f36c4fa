'use strict';

jest.mock('../services/channels');
jest.mock('../services/store');
jest.mock('../services/wallet');

const channels = require('../services/channels');
const { wallet } = require('../services/wallet');
const { autoTopUpQuietly } = require('../services/dispatch');

describe('autoTopUpQuietly', () => {
  it('texts once after the last failed attempt', async () => {
    wallet.topUp.mockRejectedValue(new Error('503'));
    await expect(autoTopUpQuietly({ id: 'u1', walletId: 'w1', phone: '+1555' }, 500)).rejects.toThrow('503');
    expect(wallet.topUp).toHaveBeenCalledTimes(3);
    expect(channels.sendSms).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when the first attempt works', async () => {
    wallet.topUp.mockResolvedValue({ id: 'tu_1' });
    for (const amount of [100, 200]) {
      await autoTopUpQuietly({ id: 'u1', walletId: 'w1', phone: '+1555' }, amount);
    }
    expect(channels.sendSms).not.toHaveBeenCalled();
  });
});
