// `npm test`'s first phase: known advisories in the dependency tree (ASVS V15.2).
//  1. `npm audit` against the registry: a high or critical advisory in the production tree fails
//     the run; those of dev dependencies are reported.
//  2. When the registry offers no audit endpoint (the mirror this project is built against
//     answers 405), that is said, and the installed versions of the packages that face the
//     network or parse uploads are checked against the first releases that fixed their known
//     advisories. That check also runs when the audit works.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Package → first version without a known high/critical advisory, and why.
const MINIMUM = {
  next: ["16.0.10", "CVE-2025-66478 (RCE through React Server Components), CVE-2025-55183/55184 (source exposure, DoS)"],
  react: ["19.2.3", "CVE-2025-55182 and its follow-ups in React Server Components"],
  "react-dom": ["19.2.3", "released together with react"],
  "next-auth": ["5.0.0-beta.30", "GHSA-5jpx-9hw9-2fx4 (e-mail sent to a wrong address)"],
  exceljs: ["4.4.0", "the newest release; its unzipper 0.10 line is unmaintained, see docs/security.md"],
  fstream: ["1.0.12", "CVE-2019-13173 (arbitrary file overwrite), pulled in by exceljs → unzipper"],
  zod: ["3.22.3", "CVE-2023-4316 (ReDoS in email validation)"],
};

/** -1, 0, 1 for semver strings with an optional prerelease ("5.0.0-beta.32"). */
function compare(a, b) {
  const parse = (v) => {
    const [main, pre] = v.split("-", 2);
    return { nums: main.split(".").map(Number), pre: pre ? pre.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) < (y.nums[i] ?? 0) ? -1 : 1;
  if (!x.pre && !y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p !== q) return typeof p === typeof q ? (p < q ? -1 : 1) : typeof p === "number" ? -1 : 1;
  }
  return 0;
}

function installed(name) {
  const file = path.join(root, "node_modules", name, "package.json");
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).version : null;
}

function audit(omitDev) {
  const args = ["audit", "--json", ...(omitDev ? ["--omit=dev"] : [])];
  const r = spawnSync("npm", args, { cwd: root, encoding: "utf8", timeout: 120_000 });
  try {
    const json = JSON.parse(r.stdout || "{}");
    const said = `${r.stderr}`.split("\n").find((l) => /\b[45]\d\d\b/.test(l)) ?? "";
    if (json.error || !json.metadata) return { available: false, reason: said || json.error?.summary || json.error?.code || "tidak ada jawaban" };
    return { available: true, counts: json.metadata.vulnerabilities };
  } catch {
    return { available: false, reason: (r.stderr || "").split("\n").find((l) => /405|audit/i.test(l)) || "jawaban tidak terbaca" };
  }
}

let failed = 0;
const prod = audit(true);
if (prod.available) {
  const { high = 0, critical = 0, moderate = 0, low = 0 } = prod.counts;
  console.log(`npm audit (produksi): ${critical} critical, ${high} high, ${moderate} moderate, ${low} low.`);
  if (high + critical > 0) {
    console.error("Ada advisory high/critical di dependensi produksi: jalankan `npm audit --omit=dev` untuk rinciannya.");
    failed++;
  }
  const dev = audit(false);
  if (dev.available) console.log(`npm audit (termasuk dev, hanya laporan): ${JSON.stringify(dev.counts)}.`);
} else {
  console.log(`npm audit tidak tersedia di registry ini (${prod.reason.trim()}); memeriksa versi minimum paket yang menghadap jaringan dan berkas unggahan.`);
}

for (const [name, [min, why]] of Object.entries(MINIMUM)) {
  const v = installed(name);
  if (!v) continue;
  const ok = compare(v, min) >= 0;
  console.log(`${ok ? "ok   " : "LAMA "} ${name.padEnd(12)} ${v.padEnd(16)} ≥ ${min}  (${why})`);
  if (!ok) failed++;
}
console.log(`${Object.keys(MINIMUM).length + (prod.available ? 1 : 0) - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
