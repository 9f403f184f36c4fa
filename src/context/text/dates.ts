/**
 * Calendar helpers. All dates are handled in UTC so a run gives the same answer in every time
 * zone; "today" is always passed in (`now`), never read from the clock here.
 */

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * Parse a `YYYY-MM-DD` date or an ISO 8601 date-time (`2024-03-15T14:32:00Z`). Returns undefined
 * for anything else, including impossible calendar dates such as `2024-13-01` or `2024-02-30`.
 */
export function parseDate(value: string): Date | undefined {
  const text = value.trim();
  const m = DATE_PREFIX.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dayOnly = new Date(Date.UTC(year, month - 1, day));
  if (dayOnly.getUTCFullYear() !== year || dayOnly.getUTCMonth() !== month - 1 || dayOnly.getUTCDate() !== day) {
    return undefined;
  }
  if (text.length === 10) return dayOnly;
  const full = new Date(text.replace(' ', 'T'));
  return Number.isNaN(full.getTime()) ? undefined : full;
}

/**
 * A timestamp as an export writes it, as text `parseDate` reads: Unix seconds (`1794885674`) or
 * milliseconds (`1794885674000`) become an ISO date-time in UTC; anything else is returned as it is.
 */
export function readTimestamp(value: string): string {
  const text = value.trim();
  if (/^\d{9,10}$/.test(text)) return new Date(Number(text) * 1000).toISOString();
  if (/^\d{12,13}$/.test(text)) return new Date(Number(text)).toISOString();
  return text;
}

/** `YYYY-MM-DD` of `date` in UTC. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The instant `months` calendar months before `now` (day clamped to the month's end). */
export function monthsBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(y, m, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds()),
  );
}

/** Average month length in days, for spans and rates ("6 months", "21 tickets/month"). */
export const DAYS_PER_MONTH = 30.4375;

/** Whole months (at least 1) covered from `from` to `to`, rounded up. */
export function monthsSpanned(from: Date, to: Date): number {
  const days = (to.getTime() - from.getTime()) / 86_400_000;
  return Math.max(1, Math.ceil(days / DAYS_PER_MONTH - 1e-9));
}

/** `"1 month"`, `"6 months"`. */
export function pluralMonths(n: number): string {
  return `${n} ${n === 1 ? 'month' : 'months'}`;
}
