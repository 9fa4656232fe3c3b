import "server-only";
import { and, asc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { branchCoverage, districts, offices, regencies } from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { writeAudit } from "./audit";
import { isUniqueViolation, NotFoundError, UserFacingError } from "./errors";

const parent = alias(offices, "parent");

// Which offices a viewer sees: admin all; a Kanwil head its Kanwil and its branches; a branch
// head its own branch. Pemda users have no business here (the permission table says so).
function officeVisibility(viewer: Viewer) {
  switch (viewer.role) {
    case "admin":
      return sql`true`;
    case "kepala_wilayah":
      return or(eq(offices.id, viewer.officeId!), eq(offices.parentId, viewer.officeId!))!;
    default:
      return eq(offices.id, viewer.officeId ?? -1);
  }
}

export async function listOfficesForViewer(viewer: Viewer) {
  assertCan(viewer.role, "offices.view");
  return db()
    .select({
      id: offices.id,
      kind: offices.kind,
      name: offices.name,
      active: offices.active,
      provinceCode: offices.provinceCode,
      parentId: offices.parentId,
      parentName: parent.name,
      districtCount: sql<number>`(select count(*)::int from branch_coverage bc where bc.office_id = ${offices.id})`,
    })
    .from(offices)
    .leftJoin(parent, eq(parent.id, offices.parentId))
    .where(officeVisibility(viewer))
    .orderBy(asc(offices.provinceCode), sql`${offices.parentId} nulls first`, asc(offices.name));
}

export async function getOfficeForViewer(viewer: Viewer, officeId: number) {
  assertCan(viewer.role, "offices.view");
  const [office] = await db()
    .select({ id: offices.id, kind: offices.kind, name: offices.name, active: offices.active, provinceCode: offices.provinceCode, parentName: parent.name })
    .from(offices)
    .leftJoin(parent, eq(parent.id, offices.parentId))
    .where(and(eq(offices.id, officeId), officeVisibility(viewer)));
  if (!office) throw new NotFoundError("Kantor");
  const coverage = await db()
    .select({ code: districts.code, name: districts.name, regencyCode: regencies.code, regencyName: regencies.name })
    .from(branchCoverage)
    .innerJoin(districts, eq(districts.code, branchCoverage.districtCode))
    .innerJoin(regencies, eq(regencies.code, districts.regencyCode))
    .where(eq(branchCoverage.officeId, officeId))
    .orderBy(asc(districts.code));
  return { ...office, coverage };
}

/** Kecamatan of a province that no branch serves: the admin's to-do list. */
export async function listUncoveredDistrictsForViewer(viewer: Viewer, provinceCode: string) {
  assertCan(viewer.role, "offices.manage");
  return db()
    .select({ code: districts.code, name: districts.name, regencyCode: regencies.code, regencyName: regencies.name })
    .from(districts)
    .innerJoin(regencies, eq(regencies.code, districts.regencyCode))
    .leftJoin(branchCoverage, eq(branchCoverage.districtCode, districts.code))
    .where(and(eq(regencies.provinceCode, provinceCode), isNull(branchCoverage.districtCode)))
    .orderBy(asc(districts.code));
}

/** Kecamatan of one kabupaten/kota with the branch serving each, for the coverage editor. */
export async function listCoverageOfRegencyForViewer(viewer: Viewer, regencyCode: string) {
  assertCan(viewer.role, "offices.manage");
  return db()
    .select({ code: districts.code, name: districts.name, officeId: branchCoverage.officeId, officeName: offices.name })
    .from(districts)
    .leftJoin(branchCoverage, eq(branchCoverage.districtCode, districts.code))
    .leftJoin(offices, eq(offices.id, branchCoverage.officeId))
    .where(eq(districts.regencyCode, regencyCode))
    .orderBy(asc(districts.code));
}

export async function createBranchOffice(viewer: Viewer, input: { name: string; kind: "kantor_cabang" | "kantor_cabang_perintis"; parentId: number }) {
  assertCan(viewer.role, "offices.manage");
  const [kanwil] = await db()
    .select()
    .from(offices)
    .where(and(eq(offices.id, input.parentId), eq(offices.kind, "kantor_wilayah")));
  if (!kanwil) throw new UserFacingError("Kantor Wilayah tidak ditemukan.", { parentId: ["Pilih Kantor Wilayah."] });
  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(offices)
        .values({ kind: input.kind, name: input.name, parentId: kanwil.id, provinceCode: kanwil.provinceCode })
        .returning({ id: offices.id });
      await writeAudit(tx, { actorId: viewer.id, action: "office.create", entityType: "office", entityId: String(row!.id), details: input });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e, "offices_name_key")) throw new UserFacingError("Nama kantor sudah dipakai.", { name: ["Nama kantor sudah dipakai."] });
    throw e;
  }
}

