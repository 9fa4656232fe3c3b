import { inject, beforeAll, describe, expect, it } from "vitest";
import { connect } from "@/db/connection";
import {
  moveWorkersBetweenRegulations,
  createRegulation,
  createAmendment,
  enactAmendment,
  enactRegulation,
  endRegulation,
  submitRegulationForReview,
} from "@/lib/data/regulations";
import { getAreaSettingsForViewer, getDocumentKopForViewer, updateAreaSettings } from "@/lib/data/area-settings";
import { areaSettingsSchema } from "@/lib/validation/workers";
import { decideCorrection, listCorrectionRequestsForViewer } from "@/lib/data/corrections";
import {
  updateWorker,
  submitWorker,
  approveWorkers,
  activateWorker,
  endWorker,
  getWorkerForViewer,
  getProcessingRecordForViewer,
  listWorkersForViewer,
  registerWorker,
  rejectWorkers,
  verifyWorkers,
} from "@/lib/data/workers";
import { NotFoundError } from "@/lib/data/errors";
import { addHeir, removeHeir, updateHeir } from "@/lib/data/heirs";
import type { Viewer } from "@/lib/authz/viewer";
import { createAreaUser, createBranchHead, firstVillageOf } from "../support/areas";
import { getRegulationFiguresForViewer } from "@/lib/data/regulations";
import { computeRegulationFigures } from "@/lib/domain/regulation-figures";
import { regulationInput } from "../support/regulations";
import { viewerFor } from "../support/viewers";
import { makeNik, claimNikNamespace, workerInput } from "../support/workers";

claimNikNamespace(1);

// Kota Cilegon (36.72) has no demo regulation: each test builds the quota it needs.
const CILEGON = "36.72";
const KEC = "36.72.01";
let village: string;
let officer: Viewer;
let supervisor: Viewer;

async function enactedRegulation(quota: number, title = `Perwal uji ${Math.random()}`) {
  const reg = await createRegulation(supervisor, regulationInput({ title, quota }));
  await submitRegulationForReview(supervisor, reg.id);
  await enactRegulation(supervisor, reg.id, { number: `No. ${reg.id}`, enactedOn: "2026-01-01" });
  return reg.id;
}

async function counts(regulationId: number) {
  const { sql } = connect(inject("databaseUrl"), 1);
  try {
    const [r] = await sql`select r.counted,
      (select count(*)::int from workers w where w.regulation_id = r.id) as holders,
      (select count(*)::int from workers w where w.regency_code = r.regency_code and w.status = 'daftar_tunggu') as waiting
      from regulations r where r.id = ${regulationId}`;
    return r as unknown as { counted: number; holders: number; waiting: number };
  } finally {
    await sql.end();
  }
}

async function clearArea() {
  const { sql } = connect(inject("databaseUrl"), 1);
  try {
    // End everything left in Cilegon so each test starts from an empty area.
    await sql`update workers set status = 'berakhir', regulation_id = null, end_reason = 'mengundurkan_diri', ended_on = greatest(portal_today(), coalesce(coverage_start, portal_today())) where regency_code = ${CILEGON} and status <> 'berakhir'`;
    await sql`update regulations set counted = 0, status = 'ended', ended_on = starts_on, end_reason = 'revoked' where regency_code = ${CILEGON} and status = 'enacted'`;
  } finally {
    await sql.end();
  }
}

beforeAll(async () => {
  await createAreaUser("petugas.cilegon@portal.test", "petugas", CILEGON);
  await createAreaUser("supervisor.cilegon@portal.test", "supervisor", CILEGON);
  officer = await viewerFor("petugas.cilegon@portal.test");
  supervisor = await viewerFor("supervisor.cilegon@portal.test");
  village = await firstVillageOf(KEC);
});

