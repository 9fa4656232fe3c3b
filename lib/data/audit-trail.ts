import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { assertCan } from "@/lib/authz/permissions";
import type { Role } from "@/lib/authz/roles";
import type { Viewer } from "@/lib/authz/viewer";
import { maskNik } from "@/lib/domain/nik";
import { rows } from "./internal/rows";

export const AUDIT_PAGE_SIZE = 100;

/**
 * The area's record of processing for its supervisor: entries about the area's workers,
 * regulations and settings, newest first, subjects shown by name with the NIK masked.
 */
export async function listAuditTrailForViewer(viewer: Viewer, page = 1) {
  assertCan(viewer.role, "audit.view");
  const area = viewer.regencyCode!;
  const list = await rows<{
    at: string;
    action: string;
    actorName: string | null;
    actorRole: Role | null;
    entityType: string;
    entityId: string;
    workerName: string | null;
    workerNik: string | null;
    regulationTitle: string | null;
  }>(
    db(),
    sql`
    select a.at, a.action, u.name as "actorName", u.role as "actorRole", a.entity_type as "entityType", a.entity_id as "entityId",
           w.name as "workerName", w.nik as "workerNik", r.title as "regulationTitle"
      from audit_log a
      left join users u on u.id = a.actor_id
      left join workers w on a.entity_type = 'worker' and w.id = case when a.entity_id ~ '^[0-9]+$' then a.entity_id::bigint end
      left join regulations r on a.entity_type = 'regulation' and r.id = case when a.entity_id ~ '^[0-9]+$' then a.entity_id::int end
     where (a.entity_type = 'worker' and w.regency_code = ${area})
        or (a.entity_type = 'regulation' and r.regency_code = ${area})
        or (a.entity_type = 'area' and a.entity_id = ${area})
     order by a.at desc, a.id desc
     limit ${AUDIT_PAGE_SIZE} offset ${(Math.max(1, page) - 1) * AUDIT_PAGE_SIZE}`,
  );
  return list.map(({ workerNik, ...r }) => ({
    ...r,
    at: new Date(r.at),
    subject: r.workerName ? `${r.workerName} (${maskNik(workerNik ?? "")})` : (r.regulationTitle ?? r.entityId),
  }));
}
