// Integration tests run against a real PostgreSQL: TEST_DATABASE_URL when given (a throwaway
// database: it is migrated and seeded), otherwise a server the suite starts and removes, by
// the same mechanism as `npm start` (scripts/embedded-db.mjs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { freePort, startEmbeddedPostgres } from "../../scripts/embedded-db.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** What the app connects as (portal_app: owns nothing). */
    databaseUrl: string;
    /** The schema owner, for tests that must reach past the app's rights. */
    ownerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  let appUrl = url;
  let appRole: string | undefined;
  let stop: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!url) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-it-"));
    fs.chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: "portal_it" });
    url = server.url;
    appUrl = server.appUrl;
    appRole = "portal_app";
    stop = server.stop;
  }
  // The seed reads the app's clock, which reads these.
  process.env.DATABASE_URL = url!;
  process.env.PORTAL_MODE = "test";
  process.env.AUTH_SECRET ??= "integration-secret-not-for-production-0123";
  process.env.PORTAL_CLOCK = "2026-11-24T03:00:00Z";
  const teardown = async () => {
    // stop() never hangs (it escalates to SIGKILL), so it needs no timer of its own here.
    if (stop) await stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrateDatabase(url!, appRole);
    await seedDatabase(url!, { demo: true });
  } catch (e) {
    await teardown();
    throw e;
  }
  project.provide("databaseUrl", appUrl!);
  project.provide("ownerUrl", url!);
  return teardown;
}
