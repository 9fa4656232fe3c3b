import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import type { Viewer } from "@/lib/authz/viewer";
import { HttpError } from "@/lib/http-error";
import { rows } from "./rows";

export const EXPORT_BUSY = "Unduhan Anda yang lain masih berjalan. Tunggu sampai selesai, lalu coba lagi.";
export const EXPORT_STREAMS_FULL = "Terlalu banyak unduhan data pekerja sedang berjalan di server. Coba lagi dalam beberapa menit.";

/**
 * Runs an export's reads while holding the user's export slot (key "export" + user id, shared by
 * every export kind, the worker export's cursor included): one export per user at a time,
 * across app instances (a transaction-scoped advisory lock: no session state). Another export
 * by the same user meanwhile gets 429. The reads run in the slot's transaction (`read(tx)`): one
 * connection per export, never a second one taken while the slot's is held.
 */
export async function inExportSlot<T>(viewer: Viewer, read: (tx: Tx) => Promise<T>): Promise<T> {
  return db().transaction(async (tx) => {
    const [lock] = await rows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext('export'), hashtext(${viewer.id})) as ok`);
    if (!lock?.ok) throw new HttpError(429, EXPORT_BUSY);
    return read(tx);
  });
}
