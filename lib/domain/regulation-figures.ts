import { committedCost, extraWorkersBudgetCarries, monthlyRate, projectedSpend, type Tariff } from "./budget";
import { forecastQuota, isInForce, pacePerWeek, quotaSummary, type RegulationStatus } from "./regulations";
import { monthOf } from "./wib";

export type FigureInputs = {
  reg: { status: RegulationStatus; startsOn: string; endsOn: string | null; quota: number; counted: number };
  today: string;
  year: number;
  workers: { active: number; waiting: number; takenLast4Weeks: number; activeByMonth: { month: string; active: number }[] };
  tariffs: Tariff[];
  budget: { allocated: number } | null;
};

/** Every number on a regulation's detail page, from its inputs. */
export function computeRegulationFigures(i: FigureInputs) {
  const quota = quotaSummary({ quota: i.reg.quota, counted: i.reg.counted, active: i.workers.active, waiting: i.workers.waiting });
  const perWeek = pacePerWeek(i.workers.takenLast4Weeks);
  const forecast = forecastQuota({ remaining: quota.remaining, perWeek, today: i.today, endsOn: i.reg.endsOn });
  const currentMonth = monthOf(i.today);
  const committed = committedCost(
    i.workers.activeByMonth.filter((m) => m.month.startsWith(`${i.year}-`)),
    i.tariffs,
  );
  const projected = projectedSpend({
    fiscalYear: i.year,
    currentMonth,
    committed,
    count: i.reg.counted,
    perWeek,
    quota: i.reg.quota,
    tariffs: i.tariffs,
    endsOn: i.reg.endsOn,
  });
  const budget = i.budget
    ? {
        allocated: i.budget.allocated,
        committed,
        projected,
        remaining: i.budget.allocated - committed,
        overrun: projected > i.budget.allocated,
        extraWorkers: extraWorkersBudgetCarries({
          allocated: i.budget.allocated,
          projected,
          fiscalYear: i.year,
          currentMonth,
          tariffs: i.tariffs,
          endsOn: i.reg.endsOn,
        }),
      }
    : null;
  return { quota, perWeek, forecast, budget, rate: monthlyRate(i.tariffs, currentMonth), inForce: isInForce(i.reg, i.today) };
}
