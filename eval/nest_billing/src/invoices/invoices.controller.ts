import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { PayInvoiceDto } from './dto/pay-invoice.dto';
import { InvoicesService } from './invoices.service';

@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Post(':id/pay')
  @HttpCode(201)
  async pay(@Param('id') id: string, @Body() body: PayInvoiceDto) {
    return { paymentId: await this.invoices.payWithKey({ ...body, invoiceId: id }) };
  }

  @Get(':id')
  async state(@Param('id') id: string) {
    return { state: await this.invoices.invoiceState(id) };
  }
}
