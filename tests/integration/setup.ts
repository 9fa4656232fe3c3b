import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.PORTAL_MODE = "test";
process.env.AUTH_SECRET ??= "integration-secret-not-for-production-0123";
// The app clock is pinned so dates in assertions are exact.
process.env.PORTAL_CLOCK = "2026-11-24T03:00:00Z";
// The concurrency test releases 50 submissions at once on their own connections.
process.env.DATABASE_POOL_SIZE = "60";

afterAll(async () => {
  await closeDb();
});
