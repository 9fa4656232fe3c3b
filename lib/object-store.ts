import "server-only";
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { env } from "@/lib/env";

// The S3-compatible driver of the file door (lib/storage.ts, lib/data/files.ts): a file's content
// as one object, `files/<id>`, streamed in parts of 8 MiB (multipart, so memory stays bounded
// whatever the size) and read whole or by byte range. The file's record (type, size, complete,
// retention) stays in PostgreSQL's stored_files on both drivers.

export interface ObjectStore {
  /** Streams `source` into the object; returns its size. Nothing is left behind when the source fails. */
  write(key: string, source: AsyncIterable<Buffer | Uint8Array>): Promise<number>;
  /** The object, or bytes start … end (inclusive) of it. */
  read(key: string, range?: { start: number; end: number }): Readable;
  /** Removes the object; removing one that is not there is no error (S3 semantics). */
  remove(key: string): Promise<void>;
}

export type S3Config = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

export const PART_BYTES = 8 * 1024 * 1024;

export function s3ObjectStore(cfg: S3Config): ObjectStore {
  const client = new S3Client({
    region: cfg.region,
    endpoint: cfg.endpoint,
    forcePathStyle: cfg.forcePathStyle,
    credentials: cfg.accessKeyId && cfg.secretAccessKey ? { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } : undefined,
    // Checksums only where S3 requires them: S3-compatible services differ in what they accept.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return {
    async write(key, source) {
      let size = 0;
      let failure: unknown = null;
      async function* counted() {
        try {
          for await (const part of source) {
            const buf = Buffer.isBuffer(part) ? part : Buffer.from(part);
            size += buf.length;
            yield buf;
          }
        } catch (e) {
          failure = e; // the caller's own error (too large, wrong type), not the SDK's wrapping of it
          throw e;
        }
      }
      const upload = new Upload({
        client,
        params: { Bucket: cfg.bucket, Key: key, Body: Readable.from(counted()), ContentType: "application/octet-stream" },
        partSize: PART_BYTES,
        queueSize: 2,
        leavePartsOnError: false, // a failed multipart upload is aborted
      });
      try {
        await upload.done();
      } catch (e) {
        throw failure ?? e;
      }
      return size;
    },
    read(key, range) {
      async function* body() {
        const got = await client.send(
          new GetObjectCommand({ Bucket: cfg.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        for await (const chunk of got.Body as Readable) yield chunk as Buffer;
      }
      return Readable.from(body());
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: key }));
    },
  };
}

let configured: ObjectStore | undefined;

/** The deployment's object store (FILE_STORAGE=s3 and its S3_* settings), made once per process. */
export function objectStore(): ObjectStore {
  if (!configured) {
    const e = env();
    if (!e.S3_BUCKET) throw new Error("Berkas ini tersimpan di object storage, tetapi S3_BUCKET belum diatur.");
    configured = s3ObjectStore({
      bucket: e.S3_BUCKET,
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE === "1",
    });
  }
  return configured;
}

/** The object key of a stored file's content. */
export const objectKey = (fileId: string) => `files/${fileId}`;
