import "server-only";
import { auditLog } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { AuditAction } from "@/lib/domain/audit-actions";
import { requestMeta } from "@/lib/auth/request-meta";

export type { AuditAction };

/** Appends to the record of processing, inside the caller's transaction; returns the entry's id. */
export async function writeAudit(
  tx: Executor,
  entry: { actorId: string | null; action: AuditAction; entityType: string; entityId: string; details?: Record<string, unknown> },
) {
  const meta = await requestMeta();
  const [row] = await tx
    .insert(auditLog)
    .values({ ...entry, details: entry.details ?? {}, ip: meta.ip, sessionId: meta.sessionId })
    .returning({ id: auditLog.id });
  return row!.id;
}
