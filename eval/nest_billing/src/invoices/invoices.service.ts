import { Injectable, Logger } from '@nestjs/common';
import axios from 'axios';
import { billingCore, catalog } from '../http/clients';
import { PayInvoiceDto } from './dto/pay-invoice.dto';

export type InvoiceState = 'paid' | 'failed' | 'processing';

@Injectable()
export class InvoicesService {
  private readonly logger = new Logger(InvoicesService.name);

  async pay(dto: PayInvoiceDto): Promise<string> {
    // billingCore is configured with a retryCondition that accepts 5xx on POST
    // label: AP-001 axios-retry
    const { data } = await billingCore.post(`/invoices/${dto.invoiceId}/payments`, { amount: dto.amountCents, note: dto.note });
    return data.paymentId;
  }

  async payWithKey(dto: PayInvoiceDto): Promise<string> {
    // label-ok: AP-001 key-header
    const { data } = await billingCore.post(`/invoices/${dto.invoiceId}/payments`, { amount: dto.amountCents }, { headers: { 'Idempotency-Key': `invoice-${dto.invoiceId}-${dto.amountCents}` } });
    return data.paymentId;
  }

  async addLineItem(invoiceId: string, sku: string, quantity: number) {
    // catalog uses axios-retry's default condition: POST is not retried
    // label-ok: AP-001 default-retry-policy
    const { data } = await catalog.post(`/reservations`, { invoiceId, sku, quantity });
    return data;
  }

  async invoiceState(invoiceId: string): Promise<InvoiceState> {
    const { data } = await billingCore.get(`/invoices/${invoiceId}`);
    return data.state;
  }

  async settle(dto: PayInvoiceDto): Promise<InvoiceState> {
    try {
      await billingCore.post(`/invoices/${dto.invoiceId}/settle`, { amount: dto.amountCents }, { headers: { 'Idempotency-Key': `settle-${dto.invoiceId}` } });
      return 'paid';
    } catch (err) {
      if (axios.isAxiosError(err) && err.code === 'ECONNABORTED') {
        this.logger.warn(`settle ${dto.invoiceId} timed out`);
        // label: AP-003 timeout-catch-code
        return 'failed';
      }
      throw err;
    }
  }
}
