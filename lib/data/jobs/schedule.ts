import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { firstRow } from "../internal/rows";

// Job bookkeeping for scheduled work: which period of which job has run (job_runs).
// Trigger: the worker, before it runs a scheduled job's period (worker/jobs.ts).
// Idempotent: claiming a period is an insert on the primary key (job, period); only a claim whose
// run never finished and is older than STALE_MINUTES (its worker died) can be taken again.

const STALE_MINUTES = 30;

/** Takes the period for this run; false when it ran already or is running elsewhere. */
export async function claimJobPeriod(job: string, period: string): Promise<boolean> {
  const row = await firstRow<{ job: string }>(
    db(),
    sql`insert into job_runs (job, period) values (${job}, ${period})
      on conflict (job, period) do update set started_at = now(), result = null
        where job_runs.finished_at is null and job_runs.started_at < now() - make_interval(mins => ${STALE_MINUTES})
      returning job`,
  );
  return !!row;
}

/** Records the end of a period's run (`result` a short summary, never personal data). */
export async function finishJobPeriod(job: string, period: string, result: string) {
  await db().execute(sql`update job_runs set finished_at = now(), result = ${result.slice(0, 500)} where job = ${job} and period = ${period}`);
}

/** A period whose run failed is given back, so the next trigger runs it again. */
export async function releaseJobPeriod(job: string, period: string) {
  await db().execute(sql`delete from job_runs where job = ${job} and period = ${period} and finished_at is null`);
}

/** The latest period of the job that finished, or null. */
export async function lastJobPeriod(job: string): Promise<string | null> {
  const row = await firstRow<{ period: string }>(db(), sql`select max(period) as period from job_runs where job = ${job} and finished_at is not null`);
  return row?.period ?? null;
}