describe("registration", () => {
  it("takes a place, or the waiting list when the quota is full, and never refuses for lack of a place", async () => {
    await clearArea();
    const reg = await enactedRegulation(1);
    const a = await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    const b = await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    expect([a.status, b.status]).toEqual(["diajukan", "daftar_tunggu"]);
    expect(await counts(reg)).toMatchObject({ counted: 1, holders: 1, waiting: 1 });
    // The holder ends: the waiting worker is promoted at once.
    await endWorker(officer, a.id, "mengundurkan_diri", "2026-11-24");
    expect(await counts(reg)).toMatchObject({ counted: 1, holders: 1, waiting: 0 });
    expect((await getWorkerForViewer(officer, b.id)).status).toBe("diajukan");
  });

  it("refuses a NIK enrolled elsewhere, telling only the area (never its status), and audits the hit", async () => {
    const kotaOfficer = await viewerFor("petugas.kotatangerang@portal.test");
    const nik = makeNik();
    const { id } = await registerWorker(kotaOfficer, workerInput({ nik, districtCode: "36.71.05", villageCode: await firstVillageOf("36.71.05") }));
    await expect(registerWorker(officer, workerInput({ nik, districtCode: KEC, villageCode: village }))).rejects.toMatchObject({
      fieldErrors: { nik: ["NIK ini sudah terdaftar di Kota Tangerang. Minta yang bersangkutan mengakhiri kepesertaannya di sana terlebih dahulu."] },
    });
    const { sql } = connect(inject("databaseUrl"), 1);
    const hits = await sql`select actor_id, details->>'nik' as nik from audit_log where action = 'worker.elsewhere_hit' and entity_id = ${String(id)}`;
    await sql.end();
    expect(hits).toEqual([{ actor_id: officer.id, nik: `${nik.slice(0, 6)}••••••••••` }]);
    // In one's own area the status is told (the officer sees that worker anyway).
    await expect(
      registerWorker(kotaOfficer, workerInput({ nik, districtCode: "36.71.05", villageCode: await firstVillageOf("36.71.05") })),
    ).rejects.toMatchObject({
      fieldErrors: { nik: ["NIK ini sudah terdaftar di Kota Tangerang dengan status diajukan."] },
    });
  });

  it("refuses bad NIKs, an heir with the worker's own NIK, and ages outside the rule", async () => {
    await expect(registerWorker(officer, workerInput({ nik: "3671053102850001", districtCode: KEC, villageCode: village }))).rejects.toMatchObject({
      fieldErrors: { nik: ["Tanggal lahir pada NIK (digit 7–12) bukan tanggal yang valid."] },
    });
    const nik = makeNik();
    await expect(registerWorker(officer, workerInput({ nik, heirNik: nik, districtCode: KEC, villageCode: village }))).rejects.toMatchObject({
      fieldErrors: { heirNik: expect.any(Array) },
    });
    const young = makeNik({ day: 1, month: 1, year: 2010 });
    await expect(registerWorker(officer, workerInput({ nik: young, birthDate: "2010-01-01", districtCode: KEC, villageCode: village }))).rejects.toMatchObject({
      fieldErrors: { birthDate: expect.any(Array) },
    });
    // A typed birth date that disagrees with the NIK needs the officer's confirmation.
    const other = makeNik();
    await expect(registerWorker(officer, workerInput({ nik: other, birthDate: "1985-03-13", districtCode: KEC, villageCode: village }))).rejects.toMatchObject({
      fieldErrors: { confirmWarnings: ["Tanggal lahir berbeda dengan NIK (NIK: 1985-03-12)."] },
    });
    expect(
      (await registerWorker(officer, workerInput({ nik: other, birthDate: "1985-03-13", confirmWarnings: true, districtCode: KEC, villageCode: village }))).id,
    ).toBeGreaterThan(0);
  });

  it("stores names exactly as typed", async () => {
    const name = `D'Arcy <script>alert(1)</script> Ñoño`;
    const w = await registerWorker(officer, workerInput({ name, intent: "draft", districtCode: KEC, villageCode: village }));
    expect((await getWorkerForViewer(officer, w.id)).name).toBe(name);
  });
});

