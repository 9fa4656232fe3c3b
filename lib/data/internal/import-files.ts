import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { importBatches } from "@/db/schema";
import { removeStoredFile } from "@/lib/storage";

/**
 * The uploaded file holds NIKs: once its batch is finished, cancelled or failed nothing reads it
 * again (the rows to fix come from the staging table), so it is removed. Idempotent.
 */
export async function dropImportFile(id: string) {
  const [b] = await db().select({ storedName: importBatches.storedName, status: importBatches.status }).from(importBatches).where(eq(importBatches.id, id));
  if (b && (b.status === "selesai" || b.status === "dibatalkan" || b.status === "gagal")) await removeStoredFile(b.storedName);
}
