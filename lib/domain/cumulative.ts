// The cumulative chart's arithmetic: this year's and last year's month-end counts side by side,
// and the dashed forecast from the current month to December at the pace of the last four weeks.

export type MonthValue = { month: string; value: number };

/** "2026-03" → 3 (the month's place on the x axis, January = 1). */
export const monthIndex = (month: string) => Number(month.slice(5, 7));

/** Splits month-end values into this year's and last year's series, each keyed by month of year. */
export function splitYears<T extends { month: string }>(rows: T[], year: number): { current: T[]; previous: T[] } {
  return {
    current: rows.filter((r) => r.month.startsWith(`${year}-`)),
    previous: rows.filter((r) => r.month.startsWith(`${year - 1}-`)),
  };
}

/**
 * From the last actual month-end value, a month-by-month projection to December at `perWeek`
 * (52 weeks / 12 months a month), never above the quota. Empty when there is no pace, no quota,
 * or the last month is December already.
 */
export function projectToYearEnd(args: { last: MonthValue; perWeek: number; quota: number }): MonthValue[] {
  const { last, perWeek, quota } = args;
  if (perWeek <= 0 || quota <= 0 || last.value >= quota) return [];
  const year = last.month.slice(0, 4);
  const perMonth = (perWeek * 52) / 12;
  const out: MonthValue[] = [last];
  for (let m = monthIndex(last.month) + 1; m <= 12; m++) {
    const value = Math.min(quota, Math.round(last.value + perMonth * (m - monthIndex(last.month))));
    out.push({ month: `${year}-${String(m).padStart(2, "0")}`, value });
    if (value >= quota) break;
  }
  return out.length > 1 ? out : [];
}
