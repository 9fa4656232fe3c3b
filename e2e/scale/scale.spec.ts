// The scale phase (issue 16, item 5): the portal as a deployment of several processes on one
// machine (scripts/scale/topology.mjs): primary + streaming standby, PgBouncer in transaction
// mode, object storage, replicas A and B (two builds, one identity) behind nginx, two workers.
// Most users here are browserless agents (e2e/scale/http.ts) that submit the portal's own forms as
// a browser without JavaScript does; one browser checks the pages through the balancer.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { connect } from "@/db/connection";
import { Agent, csvRows, textOf } from "./http";

type Topology = {
  lbUrl: string;
  replicas: { name: string; url: string; pid: number }[];
  workers: { name: string; pid: number }[];
  primaryUrl: string;
  standbyUrl: string;
  bouncerUrl: string;
  poolSize: number;
  work: string;
};
const topo: Topology = JSON.parse(fs.readFileSync(process.env.SCALE_TOPOLOGY!, "utf8"));
const [A, B] = topo.replicas.map((r) => r.url) as [string, string];
const LB = topo.lbUrl;
const PASSWORD = "rentan-demo-2026";
const primary = postgres(topo.primaryUrl, { max: 4, onnotice: () => {} });
const standby = postgres(topo.standbyUrl, { max: 2, onnotice: () => {} });
const figures: Record<string, unknown> = {};

test.describe.configure({ mode: "serial" });
test.afterAll(async () => {
  fs.writeFileSync("test-results/scale-figures.json", JSON.stringify(figures, null, 2));
  await standby`select pg_wal_replay_resume()`.catch(() => {});
  await Promise.all([primary.end({ timeout: 5 }), standby.end({ timeout: 5 })]);
});

const PANDEGLANG = { code: "36.01", kec: "36.01.01", village: "36.01.01.2001", officer: "petugas.skala@portal.test" };
const LEBAK = { code: "36.02", officer: "impor.skala@portal.test" };
const SESSION_USER = "sesi.skala@portal.test";

test.beforeAll(async () => {
  // Accounts of areas no demo data touches, with the demo password (its hash copied).
  for (const [email, code] of [
    [PANDEGLANG.officer, PANDEGLANG.code],
    [LEBAK.officer, LEBAK.code],
    [SESSION_USER, "36.71"],
  ] as const)
    await primary`insert into users (email, name, password_hash, role, regency_code)
      select ${email}, 'Pengguna Skala', password_hash, 'petugas', ${code} from users where email = 'petugas.kotatangerang@portal.test'
      on conflict ((lower(email))) do nothing`;
  for (const [code, quota] of [
    [PANDEGLANG.code, 1],
    [LEBAK.code, 25_000],
  ] as const)
    await primary`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
      select ${code}, 'perbup', 'kabkota', ${`Perbup Skala ${code}`}, 'Perbup uji skala', 'enacted', '2026-01-01', ${quota}, 216, 779, '2026-01-01'
      where not exists (select 1 from regulations where regency_code = ${code})`;
  await primary`insert into area_settings (regency_code, import_one_step) values (${LEBAK.code}, true)
    on conflict (regency_code) do update set import_one_step = true`;
  // Runnable again on the same deployment (`--up`): fresh NIK serials, the account active again,
  // the throttle's counters cleared for its accounts.
  nextPerson = (await primary`select count(*)::int as n from workers where regency_code = ${PANDEGLANG.code}`)[0]!.n as number;
  await primary`update users set active = true where email = ${SESSION_USER}`;
  await primary`delete from login_attempts where email in ('petugas.kabtangerang@portal.test', 'supervisor.kabtangerang@portal.test', 'alamat.skala@portal.test')`;
});

