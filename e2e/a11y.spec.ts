import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, stateFile, type AccountKey } from "./support/accounts";

// Accessibility (issue 15): axe finds no serious or critical violation on every page template,
// once per role that sees it: the role's navigation, "Akun saya", and one record page of each
// kind it reaches from its lists. Kept to about a minute: one page load and one scan each.

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

for (const key of ONE_PER_ROLE) {
  test.describe(key, () => {
    test.use({ storageState: stateFile(key) });
    test(`no serious or critical axe violation on ${key}'s pages`, async ({ page }) => {
      test.setTimeout(180_000);
      const pages = [...ACCOUNTS[key].nav.map((n) => NAV[n]!), "/account"];
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
