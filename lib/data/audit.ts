import "server-only";
import { auditLog } from "@/db/schema";
import type { Database } from "@/db/connection";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;

/** Appends to the record of processing, inside the caller's transaction. */
export async function writeAudit(
  tx: Tx,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string; details?: Record<string, unknown> },
) {
  await tx.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
