// `npm run db:seed` loads reference data (idempotent); `npm run db:seed -- --demo` adds demo accounts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { now as clockNow } from "@/lib/clock";
import { wibDay } from "@/lib/domain/wib";
import { connect } from "../connection";
import { seedDemo, seedDemoRegulations, seedDemoWorkers } from "./demo";
import { seedAreas, seedOffices, seedPolicies } from "./reference";

export async function seedDatabase(url: string, { demo = false, log = (() => {}) as (message: string) => void } = {}) {
  const { sql } = connect(url, 2);
  try {
    const started = Date.now();
    const areas = await seedAreas(sql);
    log(areas.skipped ? `Data wilayah idn-area-data ${areas.version} sudah dimuat.` : `Data wilayah idn-area-data ${areas.version} dimuat (${Date.now() - started} ms).`);
    const offices = await seedOffices(sql);
    if (!offices.skipped) log("Kantor BPJS Ketenagakerjaan Banten dan cakupan cabangnya dimuat.");
    await seedPolicies(sql);
    if (demo) {
      await seedDemo(sql);
      await seedDemoRegulations(sql, wibDay(clockNow()));
      await seedDemoWorkers(sql, wibDay(clockNow()));
      log("Akun demo tersedia (kata sandi: rentan-demo-2026).");
    }
  } finally {
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
