// `npm run db:seed` loads reference data (idempotent); `npm run db:seed -- --demo` adds demo accounts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connect, type Sql } from "../connection";
import { seedDemo, seedDemoRegulations, seedDemoWorkers } from "./demo";
import { seedDemoBilling, seedDemoReconciliation } from "./demo-billing";
import { seedDemoClaims } from "./demo-claims";
import { closeDb } from "@/db/client";
import { seedAreas, seedOffices, seedPolicies } from "./reference";

/**
 * Demo and test runs: PORTAL_CLOCK pins the database clock (the portal_clock row that the app,
 * the worker and the triggers read), and without it the clock is released. Production never has
 * a row (the worker refuses to start on one).
 */
async function seedClock(sql: Sql) {
  const mode = process.env.PORTAL_MODE ?? "production";
  if (mode === "production") return;
  const pinned = process.env.PORTAL_CLOCK;
  if (pinned && Number.isNaN(new Date(pinned).getTime())) throw new Error(`PORTAL_CLOCK bukan waktu yang valid: ${pinned}`);
  if (pinned)
    await sql`insert into portal_clock (id, pinned_at) values (1, ${new Date(pinned).toISOString()}::timestamptz) on conflict (id) do update set pinned_at = excluded.pinned_at, set_at = now()`;
  else await sql`delete from portal_clock`;
}

export async function seedDatabase(url: string, { demo = false, log = (() => {}) as (message: string) => void } = {}) {
  const { sql, db } = connect(url, 2);
  try {
    const started = Date.now();
    const areas = await seedAreas(sql);
    log(
      areas.skipped
        ? `Data wilayah idn-area-data ${areas.version} sudah dimuat.`
        : `Data wilayah idn-area-data ${areas.version} dimuat (${Date.now() - started} ms).`,
    );
    const offices = await seedOffices(sql);
    if (!offices.skipped) log("Kantor BPJS Ketenagakerjaan Banten dan cakupan cabangnya dimuat.");
    await seedPolicies(sql);
    await seedClock(sql);
    if (demo) {
      const [{ today }] = (await sql`select portal_today()::text as today`) as unknown as [{ today: string }];
      await seedDemo(sql);
      await seedDemoRegulations(sql, today);
      await seedDemoWorkers(sql, today);
      await seedDemoBilling(db, today);
      await seedDemoReconciliation(sql, today);
      // Through the portal's own claim code, on the app's connection pool.
      await seedDemoClaims(today);
      log("Akun demo tersedia (kata sandi: rentan-demo-2026).");
    }
  } finally {
    await closeDb();
    await sql.end({ timeout: 5 });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL belum diisi.");
    process.exit(1);
  }
  seedDatabase(url, { demo: process.argv.includes("--demo"), log: console.log }).catch((e) => {
    console.error("Seed gagal:", e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
