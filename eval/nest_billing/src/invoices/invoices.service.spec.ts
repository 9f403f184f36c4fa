import { Test } from '@nestjs/testing';
import { billingCore } from '../http/clients';
import { InvoicesService } from './invoices.service';

jest.mock('../http/clients', () => ({ billingCore: { post: jest.fn(), get: jest.fn() }, catalog: { post: jest.fn() } }));

describe('InvoicesService', () => {
  let service: InvoicesService;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({ providers: [InvoicesService] }).compile();
    service = moduleRef.get(InvoicesService);
  });

  it('returns failed when settle times out', async () => {
    (billingCore.post as jest.Mock).mockRejectedValue(Object.assign(new Error('timeout'), { isAxiosError: true, code: 'ECONNABORTED' }));
    await expect(service.settle({ invoiceId: 'in_1', amountCents: 100 })).resolves.toBe('failed');
  });

  it('pays with a key', async () => {
    (billingCore.post as jest.Mock).mockResolvedValue({ data: { paymentId: 'pay_1' } });
    await expect(service.payWithKey({ invoiceId: 'in_1', amountCents: 100 })).resolves.toBe('pay_1');
  });
});
