// `npm run bench:js`: the JavaScript a browser downloads on a cold visit to each page (the
// Next 16 build no longer prints it), measured with Playwright in Chromium: every script
// response of the page load, gzipped here (level 6, like a typical server). Target ≤ 150 kB per
// page. Charts are server-side SVG, so dashboards carry no chart library.
import zlib from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM, sessionCookie, startStack } from "./stack.mjs";

const PAGES = [
  [null, "/login"],
  ["petugas.kotatangerang@portal.test", "/dashboard"],
  ["petugas.kotatangerang@portal.test", "/workers"],
  ["petugas.kotatangerang@portal.test", "/workers/new"],
  ["petugas.kotatangerang@portal.test", "/regulations"],
  ["petugas.kotatangerang@portal.test", "/reports/quarterly"],
  ["supervisor.kotatangerang@portal.test", "/approvals"],
  ["supervisor.kotatangerang@portal.test", "/audit"],
  ["supervisor.kotatangerang@portal.test", "/area-settings"],
  ["supervisor.kotatangerang@portal.test", "/imports"],
  ["kacab.cikokol@portal.test", "/dashboard"],
  ["kacab.cikokol@portal.test", "/verification"],
  ["kakanwil.banten@portal.test", "/dashboard"],
  ["kakanwil.banten@portal.test", "/dashboard/area/36.03"],
  ["admin@portal.test", "/admin/users"],
];

const stack = await startStack("js");
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const cookies = new Map();
  for (const u of new Set(PAGES.map(([u]) => u).filter(Boolean))) cookies.set(u, await sessionCookie(stack.base, u));
  const rows = [];
  for (const [user, path] of PAGES) {
    const context = await browser.newContext();
    if (user) {
      const url = new URL(stack.base);
      await context.addCookies(
        cookies
          .get(user)
          .split("; ")
          .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), domain: url.hostname, path: "/" })),
      );
    }
    const page = await context.newPage();
    const scripts = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script")
        scripts.push(
          r
            .body()
            .then((b) => ({ raw: b.length, gz: zlib.gzipSync(b, { level: 6 }).length }))
            .catch(() => ({ raw: 0, gz: 0 })),
        );
    });
    await page.goto(stack.base + path, { waitUntil: "networkidle" });
    const sizes = await Promise.all(scripts);
    const gz = sizes.reduce((t, s) => t + s.gz, 0);
    const raw = sizes.reduce((t, s) => t + s.raw, 0);
    rows.push({ page: `${path} (${user ? user.split("@")[0] : "anonim"})`, files: sizes.length, raw, gz });
    console.log(`  ${path} (${user ?? "anonim"}): ${sizes.length} berkas, ${(gz / 1024).toFixed(1)} kB gzip (${(raw / 1024).toFixed(1)} kB mentah)`);
    await context.close();
  }
  console.log("\n| Halaman (akun) | Berkas JS | kB gzip | kB mentah |");
  console.log("|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.page} | ${r.files} | ${(r.gz / 1024).toFixed(1)} | ${(r.raw / 1024).toFixed(1)} |`);
  const worst = rows.reduce((a, b) => (a.gz > b.gz ? a : b));
  console.log(`\nTerbesar: ${worst.page} ${(worst.gz / 1024).toFixed(1)} kB gzip; rasio terhadap target 150 kB: ${(worst.gz / 1024 / 150).toFixed(2)}×.`);
} finally {
  await browser.close();
  await stack.stop();
}
