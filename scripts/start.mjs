// `npm start`: with DATABASE_URL unset, starts the project's own PostgreSQL (data in .data/,
// git-ignored), migrates, seeds reference and demo data, builds if needed, then runs the portal.
// With DATABASE_URL set, it only builds if needed and runs the portal (deploys migrate with
// `npm run db:migrate` as their own step). With PORTAL_DEPLOYMENT_ID set (deploy mode) it never
// builds: it serves the build `npm run build:deploy` made for that deployment, or refuses to start. Ctrl-C / SIGTERM stop the portal, then the database.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { checkDeployBuild } from "./deploy-identity.mjs";
import { startEmbeddedPostgres } from "./embedded-db.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const log = (m) => console.log(`[portal] ${m}`);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

let database;
let web;
let worker;
let stopping = false;

/** The background worker (import jobs) is its own process; restarted if it dies. */
function workerCommand() {
  // A bounded heap: a hostile spreadsheet that balloons it ends the process (the batch then ends
  // gagal after its attempts, lib/data/jobs/imports.ts), never the machine.
  return [process.execPath, ["--max-old-space-size=1024", "--conditions=react-server", "--import", "tsx", path.join(root, "worker", "main.ts")]];
}
function startWorker(workerEnv) {
  const [cmd, args] = workerCommand();
  worker = spawn(cmd, args, { cwd: root, env: workerEnv, stdio: ["inherit", "inherit", "inherit", "ipc"] });
  worker.on("exit", (code) => {
    if (stopping) return;
    log(`Pekerja latar berhenti (kode ${code}); dimulai ulang dalam 2 detik.`);
    setTimeout(() => !stopping && startWorker(workerEnv), 2000);
  });
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("Menghentikan portal...");
  for (const child of [web, worker]) {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await Promise.race([new Promise((r) => child.once("exit", r)), new Promise((r) => setTimeout(r, 10000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }
  if (database) {
    log("Menghentikan PostgreSQL...");
    await Promise.race([database.stop(), new Promise((r) => setTimeout(r, 20000))]);
  }
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

/** Demo-mode secrets are generated once and kept beside the embedded database. */
function demoSecrets(dataDir) {
  const file = path.join(dataDir, "secrets.json");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ AUTH_SECRET: crypto.randomBytes(32).toString("base64url") }), { mode: 0o600 });
  }
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

try {
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(env.PORTAL_DATA_DIR ?? path.join(root, ".data"));
    database = await startEmbeddedPostgres({ dataDir, port: Number(env.PORTAL_DB_PORT ?? 54329), log });
    // The app connects as portal_app (owns nothing); migrations and seed run as the owner.
    env.DATABASE_URL = database.appUrl;
    env.MIGRATION_DATABASE_URL = database.url;
    env.DATABASE_APP_ROLE = "portal_app";
    env.PORTAL_MODE ??= "demo";
    env.AUTH_SECRET ??= demoSecrets(dataDir).AUTH_SECRET;
    log(`PostgreSQL berjalan (data di ${path.relative(root, dataDir) || dataDir}).`);
    const prep = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "db", "prepare.ts"), "--demo"], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    if (prep.status !== 0) throw new Error("Persiapan database gagal");
  } else if (!env.AUTH_SECRET) {
    throw new Error("AUTH_SECRET belum diisi. Buat dengan: node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"");
  }
  if (env.PORTAL_DEPLOYMENT_ID && !dev) {
    // Deploy mode: every replica serves the one build made by `npm run build:deploy`; never builds.
    const wrong = checkDeployBuild(root, env);
    if (wrong) throw new Error(wrong);
    log(`Deployment ${env.PORTAL_DEPLOYMENT_ID}: memakai build yang ada.`);
  } else if (!dev) buildIfNeeded(root, log);
  // The web server never sees the owner's credentials.
  const webEnv = { ...env };
  delete webEnv.MIGRATION_DATABASE_URL;
  web = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), ...(dev ? ["--dev"] : [])], {
    cwd: root,
    env: webEnv,
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  startWorker(webEnv);
  web.on("exit", (code) => {
    if (!stopping) {
      log(`Server web berhenti (kode ${code}).`);
      shutdown(code ?? 1);
    }
  });
} catch (e) {
  console.error(`[portal] ${e instanceof Error ? e.message : e}`);
  await shutdown(1);
}
