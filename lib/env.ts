import { z } from "zod";

const schema = z
  .object({
    DATABASE_URL: z.string().min(1, "DATABASE_URL belum diisi"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    // A streaming replica for dashboards, reports and the map (db/client.ts readDb); unset: the primary.
    DATABASE_READ_URL: z.string().min(1).optional(),
    // A replica lagging more than this (the primary's heartbeat as replayed there) is not read.
    DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(10),
    // Worker exports streaming at once across every instance: each holds a connection for its
    // whole download (lib/data/workers.ts); keep it well below DATABASE_POOL_SIZE and PgBouncer's pool.
    EXPORT_STREAMS: z.coerce.number().int().min(1).max(100).default(4),
    // demo: started by `npm start` on the embedded database; test: the test suite;
    // production: everything else. Clock overrides and demo accounts need demo/test.
    PORTAL_MODE: z.enum(["production", "demo", "test"]).default("production"),
    PORTAL_CLOCK: z.string().optional(),
    TRUSTED_PROXY: z.enum(["0", "1"]).default("0"),
    // Days an import's staging rows (NIKs, names) are kept after the batch ended (UU PDP).
    // Sessions (ASVS V7): an absolute lifetime from login that nothing extends, and an idle timeout.
    SESSION_ABSOLUTE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(8 * 60),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    // NIK searches a user may make per hour (each is audited, hit or miss).
    NIK_SEARCH_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
    // The data-protection officer (UU PDP Ps 53) shown in the footer.
    DPO_CONTACT: z.string().default("Pejabat Pelindungan Data Pribadi: ppdp@portal.test"),
    // Years after an enrollment ended before it is anonymised, and years bills and payments (and so
    // the person they name) are kept (UU PDP retention; lib/data/jobs/retention.ts).
    WORKER_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(5),
    FINANCE_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(10),
    IMPORT_ROWS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    // Where uploaded files' content goes (lib/storage.ts): PostgreSQL (default) or S3-compatible
    // object storage. A file keeps the driver it was written with.
    FILE_STORAGE: z.enum(["postgres", "s3"]).default("postgres"),
    S3_BUCKET: z.string().min(1).optional(),
    // Unset: AWS itself. Set for any S3-compatible service (MinIO, Ceph, a cloud's object storage).
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    // Unset: the SDK's own chain (instance role, AWS_* variables).
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    // Buckets addressed as endpoint/bucket rather than bucket.endpoint (most non-AWS services).
    S3_FORCE_PATH_STYLE: z.enum(["0", "1"]).default("0"),
  })
  .refine((e) => e.FILE_STORAGE !== "s3" || e.S3_BUCKET, {
    message: "FILE_STORAGE=s3 memerlukan S3_BUCKET",
    path: ["S3_BUCKET"],
  })
  .refine((e) => !e.PORTAL_CLOCK || e.PORTAL_MODE !== "production", {
    message: "PORTAL_CLOCK hanya boleh dipakai dalam mode demo atau test",
    path: ["PORTAL_CLOCK"],
  });

export type Env = z.infer<typeof schema>;
let cached: Env | undefined;

/** Validates a set of settings; throws one Indonesian sentence naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Konfigurasi tidak valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Validated environment, read once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