/** A NIK issued in Pandeglang's first kecamatan for someone born on 1985-mm-dd (serial keeps it unique). */
function nikOf(i: number) {
  const dd = String((i % 28) + 1).padStart(2, "0");
  const mm = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
  return { nik: `360101${dd}${mm}85${String(Math.floor(i / 336) + 1).padStart(4, "0")}`, birthDate: `1985-${mm}-${dd}` };
}
let nextPerson = 0;
function registration() {
  const { nik, birthDate } = nikOf(nextPerson++);
  return {
    nik,
    name: `Pekerja Skala ${nextPerson}`,
    birthDate,
    sex: "L",
    address: "Jl. Skala No. 1",
    districtCode: PANDEGLANG.kec,
    villageCode: PANDEGLANG.village,
    phone: "081234567890",
    occupationId: "",
    income: "1000000",
    kkNumber: "",
    source: "survei_lapangan",
    heirName: "Ahli Waris Skala",
    heirRelationship: "istri",
    heirNik: "",
    intent: "submit",
  };
}
const workerIdOf = (location: string | null) => Number(/\/workers\/(\d+)/.exec(location ?? "")?.[1] ?? NaN);

/** Replica lag as catch-up time: how long until the standby has replayed what the primary just wrote. */
async function lagProbe(): Promise<number> {
  const lsn = (await primary`select pg_current_wal_lsn()::text as lsn`)[0]!.lsn as string;
  const t = performance.now();
  for (;;) {
    const ok = (await standby`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as ok`)[0]!.ok as boolean;
    if (ok) return performance.now() - t;
    if (performance.now() - t > 30_000) return Infinity;
    await new Promise((r) => setTimeout(r, 2));
  }
}
function probeWhile<T>(work: Promise<T>): Promise<[T, number[]]> {
  const samples: number[] = [];
  let done = false;
  const loop = (async () => {
    while (!done) {
      await primary`select pg_logical_emit_message(false, 'skala', 'probe')`; // a WAL record to wait for
      samples.push(await lagProbe());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return work.finally(() => (done = true)).then(async (v) => (await loop, [v, samples] as [T, number[]]));
}
/** The q-th percentile (nearest rank). */
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * q) - 1)] ?? NaN;
const p95 = (xs: number[]) => pct(xs, 0.95);

async function pauseReplay() {
  await standby`select pg_wal_replay_pause()`;
  await expect.poll(async () => (await standby`select pg_get_wal_replay_pause_state() as s`)[0]!.s, { timeout: 10_000 }).toBe("paused");
}

test("one build made in two folders: both replicas are one deployment, serve the same assets, and a form rendered by A is accepted by B", async ({ browser }) => {
  const health = await Promise.all([A, B].map(async (u) => (await fetch(`${u}/healthz`)).json()));
  expect(health).toEqual([
    { status: "ok", deploymentId: "uji-skala" },
    { status: "ok", deploymentId: "uji-skala" },
  ]);
  const login = await (await fetch(`${A}/login`)).text();
  const assets = [...new Set([...login.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]!))];
  expect(assets.length).toBeGreaterThan(3);
  for (const asset of assets) {
    const [a, b] = await Promise.all([A, B].map(async (u) => fetch(`${u}${asset}`)));
    expect(b!.status, asset).toBe(200);
    expect(Buffer.from(await b!.arrayBuffer()).equals(Buffer.from(await a!.arrayBuffer())), asset).toBe(true);
  }

  // Rendered by A, submitted to B: the registration form's action, as a browser without JS sends it.
  await primary`update regulations set quota = counted + 1 where regency_code = ${PANDEGLANG.code}`;
  const officer = new Agent(A);
  expect((await officer.login(PANDEGLANG.officer, PASSWORD)).location).toMatch(/\/dashboard$/);
  const form = (await officer.get("/workers/new")).html;
  const person = registration();
  const sent = await officer.at(B).submit("/workers/new", person, { html: form });
  expect(sent.status).toBe(303);
  const id = workerIdOf(sent.location);
  const [w] = await primary`select status, nik from workers where id = ${id}`;
  expect(w).toEqual({ status: "diajukan", nik: person.nik });

  // And in a browser through the balancer (every page, asset and action goes round-robin): no
  // request fails and the registration lands.
  const page = await (await browser.newContext({ baseURL: LB })).newPage();
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.goto("/login");
  await page.getByLabel("Email").fill(PANDEGLANG.officer);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const other = registration();
  await page.goto("/workers/new");
  await page.getByLabel("NIK", { exact: true }).fill(other.nik);
  await page.getByLabel("Nama lengkap").fill(other.name);
  await page.getByLabel("Alamat").fill(other.address);
  await page.getByLabel("Kecamatan").selectOption(PANDEGLANG.kec);
  await page.getByLabel("Kelurahan/Desa").selectOption(PANDEGLANG.village);
  await page.getByLabel("Nama ahli waris", { exact: true }).fill(other.heirName);
  await page.getByLabel("Hubungan ahli waris").selectOption("istri");
  await page.getByRole("button", { name: "Simpan", exact: true }).click();
  await expect(page).toHaveURL(/\/workers\/\d+$/);
  await expect(page.getByRole("heading", { name: other.name })).toBeVisible();
  expect(failed).toEqual([]);
  await page.context().close();
});