describe("the quota cap under concurrency", () => {
  it("gives exactly R places to N simultaneous submissions, 10 times over", async () => {
    for (let round = 0; round < 10; round++) {
      await clearArea();
      const R = 7 + round;
      const N = 50;
      const reg = await enactedRegulation(R);
      const inputs = Array.from({ length: N }, () => workerInput({ districtCode: KEC, villageCode: village }));
      let release!: () => void;
      const barrier = new Promise<void>((r) => (release = r));
      const runs = inputs.map(async (input) => {
        await barrier;
        return registerWorker(officer, input);
      });
      release();
      const results = await Promise.all(runs);
      expect(results.filter((r) => r.status === "diajukan")).toHaveLength(R);
      expect(results.filter((r) => r.status === "daftar_tunggu")).toHaveLength(N - R);
      expect(await counts(reg)).toEqual({ counted: R, holders: R, waiting: N - R });
    }
  });

  it("lets only one of two areas enroll the same NIK at the same moment", async () => {
    const kotaOfficer = await viewerFor("petugas.kotatangerang@portal.test");
    const kotaVillage = await firstVillageOf("36.71.05");
    for (let i = 0; i < 5; i++) {
      const nik = makeNik();
      const results = await Promise.allSettled([
        registerWorker(officer, workerInput({ nik, districtCode: KEC, villageCode: village })),
        registerWorker(kotaOfficer, workerInput({ nik, districtCode: "36.71.05", villageCode: kotaVillage })),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason.fieldErrors.nik[0]).toMatch(/^NIK ini sudah terdaftar di (Kota Tangerang|Kota Cilegon)\. Minta yang bersangkutan/);
    }
  });
});

describe("quota changes move the waiting list", () => {
  it("an amendment that raises the quota promotes waiting workers in submission order", async () => {
    await clearArea();
    const reg = await enactedRegulation(1);
    const first = await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    const w2 = await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    const w3 = await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    expect([first.status, w2.status, w3.status]).toEqual(["diajukan", "daftar_tunggu", "daftar_tunggu"]);
    const a = await createAmendment(supervisor, reg, { title: "Tambah satu", newQuota: 2, newEndsOn: null, budgetFiscalYear: null, budgetAllocated: null });
    await enactAmendment(supervisor, a.id, { number: "P-1", enactedOn: "2026-06-01" });
    expect((await getWorkerForViewer(officer, w2.id)).status).toBe("diajukan");
    expect((await getWorkerForViewer(officer, w3.id)).status).toBe("daftar_tunggu");
    expect(await counts(reg)).toMatchObject({ counted: 2, holders: 2, waiting: 1 });
  });

  it("a supervisor moves the earliest holders to another regulation with free places", async () => {
    await clearArea();
    const a = await enactedRegulation(3);
    for (let i = 0; i < 3; i++) await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    const b = await enactedRegulation(2);
    expect(await moveWorkersBetweenRegulations(supervisor, { fromId: a, toId: b, count: 5 })).toBe(2);
    expect(await counts(a)).toMatchObject({ counted: 1, holders: 1 });
    expect(await counts(b)).toMatchObject({ counted: 2, holders: 2 });
    await expect(moveWorkersBetweenRegulations(supervisor, { fromId: a, toId: b, count: 1 })).rejects.toThrow(/Tidak ada tempat kosong/);
  });

  it("ending a regulation moves its workers to the successor up to its free places, the rest wait", async () => {
    await clearArea();
    const old = await enactedRegulation(3);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }))).id);
    const successor = await enactedRegulation(2);
    await endRegulation(supervisor, old, { endedOn: "2026-11-01", reason: "revoked", workers: "move", successorId: successor });
    const statuses = await Promise.all(ids.map(async (id) => (await getWorkerForViewer(officer, id)).status));
    expect(statuses).toEqual(["diajukan", "diajukan", "daftar_tunggu"]);
    expect(await counts(successor)).toMatchObject({ counted: 2, holders: 2, waiting: 1 });
    expect(await counts(old)).toMatchObject({ counted: 0, holders: 0 });
  });
});

