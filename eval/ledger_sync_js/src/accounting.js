'use strict';

const axios = require('axios');

const ACCOUNTING = process.env.ACCOUNTING_API || 'https://accounting.example.com/api';

async function postJournal(entry, headers = {}) {
  const { data } = await axios({ method: 'post', url: `${ACCOUNTING}/journals`, data: entry, headers, timeout: 10000 });
  return data;
}

async function recordSale(sale) {
  const { data } = await axios.post(`${ACCOUNTING}/sales`, { id: sale.id, amount: sale.amountCents, account: sale.account });
  return data;
}

async function getJournal(id) {
  const { data } = await axios.get(`${ACCOUNTING}/journals/${id}`);
  return data;
}

async function replaceMapping(account, mapping) {
  const { data } = await axios({ method: 'put', url: `${ACCOUNTING}/mappings/${account}`, data: mapping });
  return data;
}

module.exports = { ACCOUNTING, postJournal, recordSale, getJournal, replaceMapping };