test("a session started on A works on B; deactivated on B while the standby's replay is paused, the user is out at A's next request", async () => {
  const user = new Agent(A);
  expect((await user.login(SESSION_USER, PASSWORD)).location).toMatch(/\/dashboard$/);
  const onB = await user.at(B).get("/dashboard");
  expect(onB.status).toBe(200);
  expect(onB.html.includes('<span data-testid="scope-name">Kota Tangerang</span>'), "dasbor Kota Tangerang di B").toBe(true);

  await pauseReplay();
  try {
    const admin = new Agent(B);
    expect((await admin.login("admin@portal.test", PASSWORD)).location).toMatch(/\/dashboard$/);
    const id = (await primary`select id from users where email = ${SESSION_USER}`)[0]!.id as string;
    const done = await admin.submit(`/admin/users/${id}`, {}, { formWith: 'name="active"' });
    expect(done.status).toBeLessThan(400);
    expect((await primary`select active from users where id = ${id}`)[0]!.active).toBe(false);
    // The standby has not seen it: whoever decided on the session read the primary.
    expect((await standby`select active from users where id = ${id}`)[0]!.active).toBe(true);
    const next = await user.get("/dashboard");
    expect(next.status).toBeGreaterThanOrEqual(300);
    expect(next.status).toBeLessThan(400);
    expect(next.location).toMatch(/\/login/);
  } finally {
    await standby`select pg_wal_replay_resume()`;
  }
});

test("wrong passwords sent alternately to A and B are counted together: the throttle stops the same attempt as on one replica", async () => {
  async function attemptsUntilThrottled(email: string, replicas: string[]) {
    for (let i = 1; i <= 20; i++) {
      const r = await new Agent(replicas[i % replicas.length]!).submit("/login", { email, password: "bukan-sandinya-123" });
      const said = textOf(r.html, "form-message");
      if (said !== "Email atau kata sandi salah.") return { attempt: i, said };
    }
    return { attempt: Infinity, said: null };
  }
  const single = await attemptsUntilThrottled("petugas.kabtangerang@portal.test", [A]);
  const spread = await attemptsUntilThrottled("supervisor.kabtangerang@portal.test", [A, B]);
  figures.throttle = { oneReplica: single.attempt, alternating: spread.attempt };
  expect(single.attempt).toBe(11); // MAX_FAILURES_PER_PAIR = 10 failures, the 11th is refused
  expect(spread).toEqual(single);
  expect(spread.said).toMatch(/Terlalu banyak/i);

  // The balancer forwards the client's address (a client on 127.0.0.2 is not the balancer's 127.0.0.1).
  await new Agent(LB, { localAddress: "127.0.0.2" }).submit("/login", { email: "alamat.skala@portal.test", password: "bukan-sandinya-123" });
  const seen = await primary`select ip from login_attempts where email = 'alamat.skala@portal.test'`;
  expect(seen.map((r) => r.ip)).toEqual(["127.0.0.2"]);
});

