// The background worker (`npm start` runs it as its own process): the queue jobs and the
// scheduled jobs of worker/jobs.ts. Run as
//   node --conditions=react-server --import tsx worker/main.ts
// (react-server: lib/ modules are marked server-only). Every job is resumable: on start and every
// few seconds it also sweeps for import batches whose lease ran out (a stopped worker left them
// mid-phase) or whose queue message was lost. Scheduled jobs run on pg-boss's cron in WIB, at
// start for any period missed while stopped, and in demo/test mode whenever the portal clock
// reaches a period not yet run.
import crypto from "node:crypto";
import os from "node:os";
import { closeDb } from "@/db/client";
import { today as clockToday } from "@/lib/clock";
import { isClockPinned } from "@/lib/data/clock";
import { beatHeartbeat } from "@/lib/data/jobs/heartbeat";
import { claimJobPeriod, finishJobPeriod, lastJobPeriod, releaseJobPeriod } from "@/lib/data/jobs/schedule";
import { periodOf, periodsDue } from "@/lib/domain/periods";
import { env } from "@/lib/env";
import { newBoss } from "@/lib/jobs/queue";
import { logUnexpected } from "@/lib/log";
import { QUEUE_JOBS, runImportPhase, SCHEDULED_JOBS, type ScheduledJob } from "./jobs";

const SWEEP_MS = Number(process.env.WORKER_SWEEP_MS ?? 5000);
/** Import batches one process runs at once. */
const MAX_BATCHES = 2;
const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
const log = (m: string) => console.log(`[pekerja] ${m}`);
let running = 0;

/** A sweep's import phase, counted against MAX_BATCHES; true when a batch was claimed. */
async function importBatch(): Promise<boolean> {
  running++;
  try {
    const line = await runImportPhase(owner);
    if (line) log(line);
    return line !== null;
  } finally {
    running--;
  }
}

/** Runs every period of a scheduled job that is due on the portal clock and not yet run. */
async function runDue(job: ScheduledJob) {
  const current = periodOf(job.period, await clockToday());
  for (const period of periodsDue(job.period, await lastJobPeriod(job.name), current)) {
    if (!(await claimJobPeriod(job.name, period))) continue;
    try {
      const result = await job.run(period);
      await finishJobPeriod(job.name, period, result);
      log(`${job.name} ${period}: ${result}`);
    } catch (e) {
      await releaseJobPeriod(job.name, period).catch(() => {});
      logUnexpected(`jadwal ${job.name} ${period}`, e);
    }
  }
}

async function sweep() {
  await beatHeartbeat().catch((e) => logUnexpected("detak", e));
  // Batches left without a lease: claimed one by one (a second process skips what this one holds).
  while (running < MAX_BATCHES) {
    const claimed = await importBatch().catch((e) => (logUnexpected("sapu impor", e), false));
    if (!claimed) break;
  }
  if (env().PORTAL_MODE !== "production") for (const job of SCHEDULED_JOBS) await runDue(job);
}

async function main() {
  if (env().PORTAL_MODE === "production" && (await isClockPinned())) {
    console.error("[pekerja] Jam portal dipaku (tabel portal_clock berisi baris) pada database produksi. Hapus barisnya: delete from portal_clock;");
    process.exit(1);
  }
  const boss = newBoss(env().DATABASE_URL, "worker");
  boss.on("error", (e) => logUnexpected("antrean", e));
  await boss.start();
  for (const job of QUEUE_JOBS) {
    await boss.work<{ batchId: string }>(job.queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([m]) => {
      const line = await job.run(m!.data, owner);
      if (line) log(line);
    });
  }
  for (const job of SCHEDULED_JOBS) {
    await boss.schedule(job.name, job.cron, {}, { tz: "Asia/Jakarta" });
    await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => runDue(job));
  }
  log(`siap (pid ${process.pid})`);
  // pg-boss never runs a missed schedule later: catch up on any period missed while stopped.
  for (const job of SCHEDULED_JOBS) await runDue(job);
  await sweep();
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((e) => logUnexpected("sapu", e))
      .finally(() => (sweeping = false));
  }, SWEEP_MS);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await Promise.race([boss.stop({ graceful: true, wait: true, timeout: 5000 }), new Promise((r) => setTimeout(r, 6000))]);
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // Started by the launcher with an IPC channel: exit with it, never orphaned.
  process.on("disconnect", stop);
}

main().catch((e) => {
  logUnexpected("pekerja gagal mulai", e);
  process.exit(1);
});
