import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { assertCan } from "@/lib/authz/permissions";
import type { Role } from "@/lib/authz/roles";
import type { Viewer } from "@/lib/authz/viewer";
import { maskNik } from "@/lib/domain/nik";
import { rows } from "./internal/rows";

export const AUDIT_PAGE_SIZE = 100;

/** The trail's filters (from the URL, checked): who, which action, and WIB calendar days from/to. */
export type AuditFilter = { actorId?: string | null; action?: string | null; from?: string | null; to?: string | null };

/** The people who may appear as actors on an area's trail: its own users and the heads of the branches serving it. */
export async function listAuditActorsForViewer(viewer: Viewer) {
  assertCan(viewer.role, "audit.view");
  const area = viewer.regencyCode!;
  return rows<{ id: string; name: string; role: Role }>(
    db(),
    sql`select u.id, u.name, u.role::text as role from users u
         where u.regency_code = ${area}
            or u.office_id in (select bc.office_id from branch_coverage bc where left(bc.district_code, 5) = ${area})
         order by u.name`,
  );
}

/**
 * The area's record of processing for its supervisor: entries about the area's workers,
 * regulations and settings, newest first, subjects shown by name with the NIK masked.
 */
export async function listAuditTrailForViewer(viewer: Viewer, page = 1, filter: AuditFilter = {}) {
  assertCan(viewer.role, "audit.view");
  const area = viewer.regencyCode!;
  const f = sql.join(
    [
      filter.actorId ? sql`a.actor_id = ${filter.actorId}::uuid` : sql`true`,
      filter.action ? sql`a.action = ${filter.action}` : sql`true`,
      // Days are WIB calendar days.
      filter.from ? sql`a.at >= (${filter.from}::date)::timestamp at time zone 'Asia/Jakarta'` : sql`true`,
      filter.to ? sql`a.at < (${filter.to}::date + 1)::timestamp at time zone 'Asia/Jakarta'` : sql`true`,
    ],
    sql` and `,
  );
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
     where ((a.entity_type = 'worker' and w.regency_code = ${area})
        or (a.entity_type = 'regulation' and r.regency_code = ${area})
        or (a.entity_type = 'area' and a.entity_id = ${area}))
       and ${f}
     order by a.at desc, a.id desc
     limit ${AUDIT_PAGE_SIZE} offset ${(Math.max(1, page) - 1) * AUDIT_PAGE_SIZE}`,
  );
  return list.map(({ workerNik, ...r }) => ({
    ...r,
    at: new Date(r.at),
    subject: r.workerName ? `${r.workerName} (${maskNik(workerNik ?? "")})` : (r.regulationTitle ?? r.entityId),
  }));
}
