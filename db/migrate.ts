// `npm run db:migrate`: applies the committed drizzle-kit migrations in db/migrations.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { prepareQueues } from "../lib/jobs/queue";
import { connect } from "./connection";

/**
 * Applies the migrations as the schema owner, then (when the app has a role of its own, e.g.
 * `portal_app`) grants it what the app needs: read and write data, never rewrite the record of
 * processing (audit_log, worker_events: insert and select only) and never change the schema.
 */
export async function migrateDatabase(url: string, appRole = process.env.DATABASE_APP_ROLE) {
  const { db, sql } = connect(url, 1);
  try {
    await migrate(db, { migrationsFolder: path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations") });
    if (appRole) {
      if (!/^[a-z_][a-z0-9_]*$/.test(appRole)) throw new Error(`Nama role tidak valid: ${appRole}`);
      await sql.unsafe(`grant usage on schema public to ${appRole};
        grant select, insert, update, delete on all tables in schema public to ${appRole};
        grant usage, select on all sequences in schema public to ${appRole};
        revoke update, delete, truncate on audit_log, worker_events, export_items from ${appRole};
        revoke all on drizzle.__drizzle_migrations from ${appRole}`);
    }
    // The job queue's schema (pg-boss) and queues, owned by the schema owner too.
    const grants = await prepareQueues(url, appRole);
    if (grants) await sql.unsafe(grants);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "MIGRATION_DATABASE_URL (atau DATABASE_URL) belum diisi. Contoh: MIGRATION_DATABASE_URL=postgres://pemilik:sandi@host:5432/portal npm run db:migrate",
    );
    process.exit(1);
  }
  migrateDatabase(url).then(
    () => console.log("Migrasi selesai."),
    (e) => {
      console.error("Migrasi gagal:", e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
