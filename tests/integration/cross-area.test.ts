// A user of one area cannot read another area's rows through any data function. The list of
// checks below must name every export of lib/data: a new export without a check fails the
// first test, so nobody adds a door without proving it is scoped.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import { ForbiddenError } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { NotFoundError, UserFacingError } from "@/lib/data/errors";
import { regulationInput } from "../support/regulations";
import { viewerFor } from "../support/viewers";
import { firstVillageOf } from "../support/areas";
import { claimNikNamespace, workerInput } from "../support/workers";

claimNikNamespace(2);

const DATA_DIR = path.resolve(import.meta.dirname, "../../lib/data");

type Ctx = {
  kotaRegId: number; // Kota Tangerang's demo Perwal
  kabRegId: number; // Kabupaten Tangerang's demo Perbup
  kabAmendmentId: number;
  kotaWorkerId: number; // lives in Kecamatan Tangerang (served by Cikokol)
  kabWorkerId: number;
  kabImportId: string; // an import batch of Kabupaten Tangerang
  kotaPetugas: Viewer; // Kota Tangerang 36.71
  kabSupervisor: Viewer; // Kabupaten Tangerang 36.03
  supervisorKota: Viewer;
  kacabCikokol: Viewer; // serves 6 kecamatan of 36.71
  kakanwil: Viewer; // Banten 36
  admin: Viewer;
  mod: Record<string, Record<string, unknown>>;
  // Demo contributions: a bill of Cikokol's and one of Cimone's (Kota Tangerang), one of Kabupaten
  // Tangerang's, a Kota Tangerang SP2D and its Cimone part.
  billCikokol: number;
  billCimone: number;
  billKab: number;
  paymentKota: number;
  partCimone: number;
  reconciliationId: number; // the demo reconciliation of Cikokol
  kacabCimone: Viewer;
  refundKota: number; // a refund of Kota Tangerang's Perwal made by the test
  deathKota: number; // a death recorded by the test on a Kota Tangerang worker of its own
  deathWorkerId: number;
  claimKota: number; // a JKM claim on that death, made by the test
};
type Fn = (...args: unknown[]) => Promise<unknown>;
const call = (ctx: Ctx, key: string) => {
  const [file, name] = key.split(".") as [string, string];
  return ctx.mod[file]![name] as Fn;
};
const forbidden = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(ForbiddenError);

const CIKOKOL = ["36.71.01", "36.71.05", "36.71.06", "36.71.11", "36.71.12", "36.71.13"];

