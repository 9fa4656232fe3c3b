// `npm test`: known advisories, typecheck, lint, unit, integration (real PostgreSQL), e2e (production build in
// Debian's Chromium) and scale (the portal as a deployment of several processes: primary + standby,
// PgBouncer, two web replicas behind nginx, two workers; scripts/scale/topology.mjs). Prints each
// phase's duration and a closing "N passed, N failed" line.
// `node scripts/test.mjs unit e2e` runs only the named phases.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startEmbeddedPostgres } from "./embedded-db.mjs";
import { missingTools, SCALE_IDENTITY, startTopology } from "./scale/topology.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const ALL = ["deps", "typecheck", "lint", "unit", "integration", "e2e", "scale"];
const dashdash = process.argv.indexOf("--");
const passthrough = dashdash >= 0 ? process.argv.slice(dashdash + 1) : []; // extra args for Playwright
const wanted = process.argv.slice(2, dashdash >= 0 ? dashdash : undefined).filter((a) => ALL.includes(a));
const phases = wanted.length ? wanted : ALL;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const resultsDir = path.join(root, "test-results");
fs.mkdirSync(resultsDir, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
delete env.DATABASE_URL; // tests never touch the database `npm start` uses

function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
    p.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function vitestCounts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTests === 0 ? 1 : 0) };
  } catch {
    return null;
  }
}

function playwrightCounts(file) {
  try {
    const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
    return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
  } catch {
    return null;
  }
}

