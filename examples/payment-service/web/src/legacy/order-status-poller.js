// Legacy order page: polls the order status until it settles. Reads only.
const POLL_INTERVAL_MS = 2000;
const MAX_POLLS = 30;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function pollOrderStatus(orderId, onUpdate) {
  for (let attempt = 0; attempt < MAX_POLLS; attempt++) {
    try {
      const res = await fetch(`/api/orders/${orderId}/status`);
      const body = await res.json();
      onUpdate(body.status);
      if (body.status !== 'processing') return body.status;
    } catch (err) {
      console.warn(`status poll ${attempt + 1} for order ${orderId} failed`, err);
    }
    await sleep(POLL_INTERVAL_MS);
  }
  return 'processing';
}

export function statusLabel(status) {
  switch (status) {
    case 'paid':
      return 'Payment received';
    case 'failed':
      return 'Payment failed';
    case 'processing':
      return 'We are confirming your payment';
    default:
      return 'Unknown';
  }
}
