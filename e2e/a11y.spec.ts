import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, stateFile, type AccountKey } from "./support/accounts";

// Accessibility (issue 15): axe finds no serious or critical violation on any page template: every
// role's dashboard (each role's is different), and every other page of the navigation, "Akun saya"
// and one record page of each kind reached from a list, each scanned once, by one of the roles
// that see it (shared out so the five tests take about as long as each other). One page load and
// one scan each.

const NAV: Record<string, string> = {
  Beranda: "/dashboard",
  Pekerja: "/workers",
  Impor: "/imports",
  Verifikasi: "/verification",
  Persetujuan: "/approvals",
  Regulasi: "/regulations",
  Iuran: "/billing",
  Klaim: "/claims",
  Laporan: "/reports/quarterly",
  Wilayah: "/areas",
  Pengaturan: "/area-settings",
  "Jejak audit": "/audit",
  Pengguna: "/admin/users",
  "Kantor BPJS": "/admin/offices",
};

// Record pages reached from a list: the first link of each list that leads to one.
const RECORDS: [list: string, link: RegExp][] = [
  ["/workers", /^\/workers\/\d+$/],
  ["/regulations", /^\/regulations\/\d+$/],
  ["/billing", /^\/billing\/\d+$/],
];

// One account per role: the Kabupaten Tangerang officer and supervisor see the same templates as
// Kota Tangerang's (a scan costs seconds of CPU on a loaded machine).
const ONE_PER_ROLE: AccountKey[] = ["admin", "petugasKota", "supervisorKota", "kacab", "kakanwil"];

/** Each page but the dashboard goes to the role, among those that see it, with the fewest pages so far. */
const SHARE = new Map<AccountKey, string[]>(ONE_PER_ROLE.map((k) => [k, ["/dashboard"]]));
const pagesOf = (key: AccountKey) => [...ACCOUNTS[key].nav.map((n) => NAV[n]!), "/account"];
for (const page of [...new Set(ONE_PER_ROLE.flatMap(pagesOf))].filter((p) => p !== "/dashboard")) {
  const seers = ONE_PER_ROLE.filter((k) => pagesOf(k).includes(page));
  const least = seers.reduce((a, b) => (SHARE.get(b)!.length < SHARE.get(a)!.length ? b : a));
  SHARE.get(least)!.push(page);
}

for (const key of ONE_PER_ROLE) {
  test.describe(key, () => {
    test.use({ storageState: stateFile(key) });
    test(`no serious or critical axe violation on ${key}'s pages`, async ({ page }) => {
      test.setTimeout(180_000);
      const pages = [...SHARE.get(key)!];
      for (const [list, pattern] of RECORDS) {
        if (!pages.includes(list)) continue;
        await page.goto(list);
        const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
        const first = hrefs.find((h) => pattern.test(h));
        if (first) pages.push(first);
      }
      const found: string[] = [];
      for (const p of pages) {
        await page.goto(p);
        // Only violations are collected: axe skips gathering the passes, most of a scan on a large page.
        const result = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .options({ resultTypes: ["violations"] })
          .analyze();
        for (const v of result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
          found.push(`${p}: ${v.id} (${v.impact}) ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")} ${v.nodes[0]?.html.slice(0, 160)}`);
        }
      }
      expect(found).toEqual([]);
    });
  });
}