export async function updateOffice(viewer: Viewer, officeId: number, input: { name: string; active: boolean }) {
  assertCan(viewer.role, "offices.manage");
  try {
    await db().transaction(async (tx) => {
      const [row] = await tx
        .update(offices)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(offices.id, officeId))
        .returning({ id: offices.id });
      if (!row) throw new NotFoundError("Kantor");
      await writeAudit(tx, { actorId: viewer.id, action: "office.update", entityType: "office", entityId: String(officeId), details: input });
    });
  } catch (e) {
    if (isUniqueViolation(e, "offices_name_key")) throw new UserFacingError("Nama kantor sudah dipakai.", { name: ["Nama kantor sudah dipakai."] });
    throw e;
  }
}

/**
 * Sets which kecamatan of one kabupaten/kota this branch serves. Ticked kecamatan served by
 * another branch move to this one (the admin saw who served them); unticked ones this branch
 * served become uncovered.
 */
export async function setBranchCoverage(viewer: Viewer, input: { officeId: number; regencyCode: string; districtCodes: string[] }) {
  assertCan(viewer.role, "offices.manage");
  const [office] = await db().select().from(offices).where(eq(offices.id, input.officeId));
  if (!office || office.kind === "kantor_wilayah") throw new NotFoundError("Kantor cabang");
  const valid = input.districtCodes.length
    ? await db()
        .select({ code: districts.code })
        .from(districts)
        .where(and(eq(districts.regencyCode, input.regencyCode), inArray(districts.code, input.districtCodes)))
    : [];
  if (valid.length !== input.districtCodes.length) throw new UserFacingError("Ada kecamatan yang bukan bagian dari kabupaten/kota ini.");
  if (valid.length && input.regencyCode.slice(0, 2) !== office.provinceCode) {
    throw new UserFacingError("Kantor cabang hanya dapat melayani kecamatan di provinsi Kantor Wilayahnya.");
  }
  const codes = valid.map((v) => v.code);
  await db().transaction(async (tx) => {
    const inRegency = sql`left(${branchCoverage.districtCode}, 5) = ${input.regencyCode}`;
    const removed = await tx
      .delete(branchCoverage)
      .where(and(eq(branchCoverage.officeId, office.id), inRegency, codes.length ? notInArray(branchCoverage.districtCode, codes) : undefined))
      .returning({ code: branchCoverage.districtCode });
    if (codes.length) {
      await tx
        .insert(branchCoverage)
        .values(codes.map((code) => ({ districtCode: code, officeId: office.id, officeKind: office.kind })))
        .onConflictDoUpdate({ target: branchCoverage.districtCode, set: { officeId: office.id, officeKind: office.kind, updatedAt: new Date() } });
    }
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "office.set_coverage",
      entityType: "office",
      entityId: String(office.id),
      details: { regencyCode: input.regencyCode, districtCodes: codes, removed: removed.map((r) => r.code) },
    });
  });
}

/**
 * The uncovered list's "assign to a branch": the given kecamatan that no branch serves yet join the
 * branch's coverage (one already taken meanwhile stays with its branch and is reported), all in one
 * transaction, audited as a coverage change. Returns how many were assigned.
 */
export async function assignUncoveredDistricts(viewer: Viewer, input: { officeId: number; districtCodes: string[] }) {
  assertCan(viewer.role, "offices.manage");
  const [office] = await db().select().from(offices).where(eq(offices.id, input.officeId));
  if (!office || office.kind === "kantor_wilayah") throw new NotFoundError("Kantor cabang");
  if (!office.active)
    throw new UserFacingError("Kantor cabang ini nonaktif; aktifkan dulu atau pilih cabang lain.", { officeId: ["Pilih kantor cabang yang aktif."] });
  if (!input.districtCodes.length) throw new UserFacingError("Centang kecamatan yang akan dilayani.", { districtCodes: ["Centang minimal satu kecamatan."] });
  const found = await db().select({ code: districts.code }).from(districts).where(inArray(districts.code, input.districtCodes));
  if (found.length !== new Set(input.districtCodes).size || found.some((d) => d.code.slice(0, 2) !== office.provinceCode))
    throw new UserFacingError("Kantor cabang hanya dapat melayani kecamatan di provinsi Kantor Wilayahnya.");
  return db().transaction(async (tx) => {
    const added = await tx
      .insert(branchCoverage)
      .values(found.map((d) => ({ districtCode: d.code, officeId: office.id, officeKind: office.kind })))
      .onConflictDoNothing({ target: branchCoverage.districtCode })
      .returning({ code: branchCoverage.districtCode });
    const codes = added.map((a) => a.code).sort();
    for (const regencyCode of new Set(codes.map((c) => c.slice(0, 5)))) {
      await writeAudit(tx, {
        actorId: viewer.id,
        action: "office.set_coverage",
        entityType: "office",
        entityId: String(office.id),
        details: { regencyCode, districtCodes: codes.filter((c) => c.startsWith(`${regencyCode}.`)), removed: [], assignedFromUncovered: true },
      });
    }
    return { assigned: codes.length, alreadyServed: found.length - codes.length };
  });
}
