import { expect, test } from "@playwright/test";
import { stateFile } from "./support/accounts";
import { regulationIdOf } from "./support/db";

test.describe("supervisor of Kota Tangerang", () => {
  test.use({ storageState: stateFile("supervisorKota") });

  test("creates a draft Perwal, enacts it and amends its quota", async ({ page }) => {
    test.setTimeout(120_000);
    const title = `Perwal uji e2e ${Date.now()}`;
    await page.goto("/regulations");
    await page.getByRole("link", { name: "Tambah regulasi" }).click();

    // Bad input: the message sits next to the field and what was typed stays.
    await page.getByLabel("Judul").fill(title);
    await page.getByLabel("Mulai berlaku").fill("2027-01-01");
    await page.getByLabel("Berakhir (opsional)").fill("2026-12-31");
    await page.getByLabel("Kuota pekerja").fill("-5");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await expect(page.getByText("Kuota minimal 1.")).toBeVisible();
    await expect(page.getByText("Tanggal akhir tidak boleh sebelum tanggal mulai.")).toBeVisible();
    await expect(page.getByLabel("Judul")).toHaveValue(title);

    await page.getByLabel("Berakhir (opsional)").fill("");
    await page.getByLabel("Kuota pekerja").fill("20.000");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await expect(page).toHaveURL(/\/regulations\/\d+$/);
    await expect(page.getByRole("heading", { name: `Perwal · ${title}` })).toBeVisible();

    const stage = page.getByRole("main").locator("header");
    await expect(stage).toContainText("Draf");
    await page.getByRole("button", { name: "Ajukan harmonisasi" }).click();
    await expect(stage).toContainText("Harmonisasi");
    await page.getByLabel("Nomor regulasi").fill("Perwal Uji No. 99 Tahun 2026");
    // The pinned clock (24 November 2026 WIB) fills the date.
    await expect(page.getByLabel("Tanggal penetapan")).toHaveValue("2026-11-24");
    await page.getByRole("button", { name: "Tetapkan", exact: true }).click();
    await expect(stage).toContainText("Ditetapkan · Perwal Uji No. 99 Tahun 2026");

    await page.getByLabel("Judul perubahan").fill("Penambahan kuota");
    await page.getByLabel("Kuota baru (opsional)").fill("25.000");
    await page.getByRole("button", { name: "Buat draf perubahan" }).click();
    await expect(page.getByText("Draf perubahan dibuat.")).toBeVisible();
    // The amendment carries its own signed document.
    await page
      .getByLabel("Dokumen perubahan (PDF, maks. 10 MB)")
      .setInputFiles({ name: "perubahan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    await page.getByRole("button", { name: "Unggah dokumen" }).last().click();
    await expect(page.getByRole("link", { name: "perubahan.pdf (PDF)" })).toBeVisible();
    await page.getByLabel("Nomor perubahan").fill("Perwal Uji No. 100 Tahun 2026");
    await page.getByRole("button", { name: "Tetapkan perubahan" }).click();
    await expect(page.getByText("Penambahan kuota Ditetapkan · Perwal Uji No. 100 Tahun 2026")).toBeVisible();
    await expect(page.locator("dt", { hasText: /^Kuota$/ }).locator("+ dd")).toHaveText("25.000");
    await expect(page.locator("dt", { hasText: "Sisa kuota" }).locator("+ dd")).toHaveText("25.000");
    await expect(page.getByTestId("history")).toContainText("quota: 20000 → 25000");
    await expect(page.getByTestId("history")).toContainText("WIB");
  });

  test("sees the demo Perwal's budget for the current fiscal year", async ({ page }) => {
    await page.goto(`/regulations/${await regulationIdOf("36.71")}`);
    await expect(page.getByRole("heading", { name: "Anggaran tahun 2026" })).toBeVisible();
    await expect(page.getByTestId("budget-allocated")).toHaveText("Rp 4.032.000.000");
    await expect(page.getByText("Tarif bulan ini (JKK + JKM)").locator("+ dd")).toHaveText("Rp 16.800");
  });

  test("uploads the signed PDF, and a fake or oversized one is refused", async ({ page }) => {
    await page.goto(`/regulations/${await regulationIdOf("36.71")}`);
    const input = page.getByLabel("Dokumen bertanda tangan (PDF, maks. 10 MB)");
    await input.setInputFiles({ name: "setup.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00 this is an executable") });
    await page.getByRole("button", { name: "Unggah dokumen" }).click();
    await expect(page.getByText("Berkas bukan PDF. Unggah dokumen regulasi dalam format PDF.")).toBeVisible();
    await input.setInputFiles({
      name: "besar.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024)]),
    });
    await page.getByRole("button", { name: "Unggah dokumen" }).click();
    await expect(page.getByText("Berkas lebih dari 10 MB. Perkecil PDF-nya lalu unggah lagi.")).toBeVisible();
    await input.setInputFiles({
      name: "perwal-ditandatangani.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Unggah dokumen" }).click();
    await expect(page.getByText("Dokumen perwal-ditandatangani.pdf tersimpan.")).toBeVisible();
    const link = page.getByRole("link", { name: "perwal-ditandatangani.pdf (PDF)" });
    await expect(link).toBeVisible();
    const res = await page.request.get((await link.getAttribute("href"))!);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

test.describe("another area", () => {
  test.describe("officer of Kabupaten Tangerang", () => {
    test.use({ storageState: stateFile("petugasKab") });

    test("cannot see Kota Tangerang's Perwal by URL, list or document route", async ({ page }) => {
      const id = await regulationIdOf("36.71");
      const res = await page.goto(`/regulations/${id}`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
      await page.goto("/regulations");
      await expect(page.getByRole("link", { name: /Kota Tangerang|Perlindungan Jaminan Sosial/ })).toHaveCount(0);
      expect((await page.request.get(`/api/regulations/${id}/document`)).status()).toBe(404);
      const origin = new URL(page.url()).origin;
      expect(
        (
          await page.request.post(`/api/regulations/${id}/document`, { data: Buffer.from("%PDF-1.4"), headers: { origin, "content-type": "application/pdf" } })
        ).status(),
      ).toBe(403);
      const edit = await page.goto(`/regulations/${id}/edit`);
      expect(edit?.status()).toBe(403);
    });
  });

  test.describe("supervisor of Kabupaten Tangerang", () => {
    test.use({ storageState: stateFile("supervisorKab") });

    test("a forged server-action call with Kota Tangerang's id changes nothing", async ({ page }) => {
      const kota = await regulationIdOf("36.71");
      await page.goto(`/regulations/${await regulationIdOf("36.03")}`);
      // Point the amendment form at the other area's regulation, as a forged request would.
      await page.locator('form:has(input[name="newQuota"]) input[name="regulationId"]').evaluate((el, v) => ((el as HTMLInputElement).value = String(v)), kota);
      await page.getByLabel("Judul perubahan").fill("Perubahan palsu");
      await page.getByLabel("Kuota baru (opsional)").fill("1");
      await page.getByRole("button", { name: "Buat draf perubahan" }).click();
      await expect(page.getByText("Regulasi tidak ditemukan.")).toBeVisible();
      expect(
        (
          await page.request.post(`/api/regulations/${kota}/document`, {
            data: Buffer.from("%PDF-1.4\n"),
            headers: { "content-type": "application/pdf", origin: new URL(page.url()).origin },
          })
        ).status(),
      ).toBe(404);
    });
  });
});
