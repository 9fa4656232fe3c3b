// The background worker (`npm start` runs it as its own process): import validation and commit
// jobs from the PostgreSQL queue (pg-boss). Run as
//   node --conditions=react-server --import tsx worker/main.ts
// (react-server: lib/ modules are marked server-only). Every job is resumable: on start and every
// few seconds it also sweeps for batches a stopped worker left mid-phase or whose job was lost.
import { closeDb } from "@/db/client";
import { listImportBatchesToRun, purgeEndedImportRows, runImportCommit, runImportValidation } from "@/lib/data/imports";
import { env } from "@/lib/env";
import { newBoss, QUEUES } from "@/lib/jobs/queue";

const SWEEP_MS = Number(process.env.WORKER_SWEEP_MS ?? 5000);
const running = new Set<string>();
const log = (m: string) => console.log(`[pekerja] ${m}`);

/** One batch at a time per process; a second trigger for a running batch is a no-op. */
async function run(batchId: string, phase: "validate" | "commit") {
  if (running.has(batchId)) return;
  running.add(batchId);
  const t = Date.now();
  try {
    if (phase === "validate") await runImportValidation(batchId);
    else await runImportCommit(batchId);
    log(`${phase === "validate" ? "validasi" : "penerapan"} ${batchId} selesai (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } finally {
    running.delete(batchId);
  }
}

async function sweep() {
  for (const b of await listImportBatchesToRun()) {
    void run(b.id, b.status === "menerapkan" ? "commit" : "validate").catch((e) => log(`galat ${b.id}: ${e instanceof Error ? e.message : e}`));
  }
  // Retention: staging rows of batches that ended long enough ago (UU PDP). A failure here is
  // logged and retried next sweep; it never holds up the imports above.
  try {
    const purged = await purgeEndedImportRows();
    if (purged) log(`baris impor dari ${purged} batch lama dihapus (retensi)`);
  } catch (e) {
    log(`retensi: ${e instanceof Error ? e.message : e}`);
  }
}

async function main() {
  const boss = newBoss(env().DATABASE_URL, "worker");
  boss.on("error", (e) => log(`antrean: ${e.message}`));
  await boss.start();
  await boss.work<{ batchId: string }>(QUEUES.validate, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => run(job!.data.batchId, "validate"));
  await boss.work<{ batchId: string }>(QUEUES.commit, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => run(job!.data.batchId, "commit"));
  log(`siap (pid ${process.pid})`);
  await sweep();
  const timer = setInterval(() => void sweep().catch((e) => log(`sapu: ${e instanceof Error ? e.message : e}`)), SWEEP_MS);
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
  console.error("[pekerja] gagal mulai:", e instanceof Error ? e.message : e);
  process.exit(1);
});
