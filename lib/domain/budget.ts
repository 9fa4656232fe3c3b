// Pure budget arithmetic. Money is integer Rupiah; months are "YYYY-MM" in WIB.
import { addMonths, monthsBetween } from "./wib";

export type Tariff = { effectiveFrom: string; jkk: number; jkm: number };

/** The tariff in force in a month: the latest whose effective date falls on or before the month's first day. */
export function tariffForMonth(tariffs: Tariff[], month: string): Tariff {
  const first = `${month}-01`;
  const inForce = tariffs.filter((t) => t.effectiveFrom <= first).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (!inForce) throw new Error(`Tidak ada tarif yang berlaku pada ${month}`);
  return inForce;
}

export function monthlyRate(tariffs: Tariff[], month: string): number {
  const t = tariffForMonth(tariffs, month);
  return t.jkk + t.jkm;
}

/** Cost already committed: for each month, the workers aktif on any day of it × that month's tariff. */
export function committedCost(activeByMonth: { month: string; active: number }[], tariffs: Tariff[]): number {
  return activeByMonth.reduce((sum, m) => sum + m.active * monthlyRate(tariffs, m.month), 0);
}

/**
 * Projected spend for the rest of the fiscal year after the current month, at the current count
 * growing by the current pace (capped at the quota), ending early if the regulation ends.
 */
export function projectedSpend(args: {
  fiscalYear: number;
  currentMonth: string;
  committed: number;
  count: number;
  perWeek: number;
  quota: number;
  tariffs: Tariff[];
  endsOn: string | null;
}): number {
  let total = args.committed;
  const last = lastBillableMonth(args.fiscalYear, args.endsOn);
  for (let i = 1, m = addMonths(args.currentMonth, 1); m <= last; i++, m = addMonths(m, 1)) {
    const count = Math.min(args.quota, Math.round(args.count + args.perWeek * ((52 / 12) * i)));
    total += count * monthlyRate(args.tariffs, m);
  }
  return total;
}

function lastBillableMonth(fiscalYear: number, endsOn: string | null): string {
  const dec = `${fiscalYear}-12`;
  return endsOn && endsOn.slice(0, 7) < dec ? endsOn.slice(0, 7) : dec;
}

/** How many more workers the allocation left after the projection can carry to year end. */
export function extraWorkersBudgetCarries(args: {
  allocated: number;
  projected: number;
  fiscalYear: number;
  currentMonth: string;
  tariffs: Tariff[];
  endsOn: string | null;
}): number {
  const left = args.allocated - args.projected;
  if (left <= 0) return 0;
  const last = lastBillableMonth(args.fiscalYear, args.endsOn);
  let perWorker = 0;
  for (let m = addMonths(args.currentMonth, 1); m <= last; m = addMonths(m, 1)) perWorker += monthlyRate(args.tariffs, m);
  return perWorker > 0 ? Math.floor(left / perWorker) : 0;
}

/** Months of the fiscal year from the current month on (inclusive), for display. */
export function monthsLeftInYear(fiscalYear: number, currentMonth: string): number {
  return monthsBetween(currentMonth < `${fiscalYear}-01` ? `${fiscalYear}-01` : currentMonth, `${fiscalYear}-12`);
}