describe("branch verification", () => {
  it("a branch head verifies and activates workers of its kecamatan only", async () => {
    const kotaOfficer = await viewerFor("petugas.kotatangerang@portal.test");
    const kacab = await viewerFor("kacab.cikokol@portal.test");
    const inCikokol = await registerWorker(kotaOfficer, workerInput({ districtCode: "36.71.01", villageCode: await firstVillageOf("36.71.01") })); // Tangerang
    const inCimone = await registerWorker(kotaOfficer, workerInput({ districtCode: "36.71.07", villageCode: await firstVillageOf("36.71.07") })); // Karawaci
    expect(await verifyWorkers(kacab, [inCikokol.id, inCimone.id])).toBe(1);
    await expect(getWorkerForViewer(kacab, inCimone.id)).rejects.toBeInstanceOf(NotFoundError);
    const kpj = `KPJ${Date.now()}`.slice(0, 16);
    await activateWorker(kacab, inCikokol.id, { kpjNumber: kpj, coverageStart: "2026-11-24" });
    const w = await getWorkerForViewer(kotaOfficer, inCikokol.id);
    expect(w).toMatchObject({ status: "aktif", kpjNumber: kpj });
    expect(w.events.map((e) => e.to)).toEqual(["aktif", "diverifikasi", "diajukan", "draft"]);
    // A rejection frees the place and records the reason.
    const other = await registerWorker(kotaOfficer, workerInput({ districtCode: "36.71.05", villageCode: await firstVillageOf("36.71.05") }));
    expect(await rejectWorkers(kacab, [other.id], "Foto KTP tidak terbaca")).toBe(1);
    expect(await getWorkerForViewer(kotaOfficer, other.id)).toMatchObject({ status: "ditolak", rejectionReason: "Foto KTP tidak terbaca", regulationId: null });

    // Corrected and resubmitted, it takes a place again.
    const fixed = workerInput({ districtCode: "36.71.05", villageCode: await firstVillageOf("36.71.05") });
    const otherRow = await getWorkerForViewer(kotaOfficer, other.id);
    const { revealWorkerNik } = await import("@/lib/data/workers");
    await updateWorker(kotaOfficer, other.id, {
      ...fixed,
      nik: await revealWorkerNik(kotaOfficer, other.id),
      name: otherRow.name,
      address: "Jl. Perbaikan No. 2",
    });
    expect(await submitWorker(kotaOfficer, other.id)).toBe("diajukan");
    expect((await getWorkerForViewer(kotaOfficer, other.id)).address).toBe("Jl. Perbaikan No. 2");

    // After verification the identity fields are BPJS's record: a change of them is a correction
    // request the branch decides; the other fields are saved at once.
    const aktif = await getWorkerForViewer(kotaOfficer, inCikokol.id);
    const ownNik = await revealWorkerNik(kotaOfficer, inCikokol.id);
    const base = {
      ...workerInput({ districtCode: "36.71.01", villageCode: aktif.villageCode! }),
      nik: ownNik,
      birthDate: aktif.birthDate!,
      sex: aktif.sex as "L" | "P",
      confirmWarnings: true,
    };
    expect(await updateWorker(kotaOfficer, inCikokol.id, { ...base, name: "Nama Dikoreksi", address: "Jl. Baru 7" })).toEqual({ correctionRequested: true });
    let now = await getWorkerForViewer(kotaOfficer, inCikokol.id);
    expect(now).toMatchObject({ name: aktif.name, address: "Jl. Baru 7", openCorrection: { fields: ["name"] } });
    await expect(updateWorker(kotaOfficer, inCikokol.id, { ...base, name: "Nama Ketiga" })).rejects.toMatchObject({
      fieldErrors: { name: [expect.stringContaining("menunggu keputusan")] },
    });
    // The branch sees it (no NIK change here), a rejection needs a note, an approval applies it.
    const [req] = (await listCorrectionRequestsForViewer(kacab)).filter((r) => r.workerId === inCikokol.id);
    expect(req).toMatchObject({ before: { name: aktif.name }, changes: { name: "Nama Dikoreksi" } });
    await expect(decideCorrection(kacab, req!.id, { approve: false, note: null })).rejects.toMatchObject({ fieldErrors: { note: [expect.any(String)] } });
    await createBranchHead("kacab.cilegon@portal.test", CILEGON);
    await expect(decideCorrection(await viewerFor("kacab.cilegon@portal.test"), req!.id, { approve: true, note: null })).rejects.toBeInstanceOf(NotFoundError);
    await decideCorrection(kacab, req!.id, { approve: true, note: null });
    await expect(decideCorrection(kacab, req!.id, { approve: true, note: null })).rejects.toThrow("sudah diputuskan");
    now = await getWorkerForViewer(kotaOfficer, inCikokol.id);
    expect(now).toMatchObject({ name: "Nama Dikoreksi", status: "aktif", openCorrection: null });
    expect(now.events[0]?.reason).toContain("Koreksi identitas disetujui");
    // A NIK correction shows masked to the branch; rejected, nothing changes.
    const viaNik = { ...base, name: "Nama Dikoreksi", nik: workerInput({ districtCode: "36.71.01", villageCode: aktif.villageCode! }).nik };
    await updateWorker(kotaOfficer, inCikokol.id, viaNik);
    const [nikReq] = (await listCorrectionRequestsForViewer(kacab)).filter((r) => r.workerId === inCikokol.id);
    expect(nikReq!.changes.nik).toMatch(/^\d{6}••••••••••$/);
    await decideCorrection(kacab, nikReq!.id, { approve: false, note: "KTP belum dilampirkan" });
    expect(await revealWorkerNik(kotaOfficer, inCikokol.id)).toBe(ownNik);
  });

  it("masks NIKs in lists", async () => {
    const { rows } = await listWorkersForViewer(officer);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^\d{6}••••••••••$/.test(r.nik))).toBe(true);
  });
});

