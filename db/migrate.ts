// `npm run db:migrate`: applies the committed drizzle-kit migrations in db/migrations.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { connect } from "./connection";

export async function migrateDatabase(url: string) {
  const { db, sql } = connect(url, 1);
  try {
    await migrate(db, { migrationsFolder: path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations") });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL belum diisi. Contoh: DATABASE_URL=postgres://user:pass@host:5432/portal npm run db:migrate");
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
