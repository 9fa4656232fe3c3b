import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.PORTAL_MODE = "test";

afterAll(async () => {
  await closeDb();
});