async function withDatabase(name, fn) {
  // The suite's throwaway PostgreSQL: TEST_DATABASE_URL's server if given, else our own.
  if (process.env.TEST_DATABASE_URL) return fn({ url: process.env.TEST_DATABASE_URL, appUrl: process.env.TEST_DATABASE_URL });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${name}-`));
  fs.chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: `portal_${name}` });
  try {
    return await fn(db);
  } finally {
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function e2e() {
  if (!fs.existsSync(chromium)) {
    console.error(`Chromium tidak ditemukan di ${chromium}. Pasang dengan: apt-get update && apt-get install -y chromium (atau set CHROMIUM_PATH).`);
    return { code: 1, counts: { passed: 0, failed: 1 } };
  }
  return withDatabase("e2e", async ({ url, appUrl }) => {
    // The app clock is pinned so specs can assert exact dates (security timing stays real).
    // The app connects as portal_app; migrations and seed run as the owner.
    const appEnv = {
      DATABASE_URL: appUrl,
      MIGRATION_DATABASE_URL: url,
      DATABASE_APP_ROLE: appUrl === url ? "" : "portal_app",
      PORTAL_MODE: "test",
      PORTAL_CLOCK: "2026-11-24T03:00:00Z",
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
    };
    const prep = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "db/prepare.ts", "--demo"], appEnv);
    if (prep !== 0) return { code: prep, counts: { passed: 0, failed: 1 } };
    // Built as the scale phase's deployment, so its replica A serves this same build.
    const build = await run(process.execPath, ["-e", "import('./scripts/build-if-needed.mjs').then(m => m.buildIfNeeded(process.cwd(), console.log))"], SCALE_IDENTITY);
    if (build !== 0) return { code: build, counts: { passed: 0, failed: 1 } };
    const port = await freePort();
    // The server's output goes to a file that is checked for NIKs (16 digits) after the run.
    const serverLog = path.join(resultsDir, "e2e-server.log");
    const logFd = fs.openSync(serverLog, "w");
    const server = spawn(process.execPath, ["scripts/server.mjs"], {
      cwd: root,
      env: { ...env, ...appEnv, ...SCALE_IDENTITY, MIGRATION_DATABASE_URL: "", PORT: String(port), HOSTNAME_BIND: "127.0.0.1" },
      stdio: ["ignore", logFd, logFd],
    });
    // The import worker runs beside the server, as under `npm start`; its log is checked too.
    const worker = spawn(process.execPath, ["--max-old-space-size=1024", "--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
      cwd: root,
      env: { ...env, ...appEnv, MIGRATION_DATABASE_URL: "", WORKER_SWEEP_MS: "1000" },
      // An IPC channel: the worker exits with this runner, even a killed one.
      stdio: ["ignore", logFd, logFd, "ipc"],
    });
    fs.closeSync(logFd);
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 90_000;
      for (;;) {
        try {
          if ((await fetch(`${base}/login`)).ok) break;
        } catch {}
        if (Date.now() > deadline || server.exitCode !== null) throw new Error("Server e2e tidak siap");
        await new Promise((r) => setTimeout(r, 300));
      }
      const file = path.join(resultsDir, "e2e.json");
      fs.rmSync(file, { force: true });
      const code = await run(bin("playwright"), ["test", ...passthrough], {
        ...appEnv,
        E2E_BASE_URL: base,
        CHROMIUM_PATH: chromium,
        E2E_SERVER_LOG: serverLog,
      });
      const counts = playwrightCounts(file) ?? { passed: 0, failed: 1 };
      const leaked = fs.readFileSync(serverLog, "utf8").match(/(?<!\d)\d{16}(?!\d)/g);
      if (leaked) {
        console.error(`Log server memuat ${leaked.length} angka 16 digit (NIK?): lihat ${path.relative(root, serverLog)}`);
        return { code: 1, counts: { ...counts, failed: counts.failed + 1 } };
      }
      console.log("Log server bebas NIK (tidak ada angka 16 digit).");
      return { code, counts: { ...counts, passed: counts.passed + 1 } };
    } finally {
      for (const child of [server, worker]) {
        await new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", resolve);
          child.kill("SIGTERM");
        });
      }
    }
  });
}

/** Personal data never reaches a log: no 16-digit number (a NIK) in any of `files`. */
function logsFreeOfNik(files) {
  let leaks = 0;
  for (const f of files) {
    const found = fs.readFileSync(f, "utf8").match(/(?<!\d)\d{16}(?!\d)/g);
    if (found) {
      console.error(`Log ${path.relative(root, f)} memuat ${found.length} angka 16 digit (NIK?)`);
      leaks += found.length;
    }
  }
  return leaks === 0;
}

let replicaBBuild = null;

/** scripts/scale/build-replica.mjs as a child whose output goes to a file; resolves to its exit code. */
function buildReplicaBInBackground() {
  const logFile = path.join(resultsDir, "scale-replica-b-build.log");
  const fd = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, ["scripts/scale/build-replica.mjs"], { cwd: root, env, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), logFile })));
}

async function scale() {
  const missing = [...(fs.existsSync(chromium) ? [] : [`Chromium tidak ditemukan di ${chromium}: apt-get install -y chromium (atau set CHROMIUM_PATH).`]), ...missingTools()];
  if (missing.length) {
    console.error(missing.join("\n"));
    return { code: 1, counts: { passed: 0, failed: 1 } };
  }
  if (replicaBBuild) {
    const b = await replicaBBuild;
    if (b.code !== 0) {
      console.error(`Build replika B gagal: lihat ${path.relative(root, b.logFile)}`);
      return { code: 1, counts: { passed: 0, failed: 1 } };
    }
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-scale-"));
  const logs = path.join(resultsDir, "scale-logs");
  fs.rmSync(logs, { recursive: true, force: true });
  const topo = await startTopology({ root, work, baseEnv: env, log: (m) => console.log(`[skala] ${m}`) });
  let result;
  try {
    const file = path.join(resultsDir, "scale-topology.json");
    fs.writeFileSync(file, JSON.stringify(topo));
    const report = path.join(resultsDir, "scale.json");
    fs.rmSync(report, { force: true });
    const code = await run(bin("playwright"), ["test", "-c", "playwright.scale.config.ts", ...passthrough], { SCALE_TOPOLOGY: file, CHROMIUM_PATH: chromium });
    result = { code, counts: playwrightCounts(report) ?? { passed: 0, failed: 1 } };
  } finally {
    await topo.stop();
    // The processes' logs stay with the results (the data folder goes).
    fs.mkdirSync(logs, { recursive: true });
    for (const f of fs.readdirSync(work, { recursive: true }).map(String)) {
      if (/\.(log|out)$/.test(f)) fs.copyFileSync(path.join(work, f), path.join(logs, f.replace(/[\\/]/g, "-")));
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
  const clean = logsFreeOfNik(fs.readdirSync(logs).map((f) => path.join(logs, f)));
  if (clean) console.log("Log replika dan pekerja bebas NIK (tidak ada angka 16 digit).");
  return clean ? { ...result, counts: { ...result.counts, passed: result.counts.passed + 1 } } : { code: 1, counts: { ...result.counts, failed: result.counts.failed + 1 } };
}

async function vitestPhase(project) {
  const file = path.join(resultsDir, `${project}.json`);
  fs.rmSync(file, { force: true });
  const code = await run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  return { code, counts: vitestCounts(file) ?? { passed: 0, failed: 1 } };
}

const PHASES = {
  // Known advisories: npm audit when the registry answers it, else minimum versions (a check each).
  deps: async () => ({ code: await run(process.execPath, [path.join(root, "scripts", "check-deps.mjs")]) }),
  typecheck: async () => ({ code: await run(bin("tsc"), ["--noEmit"]) }),
  lint: async () => ({ code: await run(bin("eslint"), ["--max-warnings=0", "."]) }),
  unit: () => vitestPhase("unit"),
  integration: () => {
    // Replica B of the scale phase builds meanwhile (integration waits on the database, not the CPU).
    if (phases.includes("scale")) replicaBBuild ??= buildReplicaBInBackground();
    return vitestPhase("integration");
  },
  e2e,
  scale,
};

const GUARDED = ["integration", "e2e", "scale"];

function checkGuard(report, result) {
  const counts = { ...(result.counts ?? { passed: 0, failed: 0 }) };
  const text = fs.existsSync(report) ? fs.readFileSync(report, "utf8") : "";
  if (!text) {
    console.log("Tidak ada kueri yang mengambil koneksi kedua di dalam transaksi.");
    return { ...result, counts: { ...counts, passed: counts.passed + 1 } };
  }
  const found = text.split("\n\n").filter(Boolean);
  console.error(`${found.length} kueri mengambil koneksi kedua di dalam transaksi (lihat ${path.relative(root, report)}); yang pertama:\n${found[0]}`);
  return { code: 1, counts: { ...counts, failed: counts.failed + 1 } };
}

const summary = [];
for (const name of phases) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  let result;
  // Every process of the phase records a query that takes a second connection inside a
  // transaction (db/connection.ts, guardSecondConnection); the report must stay empty.
  const guard = GUARDED.includes(name) ? path.join(resultsDir, `tx-guard-${name}.log`) : null;
  if (guard) fs.rmSync(guard, { force: true });
  env.PORTAL_TX_GUARD = guard ?? "";
  try {
    result = await PHASES[name]();
  } catch (e) {
    console.error(`${name}: ${e instanceof Error ? e.message : e}`);
    result = { code: 1 };
  }
  if (guard) result = checkGuard(guard, result);
  // Phases without test counts (typecheck, lint) count as one check each.
  const counts = result.counts ?? (result.code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  if (result.code !== 0 && counts.failed === 0) counts.failed = 1;
  summary.push({ name, seconds: (Date.now() - started) / 1000, ok: result.code === 0, ...counts });
}

console.log("\n=== ringkasan ===");
for (const s of summary) {
  console.log(`${s.ok ? "ok  " : "GAGAL"} ${s.name.padEnd(12)} ${s.seconds.toFixed(1).padStart(6)} s  ${s.passed} passed, ${s.failed} failed`);
}
const passed = summary.reduce((a, s) => a + s.passed, 0);
const failed = summary.reduce((a, s) => a + s.failed, 0);
const skipped = summary.reduce((a, s) => a + (s.skipped ?? 0), 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(summary.every((s) => s.ok) ? 0 : 1);
