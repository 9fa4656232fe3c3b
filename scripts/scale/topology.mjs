// The scale phase's deployment on one machine (issue 16): the embedded PostgreSQL as primary, a
// streaming hot standby made from it through a physical replication slot, PgBouncer (Debian's) in
// transaction mode in front of both, object storage (s3rver), two web replicas serving two builds
// of the same sources made in two folders with one deployment identity, nginx (Debian's) balancing
// them round-robin and forwarding the client's address, and two worker processes.
// `startTopology()` returns the addresses and a stop() that never hangs.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, buildKey } from "../build-if-needed.mjs";
import { chownTree, freePort, osUserIds, startEmbeddedPostgres } from "../embedded-db.mjs";

/** The test deployment's identity: fixed, so the e2e phase's build is replica A's. Not a secret. */
export const SCALE_IDENTITY = {
  PORTAL_DEPLOYMENT_ID: "uji-skala",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, "portal-uji-skala").toString("base64"),
};
/** Server connections PgBouncer keeps to each database: what the primary sees however many clients. */
export const POOL_SIZE = 12;

const PGBOUNCER = process.env.PGBOUNCER_PATH ?? "/usr/sbin/pgbouncer";
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/** What the scale phase needs from the OS, with how to get it; empty when all is there. */
export function missingTools() {
  const missing = [];
  if (!fs.existsSync(PGBOUNCER)) missing.push(`PgBouncer tidak ditemukan di ${PGBOUNCER}: apt-get install -y pgbouncer (atau set PGBOUNCER_PATH).`);
  if (!fs.existsSync(NGINX)) missing.push(`nginx tidak ditemukan di ${NGINX}: apt-get install -y nginx-light (atau set NGINX_PATH).`);
  return missing;
}

async function waitUntil(what, check, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() > end) throw new Error(`Tidak siap: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A hot standby of `primary`: a physical replication slot that keeps the WAL it needs, a copy of
 * the data folder taken between pg_backup_start and pg_backup_stop (what pg_basebackup does, with
 * only the embedded binaries), then started in standby mode streaming from the slot.
 */
async function startStandby(primary, primaryDir, standbyDir, port, log) {
  const { default: postgres } = await import("postgres");
  const admin = postgres(primary.adminUrl, { max: 1, onnotice: () => {} });
  const ids = osUserIds();
  try {
    await admin`select pg_create_physical_replication_slot('skala_standby', true)`;
    const conn = await admin.reserve();
    try {
      await conn`select pg_backup_start('skala', true)`;
      const from = path.join(primaryDir, "pgdata");
      const to = path.join(standbyDir, "pgdata");
      const skip = new Set(["postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot", "pg_stat_tmp"]);
      fs.mkdirSync(to, { recursive: true, mode: 0o700 });
      for (const entry of fs.readdirSync(from)) {
        if (skip.has(entry)) continue;
        fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
      }
      for (const d of ["pg_wal/archive_status", "pg_replslot", "pg_stat_tmp"]) fs.mkdirSync(path.join(to, d), { recursive: true });
      const [stop] = await conn`select labelfile from pg_backup_stop(false)`;
      fs.writeFileSync(path.join(to, "backup_label"), stop.labelfile);
    } finally {
      conn.release();
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  for (const f of ["db-password", "app-password"]) fs.copyFileSync(path.join(primaryDir, f), path.join(standbyDir, f));
  const password = fs.readFileSync(path.join(primaryDir, "db-password"), "utf8").trim();
  const primaryPort = new URL(primary.adminUrl).port;
  const to = path.join(standbyDir, "pgdata");
  fs.writeFileSync(path.join(to, "standby.signal"), "");
  fs.appendFileSync(
    path.join(to, "postgresql.auto.conf"),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=portal password=${password} application_name=skala_standby'\n` +
      "primary_slot_name = 'skala_standby'\nhot_standby = on\nhot_standby_feedback = on\n",
  );
  fs.chmodSync(to, 0o700);
  chownTree(standbyDir, ids);
  log("standby: salinan dibuat, menjalankan");
  return startEmbeddedPostgres({ dataDir: standbyDir, port, database: "portal_skala", standby: true });
}

function writePgbouncer(dir, { port, primaryPort, standbyPort, users }) {
  const ini = `[databases]
portal_skala = host=127.0.0.1 port=${primaryPort} dbname=portal_skala
portal_skala_baca = host=127.0.0.1 port=${standbyPort} dbname=portal_skala

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = ${dir}/userlist.txt
pool_mode = transaction
default_pool_size = ${POOL_SIZE}
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 1000
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
admin_users = portal
`;
  fs.writeFileSync(path.join(dir, "pgbouncer.ini"), ini);
  fs.writeFileSync(path.join(dir, "userlist.txt"), users.map(([u, p]) => `"${u}" "${p}"`).join("\n") + "\n", { mode: 0o600 });
}

