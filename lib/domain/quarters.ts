// Quarters ("Triwulan") for progress reports. Days are WIB calendar days "YYYY-MM-DD".

export type Quarter = { key: string; year: number; q: number; start: string; end: string; label: string };

const ROMAN = ["I", "II", "III", "IV"];

export function quarterOf(key: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const endMonth = q * 3;
  const last = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return {
    key,
    year,
    q,
    start: `${year}-${String(endMonth - 2).padStart(2, "0")}-01`,
    end: `${year}-${String(endMonth).padStart(2, "0")}-${last}`,
    label: `Triwulan ${ROMAN[q - 1]} ${year}`,
  };
}

/** The quarter holding a day. */
export function quarterKeyOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter before. */
export function previousQuarterKey(key: string): string {
  const { year, q } = quarterOf(key)!;
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/**
 * The quarters a report can be made for, newest first: the current one (figures as of today)
 * and the `count` before it (figures as of their last day).
 */
export function reportQuarters(today: string, count = 6): string[] {
  const out = [quarterKeyOf(today)];
  while (out.length <= count) out.push(previousQuarterKey(out.at(-1)!));
  return out;
}

/** The day a report's figures are taken at: a past quarter's last day, or today for the current one. */
export function reportDay(key: string, today: string): string {
  const q = quarterOf(key)!;
  return q.end < today ? q.end : today;
}
