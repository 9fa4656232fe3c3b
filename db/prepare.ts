// Used by the launcher (`npm start`) on the embedded database: migrate, then seed.
import { migrateDatabase } from "./migrate";
import { seedDatabase } from "./seed";

const url = process.env.DATABASE_URL!;
const demo = process.argv.includes("--demo");
migrateDatabase(url)
  .then(() => seedDatabase(url, { demo, log: (m) => console.log(`[db] ${m}`) }))
  .catch((e) => {
    console.error("[db] Persiapan database gagal:", e instanceof Error ? e.message : e);
    process.exit(1);
  });
