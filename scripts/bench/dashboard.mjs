// `npm run bench:dashboard`: time to the last byte of each dashboard view's fully streamed HTML,
// logged in, at 10,000 and at 1,000,000 synthetic workers over Banten's kecamatan; the login
// page is the reference line. Every aktif worker has a contribution history (loadSyntheticContributions). Workers are inserted set-based (generate_series), so the
// aggregate triggers build the dashboard tables exactly as the app's writes do. Prints a table
// and the 1M / 10k ratios (target ≤ 1.2). A benchmark, not a test: it asserts nothing.
import { loadSyntheticContributions, loadSyntheticWorkers as load } from "./load.mjs";
import { median, quantile, sessionCookie, startStack } from "./stack.mjs";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const SIZES = (process.env.BENCH_SIZES ?? "10000,1000000").split(",").map(Number);

const VIEWS = [
  { label: "Halaman masuk (referensi)", user: null, path: "/login" },
  { label: "Provinsi (Kepala Kanwil)", user: "kakanwil.banten@portal.test", path: "/dashboard" },
  { label: "Cabang (Kepala Kantor Cabang)", user: "kacab.cikokol@portal.test", path: "/dashboard" },
  { label: "Wilayah (petugas Kota Tangerang)", user: "petugas.kotatangerang@portal.test", path: "/dashboard" },
  { label: "Wilayah Kab. Tangerang (drill-down Kanwil)", user: "kakanwil.banten@portal.test", path: "/dashboard/area/36.03" },
  { label: "Laporan triwulan provinsi", user: "kakanwil.banten@portal.test", path: "/reports/quarterly" },
  { label: "Cari nama di /workers (issue #4)", user: "petugas.kotatangerang@portal.test", path: "/workers?q=Sintetis%20123" },
];

async function measure(base, cookies, view) {
  const headers = view.user ? { cookie: cookies.get(view.user) } : {};
  const once = async () => {
    const t = performance.now();
    const res = await fetch(base + view.path, { headers, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${view.path} → ${res.status}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 3; i++) await once();
  const times = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await once());
  return { median: median(times), p95: quantile(times, 0.95) };
}

// BENCH_READ_POOL=1: dashboards read through a second pool (DATABASE_READ_URL, the same server
// standing in for a replica), kept "caught up" by a fresh heartbeat, so the read-pool path with
// its lag check is what is measured.
const readPool = process.env.BENCH_READ_POOL === "1";
const stack = await startStack("dashboard", { readPool });
const beat = readPool
  ? setInterval(() => void stack.sql`insert into portal_heartbeat (id, at) values (1, now()) on conflict (id) do update set at = excluded.at`.catch(() => {}), 500)
  : null;
if (readPool) console.log("Dasbor dibaca lewat read pool (DATABASE_READ_URL).");
try {
  const cookies = new Map();
  for (const u of new Set(VIEWS.map((v) => v.user).filter(Boolean))) cookies.set(u, await sessionCookie(stack.base, u));
  const results = {};
  for (const size of SIZES) {
    const t = performance.now();
    await load(stack.sql, size);
    await loadSyntheticContributions(stack.sql);
    const [{ n }] = await stack.sql`select count(*)::int as n from workers`;
    const [{ agg, paid, contrib }] =
      await stack.sql`select (select count(*) from agg_current) + (select count(*) from agg_monthly) + (select count(*) from agg_daily) + (select count(*) from agg_breakdown_current) + (select count(*) from agg_breakdown_monthly) as agg,
        (select count(*) from paid_months) as paid, (select count(*) from agg_contribution where n <> 0) as contrib`;
    console.log(
      `\n${n.toLocaleString("id-ID")} pekerja dimuat (${((performance.now() - t) / 1000).toFixed(1)} s; ${Number(agg).toLocaleString("id-ID")} baris agregat; ${Number(paid).toLocaleString("id-ID")} bulan iuran dibayar, ${Number(contrib).toLocaleString("id-ID")} baris agg_contribution). Mengukur ${REQUESTS} permintaan per tampilan...`,
    );
    results[size] = {};
    for (const v of VIEWS) {
      results[size][v.label] = await measure(stack.base, cookies, v);
      console.log(`  ${v.label}: median ${results[size][v.label].median.toFixed(1)} ms, p95 ${results[size][v.label].p95.toFixed(1)} ms`);
    }
  }
  const [small, large] = SIZES;
  console.log(
    `\n| Tampilan | ${small.toLocaleString("id-ID")}: median / p95 (ms) | ${large.toLocaleString("id-ID")}: median / p95 (ms) | Rasio median | Rasio p95 |`,
  );
  console.log("|---|---|---|---|---|");
  for (const v of VIEWS) {
    const a = results[small][v.label];
    const b = results[large][v.label];
    console.log(
      `| ${v.label} | ${a.median.toFixed(1)} / ${a.p95.toFixed(1)} | ${b.median.toFixed(1)} / ${b.p95.toFixed(1)} | ${(b.median / a.median).toFixed(2)}× | ${(b.p95 / a.p95).toFixed(2)}× |`,
    );
  }
  console.log("\nTarget: setiap tampilan dasbor pada 1 juta ≤ 1,2× waktunya pada 10 ribu.");
} finally {
  if (beat) clearInterval(beat);
  await stack.stop();
}