function writeNginx(dir, { port, upstreams }) {
  const conf = `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 60m;
  upstream portal {
${upstreams.map((u) => `    server ${u} max_fails=0;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_request_buffering off;
      proxy_buffering off;
      proxy_read_timeout 120s;
      # The replicas' keep-alive outlasts nginx's own (60 s): nginx closes idle sockets first.
      keepalive_timeout 60s;
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, "nginx.conf"), conf);
}

/**
 * The checkout copied to another folder (every file git tracks or would track, as a host that
 * checks the commit out has them), node_modules hard-linked: a replica built elsewhere.
 */
function copySources(root, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  const skip = new Set(["node_modules", ".next", ".data", "test-results", ".git"]);
  const files =
    listed.status === 0
      ? listed.stdout.split("\0").filter(Boolean)
      : fs.readdirSync(root, { recursive: true }).map(String).filter((f) => !skip.has(f.split(path.sep)[0]) && fs.statSync(path.join(root, f)).isFile());
  for (const f of files) {
    if (!fs.existsSync(path.join(root, f))) continue; // deleted, not yet committed
    fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(to, f));
  }
  const linked = spawnSync("cp", ["-al", path.join(root, "node_modules"), path.join(to, "node_modules")]);
  if (linked.status !== 0) fs.cpSync(path.join(root, "node_modules"), path.join(to, "node_modules"), { recursive: true, verbatimSymlinks: true });
}

/**
 * Replica B's build: the same checkout copied to another folder (a host that builds the same
 * commit) and built there with the same identity, unless the copy there was built from these very
 * sources already. Returns its folder. Runs on its own too (scripts/scale/build-replica.mjs), so
 * the test runner can build it while an earlier phase runs.
 */
export function buildReplicaB(root, env, log = console.log) {
  const dir = path.join(os.tmpdir(), `portal-skala-b-${crypto.createHash("sha1").update(root).digest("hex").slice(0, 8)}`);
  const { want } = buildKey(root, env);
  const stamp = path.join(dir, ".next", "portal-skala-source");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === want) return dir;
  log("membangun replika B di folder lain (sumber yang sama, identitas yang sama)...");
  copySources(root, dir);
  buildIfNeeded(dir, log, env);
  fs.writeFileSync(stamp, want);
  return dir;
}

function spawnLogged(cmd, args, { cwd, env, logFile, ipc = true }) {
  const fd = fs.openSync(logFile, "a");
  const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", fd, fd, ...(ipc ? ["ipc"] : [])] });
  fs.closeSync(fd);
  return child;
}

function stopChild(child, signal = "SIGTERM", ms = 8000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch {}
    }, ms);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    try {
      child.kill(signal);
    } catch {
      resolve();
    }
  });
}

/**
 * Starts the whole deployment. `root`: the checkout; `work`: a folder for data, configs and logs.
 * Replica A serves `root`'s build (made or reused through buildIfNeeded with SCALE_IDENTITY);
 * replica B a second build of the same sources made in another folder.
 */
