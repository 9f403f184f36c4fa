export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export class CardDeclinedError extends Error {
  override name = 'CardDeclinedError';
  constructor(
    message: string,
    readonly declineCode: string,
  ) {
    super(message);
  }
}