describe("regulation figures from the worker registry", () => {
  it("counts aktif, pace and committed cost per month at that month's tariff", async () => {
    await clearArea();
    await createBranchHead("kacab.cilegon@portal.test", CILEGON);
    const branch = await viewerFor("kacab.cilegon@portal.test");
    const reg = await enactedRegulation(10);
    const a = await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    await verifyWorkers(branch, [a.id]);
    await activateWorker(branch, a.id, { kpjNumber: `C${Date.now()}`.slice(0, 14), coverageStart: "2026-10-15" });
    const inputs = await getRegulationFiguresForViewer(supervisor, reg);
    expect(inputs.workers).toMatchObject({
      active: 1,
      waiting: 0,
      takenLast4Weeks: 2,
      activeByMonth: [
        { month: "2026-10", active: 1 },
        { month: "2026-11", active: 1 },
      ],
    });
    const fig = computeRegulationFigures(inputs);
    expect(fig.quota).toMatchObject({ counted: 2, remaining: 8, percent: 20 });
    expect(fig.perWeek).toBe(0.5);
    // 8 places at 0.5 a week: 112 days after 24 November 2026 → 16 March 2027.
    expect(fig.forecast).toEqual({ kind: "month", month: "2027-03" });
  });
});

describe("area settings", () => {
  it("two-step areas hold submissions for the supervisor, and the funder priority decides which quota fills", async () => {
    await clearArea();
    const apbd = await enactedRegulation(5, "Perwal APBD kota");
    const prov = await createRegulation(supervisor, regulationInput({ type: "pergub", issuer: "provinsi", title: "Pergub bagian Cilegon", quota: 5 }));
    await submitRegulationForReview(supervisor, prov.id);
    await enactRegulation(supervisor, prov.id, { number: "Pergub 1", enactedOn: "2026-02-01" });

    // Default order: APBD kab/kota first.
    await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
    expect((await counts(apbd)).counted).toBe(1);

    await updateAreaSettings(supervisor, { requiresApproval: true, importOneStep: false, funderPriority: ["provinsi", "kabkota", "desa", "csr", "lainnya"] });
    try {
      const held = await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village }));
      expect(held.status).toBe("menunggu_persetujuan");
      expect((await counts(prov.id)).counted).toBe(0);
      expect(await approveWorkers(supervisor, [held.id])).toBe(1);
      expect((await getWorkerForViewer(officer, held.id)).status).toBe("diajukan");
      expect((await counts(prov.id)).counted).toBe(1);
      // A supervisor's own submission is the final one.
      expect((await registerWorker(supervisor, workerInput({ districtCode: KEC, villageCode: village }))).status).toBe("diajukan");
    } finally {
      await updateAreaSettings(supervisor, {
        requiresApproval: false,
        importOneStep: false,
        funderPriority: ["kabkota", "provinsi", "desa", "csr", "lainnya"],
      });
    }
  });
});

