// What the worker runs: one table of queue → handler and one of schedule → handler. A new job is
// one entry here plus its module under lib/data/jobs/ (whose header says what triggers it and why
// running it twice is harmless).
import { runMonthlyBilling } from "@/lib/data/jobs/billing";
import { runImportBatch } from "@/lib/data/jobs/imports";
import { runRetention } from "@/lib/data/jobs/retention";
import type { PeriodKind } from "@/lib/domain/periods";
import { QUEUES, SCHEDULED_QUEUES } from "@/lib/jobs/queue";

export type QueueJob = { queue: string; run: (data: { batchId: string }, owner: string) => Promise<string | null> };
export type ScheduledJob = {
  name: string;
  /** pg-boss cron, in WIB. */
  cron: string;
  period: PeriodKind;
  run: (period: string) => Promise<string>;
};

/** One import phase under its lease (a given batch, or the oldest unleased); its log line, or null when none was claimed. */
export async function runImportPhase(owner: string, batchId?: string): Promise<string | null> {
  const t = Date.now();
  const r = await runImportBatch(owner, batchId);
  if (!r) return null;
  return `${r.phase === "validate" ? "validasi" : "penerapan"} ${r.id}: ${r.outcome}${r.code ? ` (kode ${r.code})` : ""} (${((Date.now() - t) / 1000).toFixed(1)} s)`;
}

const importPhase = (data: { batchId: string }, owner: string) => runImportPhase(owner, data.batchId);

export const QUEUE_JOBS: QueueJob[] = [
  { queue: QUEUES.validate, run: importPhase },
  { queue: QUEUES.commit, run: importPhase },
];

export const SCHEDULED_JOBS: ScheduledJob[] = [
  {
    name: SCHEDULED_QUEUES.retention,
    cron: "15 2 * * *",
    period: "day",
    run: async () => {
      const r = await runRetention();
      return `baris impor dari ${r.batches} batch dan ${r.files} unggahan terputus dihapus, ${r.anonymised} kepesertaan lama dianonimkan`;
    },
  },
  {
    name: SCHEDULED_QUEUES.billing,
    cron: "5 0 1 * *",
    period: "month",
    run: async (period) => {
      const r = await runMonthlyBilling(period);
      return `${r.regulations} regulasi: ${r.bills} tagihan baru, ${r.added} baris iuran, ${r.susulan} susulan, ${r.koreksi} koreksi, ${r.removed} dihapus, ${r.untertagih} tidak tertagih`;
    },
  },
];
