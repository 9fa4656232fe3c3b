import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const base = { DATABASE_URL: "postgres://u:p@localhost:5432/portal" };

describe("settings", () => {
  it("keep files in PostgreSQL unless told otherwise", () => {
    expect(parseEnv(base)).toMatchObject({ FILE_STORAGE: "postgres", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "0" });
  });

  it("need a bucket for object storage, and say so in Indonesian", () => {
    expect(() => parseEnv({ ...base, FILE_STORAGE: "s3" })).toThrow("S3_BUCKET: FILE_STORAGE=s3 memerlukan S3_BUCKET");
    expect(parseEnv({ ...base, FILE_STORAGE: "s3", S3_BUCKET: "berkas", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "1" })).toMatchObject({
      FILE_STORAGE: "s3",
      S3_BUCKET: "berkas",
      S3_ENDPOINT: "http://minio:9000",
    });
  });

  it("refuse an unknown driver or an endpoint that is not a URL", () => {
    expect(() => parseEnv({ ...base, FILE_STORAGE: "disk" })).toThrow("FILE_STORAGE");
    expect(() => parseEnv({ ...base, FILE_STORAGE: "s3", S3_BUCKET: "b", S3_ENDPOINT: "minio" })).toThrow("S3_ENDPOINT");
  });

  it("bound streaming exports by 4 unless told otherwise, and refuse none at all", () => {
    expect(parseEnv(base).EXPORT_STREAMS).toBe(4);
    expect(parseEnv({ ...base, EXPORT_STREAMS: "8" }).EXPORT_STREAMS).toBe(8);
    expect(() => parseEnv({ ...base, EXPORT_STREAMS: "0" })).toThrow("EXPORT_STREAMS");
  });

  it("keep the portal clock out of production", () => {
    expect(() => parseEnv({ ...base, PORTAL_CLOCK: "2026-11-24T03:00:00Z" })).toThrow("PORTAL_CLOCK hanya boleh dipakai dalam mode demo atau test");
  });
});
