import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.PORTAL_MODE = "test";
// The concurrency test releases 50 submissions at once on their own connections.
process.env.DATABASE_POOL_SIZE = "60";

afterAll(async () => {
  await closeDb();
});
