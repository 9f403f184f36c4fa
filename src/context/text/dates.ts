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
 * milliseconds (`1794885674000`) become an ISO date-time in UTC, a date written with slashes
 * (`slashDate`) its ISO form; anything else is returned as it is.
 */
export function readTimestamp(value: string): string {
  const text = value.trim();
  if (/^\d{9,10}$/.test(text)) return new Date(Number(text) * 1000).toISOString();
  if (/^\d{12,13}$/.test(text)) return new Date(Number(text)).toISOString();
  return slashDate(text) ?? namedMonthDate(text) ?? monthFirstDate(text) ?? text;
}

const NAMED_MONTH_DATE = /^(\d{1,2})[/ -]([A-Za-z]{3,9})\.?[/ -](\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * A date written with the month's name (Jira's `13/Nov/26 11:01 AM`, `5 March 2026 14:05`) as an
 * ISO date or date-time (UTC). Undefined for anything else.
 */
export function namedMonthDate(value: string): string | undefined {
  const m = NAMED_MONTH_DATE.exec(value.trim());
  if (!m) return undefined;
  const month = monthNumber(m[2] ?? '');
  if (month === undefined) return undefined;
  const year = Number(m[3]) < 100 ? Number(m[3]) + 2000 : Number(m[3]);
  const day = Number(m[1]);
  return withClock(`${year}-${pad2(month)}-${pad2(day)}`, m.slice(4));
}

const MONTH_FIRST_DATE =
  /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?(?:\s*(?:GMT|UTC|Z)?([+-])(\d{2}):?(\d{2}))?(?:\s+(?:GMT|UTC)|\s+\([^)]*\))?$/;

/**
 * A date written month first, as JavaScript's `Date#toString` and several trackers' CSV exports
 * write it (`Mon Oct 19 2026 10:06:00 GMT+0000 (Coordinated Universal Time)`, `Oct 19, 2026
 * 10:06 AM`), as an ISO date or date-time in UTC (a `GMT±hhmm` offset is applied). Undefined for
 * anything else.
 */
export function monthFirstDate(value: string): string | undefined {
  const m = MONTH_FIRST_DATE.exec(value.trim());
  if (!m) return undefined;
  const month = monthNumber(m[1] ?? '');
  if (month === undefined) return undefined;
  const local = withClock(`${m[3]}-${pad2(month)}-${pad2(Number(m[2]))}`, m.slice(4, 8));
  if (local === undefined || m[8] === undefined || local.length === 10) return local;
  const offsetMinutes = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  return new Date(Date.parse(local) - offsetMinutes * 60_000).toISOString().replace('.000Z', 'Z');
}

/** 1–12 for `Nov`, `November` (a three-letter abbreviation or the name spelt out as far as it goes). */
function monthNumber(word: string): number | undefined {
  const name = word.toLowerCase();
  const month = MONTH_NAMES.findIndex((n) => n.startsWith(name.slice(0, 3)) && n.startsWith(name)) + 1;
  return month === 0 ? undefined : month;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date with the time that followed it (hours, minutes, seconds, AM/PM), or undefined when the time is no time. */
function withClock(date: string, [h, min, sec, ampm]: (string | undefined)[]): string | undefined {
  if (h === undefined) return date;
  let hour = Number(h);
  const meridiem = ampm?.toLowerCase();
  if (meridiem !== undefined && (hour < 1 || hour > 12)) return undefined;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23) return undefined;
  return `${date}T${pad2(hour)}:${min}:${sec ?? '00'}Z`;
}

const SLASH_DATE = /^(\d{1,4})\/(\d{1,2})\/(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * A date as a spreadsheet or a US report writes it (Salesforce's `1/5/2026 2:29 PM`,
 * `2026/01/05 14:29`) as an ISO date or date-time (read as UTC, like every time here). A date
 * whose first number is the year is year/month/day; `25/12/2026` is day/month/year and `12/25/2026`
 * month/day/year, as only one order makes a date; where both do (`1/5/2026`), month/day/year when a
 * 12-hour time with AM/PM follows (the US way), else undefined, like anything that is not a date.
 */
export function slashDate(value: string): string | undefined {
  const m = SLASH_DATE.exec(value.trim());
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[1]?.length === 3 || m[3]?.length === 3) return undefined;
  const yearFirst = m[1]?.length === 4;
  // 01/02/2024 is 2 January in the US and 1 February elsewhere: read it only with the US 12-hour
  // clock beside it (Salesforce's `1/5/2026 2:29 PM`), else leave it for the user to say.
  if (!yearFirst && a <= 12 && b <= 12 && a !== b && m[7] === undefined) return undefined;
  const [y, month, day] = yearFirst ? [a, b, c] : a > 12 ? [c, b, a] : [c, a, b];
  const year = y < 100 ? y + 2000 : y;
  return withClock(`${year}-${pad2(month)}-${pad2(day)}`, m.slice(4));
}

/**
 * The dates of one column written with slashes, each as `slashDate` reads it, with the order of
 * those both orders would make a date of (`04/05/2026`) settled by the column: when some date of
 * it can only be day first (`14/04/2026`) and none only month first (`04/14/2026`), every date is
 * day/month/year (a UK or European export), and the other way round month/day/year. A column that
 * settles nothing, or holds both, leaves them as `slashDate` does. Other values are returned as
 * they are.
 */
export function settleSlashDates(values: readonly string[]): string[] {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const m = SLASH_DATE.exec(value.trim());
    if (!m || m[1]?.length === 4) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dayFirst = true;
    if (b > 12 && a <= 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return [...values];
  return values.map((value) => {
    const m = SLASH_DATE.exec(value.trim());
    if (!m || m[1]?.length === 4 || m[1]?.length === 3 || m[3]?.length === 3) return value;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const [month, day] = dayFirst ? [b, a] : [a, b];
    if (month < 1 || month > 12 || day < 1 || day > 31) return value;
    const year = c < 100 ? c + 2000 : c;
    return withClock(`${year}-${pad2(month)}-${pad2(day)}`, m.slice(4)) ?? value;
  });
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
