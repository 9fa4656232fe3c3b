import { expect, test } from "@playwright/test";
import { ACCOUNTS, stateFile, type AccountKey } from "./support/accounts";

// Each demo role lands on its dashboard ("Perlu tindakan" first), sees its own area in the header and only its navigation; the Wilayah page shows its work area.
const SCOPE: Record<AccountKey, { regencies: string[]; districts: string }> = {
  admin: { regencies: [], districts: "7.285" },
  petugasKota: { regencies: ["Kota Tangerang"], districts: "13" },
  supervisorKota: { regencies: ["Kota Tangerang"], districts: "13" },
  petugasKab: { regencies: ["Kabupaten Tangerang"], districts: "29" },
  supervisorKab: { regencies: ["Kabupaten Tangerang"], districts: "29" },
  kacab: { regencies: ["Kota Tangerang"], districts: "6" },
  kakanwil: {
    regencies: [
      "Kabupaten Pandeglang",
      "Kabupaten Lebak",
      "Kabupaten Tangerang",
      "Kabupaten Serang",
      "Kota Tangerang",
      "Kota Cilegon",
      "Kota Serang",
      "Kota Tangerang Selatan",
    ],
    districts: "155",
  },
};

for (const key of Object.keys(ACCOUNTS) as AccountKey[]) {
  test.describe(key, () => {
    test.use({ storageState: stateFile(key) });

    test(`sees own area and navigation`, async ({ page }) => {
      await page.goto("/dashboard");
      await expect(page.getByTestId("viewer-badge")).toContainText(ACCOUNTS[key].badge);
      const nav = page.getByRole("navigation", { name: "Navigasi utama" });
      await expect(nav.getByRole("link")).toHaveText([...ACCOUNTS[key].nav]);
      // "Perlu tindakan" first: the work waiting for this role, or the province's alerts.
      await expect(page.getByTestId(key === "admin" || key === "kakanwil" ? "province-alerts" : "work-todo")).toBeVisible();
      // The work area's figures live on the Wilayah page.
      await page.goto("/areas");
      await expect(page.locator("dt", { hasText: "Kecamatan" }).locator("+ dd")).toHaveText(SCOPE[key].districts);
      if (SCOPE[key].regencies.length) {
        const items = page.getByTestId("scope-regencies").getByRole("link");
        await expect(items).toHaveText(SCOPE[key].regencies);
      }
    });
  });
}

test.describe("the admin", () => {
  test.use({ storageState: stateFile("admin") });

  test("finds an area among 514, grouped by province", async ({ page }) => {
    await page.goto("/areas");
    await expect(page.getByTestId("province-group")).toHaveCount(38);
    await page.getByLabel("Cari kabupaten/kota atau provinsi").fill("tangerang");
    await page.getByRole("button", { name: "Cari" }).click();
    await expect(page.getByTestId("province-group")).toHaveCount(1);
    await expect(page.getByTestId("scope-regencies").getByRole("link")).toHaveText(["Kabupaten Tangerang", "Kota Tangerang", "Kota Tangerang Selatan"]);
    await page.getByRole("link", { name: "Kota Tangerang", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Kecamatan di Kota Tangerang" })).toBeVisible();
  });
});

test.describe("a pemda officer", () => {
  test.use({ storageState: stateFile("petugasKota") });

  test("cannot open admin pages nor another area's kecamatan", async ({ page }) => {
    for (const path of ["/admin/users", "/admin/offices", "/admin/offices/1"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
    }
    await page.goto("/areas?kab=36.03");
    await expect(page.getByRole("heading", { name: "Kecamatan di Kota Tangerang" })).toBeVisible();
    await expect(page.getByText("Balaraja")).toHaveCount(0);
  });
});

test.describe("a branch head", () => {
  test.use({ storageState: stateFile("kacab") });

  test("sees only the kecamatan its branch serves", async ({ page }) => {
    await page.goto("/areas");
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(7); // header + 6 kecamatan
    await expect(page.getByRole("cell", { name: "Karawaci" })).toHaveCount(0);
    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
  });
});
