// Calendar days and months in WIB (UTC+7, no daylight saving), as ISO strings.
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "2026-11-24": the WIB calendar day of an instant. */
export function wibDay(instant: Date | string): string {
  // A raw SQL row's timestamptz arrives as text.
  return new Date(new Date(instant).getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** "2026-11": the WIB month of an instant or day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

/** Months from a to b inclusive ("2026-11".."2027-01" → 3); 0 when b < a. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number) as [number, number];
  const [yb, mb] = b.split("-").map(Number) as [number, number];
  return Math.max(0, (yb - ya) * 12 + (mb - ma) + 1);
}

/**
 * Whole WIB calendar days from an instant (or a "YYYY-MM-DD…" text timestamp) to `today`; never
 * below 0 (a record written at a moved clock's later instant is "today", not "-1 hari").
 */
export function daysSince(instant: Date | string, today: string): number {
  const from = wibDay(instant);
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
}

/** "hari ini", "1 hari", "12 hari". */
export function waitLabel(days: number): string {
  return days === 0 ? "hari ini" : `${days.toLocaleString("id-ID")} hari`;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/** "Maret 2027". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/** "24 November 2026" for an ISO day. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
