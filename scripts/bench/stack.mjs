// A throwaway portal for benchmarks: its own PostgreSQL (migrated, seeded with demo data), the
// production build, and the server. Nothing here touches .data/ or the developer's database.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { buildIfNeeded } from "../build-if-needed.mjs";
import { freePort, startEmbeddedPostgres } from "../embedded-db.mjs";

const root = path.resolve(import.meta.dirname, "../..");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEMO_PASSWORD = "rentan-demo-2026";

export async function startStack(name, { worker: withWorker = false, workerEnv = {}, readPool = false } = {}) {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium tidak ditemukan di ${CHROMIUM}. Pasang dengan: apt-get update && apt-get install -y chromium (atau set CHROMIUM_PATH).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-bench-${name}-`));
  fs.chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: `portal_${name}` });
  const appEnv = {
    DATABASE_URL: db.appUrl,
    MIGRATION_DATABASE_URL: db.url,
    DATABASE_APP_ROLE: "portal_app",
    PORTAL_MODE: "test",
    AUTH_SECRET: "bench-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    // The read pool as a second pool on the same server, standing in for a streaming replica.
    ...(readPool ? { DATABASE_READ_URL: db.appUrl } : {}),
  };
  const prep = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "db/prepare.ts", "--demo"], {
    cwd: root,
    env: { ...process.env, ...appEnv },
    stdio: "inherit",
  });
  if (prep.status !== 0) throw new Error("Persiapan database gagal");
  buildIfNeeded(root, console.log);
  const port = await freePort();
  const server = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: root,
    env: { ...process.env, ...appEnv, MIGRATION_DATABASE_URL: "", PORT: String(port), HOSTNAME_BIND: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 90_000; ;) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {}
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("Server benchmark tidak siap");
    await new Promise((r) => setTimeout(r, 300));
  }
  const sql = postgres(db.url, { max: 2, onnotice: () => {} });
  // The import worker, as `npm start` runs it.
  const worker = withWorker
    ? spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
        cwd: root,
        env: { ...process.env, ...appEnv, MIGRATION_DATABASE_URL: "", ...workerEnv },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      })
    : null;
  return {
    base,
    sql,
    server,
    worker,
    async stop() {
      await sql.end({ timeout: 5 });
      for (const child of [server, worker].filter(Boolean)) {
        await new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", resolve);
          child.kill("SIGTERM");
        });
      }
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Logs a demo account in with a real browser and returns its session cookie header. */
export async function sessionCookie(base, email) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    // Roles with a second factor: the login page's demo aid (test/demo mode only) shows the code.
    const code = page.getByLabel("Kode autentikator");
    await code.or(page.getByTestId("viewer-badge")).first().waitFor();
    if (await code.isVisible()) {
      await code.fill((await page.getByTestId("demo-code").locator("strong").textContent()) ?? "");
      await page.getByRole("button", { name: "Lanjut" }).click();
    }
    await page.waitForURL(/\/dashboard/);
    return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

export const median = (xs) => quantile(xs, 0.5);
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}
