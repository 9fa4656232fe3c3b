import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { correctionRequests, districts, users, workers, type IdentityFields } from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { maskNik } from "@/lib/domain/nik";
import { IDENTITY_FIELD_LABELS } from "@/lib/domain/worker-status";
import { writeAudit } from "./audit";
import { isUniqueViolation, NotFoundError, UserFacingError } from "./errors";
import { recordEvent } from "./internal/places";
import { workerInScope } from "./internal/worker-scope";

const masked = (f: IdentityFields): IdentityFields => (f.nik ? { ...f, nik: maskNik(f.nik) } : f);

/** Open correction requests of the workers the branch serves (by kecamatan), oldest first; NIKs masked. */
export async function listCorrectionRequestsForViewer(viewer: Viewer) {
  assertCan(viewer.role, "workers.verify");
  const rows = await db()
    .select({
      id: correctionRequests.id,
      workerId: workers.id,
      workerName: workers.name,
      districtName: districts.name,
      before: correctionRequests.before,
      changes: correctionRequests.changes,
      requestedAt: correctionRequests.requestedAt,
      requestedBy: users.name,
    })
    .from(correctionRequests)
    .innerJoin(workers, eq(workers.id, correctionRequests.workerId))
    .leftJoin(districts, eq(districts.code, workers.districtCode))
    .leftJoin(users, eq(users.id, correctionRequests.requestedBy))
    .where(and(eq(correctionRequests.status, "menunggu"), workerInScope(viewer)))
    .orderBy(asc(correctionRequests.requestedAt), asc(correctionRequests.id))
    .limit(500);
  return rows.map((r) => ({ ...r, before: masked(r.before), changes: masked(r.changes) }));
}

/**
 * The branch approves (the identity fields change, recorded in the worker's history) or rejects
 * (with a note) an open correction request of a worker it serves. One transaction; a NIK that
 * meanwhile became enrolled elsewhere is refused by the live-NIK constraint.
 */
export async function decideCorrection(viewer: Viewer, requestId: number, decision: { approve: boolean; note: string | null }) {
  assertCan(viewer.role, "workers.verify");
  if (!decision.approve && !decision.note) throw new UserFacingError("Tulis alasan penolakan koreksi.", { note: ["Tulis alasan penolakan koreksi."] });
  try {
    await db().transaction(async (tx) => {
      const [row] = await tx
        .select({ request: correctionRequests, status: workers.status, regulationId: workers.regulationId })
        .from(correctionRequests)
        .innerJoin(workers, eq(workers.id, correctionRequests.workerId))
        .where(and(eq(correctionRequests.id, requestId), workerInScope(viewer)))
        .for("update");
      if (!row) throw new NotFoundError("Permintaan koreksi");
      const r = row.request;
      if (r.status !== "menunggu") throw new UserFacingError("Permintaan koreksi ini sudah diputuskan.");
      await tx
        .update(correctionRequests)
        .set({ status: decision.approve ? "disetujui" : "ditolak", decidedBy: viewer.id, decidedAt: new Date(), decisionNote: decision.note })
        .where(eq(correctionRequests.id, requestId));
      const fields = Object.keys(r.changes);
      if (decision.approve) {
        await tx
          .update(workers)
          .set({ ...r.changes, updatedAt: new Date() })
          .where(eq(workers.id, r.workerId));
        await recordEvent(tx, {
          workerId: r.workerId,
          actorId: viewer.id,
          from: row.status,
          to: row.status,
          regulationId: row.regulationId,
          reason: `Koreksi identitas disetujui kantor cabang (${fields.map((f) => IDENTITY_FIELD_LABELS[f as keyof IdentityFields]).join(", ")})`,
        });
      }
      await writeAudit(tx, {
        actorId: viewer.id,
        action: decision.approve ? "worker.correction_approve" : "worker.correction_reject",
        entityType: "worker",
        entityId: String(r.workerId),
        details: { request: requestId, fields, note: decision.note },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e, "workers_live_nik_key"))
      throw new UserFacingError("NIK baru ini sudah terdaftar pada kepesertaan lain; koreksi tidak dapat disetujui.");
    throw e;
  }
}
