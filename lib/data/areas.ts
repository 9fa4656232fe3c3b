import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { branchCoverage, districts, offices, provinces, regencies, referenceDataSources, villages } from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import { districtInScope, regencyInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";

/** Kabupaten/kota the viewer may see, with how many of their kecamatan fall in the scope. */
export async function listRegenciesForViewer(viewer: Viewer) {
  assertCan(viewer.role, "areas.view");
  const scope = scopeOf(viewer);
  return db()
    .select({
      code: regencies.code,
      name: regencies.name,
      provinceCode: regencies.provinceCode,
      provinceName: provinces.name,
      districtCount: sql<number>`(select count(*)::int from districts d where d.regency_code = ${regencies.code} and ${districtInScope(scope, sql`d.code`)})`,
    })
    .from(regencies)
    .innerJoin(provinces, eq(provinces.code, regencies.provinceCode))
    .where(regencyInScope(scope, regencies.code))
    .orderBy(asc(regencies.code));
}

/** Kecamatan in the viewer's scope, optionally of one kabupaten/kota, with the branch serving each. */
export async function listDistrictsForViewer(viewer: Viewer, filter: { regencyCode?: string } = {}) {
  assertCan(viewer.role, "areas.view");
  const scope = scopeOf(viewer);
  return db()
    .select({
      code: districts.code,
      name: districts.name,
      regencyCode: districts.regencyCode,
      regencyName: regencies.name,
      villageCount: sql<number>`(select count(*)::int from villages v where v.district_code = ${districts.code})`,
      branchId: offices.id,
      branchName: offices.name,
    })
    .from(districts)
    .innerJoin(regencies, eq(regencies.code, districts.regencyCode))
    .leftJoin(branchCoverage, eq(branchCoverage.districtCode, districts.code))
    .leftJoin(offices, eq(offices.id, branchCoverage.officeId))
    .where(and(districtInScope(scope, districts.code), filter.regencyCode ? eq(districts.regencyCode, filter.regencyCode) : undefined))
    .orderBy(asc(districts.code));
}

/** Kelurahan/desa of one kecamatan, if that kecamatan is in the viewer's scope. */
export async function listVillagesForViewer(viewer: Viewer, districtCode: string) {
  assertCan(viewer.role, "areas.view");
  return db()
    .select({ code: villages.code, name: villages.name })
    .from(villages)
    .where(and(eq(villages.districtCode, districtCode), districtInScope(scopeOf(viewer), villages.districtCode)))
    .orderBy(asc(villages.code));
}

/** Headline counts of the viewer's scope for the home page. */
export async function getScopeSummaryForViewer(viewer: Viewer) {
  assertCan(viewer.role, "areas.view");
  const scope = scopeOf(viewer);
  const [row] = await db()
    .select({
      regencies: sql<number>`count(distinct ${districts.regencyCode})::int`,
      districts: sql<number>`count(distinct ${districts.code})::int`,
      villages: sql<number>`count(${villages.code})::int`,
    })
    .from(districts)
    .leftJoin(villages, eq(villages.districtCode, districts.code))
    .where(districtInScope(scope, districts.code));
  return row ?? { regencies: 0, districts: 0, villages: 0 };
}

/** Version of the area reference data, for the ODbL attribution (public reference data). */
export async function getAreaDataSource() {
  const [row] = await db().select().from(referenceDataSources).where(eq(referenceDataSources.name, "idn-area-data")).limit(1);
  return row ?? null;
}

/** Kelurahan/desa of a kabupaten/kota in the viewer's scope, with their kecamatan (one query). */
export async function listVillagesOfRegencyForViewer(viewer: Viewer, regencyCode: string) {
  assertCan(viewer.role, "areas.view");
  return db()
    .select({ code: villages.code, name: villages.name, districtName: districts.name })
    .from(villages)
    .innerJoin(districts, eq(districts.code, villages.districtCode))
    .where(and(eq(districts.regencyCode, regencyCode), districtInScope(scopeOf(viewer), villages.districtCode)))
    .orderBy(asc(villages.code));
}

/** Provinces whose dashboards the viewer may open (admin: all; Kanwil: its own). */
export async function listProvincesForViewer(viewer: Viewer) {
  assertCan(viewer.role, "dashboard.province");
  return db()
    .select({ code: provinces.code, name: provinces.name })
    .from(provinces)
    .where(scopeOf(viewer).kind === "national" ? undefined : eq(provinces.code, viewer.provinceCode ?? ""))
    .orderBy(asc(provinces.code));
}