export async function startTopology({ root, work, log = console.log, baseEnv = process.env }) {
  const stops = [];
  const stopAll = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  const t0 = Date.now();
  const took = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  try {
    fs.mkdirSync(work, { recursive: true });
    fs.chmodSync(work, 0o755);
    const env = { ...baseEnv, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };
    delete env.DATABASE_URL;

    // Database: primary, migrated and seeded, then the standby copied from it.
    const primaryDir = path.join(work, "primer");
    const primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: await freePort(), database: "portal_skala" });
    stops.push(() => primary.stop());
    const clock = { PORTAL_MODE: "test", PORTAL_CLOCK: "2026-11-24T03:00:00Z", AUTH_SECRET: "scale-secret-not-for-production-0123456789" };
    const prep = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "db/prepare.ts", "--demo"], {
      cwd: root,
      env: { ...env, ...clock, DATABASE_URL: primary.appUrl, MIGRATION_DATABASE_URL: primary.url, DATABASE_APP_ROLE: "portal_app" },
      stdio: "inherit",
    });
    if (prep.status !== 0) throw new Error("Migrasi/seed database primer gagal");
    log(`primer siap (${took()})`);
    const standby = await startStandby(primary, primary.dataDir, path.join(work, "standby"), await freePort(), log);
    stops.push(() => standby.stop());
    log(`standby siap (${took()})`);

    // PgBouncer, as an ordinary user (it refuses root), in front of both.
    const bouncerDir = path.join(work, "pgbouncer");
    fs.mkdirSync(bouncerDir, { recursive: true });
    const bouncerPort = await freePort();
    const appPassword = decodeURIComponent(new URL(primary.appUrl).password);
    const ownerPassword = decodeURIComponent(new URL(primary.url).password);
    writePgbouncer(bouncerDir, {
      port: bouncerPort,
      primaryPort: new URL(primary.url).port,
      standbyPort: new URL(standby.url).port,
      users: [
        ["portal_app", appPassword],
        ["portal", ownerPassword],
      ],
    });
    const ids = osUserIds();
    chownTree(bouncerDir, ids);
    const asUser = ids.uid !== undefined ? ["-u", "postgres"] : [];
    const bouncer = spawnLogged(PGBOUNCER, [...asUser, path.join(bouncerDir, "pgbouncer.ini")], {
      cwd: bouncerDir,
      env,
      logFile: path.join(work, "pgbouncer.out"),
      ipc: false,
    });
    stops.push(() => stopChild(bouncer, "SIGINT"));
    const { default: postgres } = await import("postgres");
    const viaBouncer = (db, user = "portal_app", password = appPassword) =>
      `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${bouncerPort}/${db}`;
    await waitUntil("PgBouncer", async () => {
      const s = postgres(viaBouncer("portal_skala"), { max: 1, prepare: false, connect_timeout: 2, onnotice: () => {} });
      try {
        return (await s`select 1 as x`)[0].x === 1;
      } finally {
        await s.end({ timeout: 2 });
      }
    });
    log(`PgBouncer siap (${took()})`);

    // Object storage for the files (the S3 driver), in this process.
    const { default: S3rver } = await import("s3rver");
    const s3Port = await freePort();
    const s3 = new S3rver({ port: s3Port, address: "127.0.0.1", silent: true, directory: path.join(work, "s3"), configureBuckets: [{ name: "portal-skala" }] });
    await s3.run();
    stops.push(() => s3.close());

    const appEnv = {
      ...env,
      ...clock,
      ...SCALE_IDENTITY,
      DATABASE_URL: viaBouncer("portal_skala"),
      DATABASE_READ_URL: viaBouncer("portal_skala_baca"),
      DATABASE_POOLED: "1",
      DATABASE_POOL_SIZE: "10",
      DATABASE_READ_MAX_LAG_SECONDS: "5",
      TRUSTED_PROXY: "1",
      FILE_STORAGE: "s3",
      S3_BUCKET: "portal-skala",
      S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "1",
    };

    // Two builds, two folders, one identity.
    buildIfNeeded(root, log, { ...env, ...SCALE_IDENTITY });
    const replicaB = buildReplicaB(root, { ...env, ...SCALE_IDENTITY }, log);
    log(`build A dan B siap (${took()})`);

    const replicas = [];
    for (const [name, dir] of [
      ["a", root],
      ["b", replicaB],
    ]) {
      const port = await freePort();
      const child = spawnLogged(process.execPath, ["scripts/server.mjs"], {
        cwd: dir,
        env: { ...appEnv, PORT: String(port), HOSTNAME_BIND: "127.0.0.1" },
        logFile: path.join(work, `web-${name}.log`),
      });
      stops.push(() => stopChild(child));
      replicas.push({ name, url: `http://127.0.0.1:${port}`, pid: child.pid, dir });
    }
    const workers = [];
    for (const name of ["1", "2"]) {
      const child = spawnLogged(process.execPath, ["--max-old-space-size=1024", "--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
        cwd: root,
        env: { ...appEnv, WORKER_SWEEP_MS: "500", IMPORT_LEASE_SECONDS: "4", IMPORT_COMMIT_CHUNK: "500" },
        logFile: path.join(work, `worker-${name}.log`),
      });
      stops.push(() => stopChild(child));
      workers.push({ name, pid: child.pid });
    }

    const lbDir = path.join(work, "nginx");
    for (const d of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(lbDir, d), { recursive: true });
    const lbPort = await freePort();
    writeNginx(lbDir, { port: lbPort, upstreams: replicas.map((r) => r.url.replace("http://", "")) });
    if (ids.uid !== undefined) chownTree(lbDir, { uid: 65534, gid: 65534 }); // nginx's workers run as nobody
    const lb = spawnLogged(NGINX, ["-p", lbDir, "-c", path.join(lbDir, "nginx.conf"), "-g", "daemon off;"], {
      cwd: lbDir,
      env,
      logFile: path.join(work, "nginx.out"),
      ipc: false,
    });
    stops.push(() => stopChild(lb, "SIGQUIT"));
    const lbUrl = `http://127.0.0.1:${lbPort}`;
    for (const r of [...replicas, { name: "nginx", url: lbUrl }])
      await waitUntil(`replika ${r.name}`, async () => (await fetch(`${r.url}/healthz`)).ok, 90_000);
    log(`replika A, B dan nginx siap (${took()})`);

    return {
      lbUrl,
      replicas,
      workers,
      primaryUrl: primary.url,
      standbyUrl: standby.url,
      bouncerAdminUrl: viaBouncer("pgbouncer", "portal", ownerPassword),
      bouncerUrl: viaBouncer("portal_skala"),
      poolSize: POOL_SIZE,
      work,
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