const CHECKS: Record<string, (ctx: Ctx, f: Fn) => Promise<void>> = {
  "areas.listRegenciesForViewer": async (ctx, f) => {
    expect(((await f(ctx.kotaPetugas)) as { code: string }[]).map((r) => r.code)).toEqual(["36.71"]);
    expect(((await f(ctx.kabSupervisor)) as { code: string }[]).map((r) => r.code)).toEqual(["36.03"]);
    expect(((await f(ctx.kacabCikokol)) as { code: string }[]).map((r) => r.code)).toEqual(["36.71"]);
    const banten = (await f(ctx.kakanwil)) as { code: string }[];
    expect(banten).toHaveLength(8);
    expect(banten.every((r) => r.code.startsWith("36."))).toBe(true);
  },
  "areas.listDistrictsForViewer": async (ctx, f) => {
    const own = (await f(ctx.kotaPetugas)) as { code: string }[];
    expect(own).toHaveLength(13);
    expect(own.every((d) => d.code.startsWith("36.71."))).toBe(true);
    expect(await f(ctx.kotaPetugas, { regencyCode: "36.03" })).toEqual([]);
    expect(((await f(ctx.kacabCikokol)) as { code: string }[]).map((d) => d.code)).toEqual(CIKOKOL);
    expect(await f(ctx.kakanwil, { regencyCode: "32.01" })).toEqual([]);
  },
  "areas.listVillagesForViewer": async (ctx, f) => {
    expect(((await f(ctx.kotaPetugas, "36.71.05")) as unknown[]).length).toBeGreaterThan(0);
    expect(await f(ctx.kotaPetugas, "36.03.01")).toEqual([]);
    expect(await f(ctx.kacabCikokol, "36.71.07")).toEqual([]); // Karawaci: Cimone's
    expect(await f(ctx.kakanwil, "32.01.01")).toEqual([]);
  },
  "areas.getScopeSummaryForViewer": async (ctx, f) => {
    expect(await f(ctx.kotaPetugas)).toMatchObject({ regencies: 1, districts: 13 });
    expect(await f(ctx.kacabCikokol)).toMatchObject({ regencies: 1, districts: 6 });
    expect(await f(ctx.kakanwil)).toMatchObject({ regencies: 8, districts: 155, villages: 1552 });
  },
  // Public reference metadata (the data source's name and version), not area rows.
  "areas.getAreaDataSource": async (ctx, f) => {
    expect(await f()).toMatchObject({ name: "idn-area-data" });
  },
  "areas.listVillagesOfRegencyForViewer": async (ctx, f) => {
    expect(((await f(ctx.kotaPetugas, "36.71")) as unknown[]).length).toBe(104);
    expect(await f(ctx.kotaPetugas, "36.03")).toEqual([]);
    const cikokol = (await f(ctx.kacabCikokol, "36.71")) as { code: string }[];
    expect(cikokol.every((v) => CIKOKOL.includes(v.code.slice(0, 8)))).toBe(true);
  },
  "regulations.listRegulationsForViewer": async (ctx, f) => {
    const kab = (await f(ctx.kabSupervisor)) as { regencyCode: string }[];
    expect(kab.length).toBeGreaterThan(0);
    expect(kab.every((r) => r.regencyCode === "36.03")).toBe(true);
    expect(((await f(ctx.kacabCikokol)) as { regencyCode: string }[]).every((r) => r.regencyCode === "36.71")).toBe(true);
    expect(((await f(ctx.kakanwil)) as { regencyCode: string }[]).every((r) => r.regencyCode.startsWith("36."))).toBe(true);
  },
  "regulations.getRegulationForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await f(ctx.kacabCikokol, ctx.kotaRegId)).toMatchObject({ regencyCode: "36.71" });
  },
  "regulations.getRegulationFiguresForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "regulations.listRegulationHistoryForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "regulations.getRegulationDocumentForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "regulations.createRegulation": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas, {}));
    // A supervisor's area comes from the account, never from the form.
    const row = (await f(ctx.kabSupervisor, { ...regulationInput({ type: "perbup", title: "Uji lintas wilayah", quota: 5 }), regencyCode: "36.71" })) as {
      regencyCode: string;
    };
    expect(row.regencyCode).toBe("36.03");
  },
  "regulations.updateRegulation": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId, regulationInput({ title: "Dibajak", quota: 1 }))).rejects.toBeInstanceOf(NotFoundError);
  },
  "regulations.submitRegulationForReview": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kacabCikokol, ctx.kotaRegId));
  },
  "regulations.returnRegulationToDraft": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "regulations.enactRegulation": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId, { number: "X/1", enactedOn: "2026-01-01" })).rejects.toBeInstanceOf(NotFoundError);
  },
  "regulations.endRegulation": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId, { endedOn: "2026-06-01", reason: "revoked", workers: "end", successorId: null })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Nor can a successor be taken from another area.
    await expect(
      f(ctx.kabSupervisor, ctx.kabRegId, { endedOn: "2026-06-01", reason: "revoked", workers: "move", successorId: ctx.kotaRegId }),
    ).rejects.toMatchObject({ fieldErrors: { successorId: expect.any(Array) } });
  },
  "regulations.upsertRegulationBudget": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId, { fiscalYear: 2026, allocated: 1, monthsCovered: 12, assumedMonthlyRate: null })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  },
  "regulations.createAmendment": async (ctx, f) => {
    await expect(
      f(ctx.kabSupervisor, ctx.kotaRegId, { title: "Dibajak", newQuota: 1, newEndsOn: null, budgetFiscalYear: null, budgetAllocated: null }),
    ).rejects.toBeInstanceOf(NotFoundError);
  },
  "regulations.enactAmendment": async (ctx, f) => {
    await expect(f(ctx.supervisorKota, ctx.kabAmendmentId, { number: "X/2", enactedOn: "2026-01-01" })).rejects.toBeInstanceOf(NotFoundError);
  },
  "regulations.moveWorkersBetweenRegulations": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, { fromId: ctx.kotaRegId, toId: ctx.kabRegId, count: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kotaPetugas, { fromId: ctx.kotaRegId, toId: ctx.kotaRegId, count: 1 }));
  },
  "regulations.setAmendmentDocument": async (ctx, f) => {
    await expect(f(ctx.supervisorKota, ctx.kabRegId, ctx.kabAmendmentId, { storedName: "x.pdf", originalName: "x.pdf" })).rejects.toBeInstanceOf(NotFoundError);
    // An amendment id of another regulation is not found through this one.
    await expect(f(ctx.supervisorKota, ctx.kotaRegId, ctx.kabAmendmentId, { storedName: "x.pdf", originalName: "x.pdf" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  },
  "regulations.setRegulationDocument": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId, { storedName: "x.pdf", originalName: "x.pdf" })).rejects.toBeInstanceOf(NotFoundError);
  },
  "area-settings.getAreaSettingsForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    await forbidden(f(ctx.kacabCikokol));
    expect(await f(ctx.kabSupervisor)).toMatchObject({ requiresApproval: false });
  },
  // Writes the viewer's own area only: there is no area parameter to point elsewhere.
  "area-settings.updateAreaSettings": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas, { requiresApproval: true, funderPriority: ["kabkota", "provinsi", "desa", "csr", "lainnya"] }));
    await forbidden(f(ctx.kakanwil, { requiresApproval: true, funderPriority: ["kabkota", "provinsi", "desa", "csr", "lainnya"] }));
  },
  "area-settings.getDocumentKopForViewer": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas, "36.03")).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCikokol, "36.03")).rejects.toBeInstanceOf(NotFoundError);
    expect(await f(ctx.kabSupervisor, "36.03")).toMatchObject({ regencyName: "Kabupaten Tangerang" });
    expect(await f(ctx.kakanwil, "36.71")).toMatchObject({ regencyName: "Kota Tangerang" });
    expect(await f(ctx.kacabCikokol, "36.71")).toMatchObject({ regencyName: "Kota Tangerang" });
  },
  "audit-trail.listAuditTrailForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    await forbidden(f(ctx.kakanwil));
    const kab = (await f(ctx.kabSupervisor)) as { entityType: string; entityId: string; subject: string }[];
    expect(kab.length).toBeGreaterThan(0);
    expect(kab.some((r) => r.entityType === "worker" && r.entityId === String(ctx.kotaWorkerId))).toBe(false);
    expect(kab.every((r) => !/\d{16}/.test(r.subject))).toBe(true);
    // Filters narrow the area's trail, never widen it: by action, by actor, by WIB day.
    type Row = { action: string; actorName: string | null; at: Date };
    const created = (await f(ctx.kabSupervisor, 1, { action: "worker.create" })) as Row[];
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((r) => r.action === "worker.create")).toBe(true);
    const mine = (await f(ctx.kabSupervisor, 1, { actorId: ctx.kabSupervisor.id })) as Row[];
    expect(mine.every((r) => r.actorName === ctx.kabSupervisor.name)).toBe(true);
    expect(await f(ctx.kabSupervisor, 1, { actorId: ctx.kotaPetugas.id, action: "worker.create" })).toEqual([]);
    const day = created[0]!.at;
    const wib = new Date(day.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const thatDay = (await f(ctx.kabSupervisor, 1, { from: wib, to: wib })) as Row[];
    expect(thatDay.length).toBeGreaterThan(0);
    expect(thatDay.every((r) => new Date(r.at.getTime() + 7 * 3600_000).toISOString().slice(0, 10) === wib)).toBe(true);
  },
  "audit-trail.listAuditActorsForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    await forbidden(f(ctx.kakanwil));
    const actors = (await f(ctx.kabSupervisor)) as { id: string; role: string }[];
    expect(actors.map((a) => a.id)).toContain(ctx.kabSupervisor.id);
    expect(actors.map((a) => a.id)).not.toContain(ctx.kotaPetugas.id);
    expect(actors.map((a) => a.id)).not.toContain(ctx.kacabCikokol.id);
  },
  "workers.registerWorker": async (ctx, f) => {
    await forbidden(f(ctx.kacabCikokol, workerInput({ districtCode: "36.71.01", villageCode: "36.71.01.1001" })));
    // The area comes from the account: a Kota Tangerang kecamatan is refused for Kabupaten Tangerang.
    await expect(f(ctx.kabSupervisor, workerInput({ districtCode: "36.71.01", villageCode: await firstVillageOf("36.71.01") }))).rejects.toMatchObject({
      fieldErrors: { districtCode: expect.any(Array) },
    });
  },
  "workers.submitWorker": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "workers.approveWorkers": async (ctx, f) => {
    expect(await f(ctx.kabSupervisor, [ctx.kotaWorkerId])).toBe(0);
    await forbidden(f(ctx.kotaPetugas, [ctx.kotaWorkerId]));
  },
  "workers.verifyWorkers": async (ctx, f) => {
    expect(await f(ctx.kacabCikokol, [ctx.kabWorkerId])).toBe(0);
    await forbidden(f(ctx.kotaPetugas, [ctx.kotaWorkerId]));
  },
  "workers.rejectWorkers": async (ctx, f) => {
    expect(await f(ctx.kacabCikokol, [ctx.kabWorkerId], "bukan wilayah")).toBe(0);
  },
  "workers.activateWorker": async (ctx, f) => {
    await expect(f(ctx.kacabCikokol, ctx.kabWorkerId, { kpjNumber: "12345678", coverageStart: "2026-11-24" })).rejects.toBeInstanceOf(NotFoundError);
  },
  "workers.endWorker": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId, "meninggal")).rejects.toBeInstanceOf(NotFoundError);
  },
  "workers.recordDeath": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId, "2026-11-01")).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCimone, ctx.kabWorkerId, "2026-11-01")).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, ctx.kotaWorkerId, "2026-11-01"));
  },
  "workers.getDeathForViewer": async (ctx, f) => {
    // Another area's worker shows no death (the worker itself is "tidak ditemukan" to them).
    expect(await f(ctx.kabSupervisor, ctx.kotaWorkerId)).toBeNull();
  },
  "workers.setDeathDocument": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.deathKota, { fileId: "00000000-0000-4000-8000-000000000000", name: "x.pdf" })).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, ctx.deathKota, { fileId: "00000000-0000-4000-8000-000000000000", name: "x.pdf" }));
  },
  "workers.getDeathDocumentForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.deathKota)).rejects.toBeInstanceOf(NotFoundError);
  },
  "workers.listWorkersForViewer": async (ctx, f) => {
    const kab = (await f(ctx.kabSupervisor)) as { rows: { regencyName: string }[] };
    expect(kab.rows.length).toBeGreaterThan(0);
    expect(kab.rows.every((r) => r.regencyName === "Kabupaten Tangerang")).toBe(true);
    const cab = (await f(ctx.kacabCikokol)) as { rows: { id: number }[] };
    expect(cab.rows.map((r) => r.id)).not.toContain(ctx.kabWorkerId);
  },
  "workers.listVerificationQueueForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    type Queue = { rows: { id: number; status: string }[]; counts: { diajukan: number; diverifikasi: number } };
    const { getWorkerForViewer } = ctx.mod.workers as { getWorkerForViewer: Fn };
    const own = (await getWorkerForViewer(ctx.kotaPetugas, ctx.kotaWorkerId)) as { districtCode: string; status: string };
    // Its kecamatan's tab, every page: the Kota worker is there, the Kabupaten one nowhere.
    const seen: number[] = [];
    const tab = own.status === "diverifikasi" ? "diverifikasi" : "diajukan";
    for (let page = 1; ; page++) {
      const q = (await f(ctx.kacabCikokol, { tab, districtCode: own.districtCode, page })) as Queue;
      expect(q.rows.length).toBeLessThanOrEqual(50);
      expect(q.rows.every((r) => r.status === tab)).toBe(true);
      seen.push(...q.rows.map((r) => r.id));
      if (q.rows.length < 50) break;
    }
    expect(seen).toContain(ctx.kotaWorkerId);
    expect(seen).not.toContain(ctx.kabWorkerId);
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      const [c] =
        await sql`select count(*) filter (where status = 'diajukan')::int as diajukan, count(*) filter (where status = 'diverifikasi')::int as diverifikasi
        from workers where district_code in ${sql(CIKOKOL)}`;
      expect(((await f(ctx.kacabCikokol)) as Queue).counts).toEqual(c);
      expect(((await f(ctx.kacabCimone)) as Queue).rows.map((r) => r.id)).not.toContain(ctx.kotaWorkerId);
    } finally {
      await sql.end();
    }
  },
  "workers.exportWorkersForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kakanwil));
    const all = async (v: Viewer) => {
      const exp = (await f(v)) as { batches: AsyncIterable<{ regencyName: string; districtName: string }[]> };
      const out: { regencyName: string; districtName: string }[] = [];
      for await (const b of exp.batches) out.push(...b);
      return out;
    };
    const kab = await all(ctx.kabSupervisor);
    expect(kab.length).toBeGreaterThan(0);
    expect(kab.every((r) => r.regencyName === "Kabupaten Tangerang")).toBe(true);
    const cab = await all(ctx.kacabCikokol);
    expect(new Set(cab.map((r) => r.districtName))).toEqual(new Set(["Tangerang", "Cipondoh", "Ciledug", "Pinang", "Karang Tengah", "Larangan"]));
  },
  "workers.updateWorker": async (ctx, f) => {
    await expect(
      f(ctx.kabSupervisor, ctx.kotaWorkerId, workerInput({ districtCode: "36.03.01", villageCode: await firstVillageOf("36.03.01") })),
    ).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kacabCikokol, ctx.kotaWorkerId, workerInput({ districtCode: "36.71.01", villageCode: "36.71.01.1001" })));
  },
  "workers.getWorkerFormValuesForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, ctx.kotaWorkerId));
  },
  "workers.getEnrolmentLetterForViewer": async (ctx, f) => {
    const { rows: aktif } = (await (ctx.mod.workers!.listWorkersForViewer as Fn)(ctx.kotaPetugas, { status: "aktif" })) as { rows: { id: number }[] };
    await expect(f(ctx.kabSupervisor, aktif[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kacabCikokol, aktif[0]!.id));
    await expect(f(ctx.kotaPetugas, aktif[0]!.id)).resolves.toMatchObject({ nikMasked: expect.stringMatching(/••••/), kpjNumber: expect.any(String) });
    // Not aktif (a draft): no letter.
    await expect(f(ctx.kotaPetugas, ctx.kotaWorkerId)).rejects.toThrow("hanya untuk peserta aktif");
  },
  "workers.getProcessingRecordForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId)).rejects.toBeInstanceOf(NotFoundError);
    const own = (await f(ctx.kotaPetugas, ctx.kotaWorkerId)) as { audit: { action: string }[]; events: { to: string }[] };
    expect(own.audit.map((a) => a.action)).toContain("worker.create");
    expect(own.events.map((e) => e.to)).toContain("draft");
  },
  "heirs.addHeir": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId, { name: "Lintas", relationship: "anak" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCimone, ctx.kotaWorkerId, { name: "Lintas", relationship: "anak" })).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, ctx.kotaWorkerId, { name: "Lintas", relationship: "anak" }));
  },
  "heirs.updateHeir": async (ctx, f) => {
    const [heir] = ((await (ctx.mod.workers!.getWorkerForViewer as Fn)(ctx.kotaPetugas, ctx.kotaWorkerId)) as { heirs: { id: number }[] }).heirs;
    await expect(f(ctx.kabSupervisor, heir!.id, { name: "Lintas", relationship: "anak" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCimone, heir!.id, { name: "Lintas", relationship: "anak" })).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, heir!.id, { name: "Lintas", relationship: "anak" }));
  },
  "heirs.removeHeir": async (ctx, f) => {
    const [heir] = ((await (ctx.mod.workers!.getWorkerForViewer as Fn)(ctx.kotaPetugas, ctx.kotaWorkerId)) as { heirs: { id: number }[] }).heirs;
    await expect(f(ctx.kabSupervisor, heir!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCimone, heir!.id)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, heir!.id));
    expect(((await (ctx.mod.workers!.getWorkerForViewer as Fn)(ctx.kotaPetugas, ctx.kotaWorkerId)) as { heirs: unknown[] }).heirs.length).toBeGreaterThan(0);
  },
  "workers.recordKpjNumbers": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas, []));
    const { revealWorkerNik } = ctx.mod.workers as { revealWorkerNik: Fn };
    const kabNik = (await revealWorkerNik(ctx.kabSupervisor, ctx.kabWorkerId)) as string;
    expect(await f(ctx.kacabCikokol, [{ line: 1, nik: kabNik, kpj: "12345678", coverageStart: null }])).toEqual([
      { line: 1, ok: false, message: "NIK tidak ditemukan di kecamatan yang dilayani cabang ini." },
    ]);
  },
  "workers.getWorkerForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kakanwil, ctx.kotaWorkerId)).resolves.toMatchObject({ nikMasked: expect.stringMatching(/••••/) });
  },
  "workers.revealWorkerNik": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, ctx.kotaWorkerId));
  },
  "corrections.listCorrectionRequestsForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    await forbidden(f(ctx.kakanwil));
    const rows = (await f(ctx.kacabCikokol)) as { workerId: number }[];
    expect(rows.map((r) => r.workerId)).not.toContain(ctx.kabWorkerId);
  },
  "corrections.decideCorrection": async (ctx, f) => {
    await forbidden(f(ctx.kabSupervisor, 1, { approve: true, note: null }));
    // A request id the branch does not serve reads as not found (ids are guessable).
    await expect(f(ctx.kacabCikokol, 2_000_000_000, { approve: true, note: null })).rejects.toBeInstanceOf(NotFoundError);
  },
  "areas.listProvincesForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    await forbidden(f(ctx.kacabCikokol));
    expect(((await f(ctx.kakanwil)) as { code: string }[]).map((p) => p.code)).toEqual(["36"]);
    expect(((await f(ctx.admin)) as unknown[]).length).toBe(38);
  },
  "dashboard.countWorkTodoForViewer": async (ctx, f) => {
    const recount = async (where: string) => {
      const { sql } = connect(inject("databaseUrl"), 1);
      try {
        const r = (await sql.unsafe(`select status::text, count(*)::int as n from workers where ${where} group by 1`)) as unknown as {
          status: string;
          n: number;
        }[];
        const n = (k: string) => r.find((x) => x.status === k)?.n ?? 0;
        return Object.fromEntries(["draft", "menunggu_persetujuan", "ditolak", "daftar_tunggu", "diajukan", "diverifikasi"].map((k) => [k, n(k)]));
      } finally {
        await sql.end();
      }
    };
    type Todo = { byStatus: Record<string, number>; oldestDays: number | null; importsToApply: number };
    expect(((await f(ctx.kotaPetugas)) as Todo).byStatus).toEqual(await recount("regency_code = '36.71'"));
    expect(((await f(ctx.kabSupervisor)) as Todo).byStatus).toEqual(await recount("regency_code = '36.03'"));
    const branch = (await f(ctx.kacabCikokol)) as Todo;
    expect(branch.byStatus).toEqual(await recount(`district_code in (${CIKOKOL.map((k) => `'${k}'`).join(",")})`));
    expect(branch.oldestDays).toBeGreaterThanOrEqual(0);
    expect(branch.importsToApply).toBe(0);
  },
  "dashboard.listMonthlyHoldersForViewer": async (ctx, f) => {
    const year = { fiscalYear: 2026, funder: null };
    await forbidden(f(ctx.kacabCikokol, { regencyCode: "36.71" }, year));
    await expect(f(ctx.kotaPetugas, { regencyCode: "36.03" }, year)).rejects.toBeInstanceOf(NotFoundError);
    type Month = { month: string; counted: number; aktif: number };
    const kota = (await f(ctx.kotaPetugas, { regencyCode: "36.71" }, year)) as Month[];
    const banten = (await f(ctx.kakanwil, { provinceCode: "36" }, year)) as Month[];
    // From January of last year to this month (the clock: November 2026), each month's end.
    expect(kota.map((m) => m.month)).toEqual(Array.from({ length: 23 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`));
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      const [now] = await sql`select count(*) filter (where status in ('diajukan', 'diverifikasi', 'aktif'))::int as counted,
        count(*) filter (where status = 'aktif')::int as aktif from workers where regency_code = '36.71'`;
      expect(kota.at(-1)).toMatchObject({ counted: now!.counted, aktif: now!.aktif });
      const [prov] = await sql`select count(*)::int as n from workers where regency_code like '36.%' and status in ('diajukan', 'diverifikasi', 'aktif')`;
      expect(banten.at(-1)!.counted).toBe(prov!.n);
    } finally {
      await sql.end();
    }
  },
  "dashboard.listBranchComparisonForViewer": async (ctx, f) => {
    for (const v of [ctx.kotaPetugas, ctx.kabSupervisor, ctx.kacabCikokol]) await forbidden(f(v, "36"));
    await expect(f(ctx.kakanwil, "32")).rejects.toBeInstanceOf(NotFoundError);
    type Branch = { name: string; toVerify: number; waitingKpj: number; districts: number };
    const branches = (await f(ctx.kakanwil, "36")) as Branch[];
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      const byOffice =
        await sql`select o.name, count(*) filter (where w.status = 'diajukan')::int as to_verify, count(*) filter (where w.status = 'diverifikasi')::int as kpj
        from offices o join branch_coverage bc on bc.office_id = o.id left join workers w on w.district_code = bc.district_code
       where o.province_code = '36' group by o.name`;
      expect(branches.length).toBeGreaterThanOrEqual(4);
      for (const o of byOffice) expect(branches.find((b) => b.name === o.name)).toMatchObject({ toVerify: o.to_verify, waitingKpj: o.kpj });
      expect(branches.find((b) => b.name === "Kantor Cabang Tangerang Cikokol")?.districts).toBe(6);
    } finally {
      await sql.end();
    }
    expect(((await f(ctx.admin, "32")) as Branch[]).every((b) => !b.name.includes("Tangerang"))).toBe(true);
  },
  "dashboard.listProvinceAlertsForViewer": async (ctx, f) => {
    type Alert = { regencyCode: string; kind: string; n: number };
    const alerts = (await f(ctx.kakanwil, "36")) as Alert[];
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      // Kota Tangerang Selatan has a waiting list and no regulation in force (the demo).
      const [waiting] = await sql`select count(*)::int as n from workers where regency_code = '36.74' and status = 'daftar_tunggu'`;
      expect(alerts).toContainEqual(expect.objectContaining({ regencyCode: "36.74", kind: "menunggu_tanpa_regulasi", n: waiting!.n }));
      const uncovered = await sql`select d.regency_code, count(*)::int as n from districts d where d.regency_code like '36.%'
        and not exists (select 1 from branch_coverage bc where bc.district_code = d.code) group by 1 order by 1`;
      expect(
        alerts
          .filter((a) => a.kind === "kecamatan_tanpa_cabang")
          .map((a) => [a.regencyCode, a.n])
          .sort(),
      ).toEqual(uncovered.map((u) => [u.regency_code, u.n]));
    } finally {
      await sql.end();
    }
    expect(alerts.every((a) => a.regencyCode.startsWith("36."))).toBe(true);
    await expect(f(ctx.kakanwil, "32")).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kotaPetugas, "36"));
    await forbidden(f(ctx.kacabCikokol, "36"));
  },
  "dashboard.listAreaFiguresForViewer": async (ctx, f) => {
    const fy = { fiscalYear: 2026, funder: null };
    await forbidden(f(ctx.kacabCikokol, fy));
    expect(((await f(ctx.kabSupervisor, fy)) as { code: string }[]).map((a) => a.code)).toEqual(["36.03"]);
    expect(((await f(ctx.kabSupervisor, { ...fy, regencyCode: "36.71" })) as unknown[]).length).toBe(0);
    expect(((await f(ctx.kakanwil, { ...fy, provinceCode: "32" })) as unknown[]).length).toBe(0);
  },
  "dashboard.getAreaForViewer": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas, "36.03")).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kakanwil, "32.01")).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kacabCikokol, "36.71"));
  },
  "dashboard.listAreaRegulationProgressForViewer": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas, "36.03", { fiscalYear: 2026, funder: null })).rejects.toBeInstanceOf(NotFoundError);
    expect(((await f(ctx.kakanwil, "36.03", { fiscalYear: 2026, funder: null })) as { id: number }[]).map((r) => r.id)).toContain(ctx.kabRegId);
  },
  "dashboard.listDistrictFiguresForViewer": async (ctx, f) => {
    const fy = { fiscalYear: 2026, funder: null };
    await expect(f(ctx.kotaPetugas, "36.03", fy)).rejects.toBeInstanceOf(NotFoundError);
    expect(((await f(ctx.kotaPetugas, null, fy)) as { code: string }[]).every((d) => d.code.startsWith("36.71."))).toBe(true);
    expect(((await f(ctx.kacabCikokol, "36.03", fy)) as unknown[]).length).toBe(0);
    expect(((await f(ctx.kacabCikokol, null, fy)) as { code: string }[]).map((d) => d.code)).toEqual(CIKOKOL);
  },
  "dashboard.listWeeklyEntriesForViewer": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas, "diajukan", "36.03")).rejects.toBeInstanceOf(NotFoundError);
    // A branch asking for an area it does not serve gets zeros, not that area's figures.
    const weeks = (await f(ctx.kacabCikokol, "diajukan", "36.03")) as { n: number }[];
    expect(weeks.every((w) => w.n === 0)).toBe(true);
  },
  "dashboard.getAreaBreakdownsForViewer": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas, "36.03", { fiscalYear: 2026, funder: null })).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kacabCikokol, "36.71", { fiscalYear: 2026, funder: null }));
  },
  "dashboard.getBranchQueueStatsForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    await forbidden(f(ctx.kakanwil));
  },
  "dashboard.listBranchAreasForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kabSupervisor));
    expect(((await f(ctx.kacabCikokol)) as { code: string }[]).map((a) => a.code)).toEqual(["36.71"]);
  },
  "imports.createImportBatch": async (ctx, f) => {
    const file = { storedName: "00000000-0000-4000-8000-000000000001.csv", originalName: "x.csv", hash: "x", kind: "csv", size: 1, notes: [] };
    await forbidden(f(ctx.kacabCikokol, file, "lewati"));
    await forbidden(f(ctx.kakanwil, file, "lewati"));
  },
  "imports.listImportBatchesForViewer": async (ctx, f) => {
    expect(((await f(ctx.kotaPetugas)) as { id: string }[]).map((b) => b.id)).not.toContain(ctx.kabImportId);
    expect(((await f(ctx.kabSupervisor)) as { id: string }[]).map((b) => b.id)).toContain(ctx.kabImportId);
    await forbidden(f(ctx.kacabCikokol));
  },
  "imports.getImportBatchForViewer": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas, ctx.kabImportId)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, ctx.kabImportId));
  },
  "imports.listImportProblemRowsForViewer": async (ctx, f) => {
    await expect(f(ctx.supervisorKota, ctx.kabImportId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "imports.requestImportCommit": async (ctx, f) => {
    await expect(f(ctx.supervisorKota, ctx.kabImportId)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kacabCikokol, ctx.kabImportId));
  },
  "imports.cancelImport": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas, ctx.kabImportId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "offices.listOfficesForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    expect(((await f(ctx.kacabCikokol)) as { name: string }[]).map((o) => o.name)).toEqual(["Kantor Cabang Tangerang Cikokol"]);
    expect(((await f(ctx.kakanwil)) as unknown[]).length).toBeGreaterThanOrEqual(5);
  },
  "offices.getOfficeForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kabSupervisor, ctx.kacabCikokol.officeId));
    const others = (await call(ctx, "offices.listOfficesForViewer")(ctx.admin)) as { id: number }[];
    const cimone = others.find((o) => o.id !== ctx.kacabCikokol.officeId && o.id !== ctx.kakanwil.officeId)!;
    await expect(f(ctx.kacabCikokol, cimone.id)).rejects.toBeInstanceOf(NotFoundError);
  },
  "offices.listUncoveredDistrictsForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kakanwil, "36"));
    await forbidden(f(ctx.kotaPetugas, "36"));
  },
  "offices.listCoverageOfRegencyForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kacabCikokol, "36.71"));
  },
  "offices.createBranchOffice": async (ctx, f) => {
    await forbidden(f(ctx.kakanwil, { name: "Kantor Cabang Nakal", kind: "kantor_cabang", parentId: ctx.kakanwil.officeId }));
  },
  "offices.updateOffice": async (ctx, f) => {
    await forbidden(f(ctx.kacabCikokol, ctx.kacabCikokol.officeId, { name: "Ganti Nama", active: true }));
  },
  "offices.setBranchCoverage": async (ctx, f) => {
    await forbidden(f(ctx.kacabCikokol, { officeId: ctx.kacabCikokol.officeId, regencyCode: "36.71", districtCodes: ["36.71.07"] }));
  },
  "offices.assignUncoveredDistricts": async (ctx, f) => {
    for (const v of [ctx.kacabCikokol, ctx.kakanwil, ctx.kabSupervisor])
      await forbidden(f(v, { officeId: ctx.kacabCikokol.officeId, districtCodes: ["36.02.01"] }));
    // A branch of Banten cannot take a kecamatan of Jawa Barat, and nothing is written.
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      const [jabar] =
        await sql`select d.code from districts d where d.regency_code like '32.%' and not exists (select 1 from branch_coverage bc where bc.district_code = d.code) limit 1`;
      await expect(f(ctx.admin, { officeId: ctx.kacabCikokol.officeId, districtCodes: [jabar!.code] })).rejects.toThrow("provinsi Kantor Wilayahnya");
      expect((await sql`select count(*)::int as n from branch_coverage where district_code = ${jabar!.code}`)[0]!.n).toBe(0);
    } finally {
      await sql.end();
    }
  },
  "users.getSystemPanelForViewer": async (ctx, f) => {
    for (const v of [ctx.kotaPetugas, ctx.kabSupervisor, ctx.kacabCikokol, ctx.kakanwil]) await forbidden(f(v));
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      const panel = (await f(ctx.admin)) as { neverLoggedInTotal: number; importsRunning: number };
      const [never] = await sql`select count(*)::int as n from users u where u.active and not exists (select 1 from user_sessions s where s.user_id = u.id)`;
      expect(panel.neverLoggedInTotal).toBe(never!.n);
    } finally {
      await sql.end();
    }
  },
  "users.listUsersForViewer": async (ctx, f) => {
    for (const v of [ctx.kotaPetugas, ctx.kabSupervisor, ctx.kacabCikokol, ctx.kakanwil]) await forbidden(f(v));
  },
  "users.getUserForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kabSupervisor, ctx.kotaPetugas.id));
  },
  "users.createUser": async (ctx, f) => {
    await forbidden(f(ctx.kabSupervisor, { name: "X Y Z", email: "xyz@portal.test", role: "petugas", regencyCode: "36.71" }));
  },
  "users.setUserActive": async (ctx, f) => {
    await forbidden(f(ctx.kabSupervisor, ctx.kotaPetugas.id, false));
  },
  "users.resetUserPassword": async (ctx, f) => {
    await forbidden(f(ctx.kakanwil, ctx.kotaPetugas.id));
  },
  "users.updateUserAssignment": async (ctx, f) => {
    await forbidden(f(ctx.kacabCikokol, ctx.kotaPetugas.id, { role: "admin" }));
  },
  // Acts on the viewer's own row only: there is no id to point at someone else's.
  "users.changeOwnPassword": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas, "bukan-sandi", "kopi-hujan-sepeda-lampu")).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["Kata sandi saat ini salah."] },
    });
  },
  "workers.findWorkerByNikForViewer": async (ctx, f) => {
    const { sql } = connect(inject("databaseUrl"), 1);
    const [{ nik }] = (await sql`select nik from workers where id = ${ctx.kotaWorkerId}`) as unknown as [{ nik: string }];
    await sql.end();
    expect(await f(ctx.kotaPetugas, nik)).toBe(ctx.kotaWorkerId);
    await expect(f(ctx.kabSupervisor, nik)).rejects.toMatchObject({ fieldErrors: { nik: ["NIK tidak ditemukan di wilayah Anda."] } });
  },
  "users.resetUserMfa": async (ctx, f) => {
    await forbidden(f(ctx.kakanwil, ctx.supervisorKota.id));
    await forbidden(f(ctx.kabSupervisor, ctx.supervisorKota.id));
  },
  // The viewer's own sessions and second factor: no id to point at anyone else's.
  "sessions.listOwnSessions": async (ctx, f) => {
    // A viewer loaded without a session sees only its own rows (none of another user's).
    const rows = (await f(ctx.kotaPetugas)) as { current: boolean }[];
    expect(Array.isArray(rows) && rows.every((r) => !r.current)).toBe(true);
  },
  "sessions.endOwnSession": async (ctx, f) => {
    await f(ctx.kotaPetugas); // no session id: nothing to end, nobody else's touched
  },
  "sessions.endOtherSessions": async (ctx, f) => {
    await expect(f(ctx.kotaPetugas)).rejects.toBeInstanceOf(UserFacingError);
  },
  "mfa.getMfaSetup": async (ctx, f) => {
    expect(await f(ctx.kotaPetugas)).toMatchObject({ required: false, enabledAt: null });
    expect(await f(ctx.kakanwil)).toMatchObject({ required: true, enabledAt: expect.anything() });
  },
  "mfa.startMfaSetup": async (ctx, f) => {
    await expect(f(ctx.kakanwil)).rejects.toBeInstanceOf(UserFacingError);
  },
  "mfa.confirmMfaSetup": async (ctx, f) => {
    await expect(f(ctx.kakanwil, "123456")).rejects.toBeInstanceOf(UserFacingError);
  },
  // Bills: their own scope kind. A pemda or Kanwil by the regulation's area, a branch by the
  // office the bill belongs to (not by today's coverage).
  "billing.listBillsForViewer": async (ctx, f) => {
    const kab = (await f(ctx.kabSupervisor)) as { regencyCode: string }[];
    expect(kab.length).toBeGreaterThan(0);
    expect(kab.every((b) => b.regencyCode === "36.03")).toBe(true);
    const cikokol = (await f(ctx.kacabCikokol)) as { officeName: string }[];
    expect(cikokol.length).toBeGreaterThan(0);
    expect(cikokol.every((b) => b.officeName === "Kantor Cabang Tangerang Cikokol")).toBe(true);
    expect(((await f(ctx.kakanwil)) as { regencyCode: string }[]).every((b) => b.regencyCode.startsWith("36."))).toBe(true);
  },
  "billing.getBillForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.billCikokol)).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCikokol, ctx.billCimone)).rejects.toBeInstanceOf(NotFoundError);
    expect(await f(ctx.kotaPetugas, ctx.billCimone)).toMatchObject({ regencyCode: "36.71" });
  },
  "billing.exportBillForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.billCikokol)).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCikokol, ctx.billKab)).rejects.toBeInstanceOf(NotFoundError);
  },
  "billing.draftBillsForViewer": async (ctx, f) => {
    await forbidden(f(ctx.kacabCikokol, { regulationId: ctx.kotaRegId, month: "2026-11" }));
    await expect(f(ctx.kabSupervisor, { regulationId: ctx.kotaRegId, month: "2026-11" })).rejects.toBeInstanceOf(NotFoundError);
  },
  "billing.issueBill": async (ctx, f) => {
    await forbidden(f(ctx.supervisorKota, ctx.billCikokol, "12345678901"));
    // A forged action on another branch's bill.
    await expect(f(ctx.kacabCikokol, ctx.billCimone, "12345678901")).rejects.toBeInstanceOf(NotFoundError);
  },
  "billing.voidBill": async (ctx, f) => {
    await expect(f(ctx.kacabCikokol, ctx.billCimone, "bukan cabang saya")).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kabSupervisor, ctx.billCikokol, "bukan wilayah saya")).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kotaPetugas, ctx.billCikokol, "petugas tidak boleh"));
  },
  "billing.listUntertagihForViewer": async (ctx, f) => {
    expect(((await f(ctx.kabSupervisor)) as { regencyCode: string }[]).every((r) => r.regencyCode === "36.03")).toBe(true);
    expect(((await f(ctx.kakanwil)) as { regencyCode: string }[]).every((r) => r.regencyCode.startsWith("36."))).toBe(true);
  },
  "payments.listPaymentsForViewer": async (ctx, f) => {
    const kab = (await f(ctx.kabSupervisor)) as { regencyName: string }[];
    expect(kab.length).toBeGreaterThan(0);
    expect(kab.every((p) => p.regencyName.includes("TANGERANG") || p.regencyName.includes("Tangerang"))).toBe(true);
    expect(((await f(ctx.kabSupervisor)) as { id: number }[]).some((p) => p.id === ctx.paymentKota)).toBe(false);
    expect(((await f(ctx.kacabCikokol)) as { id: number }[]).some((p) => p.id === ctx.paymentKota)).toBe(true);
  },
  "payments.getPaymentForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.paymentKota)).rejects.toBeInstanceOf(NotFoundError);
    expect(await f(ctx.kacabCikokol, ctx.paymentKota)).toMatchObject({ id: ctx.paymentKota });
  },
  "payments.recordPayment": async (ctx, f) => {
    await forbidden(f(ctx.kacabCikokol, {}));
    await expect(
      f(ctx.kabSupervisor, {
        regulationId: ctx.kotaRegId,
        number: "SP2D-LINTAS",
        paidOn: "2026-11-01",
        amount: 16800,
        idempotencyKey: crypto.randomUUID(),
        billIds: null,
        acceptOverBudget: false,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  },
  "payments.setPaymentProof": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.paymentKota, { fileId: "00000000-0000-4000-8000-000000000000", name: "x.pdf" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  },
  "payments.getPaymentProofForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.paymentKota)).rejects.toBeInstanceOf(NotFoundError);
  },
  "payments.cancelPayment": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.paymentKota, "bukan wilayah saya")).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kacabCikokol, ctx.paymentKota, "bukan supervisor"));
  },
  "payments.confirmPaymentPart": async (ctx, f) => {
    // Cikokol cannot touch Cimone's part of the same SP2D.
    await expect(f(ctx.kacabCikokol, ctx.partCimone, "TB-LINTAS")).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.supervisorKota, ctx.partCimone, "TB-LINTAS"));
  },
  "payments.reversePaymentPart": async (ctx, f) => {
    await expect(f(ctx.kacabCikokol, ctx.partCimone, "bukan cabang saya")).rejects.toBeInstanceOf(NotFoundError);
  },
  "payments.listRefundsForViewer": async (ctx, f) => {
    const ids = async (v: Viewer) => ((await f(v)) as { id: number }[]).map((r) => r.id);
    expect(await ids(ctx.kabSupervisor)).not.toContain(ctx.refundKota);
    expect(await ids(ctx.supervisorKota)).toContain(ctx.refundKota);
    expect(await ids(ctx.kacabCimone)).toContain(ctx.refundKota);
    expect((await f(ctx.kabSupervisor, { regulationId: ctx.kotaRegId })) as unknown[]).toEqual([]);
  },
  "payments.receiveRefund": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.refundKota, { receivedOn: "2026-11-20", reference: "STS-LINTAS" })).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kacabCimone, ctx.refundKota, { receivedOn: "2026-11-20", reference: "STS-LINTAS" }));
  },
  "contributions.reactivateContributions": async (ctx, f) => {
    await forbidden(f(ctx.supervisorKota, ctx.kotaWorkerId, "bukan kantor cabang"));
    // Neither Kota branch serves Kabupaten Tangerang's kecamatan.
    await expect(f(ctx.kacabCimone, ctx.kabWorkerId, "bukan cabang saya")).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCikokol, ctx.kabWorkerId, "bukan cabang saya")).rejects.toBeInstanceOf(NotFoundError);
  },
  "claims.openClaim": async (ctx, f) => {
    const input = {
      workerId: ctx.kotaWorkerId,
      type: "jkk",
      jkkKind: "perawatan",
      eventDate: "2026-11-01",
      eventTime: "08:00",
      place: "",
      description: "uji lintas wilayah",
      child: null,
    };
    await expect(f(ctx.kabSupervisor, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCimone, input)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, input));
  },
  "claims.listClaimsForViewer": async (ctx, f) => {
    const ids = async (v: Viewer) => ((await f(v)) as { id: number }[]).map((c) => c.id);
    expect(await ids(ctx.kabSupervisor)).not.toContain(ctx.claimKota);
    expect(await ids(ctx.kacabCimone)).not.toContain(ctx.claimKota);
    expect(await ids(ctx.supervisorKota)).toContain(ctx.claimKota);
    expect(await ids(ctx.kacabCikokol)).toContain(ctx.claimKota);
    expect(await ids(ctx.kakanwil)).toContain(ctx.claimKota);
  },
  "claims.countClaimTodoForViewer": async (ctx, f) => {
    // Each viewer's open claims by status equal a recount of its own region's (the Kota claim never counts for Kabupaten or Cimone).
    const recount = async (where: string) => {
      const { sql } = connect(inject("databaseUrl"), 1);
      try {
        const r = await sql.unsafe(`select status::text, count(*)::int as n from claims where status not in ('dibayar', 'ditolak') and ${where} group by 1`);
        const n = (k: string) => (r as unknown as { status: string; n: number }[]).find((x) => x.status === k)?.n ?? 0;
        return { dilaporkan: n("dilaporkan"), dokumen_lengkap: n("dokumen_lengkap"), diajukan: n("diajukan"), ditetapkan: n("ditetapkan") };
      } finally {
        await sql.end();
      }
    };
    expect(await f(ctx.kabSupervisor)).toEqual(await recount("regency_code = '36.03'"));
    expect(await f(ctx.supervisorKota)).toEqual(await recount("regency_code = '36.71'"));
    expect(await f(ctx.kacabCikokol)).toEqual(await recount(`district_code in (${CIKOKOL.map((k) => `'${k}'`).join(",")})`));
    expect(await f(ctx.kacabCimone)).toEqual(
      await recount(
        "district_code in (select bc.district_code from branch_coverage bc join offices o on o.id = bc.office_id where o.name = 'Kantor Cabang Tangerang Cimone')",
      ),
    );
    expect(Object.values((await f(ctx.supervisorKota)) as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  },
  "claims.getClaimForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.claimKota)).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCimone, ctx.claimKota)).rejects.toBeInstanceOf(NotFoundError);
    expect(await f(ctx.kacabCikokol, ctx.claimKota)).toMatchObject({ id: ctx.claimKota });
  },
  "claims.setClaimDocument": async (ctx, f) => {
    await expect(
      f(ctx.kabSupervisor, ctx.claimKota, "akta_kematian", { fileId: "00000000-0000-4000-8000-000000000000", name: "x.pdf" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kakanwil, ctx.claimKota, "akta_kematian", { fileId: "00000000-0000-4000-8000-000000000000", name: "x.pdf" }));
  },
  "claims.getClaimDocumentForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.claimKota, "akta_kematian")).rejects.toBeInstanceOf(NotFoundError);
  },
  "claims.submitClaim": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.claimKota)).rejects.toBeInstanceOf(NotFoundError);
  },
  "claims.decideClaim": async (ctx, f) => {
    const input = { penetapanNumber: "PEN-LINTAS", components: [{ code: "santunan_sekaligus", amount: 1 }] };
    await expect(f(ctx.kacabCimone, ctx.claimKota, input)).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.supervisorKota, ctx.claimKota, input));
  },
  "claims.refuseClaim": async (ctx, f) => {
    await expect(f(ctx.kacabCimone, ctx.claimKota, "bukan cabang saya")).rejects.toBeInstanceOf(NotFoundError);
    await forbidden(f(ctx.kotaPetugas, ctx.claimKota, "bukan kantor cabang"));
  },
  "claims.recordClaimPayment": async (ctx, f) => {
    const input = { heirName: "Lintas", relationship: "istri", amount: 1, paidOn: "2026-11-01", accountLast4: null };
    await expect(f(ctx.kacabCimone, ctx.claimKota, input)).rejects.toBeInstanceOf(NotFoundError);
  },
  "claims.getBenefitFiguresForViewer": async (ctx, f) => {
    // Another area's filter through a pemda scope stays empty.
    expect(await f(ctx.kabSupervisor, { regencyCode: "36.71" }, 2026)).toMatchObject({ total: 0, contributionsPaid: 0 });
    expect(((await f(ctx.supervisorKota, { regencyCode: "36.71" }, 2026)) as { contributionsPaid: number }).contributionsPaid).toBeGreaterThan(0);
  },
  "claims.listLatestPayoutsForViewer": async (ctx, f) => {
    // Whatever a pemda scope sees is of its own area.
    const kab = (await f(ctx.kabSupervisor)) as { regencyName: string }[];
    expect(kab.every((p) => p.regencyName.toLowerCase().includes("kabupaten tangerang"))).toBe(true);
    await expect(f(ctx.kakanwil, { provinceCode: "36" })).resolves.toBeInstanceOf(Array);
  },
  "reconciliations.listReconcilableRegulationsForViewer": async (ctx, f) => {
    await forbidden(f(ctx.supervisorKota));
    const regs = (await f(ctx.kacabCikokol)) as { id: number }[];
    expect(regs.map((r) => r.id)).toContain(ctx.kotaRegId);
    expect(regs.map((r) => r.id)).not.toContain(ctx.kabRegId);
  },
  "reconciliations.listReconciliationsForViewer": async (ctx, f) => {
    expect(((await f(ctx.kacabCikokol)) as unknown[]).length).toBeGreaterThan(0);
    expect(await f(ctx.kabSupervisor)).toEqual([]);
    expect(await f(ctx.kacabCimone)).toEqual([]);
  },
  "reconciliations.reconcileForViewer": async (ctx, f) => {
    async function* none() {}
    await forbidden(f(ctx.supervisorKota, { regulationId: ctx.kotaRegId, month: "2026-11", fileId: null, fileName: "x.csv", list: none() }));
    // Cimone cannot reconcile Kabupaten Tangerang's regulation: its branch serves none of it.
    await expect(f(ctx.kacabCimone, { regulationId: ctx.kabRegId, month: "2026-11", fileId: null, fileName: "x.csv", list: none() })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  },
  "reconciliations.getReconciliationForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.reconciliationId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(f(ctx.kacabCimone, ctx.reconciliationId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await f(ctx.supervisorKota, ctx.reconciliationId)).toMatchObject({ id: ctx.reconciliationId });
  },
  "reconciliations.exportReconciliationRowsForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.reconciliationId, "hanya_bpjs")).rejects.toBeInstanceOf(NotFoundError);
  },
  "reconciliations.lockReconciliation": async (ctx, f) => {
    await expect(f(ctx.kacabCimone, ctx.reconciliationId, { fileId: "00000000-0000-4000-8000-000000000000", name: "x.pdf" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await forbidden(f(ctx.supervisorKota, ctx.reconciliationId, { fileId: "00000000-0000-4000-8000-000000000000", name: "x.pdf" }));
  },
  "reconciliations.getSignedBeritaAcaraForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.reconciliationId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "billing.countBillingTodoForViewer": async (ctx, f) => {
    // Counted within the viewer's bills only: the recount below uses the same rule per scope.
    const all = (await (ctx.mod.billing!.listBillsForViewer as Fn)(ctx.kacabCikokol)) as { status: string }[];
    expect(((await f(ctx.kacabCikokol)) as { drafts: number }).drafts).toBe(all.filter((b) => b.status === "draf").length);
    expect(await f(ctx.kabSupervisor)).toMatchObject({ toConfirm: 0 });
  },
  "contributions.getContributionProgressForViewer": async (ctx, f) => {
    const kab = (await f(ctx.kabSupervisor)) as { aktif: number };
    const kota = (await f(ctx.kotaPetugas)) as { aktif: number };
    const cikokol = (await f(ctx.kacabCikokol)) as { aktif: number };
    const banten = (await f(ctx.kakanwil)) as { aktif: number };
    expect(cikokol.aktif).toBeLessThan(kota.aktif);
    expect(banten.aktif).toBeGreaterThanOrEqual(kab.aktif + kota.aktif);
    // Another area's filter through a pemda scope stays empty.
    expect(await f(ctx.kabSupervisor, { regencyCode: "36.71" })).toMatchObject({ aktif: 0, tercatat: 0 });
  },
  "contributions.getWorkerContributionsForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaWorkerId)).rejects.toBeInstanceOf(NotFoundError);
  },
  "contributions.getRegulationActualsForViewer": async (ctx, f) => {
    await expect(f(ctx.kabSupervisor, ctx.kotaRegId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await f(ctx.kacabCikokol, ctx.kotaRegId)).toMatchObject({ fiscalYear: 2026 });
  },
  "user-form-options.getUserFormOptions": async (ctx, f) => {
    await forbidden(f(ctx.kotaPetugas));
    await forbidden(f(ctx.kakanwil));
  },
};

// Exports that are not data access by a viewer: error types, policy constants, and the
// pre-login functions that find out who the viewer is.
const NOT_VIEWER_SCOPED = new Set([
  "errors.UserFacingError",
  "errors.NotFoundError",
  "errors.isUniqueViolation",
  "errors.isLockTimeout",
  "audit.writeAudit", // only called inside other data functions' transactions
  "login.LOGIN_WINDOW_MINUTES",
  "login.MAX_FAILURES_PER_PAIR",
  "login.ACCOUNT_DELAY_FROM",
  "login.MAX_FAILURES_PER_ACCOUNT",
  "login.MAX_FAILURES_PER_IP",
  "login.CHALLENGE_MINUTES",
  "login.MAX_CODE_FAILURES",
  "login.ONE_TIME_PASSWORD_HOURS",
  "login.accountDelayMs",
  "login.findLoginUser",
  "login.passwordStep",
  "login.completeLogin",
  "login.demoCodeFor",
  "login.recentFailures",
  "viewer.loadViewer",
  "viewer.viewerOfSession",
  // The movable demo/test clock: system state, no rows of any area.
  "clock.readDatabaseClock",
  "clock.setPortalClock",
  "clock.isClockPinned",
  // The file store's PostgreSQL driver: reached by id after a scoped data function named the file.
  "files.CHUNK_BYTES",
  "files.putFile",
  "files.statFile",
  "files.readFile",
  "files.removeFile",
  "files.purgeIncompleteFiles",
  "files.setStoredContentType",
  "regulations.listTariffs", // reference data: the national tariff table
  "regulations.getDefaultEligibility", // reference data: the national default age rule
  "workers.listOccupations", // reference data: occupation categories
  "workers.PAGE_SIZE",
  "workers.EXPORT_MAX_ROWS",
  "workers.WORKER_SORTS",
  "workers.PAGE_SIZES",
  "billing.BILL_PAGE_SIZE",
  "reconciliations.RECONCILIATION_CATEGORIES",
  "area-settings.DEFAULT_FUNDER_PRIORITY",
  "audit-trail.AUDIT_PAGE_SIZE",
]);

const JOBS_DIR = path.join(DATA_DIR, "jobs");
// Modules that act for the system as a whole (sign-in, the clock, the file store): no viewer.
const SYSTEM_MODULES = new Set(["login", "viewer", "clock", "files", "errors", "audit"]);
// Unscoped reference reads that viewer modules may hold beside their viewer functions.
const REFERENCE_READS = new Set(["areas.getAreaDataSource", "regulations.listTariffs", "regulations.getDefaultEligibility", "workers.listOccupations"]);

/** The exported functions of a module's source, and whether each takes the viewer first. */
function exportedFunctions(file: string) {
  const src = fs.readFileSync(file, "utf8");
  return [...src.matchAll(/export (?:async )?function (\w+)\s*(?:<[^>]*>)?\(\s*(\w*)/g)].map((m) => ({ name: m[1]!, viewer: m[2] === "viewer" }));
}

describe("the rooms of lib/data", () => {
  const modules = fs.readdirSync(DATA_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  it("no module mixes viewer functions and system functions", () => {
    const mixed: string[] = [];
    for (const f of modules) {
      const mod = f.replace(/\.ts$/, "");
      const fns = exportedFunctions(path.join(DATA_DIR, f));
      const viewer = fns.filter((x) => x.viewer);
      const system = fns.filter((x) => !x.viewer && !REFERENCE_READS.has(`${mod}.${x.name}`));
      if (SYSTEM_MODULES.has(mod) ? viewer.length > 0 : system.length > 0)
        mixed.push(`${mod}: ${(SYSTEM_MODULES.has(mod) ? viewer : system).map((x) => x.name).join(", ")}`);
    }
    expect(mixed, "viewer functions belong in lib/data/<feature>.ts, system work in lib/data/jobs/").toEqual([]);
  });
  it("job modules act for the system only and say what triggers them and why a rerun is harmless", () => {
    const jobs = fs.readdirSync(JOBS_DIR).filter((f) => f.endsWith(".ts"));
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    for (const f of jobs) {
      const file = path.join(JOBS_DIR, f);
      expect(
        exportedFunctions(file).filter((x) => x.viewer),
        f,
      ).toEqual([]);
      const header = fs.readFileSync(file, "utf8").slice(0, 2500);
      expect(header, f).toMatch(/\/\/ Trigger:/);
      expect(header, f).toMatch(/\/\/ Idempotent:/);
    }
  });
});

describe("every data function is scoped by the viewer", () => {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ctx.mod = {};
    for (const file of fs.readdirSync(DATA_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      ctx.mod[file.replace(/\.ts$/, "")] = (await import(path.join(DATA_DIR, file))) as Record<string, unknown>;
    }
    ctx.kotaPetugas = await viewerFor("petugas.kotatangerang@portal.test");
    ctx.kabSupervisor = await viewerFor("supervisor.kabtangerang@portal.test");
    ctx.kacabCikokol = await viewerFor("kacab.cikokol@portal.test");
    ctx.kakanwil = await viewerFor("kakanwil.banten@portal.test");
    ctx.admin = await viewerFor("admin@portal.test");
    ctx.supervisorKota = await viewerFor("supervisor.kotatangerang@portal.test");
    const regs = (await (ctx.mod.regulations!.listRegulationsForViewer as Fn)(ctx.admin)) as { id: number; regencyCode: string; status: string }[];
    ctx.kotaRegId = regs.find((r) => r.regencyCode === "36.71" && r.status === "enacted")!.id;
    ctx.kabRegId = regs.find((r) => r.regencyCode === "36.03" && r.status === "enacted")!.id;
    const kab = (await (ctx.mod.regulations!.getRegulationForViewer as Fn)(ctx.admin, ctx.kabRegId)) as { amendments: { id: number }[] };
    ctx.kabAmendmentId = kab.amendments[0]!.id;
    const register = ctx.mod.workers!.registerWorker as Fn;
    ctx.kotaWorkerId = (
      (await register(ctx.kotaPetugas, workerInput({ districtCode: "36.71.01", villageCode: await firstVillageOf("36.71.01") }))) as { id: number }
    ).id;
    ctx.deathWorkerId = (
      (await register(ctx.kotaPetugas, workerInput({ districtCode: "36.71.01", villageCode: await firstVillageOf("36.71.01") }))) as { id: number }
    ).id;
    const batch = (await (ctx.mod.imports!.createImportBatch as Fn)(
      ctx.kabSupervisor,
      { storedName: "00000000-0000-4000-8000-000000000000.csv", originalName: "kab.csv", hash: `cross-area-${Date.now()}`, kind: "csv", size: 10, notes: [] },
      "lewati",
    )) as { id: string };
    ctx.kabImportId = batch.id;
    const bills = (await (ctx.mod.billing!.listBillsForViewer as Fn)(ctx.admin)) as { id: number; officeName: string; regencyCode: string }[];
    ctx.billCikokol = bills.find((b) => b.officeName === "Kantor Cabang Tangerang Cikokol")!.id;
    ctx.billCimone = bills.find((b) => b.officeName === "Kantor Cabang Tangerang Cimone")!.id;
    ctx.billKab = bills.find((b) => b.regencyCode === "36.03")!.id;
    const payments = (await (ctx.mod.payments!.listPaymentsForViewer as Fn)(ctx.admin, { regulationId: ctx.kotaRegId })) as { id: number }[];
    ctx.paymentKota = payments[0]!.id;
    const detail = (await (ctx.mod.payments!.getPaymentForViewer as Fn)(ctx.admin, ctx.paymentKota)) as { parts: { id: number; officeName: string }[] };
    ctx.partCimone = detail.parts.find((p) => p.officeName === "Kantor Cabang Tangerang Cimone")!.id;
    ctx.reconciliationId = ((await (ctx.mod.reconciliations!.listReconciliationsForViewer as Fn)(ctx.admin)) as { id: number }[])[0]!.id;
    {
      const { sql } = connect(inject("databaseUrl"), 1);
      await sql`insert into users (email, name, password_hash, role, office_id)
        values ('kacab.cimone.uji@portal.test', 'Kacab Cimone (uji)', 'x', 'kepala_cabang', (select id from offices where name = 'Kantor Cabang Tangerang Cimone'))
        on conflict ((lower(email))) do nothing`;
      // A refund of Kota Tangerang (an old year's SP2D left unallocated, refunded whole: its credit stays 0).
      await sql.begin(async (tx) => {
        const [p] = await tx`insert into payments (regulation_id, regency_code, number, fiscal_year, paid_on, amount, idempotency_key)
          values (${ctx.kotaRegId as number}, '36.71', 'SP2D-UJI-PENGEMBALIAN', 2020, '2020-12-01', 1000, gen_random_uuid()) returning id`;
        const [f] = await tx`insert into credit_refunds (regulation_id, regency_code, amount) values (${ctx.kotaRegId as number}, '36.71', 1000) returning id`;
        await tx`insert into credit_refund_payments (refund_id, payment_id, amount) values (${f!.id}, ${p!.id}, 1000)`;
        ctx.refundKota = Number(f!.id);
      });
      // A death on a Kota Tangerang worker registered for it.
      const [d] = await sql`insert into deaths (nik, worker_id, regency_code, district_code, died_on)
        select nik, id, regency_code, district_code, '2026-11-01' from workers w where id = ${ctx.deathWorkerId as number} returning id`;
      ctx.deathKota = Number(d!.id);
      const [c] = await sql`insert into claims (nik, worker_id, regency_code, district_code, type, event_date, event_key, description, death_id, status)
        select nik, id, regency_code, district_code, 'jkm', '2026-11-01', '2026-11-01', 'uji lintas wilayah', ${ctx.deathKota}, 'diajukan' from workers where id = ${ctx.deathWorkerId as number}
        returning id`;
      ctx.claimKota = Number(c!.id);
      await sql.end();
    }
    ctx.kacabCimone = await viewerFor("kacab.cimone.uji@portal.test");
    ctx.kabWorkerId = (
      (await register(ctx.kabSupervisor, workerInput({ districtCode: "36.03.01", villageCode: await firstVillageOf("36.03.01") }))) as { id: number }
    ).id;
  });

  it("has a cross-area check for every export of lib/data", () => {
    const exported = Object.entries(ctx.mod).flatMap(([file, m]) => Object.keys(m).map((name) => `${file}.${name}`));
    const unchecked = exported.filter((k) => !(k in CHECKS) && !NOT_VIEWER_SCOPED.has(k));
    expect(unchecked, "add a cross-area check for these new data functions").toEqual([]);
    const stale = Object.keys(CHECKS).filter((k) => !exported.includes(k));
    expect(stale, "checks for functions that no longer exist").toEqual([]);
  });

  for (const [key, check] of Object.entries(CHECKS)) {
    it(key, async () => {
      await check(ctx, call(ctx, key));
    });
  }
});
