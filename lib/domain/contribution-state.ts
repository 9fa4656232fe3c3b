// The contribution state of a person on a day, from the months paid (DOMAIN.md, contributions issue
// item 10). One pure rule with two doors: `contributionState` from the set of paid months (the
// worker page, coverage on an event date), and `stateFromSummary` from the time-independent
// summary that person_contributions / agg_contribution keep (dashboards: counts change as days
// pass without any write). `summarize` is the bridge; tests prove both doors agree.
//
// Months are "YYYY-MM". A month falls due after its 15th (WIB); the first month of a membership
// that started after the 15th falls due with the second.
import { addMonths, monthsBetween } from "./wib";

export type ContributionState =
  | { kind: "lunas" }
  | { kind: "belum_jatuh_tempo" }
  | { kind: "menunggak"; months: number }
  | { kind: "nonaktif"; months: number; lapsed: boolean }
  | { kind: "tidak_tertagih" };

export type ContributionSummary = {
  startMonth: string; // first month of the current continuous membership
  lateStart: boolean; // coverage started after the 15th of startMonth
  paidThrough: string; // last month of the paid run from startMonth (startMonth − 1 when unpaid)
  paidAfter: number; // paid months after the first unpaid one
  lastPaid: string; // last paid month (startMonth − 1 when none)
  longestGap: number; // longest unpaid run between paid months
  masaIur: number; // months paid, all time
};

/** The last month that is due on `day` ("YYYY-MM-DD"), given where the membership starts. */
export function lastDueMonth(day: string, startMonth: string, lateStart: boolean): string {
  const cur = day.slice(0, 7);
  const dueEnd = Number(day.slice(8, 10)) > 15 ? cur : addMonths(cur, -1);
  return lateStart && dueEnd === startMonth ? addMonths(startMonth, -1) : dueEnd;
}

/** The summary of a set of paid months since the membership's start (months before it count for masa iur only). */
export function summarize(paid: Iterable<string>, startMonth: string, lateStart: boolean): ContributionSummary {
  const all = [...new Set(paid)].sort();
  const since = all.filter((m) => m >= startMonth);
  let paidThrough = addMonths(startMonth, -1);
  const set = new Set(since);
  while (set.has(addMonths(paidThrough, 1))) paidThrough = addMonths(paidThrough, 1);
  const lastPaid = since.length ? since[since.length - 1]! : addMonths(startMonth, -1);
  let longestGap = 0;
  let prev = addMonths(startMonth, -1);
  for (const m of since) {
    longestGap = Math.max(longestGap, monthsBetween(prev, m) - 2);
    prev = m;
  }
  return { startMonth, lateStart, paidThrough, paidAfter: since.filter((m) => m > paidThrough).length, lastPaid, longestGap, masaIur: all.length };
}

/** A regulation's settings: nonaktif after more than `grace` due months unpaid; arrears paid within `rejoin` months of that restore the months. */
export type ContributionRules = { grace: number; rejoin: number };

/** The longest run of consecutive due months unpaid on `day` (SQL twin: contribution_run(), migration 0017). */
export function unpaidRun(s: ContributionSummary, day: string): number {
  const dueEnd = lastDueMonth(day, s.startMonth, s.lateStart);
  return Math.max(monthsBetween(addMonths(s.lastPaid > s.paidThrough ? s.lastPaid : s.paidThrough, 1), dueEnd), s.longestGap);
}

/**
 * The state on `day`. More than `grace` consecutive due months unpaid is nonaktif (tunggakan), and
 * `lapsed` once that run is longer than grace + rejoin (paying no longer restores it: only the
 * branch head reactivates); otherwise any due month unpaid is menunggak N; otherwise lunas when
 * the current month is paid, belum jatuh tempo when it is not yet due.
 */
export function stateFromSummary(s: ContributionSummary, day: string, rules: ContributionRules): ContributionState {
  const cur = day.slice(0, 7);
  const dueEnd = lastDueMonth(day, s.startMonth, s.lateStart);
  // Paid months after the paid run that are not yet due: only the current month can be one.
  const paidNotDue = s.lastPaid > dueEnd && s.lastPaid > s.paidThrough ? 1 : 0;
  const unpaid = Math.max(0, monthsBetween(addMonths(s.paidThrough, 1), dueEnd) - (s.paidAfter - paidNotDue));
  const run = unpaidRun(s, day);
  if (run > rules.grace) return { kind: "nonaktif", months: unpaid, lapsed: run > rules.grace + rules.rejoin };
  if (unpaid > 0) return { kind: "menunggak", months: unpaid };
  return s.lastPaid >= cur ? { kind: "lunas" } : { kind: "belum_jatuh_tempo" };
}

/**
 * The month from which a summary's start month no longer changes the state on `day`: a start at or
 * before it (and whether it was after the 15th) only reaches the state through the paid run and
 * last paid month, which the summary keeps. Dashboards group summaries by `collapseForDay` so the
 * rows they read stop growing with the number of start months (SQL twin in getContributionProgressForViewer).
 */
export function collapseMonth(day: string): string {
  return addMonths(day.slice(0, 7), -2);
}

export function collapseForDay<S extends { startMonth: string; lateStart: boolean }>(s: S, day: string): S {
  const floor = collapseMonth(day);
  return s.startMonth <= floor ? { ...s, startMonth: floor, lateStart: false } : s;
}

/** The state on `day` from the months paid, as known on that day. */
export function contributionState(
  args: { paid: Iterable<string>; startMonth: string; lateStart: boolean; day: string } & ContributionRules,
): ContributionState {
  return stateFromSummary(summarize(args.paid, args.startMonth, args.lateStart), args.day, args);
}

export const STATE_LABELS: Record<ContributionState["kind"], string> = {
  lunas: "Lunas",
  belum_jatuh_tempo: "Belum jatuh tempo",
  menunggak: "Menunggak",
  nonaktif: "Nonaktif (tunggakan)",
  tidak_tertagih: "Tidak tertagih",
};

export function stateLabel(s: ContributionState): string {
  if (s.kind === "menunggak") return `Menunggak ${s.months} bulan`;
  if (s.kind === "nonaktif") return `Nonaktif (tunggakan ${s.months} bulan${s.lapsed ? ", lewat batas pemulihan: reaktivasi oleh kantor cabang" : ""})`;
  return STATE_LABELS[s.kind];
}

/** Σ min(masa iur, 6) / 6: BPJS's KPI, which counts a worker fully only after six paid months. */
export function kpiWeight(masaIur: number): number {
  return Math.min(masaIur, 6) / 6;
}
