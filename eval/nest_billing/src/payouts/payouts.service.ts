import { Injectable } from '@nestjs/common';
import ky from 'ky';
import { bank, statements } from './bank.client';

export interface PayoutRequest {
  id: string;
  iban: string;
  amountCents: number;
  currency: string;
}

interface TransferResponse {
  transferId: string;
  status: 'booked' | 'pending' | 'rejected';
}

@Injectable()
export class PayoutsService {
  async send(req: PayoutRequest): Promise<TransferResponse> {
    // the bank client retries POST on 5xx and timeouts
    // label: AP-001 got-retry
    return bank.post('transfers', { json: { iban: req.iban, amount: req.amountCents, currency: req.currency } }).json<TransferResponse>();
  }

  async sendKeyed(req: PayoutRequest): Promise<TransferResponse> {
    // label-ok: AP-001 key-header
    return bank.post('transfers', { json: { iban: req.iban, amount: req.amountCents, currency: req.currency }, headers: { 'idempotency-key': `payout-${req.id}` } }).json<TransferResponse>();
  }

  async requestStatement(month: string): Promise<{ statementId: string }> {
    // got's default retry methods leave POST out
    // label-ok: AP-001 default-retry-policy
    return statements.post('exports', { json: { month } }).json();
  }

  async instantPayout(req: PayoutRequest): Promise<TransferResponse> {
    // label: AP-001 ky-retry
    return ky.post(`${process.env.INSTANT_API}/instant-payouts`, { json: { iban: req.iban, amount: req.amountCents }, retry: { limit: 2, methods: ['post'], statusCodes: [502, 503, 504] } }).json<TransferResponse>();
  }

  async instantPayoutDefaultRetry(req: PayoutRequest): Promise<TransferResponse> {
    // ky's default retry methods do not include post
    // label-ok: AP-001 default-retry-policy
    return ky.post(`${process.env.INSTANT_API}/instant-payouts`, { json: { iban: req.iban, amount: req.amountCents }, retry: 3 }).json<TransferResponse>();
  }

  async transferStatus(transferId: string): Promise<TransferResponse['status']> {
    const body = await bank.get(`transfers/${transferId}`).json<TransferResponse>();
    return body.status;
  }

  async sendAndDescribe(req: PayoutRequest): Promise<'paid' | 'failed'> {
    const res = await bank.post('transfers', { json: { iban: req.iban, amount: req.amountCents }, headers: { 'idempotency-key': `payout-${req.id}` } }).json<TransferResponse>();
    // a 'pending' transfer is reported as failed
    // label: AP-003 status-ternary
    return res.status === 'booked' ? 'paid' : 'failed';
  }
}
