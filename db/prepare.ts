// Used by the launcher (`npm start`) on the embedded database: migrate, then seed.
import { migrateDatabase } from "./migrate";
import { seedDatabase } from "./seed";

// Migrations and seed run as the schema owner when a separate migration URL is given.
const url = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!;
const demo = process.argv.includes("--demo");
migrateDatabase(url)
  .then(() => seedDatabase(url, { demo, log: (m) => console.log(`[db] ${m}`) }))
  .catch((e) => {
    console.error(
      "[db] Persiapan database gagal:",
      e instanceof Error ? e.message : e,
      e instanceof Error && e.cause instanceof Error ? `(sebab: ${e.cause.message})` : "",
    );
    process.exit(1);
  });
