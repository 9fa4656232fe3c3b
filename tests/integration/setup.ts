import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
// Uploaded files of this run (PDFs, worker lists) go to a throwaway directory, removed afterwards.
const ownUploads = process.env.PORTAL_UPLOAD_DIR ? null : fs.mkdtempSync(path.join(os.tmpdir(), "portal-uploads-"));
if (ownUploads) process.env.PORTAL_UPLOAD_DIR = ownUploads;
process.env.PORTAL_MODE = "test";
// The app clock is pinned so dates in assertions are exact.
process.env.PORTAL_CLOCK = "2026-11-24T03:00:00Z";
// The concurrency test releases 50 submissions at once on their own connections.
process.env.DATABASE_POOL_SIZE = "60";

afterAll(async () => {
  await closeDb();
  if (ownUploads) fs.rmSync(ownUploads, { recursive: true, force: true });
});
