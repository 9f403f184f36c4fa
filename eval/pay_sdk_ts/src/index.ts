export { PayClient } from './client.js';
export type { RequestOptions } from './client.js';
export { withBackoff } from './retry.js';
export type { BackoffOptions } from './retry.js';
export * from './errors.js';
export type { Charge, ChargeCreateParams } from './resources/charges.js';
export type { Refund } from './resources/refunds.js';
