export class PayApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'PayApiError';
  }
}

export class PayTimeoutError extends PayApiError {
  override name = 'PayTimeoutError';
}

export class PayCardError extends PayApiError {
  override name = 'PayCardError';
}

export const isRetryable = (err: unknown): boolean =>
  err instanceof PayTimeoutError || (err instanceof PayApiError && (err.status ?? 0) >= 500);