describe("the kop of printed documents", () => {
  it("is the supervisor's to set; blank parts fall back to the Dinas and lines to sign by hand; a NIP is 18 digits", async () => {
    const sup = await viewerFor("supervisor.kabtangerang@portal.test");
    const settings = await getAreaSettingsForViewer(sup);
    try {
      await updateAreaSettings(sup, { ...settings, dinasName: null, headTitle: null, headName: null, headNip: null, kopAddress: null });
      expect(await getDocumentKopForViewer(sup, "36.03")).toEqual({
        regencyName: "Kabupaten Tangerang",
        dinasName: "Dinas Tenaga Kerja",
        address: null,
        headTitle: "Kepala Dinas Tenaga Kerja",
        headName: null,
        headNip: null,
      });
      await updateAreaSettings(sup, { ...settings, dinasName: "Dinas Ketenagakerjaan", headName: "Budi Santoso", headNip: "197001011990031001" });
      const kanwil = await viewerFor("kakanwil.banten@portal.test");
      expect(await getDocumentKopForViewer(kanwil, "36.03")).toMatchObject({
        dinasName: "Dinas Ketenagakerjaan",
        headTitle: "Kepala Dinas Ketenagakerjaan",
        headName: "Budi Santoso",
        headNip: "197001011990031001",
      });
      // The database holds the NIP's shape whatever the form says.
      await expect(updateAreaSettings(sup, { ...settings, headNip: "12345" })).rejects.toThrow();
      expect(areaSettingsSchema.safeParse({ funderPriority: settings.funderPriority, headNip: "1970 0101 1990 03 1001" }).data?.headNip).toBe(
        "197001011990031001",
      );
      expect(areaSettingsSchema.safeParse({ funderPriority: settings.funderPriority, headNip: "12345" }).error?.issues[0]?.message).toBe(
        "NIP terdiri dari 18 digit angka.",
      );
    } finally {
      await updateAreaSettings(sup, settings);
    }
  });
});