test("60 concurrent registrations over A and B against 20 places, three rounds: 20 places, 40 waiting, none lost, counters equal a recount", async () => {
  const officer = new Agent(LB);
  expect((await officer.login(PANDEGLANG.officer, PASSWORD)).location).toMatch(/\/dashboard$/);
  const form = (await officer.at(A).get("/workers/new")).html;
  const lags: number[] = [];
  for (let round = 1; round <= 3; round++) {
    await primary`update regulations set quota = counted + 20 where regency_code = ${PANDEGLANG.code}`;
    const people = Array.from({ length: 60 }, registration);
    const [replies, samples] = await probeWhile(Promise.all(people.map((p, i) => officer.at(i % 2 ? B : A).submit("/workers/new", p, { html: form }))));
    lags.push(...samples);
    expect(replies.map((r) => r.status)).toEqual(people.map(() => 303));
    const byStatus = await primary`select status, count(*)::int as n, count(regulation_id)::int as placed from workers
      where nik in ${primary(people.map((p) => p.nik))} group by status order by status::text`;
    expect(byStatus).toEqual([
      { status: "daftar_tunggu", n: 40, placed: 0 },
      { status: "diajukan", n: 20, placed: 20 },
    ]);
    const [reg] = await primary`select r.quota, r.counted, (select count(*)::int from workers w where w.regulation_id = r.id) as holders
      from regulations r where r.regency_code = ${PANDEGLANG.code}`;
    expect(reg!.counted).toBe(reg!.holders);
    expect(reg!.counted).toBe(reg!.quota);
    const recount = await primary`select status, count(*)::int as n from workers where regency_code = ${PANDEGLANG.code} group by 1 order by 1`;
    const agg = await primary`select status, sum(n)::int as n from agg_current where regency_code = ${PANDEGLANG.code} group by 1 having sum(n) <> 0 order by 1`;
    expect(agg).toEqual(recount);
  }
  figures.replicaLagMs = { samples: lags.length, p50: pct(lags, 0.5), p95: p95(lags), max: Math.max(...lags) };
  console.log(`Lag replika selama 3 × 60 pendaftaran serentak: p95 ${p95(lags).toFixed(1)} ms, maks ${Math.max(...lags).toFixed(1)} ms (${lags.length} sampel)`);
  expect(lags.length).toBeGreaterThan(5);
  expect(p95(lags)).toBeLessThan(1000);
});

test("with replay paused, a registration shows at once where it was made; the dashboard export is never older than the lag bound and the standby catches up after resume", async () => {
  const officer = new Agent(LB);
  await officer.login(PANDEGLANG.officer, PASSWORD);
  const registered = async () => {
    const r = await officer.get("/api/dashboard/export?tabel=kecamatan&format=csv");
    expect(r.status).toBe(200);
    const [header, ...rows] = csvRows(r.html);
    const [t, w] = [header!.indexOf("Tercatat"), header!.indexOf("Daftar tunggu")];
    return rows.reduce((s, row) => s + Number(row[t]) + Number(row[w]), 0);
  };
  const before = await registered();
  expect(before).toBeGreaterThan(0);
  await pauseReplay();
  let resumedAt = 0;
  try {
    const person = registration();
    const sent = await officer.submit("/workers/new", person);
    const at = Date.now();
    expect(sent.status).toBe(303);
    const id = workerIdOf(sent.location);
    for (const replica of [A, B]) {
      const shown = await officer.at(replica).get(`/workers/${id}`);
      expect(shown.status).toBe(200);
      expect(shown.html.includes(person.name), `pekerja baru di ${replica}`).toBe(true);
    }
    // DATABASE_READ_MAX_LAG_SECONDS=5, measured at most once a second: an old figure may show for
    // about 6 s, never longer; then the primary answers.
    const seen: { ms: number; n: number }[] = [];
    while (Date.now() - at < 9_000) {
      seen.push({ ms: Date.now() - at, n: await registered() });
      await new Promise((r) => setTimeout(r, 300));
    }
    const staleFor = Math.max(0, ...seen.filter((s) => s.n === before).map((s) => s.ms));
    figures.pausedReplay = { staleForMs: staleFor, samples: seen.length };
    expect(staleFor).toBeLessThanOrEqual(7_500);
    expect(seen.at(-1)!.n).toBe(before + 1);
    expect(seen.every((s) => s.n === before || s.n === before + 1)).toBe(true);
  } finally {
    await standby`select pg_wal_replay_resume()`;
    resumedAt = Date.now();
  }
  // The standby replays what it missed; the export stays current throughout.
  await expect.poll(async () => (await standby`select count(*)::int as n from workers where regency_code = ${PANDEGLANG.code}`)[0]!.n, { timeout: 15_000, intervals: [100] }).toBe(
    (await primary`select count(*)::int as n from workers where regency_code = ${PANDEGLANG.code}`)[0]!.n,
  );
  figures.catchUpMs = Date.now() - resumedAt;
  expect(await registered()).toBe(before + 1);
});

