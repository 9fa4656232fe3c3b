import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { areaSettings } from "@/db/schema";
import { assertCan } from "@/lib/authz/permissions";
import type { Viewer } from "@/lib/authz/viewer";
import { writeAudit } from "./audit";

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
  };
}

export async function updateAreaSettings(viewer: Viewer, input: { requiresApproval: boolean; importOneStep: boolean; funderPriority: Funder[] }) {
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
      },
    });
  });
}
