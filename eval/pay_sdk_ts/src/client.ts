import { PayApiError, PayCardError, PayTimeoutError } from './errors.js';
import { Charges } from './resources/charges.js';
import { Refunds } from './resources/refunds.js';

export interface RequestOptions {
  idempotencyKey?: string;
  timeoutMs?: number;
}

export class PayClient {
  readonly charges: Charges;
  readonly refunds: Refunds;

  constructor(
    private readonly apiKey: string,
    private readonly baseUrl = 'https://api.acmepay.example.com/v1',
  ) {
    this.charges = new Charges(this);
    this.refunds = new Refunds(this);
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' };
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000) });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'TimeoutError') throw new PayTimeoutError(`${method} ${path} timed out`);
      throw err;
    }
    const json = (await res.json()) as { error?: { message: string; code?: string; type?: string } } & T;
    if (!res.ok) {
      const ErrorType = json.error?.type === 'card_error' ? PayCardError : PayApiError;
      throw new ErrorType(json.error?.message ?? res.statusText, res.status, json.error?.code);
    }
    return json;
  }
}