test("100 busy clients: the primary and the standby each see no more server connections than PgBouncer's pool, and no prepared-statement error anywhere", async () => {
  const users = await Promise.all(
    Array.from({ length: 4 }, async (_, i) => {
      const a = new Agent(LB);
      await a.login(i % 2 ? PANDEGLANG.officer : "petugas.kotatangerang@portal.test", PASSWORD);
      return a;
    }),
  );
  const pages = ["/dashboard", "/workers", "/api/dashboard/export?tabel=kecamatan&format=csv", "/regulations"];
  const peak = { primary: 0, standby: 0 };
  const statuses = new Map<number, number>();
  let busy = true;
  const sampler = (async () => {
    while (busy) {
      const count = async (db: postgres.Sql) =>
        (await db`select count(*)::int as n from pg_stat_activity where usename = 'portal_app' and backend_type = 'client backend'`)[0]!.n as number;
      const [p, s] = await Promise.all([count(primary), count(standby)]);
      peak.primary = Math.max(peak.primary, p);
      peak.standby = Math.max(peak.standby, s);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const until = Date.now() + 8_000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: 100 }, async (_, c) => {
      for (let k = 0; Date.now() < until; k++) {
        const r = await users[c % users.length]!.get(pages[(c + k) % pages.length]!);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        requests++;
      }
    }),
  );
  busy = false;
  await sampler;
  figures.connections = { clients: 100, requests, poolSize: topo.poolSize, peak };
  console.log(`100 klien, ${requests} permintaan dalam 8 s: koneksi server puncak primer ${peak.primary}, standby ${peak.standby} (pool ${topo.poolSize})`);
  expect([...statuses.keys()]).toEqual([200]);
  expect(peak.primary).toBeGreaterThan(0);
  expect(peak.primary).toBeLessThanOrEqual(topo.poolSize);
  expect(peak.standby).toBeLessThanOrEqual(topo.poolSize);
  const logs = fs.readdirSync(topo.work, { recursive: true }).filter((f) => String(f).endsWith(".log"));
  for (const f of logs) expect(fs.readFileSync(`${topo.work}/${f}`, "utf8"), String(f)).not.toMatch(/prepared statement/i);
});

test("the app's pooled connections never pipeline through PgBouncer: a burst of plain and parameterised queries and transactions all answer", async () => {
  // Before db/connection.ts withoutPipelining, this burst left clients waiting for answers
  // PgBouncer had dropped ("got packet from server when not linked").
  const pools = Array.from({ length: 3 }, () => connect(topo.bouncerUrl, 8, true));
  const started = Date.now();
  try {
    const answers = await Promise.race([
      Promise.all(
        pools.flatMap(({ sql }) =>
          Array.from({ length: 600 }, (_, i) =>
            i % 5 === 0
              ? sql.begin(async (tx) => (await tx`select ${i}::int as n`)[0]!.n as number)
              : i % 2
                ? sql`select 1 as n, pg_sleep(0.001)`.then((r) => r[0]!.n as number)
                : sql`select ${i}::int as n`.then((r) => r[0]!.n as number),
          ),
        ),
      ),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("kueri tidak dijawab dalam 60 s")), 60_000)),
    ]);
    expect(answers).toHaveLength(1800);
    figures.burst = { queries: 1800, ms: Date.now() - started };
  } finally {
    await Promise.all(pools.map(({ sql }) => sql.end({ timeout: 5 })));
  }
});

test("a PDF uploaded through A downloads byte-identical through B (object storage)", async () => {
  const admin = new Agent(A);
  await admin.login("admin@portal.test", PASSWORD);
  const id = (await primary`select id from regulations where regency_code = ${PANDEGLANG.code}`)[0]!.id as number;
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(700_000, "skala"), Buffer.from("\n%%EOF\n")]);
  const up = await admin.request("POST", `/api/regulations/${id}/document`, {
    body: pdf,
    headers: { "content-type": "application/pdf", "x-file-name": "perbup-skala.pdf", origin: A },
  });
  expect(up.status).toBe(200);
  const down = await admin.at(B).get(`/api/regulations/${id}/document`);
  expect(down.status).toBe(200);
  expect(down.body.equals(pdf)).toBe(true);
  const [file] = await primary`select f.storage, f.size::int from stored_files f join regulations r on r.document_file = f.id::text where r.id = ${id}`;
  expect(file).toEqual({ storage: "s3", size: pdf.length });
});

