// The file door's second driver (issue 16, item 4): S3-compatible object storage, tested against a
// real S3 server on this machine (s3rver, a dev dependency: it speaks the S3 protocol over HTTP and
// keeps objects in a folder). The same door, the same retention and deletion as the PostgreSQL
// driver; the file's record stays in stored_files.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import postgres from "postgres";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/embedded-db.mjs";

const BUCKET = "portal-berkas";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-s3-"));
const owner = postgres(inject("ownerUrl"), { max: 2, onnotice: () => {} });
let server: { close(): Promise<void> };
let client: S3Client;
let files: typeof import("@/lib/data/files");
let storage: typeof import("@/lib/storage");
let HttpError: typeof import("@/lib/http-error").HttpError;

beforeAll(async () => {
  const port = await freePort();
  const s3 = new S3rver({ port, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
  await s3.run();
  server = s3;
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts its own fixed credentials.
  Object.assign(process.env, {
    FILE_STORAGE: "s3",
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "1",
  });
  client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  // Imported after the settings: the environment is read once per process.
  files = await import("@/lib/data/files");
  storage = await import("@/lib/storage");
  HttpError = (await import("@/lib/http-error")).HttpError;
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
  await owner.end({ timeout: 5 });
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `total` bytes of a known pseudo-random content, in uneven pieces (as a request body arrives). */
function content(total: number, seed = "isi") {
  const bytes = Buffer.alloc(total);
  let block = crypto.createHash("sha256").update(seed).digest();
  for (let i = 0; i < total; i += block.length) {
    block.copy(bytes, i);
    block = crypto.createHash("sha256").update(block).digest();
  }
  return bytes;
}
async function* pieces(bytes: Buffer, size = 97_001) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function collect(stream: Readable) {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(Buffer.from(p));
  return Buffer.concat(parts);
}
const objectKeys = async () => ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key);
const record = async (id: string) => (await owner`select storage, size::int, complete from stored_files where id = ${id}`)[0];

describe("the S3 driver of the file door", () => {
  it("streams a file larger than one part into one object, and reads it whole, by range and as a download", async () => {
    const bytes = content(18 * 1024 * 1024 + 12_345);
    const stored = await storage.fileStore().put({ kind: "import_list", contentType: "text/csv", createdBy: null }, pieces(bytes));
    expect(stored.size).toBe(bytes.length);
    expect(await record(stored.id)).toEqual({ storage: "s3", size: bytes.length, complete: true });
    // Nothing in PostgreSQL's chunk table: the content is the object.
    expect((await owner`select count(*)::int as n from stored_file_chunks where file_id = ${stored.id}`)[0]!.n).toBe(0);
    expect(await objectKeys()).toContain(`files/${stored.id}`);
    const direct = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `files/${stored.id}` }));
    expect(Number(direct.ContentLength)).toBe(bytes.length);

    expect((await collect(storage.fileStore().read(stored.id))).equals(bytes)).toBe(true);
    // A range across the first part boundary (8 MiB).
    const start = 8 * 1024 * 1024 - 1000;
    const end = 8 * 1024 * 1024 + 5000;
    expect((await collect(storage.fileStore().read(stored.id, { start, end }))).equals(bytes.subarray(start, end + 1))).toBe(true);

    const res = (await storage.pdfResponse(stored.id, "daftar.csv", `bytes=${start}-${end}`))!;
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);
    await storage.fileStore().remove(stored.id);
  });

  it("sniffs an upload as on PostgreSQL and serves the same bytes back", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), content(300_000, "pdf")]);
    const body = Readable.toWeb(Readable.from(pieces(pdf, 65_536))) as ReadableStream<Uint8Array>;
    const stored = await storage.receivePdf(body, null, { kind: "regulation_document", label: "Perwal" });
    expect(stored.contentType).toBe("application/pdf");
    const res = (await storage.pdfResponse(stored.id, "perwal.pdf"))!;
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    await storage.removeStoredFile(stored.id);
  });

  it("leaves neither record nor object behind when the upload is refused mid-stream (too large, not a PDF)", async () => {
    const before = await objectKeys();
    const recordsBefore = (await owner`select count(*)::int as n from stored_files`)[0]!.n;
    const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), content(11 * 1024 * 1024, "besar")]);
    const body = Readable.toWeb(Readable.from(pieces(big, 1 << 20))) as ReadableStream<Uint8Array>;
    const refused = await storage.receivePdf(body, null, { kind: "regulation_document", label: "Perwal" }).catch((e) => e);
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused.status).toBe(413);
    expect(refused.message).toContain("lebih dari 10 MB");
    const recordsAfter = (await owner`select count(*)::int as n from stored_files`)[0]!.n;
    expect(recordsAfter).toBe(recordsBefore);
    expect(await objectKeys()).toEqual(before);
    // (The driver then aborts the multipart upload, leavePartsOnError: false. s3rver implements
    // neither the abort nor the listing of open uploads, so that part is not observable here;
    // docs/deploy.md asks for the bucket rule that expires incomplete multipart uploads.)

    const notPdf = Readable.toWeb(Readable.from(pieces(content(50_000, "bukan")))) as ReadableStream<Uint8Array>;
    const wrongType = await storage.receivePdf(notPdf, null, { kind: "regulation_document", label: "Perwal" }).catch((e) => e);
    expect(wrongType.status).toBe(415);
    expect(await objectKeys()).toEqual(before);
  });

  it("removes the object with the record, and a second removal is no error", async () => {
    const stored = await storage.fileStore().put({ kind: "payment_proof", contentType: "application/pdf", createdBy: null }, pieces(content(70_000)));
    expect(await objectKeys()).toContain(`files/${stored.id}`);
    await storage.removeStoredFile(stored.id);
    expect(await objectKeys()).not.toContain(`files/${stored.id}`);
    expect(await record(stored.id)).toBeUndefined();
    expect(await storage.fileStore().stat(stored.id)).toBeNull();
    await expect(storage.removeStoredFile(stored.id)).resolves.toBeUndefined();
  });

  it("retention removes uploads that broke off a day ago on both drivers, their objects included, and a second run finds nothing", async () => {
    // A process that died mid-upload: a record never completed, an object (or chunks) already there.
    const [s3] = await owner`insert into stored_files (kind, content_type, storage, created_at) values ('import_list', 'text/csv', 's3', now() - interval '2 days') returning id`;
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `files/${s3!.id}`, Body: content(1000) }));
    const [pg] = await owner`insert into stored_files (kind, content_type, storage, created_at) values ('import_list', 'text/csv', 'postgres', now() - interval '2 days') returning id`;
    await owner`insert into stored_file_chunks (file_id, n, data) values (${pg!.id}, 0, ${content(1000)})`;
    // Still being uploaded (minutes old): kept.
    const [fresh] = await owner`insert into stored_files (kind, content_type, storage) values ('import_list', 'text/csv', 's3') returning id`;

    expect(await files.purgeIncompleteFiles()).toBe(2);
    expect(await objectKeys()).not.toContain(`files/${s3!.id}`);
    expect(await record(s3!.id)).toBeUndefined();
    expect(await record(pg!.id)).toBeUndefined();
    expect((await owner`select count(*)::int as n from stored_file_chunks where file_id = ${pg!.id}`)[0]!.n).toBe(0);
    expect(await record(fresh!.id)).toMatchObject({ complete: false });
    expect(await files.purgeIncompleteFiles()).toBe(0);
    await files.removeFile(fresh!.id);
  });

  it("keeps files written before the switch readable: each file is read from the driver it was written with", async () => {
    const bytes = content(600_000, "lama");
    const old = await files.putFile({ kind: "regulation_document", contentType: "application/pdf", createdBy: null }, pieces(bytes), "postgres");
    expect(await record(old.id)).toMatchObject({ storage: "postgres", complete: true });
    expect(await objectKeys()).not.toContain(`files/${old.id}`);
    expect((await collect(storage.fileStore().read(old.id, { start: 262_000, end: 263_000 }))).equals(bytes.subarray(262_000, 263_001))).toBe(true);
    await storage.removeStoredFile(old.id);
    expect((await owner`select count(*)::int as n from stored_file_chunks where file_id = ${old.id}`)[0]!.n).toBe(0);
  });
});
