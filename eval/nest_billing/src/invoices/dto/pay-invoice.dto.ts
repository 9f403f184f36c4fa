import { IsInt, IsOptional, IsString, Min } from 'class-validator';

export class PayInvoiceDto {
  @IsString()
  invoiceId!: string;

  @IsInt()
  @Min(1)
  amountCents!: number;

  @IsOptional()
  @IsString()
  note?: string;
}
