import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { areaSettings } from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import { regencyInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";
import { writeAudit } from "./audit";
import { NotFoundError } from "./errors";

export const DEFAULT_FUNDER_PRIORITY = ["kabkota", "provinsi", "desa", "csr", "lainnya"] as const;
export type Funder = (typeof DEFAULT_FUNDER_PRIORITY)[number];

/** The viewer's own area's settings (supervisors manage their kabupaten/kota only). */
export async function getAreaSettingsForViewer(viewer: Viewer) {
  assertCan(viewer.role, "area.manage");
  const [row] = await db().select().from(areaSettings).where(eq(areaSettings.regencyCode, viewer.regencyCode!));
  return {
    requiresApproval: row?.requiresApproval ?? false,
    importOneStep: row?.importOneStep ?? false,
    funderPriority: (row?.funderPriority ?? [...DEFAULT_FUNDER_PRIORITY]) as Funder[],
    dinasName: row?.dinasName ?? null,
    kopAddress: row?.kopAddress ?? null,
    headTitle: row?.headTitle ?? null,
    headName: row?.headName ?? null,
    headNip: row?.headNip ?? null,
  };
}

export type DocumentKop = {
  regencyName: string;
  dinasName: string;
  address: string | null;
  /** The signature block: the title always, name and NIP when the supervisor set them (else lines to fill in). */
  headTitle: string;
  headName: string | null;
  headNip: string | null;
};

/** The kop and signature of an area's printed documents, for any viewer who may see that area. */
export async function getDocumentKopForViewer(viewer: Viewer, regencyCode: string): Promise<DocumentKop> {
  assertCan(viewer.role, "dashboard.view");
  const [row] = await db()
    .select({
      regencyName: sql<string>`g.name`,
      dinasName: areaSettings.dinasName,
      address: areaSettings.kopAddress,
      headTitle: areaSettings.headTitle,
      headName: areaSettings.headName,
      headNip: areaSettings.headNip,
    })
    .from(sql`regencies g`)
    .leftJoin(areaSettings, sql`${areaSettings.regencyCode} = g.code`)
    .where(sql`g.code = ${regencyCode} and ${regencyInScope(scopeOf(viewer), sql.raw("g.code"))}`);
  if (!row) throw new NotFoundError("Kabupaten/kota");
  const dinasName = row.dinasName ?? "Dinas Tenaga Kerja";
  return { ...row, dinasName, headTitle: row.headTitle ?? `Kepala ${dinasName}` };
}

type SettingsInput = {
  requiresApproval: boolean;
  importOneStep: boolean;
  funderPriority: Funder[];
  // Left out: kept as they are.
  dinasName?: string | null;
  kopAddress?: string | null;
  headTitle?: string | null;
  headName?: string | null;
  headNip?: string | null;
};

export async function updateAreaSettings(viewer: Viewer, input: SettingsInput) {
  assertCan(viewer.role, "area.manage");
  const regencyCode = viewer.regencyCode!;
  await db().transaction(async (tx) => {
    const [before] = await tx.select().from(areaSettings).where(eq(areaSettings.regencyCode, regencyCode)).for("update");
    await tx
      .insert(areaSettings)
      .values({ regencyCode, ...input })
      .onConflictDoUpdate({ target: areaSettings.regencyCode, set: { ...input, updatedAt: new Date() } });
    await writeAudit(tx, {
      actorId: viewer.id,
      action: "area.settings",
      entityType: "area",
      entityId: regencyCode,
      details: {
        requiresApproval: { from: before?.requiresApproval ?? false, to: input.requiresApproval },
        importOneStep: { from: before?.importOneStep ?? false, to: input.importOneStep },
        funderPriority: { from: before?.funderPriority ?? null, to: input.funderPriority },
        kop: { from: before ? kopOf(before) : null, to: kopOf(input) },
      },
    });
  });
}

const kopOf = (k: Pick<SettingsInput, "dinasName" | "kopAddress" | "headTitle" | "headName" | "headNip">) => ({
  dinasName: k.dinasName,
  kopAddress: k.kopAddress,
  headTitle: k.headTitle,
  headName: k.headName,
  headNip: k.headNip,
});
