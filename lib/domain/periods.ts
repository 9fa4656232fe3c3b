// Periods of scheduled jobs, as the keys of job_runs: a WIB day "2026-12-01" or month "2026-12".
import { addDays, addMonths } from "./wib";

export type PeriodKind = "day" | "month";

/** The period holding a WIB day. */
export function periodOf(kind: PeriodKind, day: string): string {
  return kind === "day" ? day : day.slice(0, 7);
}

/**
 * The periods to run now: every period after `last` up to and including `current`, oldest first,
 * at most `cap` of them (the newest). With no run yet, only the current one.
 */
export function periodsDue(kind: PeriodKind, last: string | null, current: string, cap = 31): string[] {
  if (last === null) return [current];
  const next = (p: string) => (kind === "day" ? addDays(p, 1) : addMonths(p, 1));
  const out: string[] = [];
  for (let p = next(last); p <= current; p = next(p)) out.push(p);
  return out.slice(-cap);
}
