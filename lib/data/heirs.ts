import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { workerHeirs, workers } from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { today as todayOf, todayIn } from "@/lib/clock";
import { HEIR_RELATIONSHIPS } from "@/lib/domain/heirs";
import { parseNik } from "@/lib/domain/nik";
import type { HeirInput } from "@/lib/validation/workers";
import { writeAudit } from "./audit";
import { isUniqueViolation, NotFoundError, UserFacingError } from "./errors";
import { knownAreas } from "./internal/known-areas";
import { rows } from "./internal/rows";
import { workerInScope } from "./internal/worker-scope";

// A worker's heirs (ahli waris): the list the worker page manages, in the legal order of
// Permenaker 4/2023 Ps 57 (lib/domain/heirs.ts). Kept by the area's officer or supervisor and by
// the branch head serving the kecamatan (heirs come to the branch with a claim). An ended
// enrollment keeps its list: after a death is when it matters. NIK and account are written here
// and never shown whole again (the list is read with the worker: getWorkerForViewer's `heirs`);
// the audit trail names the fields, not their values.

async function lockWorkerNik(tx: Tx, viewer: Viewer, workerId: number) {
  const [w] = await tx
    .select({ id: workers.id, nik: workers.nik })
    .from(workers)
    .where(and(eq(workers.id, workerId), workerInScope(viewer)))
    .for("update");
  if (!w) throw new NotFoundError("Pekerja");
  return w;
}

/** The NIK's structure (lib/domain/nik) and never the worker's own; region warnings do not matter for an heir. */
async function checkHeirNik(tx: Tx, nik: string | null | undefined, workerNik: string) {
  if (!nik) return;
  const parsed = parseNik(nik, await knownAreas(), await todayIn(tx));
  if (!parsed.ok) throw new UserFacingError("Periksa NIK ahli waris.", { nik: [parsed.error] });
  if (nik === workerNik)
    throw new UserFacingError("NIK ahli waris tidak boleh sama dengan NIK pekerja.", { nik: ["NIK ahli waris tidak boleh sama dengan NIK pekerja."] });
}

async function checkBirthDate(birthDate: string | null | undefined) {
  if (birthDate && birthDate > (await todayOf()))
    throw new UserFacingError("Tanggal lahir tidak boleh setelah hari ini.", { birthDate: ["Tanggal lahir tidak boleh setelah hari ini."] });
}

function duplicateNik<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((e) => {
    if (isUniqueViolation(e, "worker_heirs_nik_key"))
      throw new UserFacingError("NIK ini sudah ada di daftar ahli waris pekerja.", { nik: ["NIK ini sudah ada di daftar ahli waris pekerja."] });
    throw e;
  });
}

/** Digits only, as the form's schema leaves them (callers that skip it included). */
function cleaned<T extends HeirInput>(input: T): T {
  const digits = (v: string | null | undefined) => (v ? v.replace(/[\s.-]/g, "") || null : null);
  return { ...input, name: input.name.trim(), nik: digits(input.nik), bankAccount: digits(input.bankAccount) };
}

/** Adds an heir to the worker's list. */
export async function addHeir(viewer: Viewer, workerId: number, raw: HeirInput): Promise<number> {
  assertCan(viewer.role, "heirs.manage");
  const input = cleaned(raw);
  await checkBirthDate(input.birthDate);
  return duplicateNik(() =>
    db().transaction(async (tx) => {
      const w = await lockWorkerNik(tx, viewer, workerId);
      await checkHeirNik(tx, input.nik, w.nik);
      const [row] = await tx
        .insert(workerHeirs)
        .values({
          workerId,
          name: input.name,
          relationship: input.relationship,
          nik: input.nik ?? null,
          birthDate: input.birthDate ?? null,
          phone: input.phone ?? null,
          bankName: input.bankName ?? null,
          bankAccount: input.bankAccount ?? null,
          createdBy: viewer.id,
        })
        .returning({ id: workerHeirs.id });
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "heir.add",
        entityType: "worker",
        entityId: String(workerId),
        details: { heirId: row!.id, relationship: HEIR_RELATIONSHIPS[input.relationship] },
      });
      return row!.id;
    }),
  );
}

/**
 * Changes an heir. A blank NIK or account keeps the one recorded (the form never shows them whole);
 * `clearNik` / `clearAccount` remove them.
 */
export async function updateHeir(viewer: Viewer, heirId: number, raw: HeirInput & { clearNik?: boolean; clearAccount?: boolean }) {
  assertCan(viewer.role, "heirs.manage");
  const input = cleaned(raw);
  await checkBirthDate(input.birthDate);
  return duplicateNik(() =>
    db().transaction(async (tx) => {
      const [h] = await tx.select().from(workerHeirs).where(eq(workerHeirs.id, heirId));
      if (!h) throw new NotFoundError("Ahli waris");
      const w = await lockWorkerNik(tx, viewer, h.workerId).catch(() => {
        throw new NotFoundError("Ahli waris");
      });
      const nik = input.nik ?? (input.clearNik ? null : h.nik);
      await checkHeirNik(tx, nik, w.nik);
      const bankAccount = input.bankAccount ?? (input.clearAccount ? null : h.bankAccount);
      const bankName = bankAccount ? (input.bankName ?? h.bankName) : null;
      if (bankAccount && !bankName) throw new UserFacingError("Isi nama bank.", { bankName: ["Isi nama bank untuk nomor rekening ini."] });
      const values = {
        name: input.name,
        relationship: input.relationship,
        nik,
        birthDate: input.birthDate ?? null,
        phone: input.phone ?? null,
        bankName,
        bankAccount,
      };
      const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => String(values[k] ?? "") !== String(h[k] ?? ""));
      if (!changed.length) return h.workerId;
      await tx
        .update(workerHeirs)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(workerHeirs.id, heirId));
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "heir.update",
        entityType: "worker",
        entityId: String(h.workerId),
        details: { heirId, fields: changed },
      });
      return h.workerId;
    }),
  );
}

/** Removes an heir from the list (payments already made keep the name they were made to). */
export async function removeHeir(viewer: Viewer, heirId: number): Promise<number> {
  assertCan(viewer.role, "heirs.manage");
  return db().transaction(async (tx) => {
    const [row] = await rows<{ workerId: number }>(
      tx,
      sql`delete from worker_heirs h using workers where h.id = ${heirId} and workers.id = h.worker_id and ${workerInScope(viewer)} returning h.worker_id::int as "workerId"`,
    );
    if (!row) throw new NotFoundError("Ahli waris");
    await writeAudit(tx, { actorId: viewer.id, action: "heir.remove", entityType: "worker", entityId: String(row.workerId), details: { heirId } });
    return row.workerId;
  });
}