test("a 20,000-row import through the balancer with two workers: the worker holding the batch is killed mid-commit, the other finishes it, every row once", async () => {
  const officer = new Agent(LB);
  expect((await officer.login(LEBAK.officer, PASSWORD)).location).toMatch(/\/dashboard$/);
  const kec = (await primary`select min(code) as kec from districts where regency_code = ${LEBAK.code}`)[0]!.kec as string;
  const village = (await primary`select min(code) as village from villages where district_code = ${kec}`)[0]!.village as string;
  const lines = ["nik,nama,kode_kecamatan,kode_kelurahan,ahli_waris_nama,ahli_waris_hubungan"];
  for (let i = 0; i < 20_000; i++) {
    const d = String((i % 28) + 1).padStart(2, "0");
    const m = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
    lines.push(`${kec.replace(/\./g, "")}${d}${m}85${String(Math.floor(i / 336) + 1).padStart(4, "0")},Pekerja Impor ${i + 1},${kec},${village},Ahli Waris ${i + 1},istri`);
  }
  const up = await officer.request("POST", "/api/imports?nama=skala-20000.csv", {
    body: Buffer.from(lines.join("\n")),
    headers: { "content-type": "text/csv", origin: LB },
  });
  expect(up.status).toBe(201);
  const batchId = JSON.parse(up.html).id as string;
  const batch = async () => (await primary`select status, committed_through, lease_owner, rows_total from import_batches where id = ${batchId}`)[0]!;
  await expect.poll(async () => (await batch()).status, { timeout: 90_000, intervals: [250] }).toBe("tervalidasi");

  const commit = await officer.submit(`/imports/${batchId}`, {}, { formWith: "Terapkan impor" });
  expect(commit.status).toBeLessThan(400);
  // Mid-commit: some chunks in, the lease names the process that holds the batch.
  await expect.poll(async () => Number((await batch()).committed_through ?? 0), { timeout: 60_000, intervals: [20] }).toBeGreaterThan(0);
  const holder = String((await batch()).lease_owner);
  const victim = topo.workers.find((w) => holder.split(":")[1] === String(w.pid));
  expect(victim, holder).toBeDefined();
  process.kill(victim!.pid, "SIGKILL");
  const killedAt = Number((await batch()).committed_through);
  expect(killedAt).toBeLessThan(20_000);

  // The last chunk's transaction marks the batch selesai; the survivor gives its lease back in the
  // next statement, so both are waited for (reading the lease at the first selesai races it).
  await expect
    .poll(async () => {
      const { status, lease_owner } = await batch();
      return { status, lease_owner };
    }, { timeout: 120_000, intervals: [500] })
    .toEqual({ status: "selesai", lease_owner: null });
  const survivor = topo.workers.find((w) => w !== victim)!;
  figures.import = { rows: 20_000, killedAfterRows: killedAt, killedPid: victim!.pid, survivorPid: survivor.pid };
  const [counts] = await primary`select count(*)::int as n, count(distinct nik)::int as niks from workers where import_batch_id = ${batchId}`;
  expect(counts).toEqual({ n: 20_000, niks: 20_000 });
  const [reg] = await primary`select r.counted, (select count(*)::int from workers w where w.regulation_id = r.id) as holders from regulations r where r.regency_code = ${LEBAK.code}`;
  expect(reg!.counted).toBe(reg!.holders);
  const recount = await primary`select status, count(*)::int as n from workers where regency_code = ${LEBAK.code} group by 1 order by 1`;
  const agg = await primary`select status, sum(n)::int as n from agg_current where regency_code = ${LEBAK.code} group by 1 having sum(n) <> 0 order by 1`;
  expect(agg).toEqual(recount);
});
