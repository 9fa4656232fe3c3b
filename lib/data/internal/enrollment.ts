import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { workers } from "@/db/schema";
import type { Viewer } from "@/lib/authz/viewer";
import { canMoveWorker, END_REASONS, WORKER_STATUS_LABELS, type EndReason, type WorkerStatus } from "@/lib/domain/worker-status";
import { dayLabel } from "@/lib/domain/wib";
import { UserFacingError } from "../errors";
import { promoteWaiting, recordEvent, releasePlace } from "./places";
import { rows } from "./rows";

// An enrollment's moves, its ending and a death, written once: lib/data/workers.ts and the claims
// (a death claim records the death in the same step) call these inside their transactions, after
// they have locked the worker row in the viewer's scope.

export type WorkerRow = typeof workers.$inferSelect;

/** Moves a worker to another status (checked against the status rules) and records the event. */
export async function move(
  tx: Tx,
  viewer: Viewer,
  w: { id: number; status: WorkerStatus },
  to: WorkerStatus,
  set: Partial<typeof workers.$inferInsert>,
  reason: string | null,
  effectiveOn?: string,
) {
  if (!canMoveWorker(w.status, to))
    throw new UserFacingError(`Status ${WORKER_STATUS_LABELS[w.status]} tidak dapat diubah menjadi ${WORKER_STATUS_LABELS[to]}.`);
  await tx
    .update(workers)
    .set({ ...set, status: to, updatedAt: new Date() })
    .where(eq(workers.id, w.id));
  await recordEvent(tx, { workerId: w.id, actorId: viewer.id, from: w.status, to, regulationId: set.regulationId ?? null, reason, effectiveOn });
}

// The ending path, written once: the day's checks, the move to berakhir, the place to the waiting list.
export async function endEnrollment(tx: Tx, viewer: Viewer, w: WorkerRow, reason: EndReason, endedOn: string, today: string, field: string) {
  const [span] = await rows<{ startsOn: string }>(
    tx,
    sql`select starts_on::text as "startsOn" from coverage_spans where worker_id = ${w.id} and ends_on is null`,
  );
  const earliest = [w.coverageStart, span?.startsOn, w.status === "aktif" ? null : w.statusSince]
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  const label = field === "diedOn" ? "Tanggal meninggal" : "Tanggal berakhir";
  if (endedOn > today) throw new UserFacingError(`${label} tidak boleh setelah hari ini.`, { [field]: [`${label} tidak boleh setelah hari ini.`] });
  if (earliest && endedOn < earliest) {
    const msg = `${label} tidak boleh sebelum ${dayLabel(earliest)}${w.coverageStart === earliest ? " (mulai kepesertaan)" : ""}.`;
    throw new UserFacingError(msg, { [field]: [msg] });
  }
  await move(tx, viewer, w, "berakhir", { regulationId: null, endReason: reason, endedOn }, END_REASONS[reason], endedOn);
  if (w.regulationId) {
    await releasePlace(tx, w.regulationId);
    await promoteWaiting(tx, w.regencyCode, today, viewer.id);
  }
}

export async function insertDeath(tx: Tx, viewer: Viewer, w: WorkerRow, diedOn: string) {
  // Recorded at the portal's clock, like the history event beside it.
  await tx.execute(sql`insert into deaths (nik, worker_id, regency_code, district_code, died_on, recorded_by, recorded_at)
    values (${w.nik}, ${w.id}, ${w.regencyCode}, ${w.districtCode}, ${diedOn}::date, ${viewer.id}, portal_now())`);
}