describe("moving to another area", () => {
  it("ends the enrollment with pindah domisili; the new area's registration keeps the KPJ", async () => {
    await clearArea();
    await enactedRegulation(5);
    const kotaOfficer = await viewerFor("petugas.kotatangerang@portal.test");
    const kacab = await viewerFor("kacab.cikokol@portal.test");
    const nik = makeNik();
    const first = await registerWorker(kotaOfficer, workerInput({ nik, districtCode: "36.71.01", villageCode: await firstVillageOf("36.71.01") }));
    await verifyWorkers(kacab, [first.id]);
    const kpj = `P${Date.now()}`.slice(0, 14);
    await activateWorker(kacab, first.id, { kpjNumber: kpj, coverageStart: "2026-11-01" });
    await endWorker(kotaOfficer, first.id, "pindah_domisili", "2026-11-20");
    const second = await registerWorker(officer, workerInput({ nik, districtCode: KEC, villageCode: village }));
    const w = await getWorkerForViewer(officer, second.id);
    expect(w).toMatchObject({ status: "diajukan", kpjNumber: kpj, regencyName: "Kota Cilegon" });
    expect(w.events.at(-1)?.reason).toBe(`Didaftarkan; pindahan dari Kota Tangerang (KPJ ${kpj} tetap)`);
    // The earlier area keeps its own history and cannot be read from here.
    await expect(getWorkerForViewer(officer, first.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("heirs (ahli waris)", () => {
  const rowsOf = async (workerId: number) => {
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      return (await sql`select name, relationship::text, nik, bank_name, bank_account from worker_heirs where worker_id = ${workerId} order by id`) as unknown as {
        name: string;
        relationship: string | null;
        nik: string | null;
        bank_name: string | null;
        bank_account: string | null;
      }[];
    } finally {
      await sql.end();
    }
  };

  it("registration writes the first heir; the list keeps the legal order and shows NIK and account masked", async () => {
    await clearArea();
    await enactedRegulation(5);
    const heirNik = makeNik({ day: 2, month: 2, year: 1990 }, true);
    const { id } = await registerWorker(
      officer,
      workerInput({ districtCode: KEC, villageCode: village, heirName: "Sri Istri", heirRelationship: "istri", heirNik }),
    );
    expect(await rowsOf(id)).toEqual([{ name: "Sri Istri", relationship: "istri", nik: heirNik, bank_name: null, bank_account: null }]);
    await addHeir(officer, id, { name: "Ibu Kandung", relationship: "orang_tua", birthDate: "1950-01-01" });
    await addHeir(officer, id, { name: "Anak Kedua", relationship: "anak", birthDate: "2015-06-01", bankName: "BRI", bankAccount: "0012 3456 7890" });
    await addHeir(officer, id, { name: "Anak Pertama", relationship: "anak", birthDate: "2010-06-01" });
    const heirs = (await getWorkerForViewer(officer, id)).heirs;
    expect(heirs.map((h) => h.name)).toEqual(["Sri Istri", "Anak Pertama", "Anak Kedua", "Ibu Kandung"]);
    expect(heirs[0]!.nikMasked).toBe(`${heirNik.slice(0, 6)}••••••••••`);
    expect(heirs[2]!.accountMasked).toBe("•••• 7890");
    expect(JSON.stringify(heirs)).not.toContain(heirNik);
    expect(JSON.stringify(heirs)).not.toContain("001234567890");
    expect((await rowsOf(id)).find((h) => h.name === "Anak Kedua")!.bank_account).toBe("001234567890");
  });

  it("refuses the worker's own NIK, a NIK that is no date, a birth date after today and a duplicate NIK; nothing is written", async () => {
    const nik = makeNik();
    const { id } = await registerWorker(officer, workerInput({ nik, districtCode: KEC, villageCode: village }));
    const before = await rowsOf(id);
    await expect(addHeir(officer, id, { name: "Diri Sendiri", relationship: "saudara_kandung", nik })).rejects.toMatchObject({
      fieldErrors: { nik: ["NIK ahli waris tidak boleh sama dengan NIK pekerja."] },
    });
    await expect(addHeir(officer, id, { name: "Tanggal Salah", relationship: "anak", nik: "3671053102850001" })).rejects.toMatchObject({
      fieldErrors: { nik: ["Tanggal lahir pada NIK (digit 7–12) bukan tanggal yang valid."] },
    });
    await expect(addHeir(officer, id, { name: "Belum Lahir", relationship: "anak", birthDate: "2099-01-01" })).rejects.toMatchObject({
      fieldErrors: { birthDate: expect.any(Array) },
    });
    const child = makeNik({ day: 5, month: 5, year: 2012 });
    await addHeir(officer, id, { name: "Anak", relationship: "anak", nik: child });
    await expect(addHeir(officer, id, { name: "Anak Lagi", relationship: "anak", nik: child })).rejects.toMatchObject({
      fieldErrors: { nik: ["NIK ini sudah ada di daftar ahli waris pekerja."] },
    });
    expect((await rowsOf(id)).length).toBe(before.length + 1);
    // The database holds the rule too, whatever the caller.
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      await expect(sql`insert into worker_heirs (worker_id, name, relationship, nik) values (${id}, 'Langsung', 'anak', ${nik})`).rejects.toThrow(
        /worker_heirs_not_self/,
      );
    } finally {
      await sql.end();
    }
  });

  it("changes keep a blank NIK or account as recorded, clear on request, and remove; another area gets 404", async () => {
    // A draft: it holds no place, so the list can be emptied and the submission tried.
    const { id } = await registerWorker(officer, workerInput({ districtCode: KEC, villageCode: village, intent: "draft" }));
    const heirNik = makeNik({ day: 9, month: 9, year: 1991 }, true);
    const heirId = await addHeir(officer, id, { name: "Istri", relationship: "istri", nik: heirNik, bankName: "BNI", bankAccount: "998877665544" });
    await updateHeir(officer, heirId, { name: "Istri Baru", relationship: "istri", phone: "0812 1111 2222", bankName: "BNI" });
    expect((await rowsOf(id)).find((h) => h.name === "Istri Baru")).toMatchObject({ nik: heirNik, bank_account: "998877665544" });
    await updateHeir(officer, heirId, { name: "Istri Baru", relationship: "istri", clearAccount: true });
    expect((await rowsOf(id)).find((h) => h.name === "Istri Baru")).toMatchObject({ nik: heirNik, bank_account: null, bank_name: null });
    const kota = await viewerFor("petugas.kotatangerang@portal.test");
    await expect(getWorkerForViewer(kota, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addHeir(kota, id, { name: "Lintas", relationship: "anak" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateHeir(kota, heirId, { name: "Lintas", relationship: "anak" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeHeir(kota, heirId)).rejects.toBeInstanceOf(NotFoundError);
    for (const h of (await getWorkerForViewer(officer, id)).heirs) await removeHeir(officer, h.id);
    expect(await rowsOf(id)).toEqual([]);
    // A submission needs an heir with a relationship in the list.
    await expect(submitWorker(officer, id)).rejects.toThrow("Lengkapi kecamatan, kelurahan/desa, dan ahli waris sebelum mengajukan.");
    // The processing record (UU PDP) names what happened to the heirs, never their values.
    const { audit } = await getProcessingRecordForViewer(supervisor, id);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["heir.add", "heir.update", "heir.remove"]));
  });
});
