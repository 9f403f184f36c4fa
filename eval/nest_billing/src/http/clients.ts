import axios, { AxiosError } from 'axios';
import axiosRetry, { isNetworkError, isRetryableError } from 'axios-retry';

/** Billing core: retried on network errors and on any 5xx, whatever the method. */
export const billingCore = axios.create({
  baseURL: process.env.BILLING_CORE_URL ?? 'https://billing-core.internal/v1',
  timeout: 10_000,
});

axiosRetry(billingCore, {
  retries: 4,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error: AxiosError) => isNetworkError(error) || isRetryableError(error),
});

/** Catalog service: axios-retry's default condition retries only idempotent requests. */
export const catalog = axios.create({ baseURL: process.env.CATALOG_URL ?? 'https://catalog.internal/v1', timeout: 5_000 });

axiosRetry(catalog, { retries: 3 });
