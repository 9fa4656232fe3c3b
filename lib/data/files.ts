import "server-only";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { db, sqlClient } from "@/db/client";
import { env } from "@/lib/env";
import { objectKey, objectStore } from "@/lib/object-store";
import { rows } from "./internal/rows";

// The file door's record and drivers (lib/storage.ts). Every file has a stored_files row (type,
// size, complete, who and when: what downloads and retention read); its content is either in
// PostgreSQL, as 256 KiB chunks in stored_file_chunks written as they stream in and read chunk by
// chunk (ranged reads fetch only the chunks they need), or, with FILE_STORAGE=s3, one object in
// S3-compatible storage (lib/object-store.ts). Any web replica and any worker reads what another
// wrote, on both drivers. A file keeps the driver it was written with. System functions: callers
// look the file id up through a scoped data function first (a regulation's document, a batch's list).

export type FileDriver = "postgres" | "s3";

export const CHUNK_BYTES = 256 * 1024;
const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type StoredFile = { id: string; size: number; contentType: string };

/**
 * Stores a stream as a new file and returns it once complete. The file row is written first and
 * marked complete at the end; a stream that breaks off leaves an incomplete file that is removed
 * at once (and by purgeIncompleteFiles should the process die).
 */
export async function putFile(
  meta: { kind: string; contentType: string; createdBy: string | null },
  source: AsyncIterable<Buffer | Uint8Array>,
  driver: FileDriver = env().FILE_STORAGE,
): Promise<StoredFile> {
  const [file] = await rows<{ id: string }>(
    db(),
    sql`insert into stored_files (kind, content_type, created_by, storage)
        values (${meta.kind}, ${meta.contentType}, ${meta.createdBy}::uuid, ${driver}) returning id`,
  );
  const id = file!.id;
  if (driver === "s3") {
    try {
      const size = await objectStore().write(objectKey(id), source);
      await db().execute(sql`update stored_files set size = ${size}, complete = true where id = ${id}::uuid`);
      return { id, size, contentType: meta.contentType };
    } catch (e) {
      await removeFile(id).catch(() => {});
      throw e;
    }
  }
  let n = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const chunk = joined.subarray(0, CHUNK_BYTES);
      const rest = joined.subarray(chunk.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      await sqlClient()`insert into stored_file_chunks (file_id, n, data) values (${id}, ${n++}, ${chunk})`;
    }
  };
  try {
    for await (const part of source) {
      const buf = Buffer.isBuffer(part) ? part : Buffer.from(part);
      size += buf.length;
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK_BYTES) await flush(false);
    }
    await flush(true);
    await db().execute(sql`update stored_files set size = ${size}, complete = true where id = ${id}::uuid`);
    return { id, size, contentType: meta.contentType };
  } catch (e) {
    await removeFile(id).catch(() => {});
    throw e;
  }
}

/** The file's size and type, or null when there is no such complete file. */
export async function statFile(id: string): Promise<StoredFile | null> {
  if (!FILE_ID.test(id)) return null;
  const [f] = await rows<{ id: string; size: string; contentType: string }>(
    db(),
    sql`select id, size::text, content_type as "contentType" from stored_files where id = ${id}::uuid and complete`,
  );
  return f ? { id: f.id, size: Number(f.size), contentType: f.contentType } : null;
}

async function driverOf(id: string): Promise<FileDriver | null> {
  if (!FILE_ID.test(id)) return null;
  const [f] = await rows<{ storage: FileDriver }>(db(), sql`select storage from stored_files where id = ${id}::uuid`);
  return f?.storage ?? null;
}

/** Streams the file, or bytes start … end (inclusive) of it, reading one chunk (or the object) at a time. */
export function readFile(id: string, range?: { start: number; end: number }): Readable {
  async function* chunks() {
    if ((await driverOf(id)) === "s3") {
      yield* objectStore().read(objectKey(id), range);
      return;
    }
    const first = range ? Math.floor(range.start / CHUNK_BYTES) : 0;
    const last = range ? Math.floor(range.end / CHUNK_BYTES) : Number.MAX_SAFE_INTEGER;
    for (let n = first; n <= last; n++) {
      const [c] = await sqlClient()`select data from stored_file_chunks where file_id = ${id} and n = ${n}`;
      if (!c) return;
      let data = c.data as Buffer;
      if (range) {
        const base = n * CHUNK_BYTES;
        data = data.subarray(Math.max(0, range.start - base), Math.min(data.length, range.end - base + 1));
      }
      yield data;
    }
  }
  return Readable.from(chunks());
}

/**
 * Removes a file and its content. Idempotent. On object storage the object goes first: should that
 * fail, the record stays and a later removal (or the retention run) tries again, so no content is
 * ever left without a record that names it.
 */
export async function removeFile(id: string): Promise<void> {
  const driver = await driverOf(id);
  if (!driver) return;
  if (driver === "s3") await objectStore().remove(objectKey(id));
  await db().execute(sql`delete from stored_files where id = ${id}::uuid`);
}

/** Files whose upload broke off a day ago or more (a process died mid-stream), on either driver. Run by the worker. */
export async function purgeIncompleteFiles(): Promise<number> {
  const stale = sql`not complete and created_at < now() - interval '1 day'`;
  // In PostgreSQL the chunks go with the record (on delete cascade): one statement.
  const inPostgres = await rows<{ id: string }>(db(), sql`delete from stored_files where ${stale} and storage = 'postgres' returning id`);
  // In object storage each object goes first (removeFile), then its record.
  const inS3 = await rows<{ id: string }>(db(), sql`select id from stored_files where ${stale} and storage = 's3'`);
  for (const { id } of inS3) await removeFile(id);
  return inPostgres.length + inS3.length;
}

/** Sets a stored file's content type once its first bytes have told it (lib/storage.ts receiveUpload). */
export async function setStoredContentType(id: string, contentType: string): Promise<void> {
  await db().execute(sql`update stored_files set content_type = ${contentType} where id = ${id}::uuid`);
}
