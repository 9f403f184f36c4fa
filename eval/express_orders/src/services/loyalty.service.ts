import { withRetry } from '../lib/retry.js';

const LOYALTY_API = process.env.LOYALTY_API ?? 'https://loyalty.internal/v1';

export interface PointsGrant {
  grantId: string;
  memberId: string;
  points: number;
  reason: string;
}

export class LoyaltyService {
  async grantPoints(grant: PointsGrant): Promise<void> {
    await withRetry(async () => {
      // label: AP-001 cross-file-wrapper
      const res = await fetch(`${LOYALTY_API}/members/${grant.memberId}/points`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ points: grant.points, reason: grant.reason }) });
      if (!res.ok) throw new Error(`loyalty API answered ${res.status}`);
    });
  }

  async grantPointsOnce(grant: PointsGrant): Promise<void> {
    const headers = { 'content-type': 'application/json', 'Idempotency-Key': `grant-${grant.grantId}` };
    await withRetry(async () => {
      // label-ok: AP-001 key-header
      const res = await fetch(`${LOYALTY_API}/members/${grant.memberId}/points`, { method: 'POST', headers, body: JSON.stringify({ points: grant.points, reason: grant.reason }) });
      if (!res.ok) throw new Error(`loyalty API answered ${res.status}`);
    });
  }

  async balance(memberId: string): Promise<number> {
    return withRetry(async () => {
      // label-ok: AP-001 get-retry
      const res = await fetch(`${LOYALTY_API}/members/${memberId}/points`, { method: 'HEAD' });
      return Number(res.headers.get('x-points-balance') ?? 0);
    });
  }
}
