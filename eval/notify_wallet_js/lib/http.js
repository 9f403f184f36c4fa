'use strict';

const axios = require('axios');
const axiosRetry = require('axios-retry').default;

// Wallet core: retried whenever there is no response or a 5xx, whatever the method.
const walletApi = axios.create({ baseURL: process.env.WALLET_API || 'https://wallet.internal/v1', timeout: 8000 });
axiosRetry(walletApi, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => !error.response || error.response.status >= 500,
});

// Profile service: default condition (idempotent requests only).
const profileApi = axios.create({ baseURL: process.env.PROFILE_API || 'https://profiles.internal/v1' });
axiosRetry(profileApi, { retries: 2 });

module.exports = { walletApi, profileApi };
