import { expect, test } from "@playwright/test";
import { fillLogin, stateFile } from "./support/accounts";

test.use({ storageState: stateFile("admin") });

test("admin creates a user, who must change the one-time password; deactivation logs them out on the next click", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `baru.${Date.now()}@portal.test`;

  await page.goto("/admin/users");
  await page.getByLabel("Nama").fill("Rina Marlina");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Peran").selectOption("petugas");
  await page.getByLabel("Kabupaten/kota").selectOption("36.03");
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  const status = page.getByTestId("form-message");
  await expect(status).toContainText(`Pengguna ${email} dibuat`);
  const oneTime = /Kata sandi sementara: (\S+)/.exec((await status.textContent()) ?? "")?.[1];
  expect(oneTime).toBeTruthy();

  // The new user logs in and is held at the password change until it is done.
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const user = await ctx.newPage();
  await fillLogin(user, email, oneTime!);
  await expect(user).toHaveURL(/\/change-password$/);
  await user.goto("/areas");
  await expect(user).toHaveURL(/\/change-password$/);
  await user.getByLabel("Kata sandi saat ini").fill(oneTime!);
  await user.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
  await user.getByLabel("Ulangi kata sandi baru").fill("pendek");
  await user.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(user.getByText("Kata sandi baru minimal 10 karakter.")).toBeVisible();
  await user.getByLabel("Kata sandi saat ini").fill(oneTime!);
  await user.getByLabel("Kata sandi baru", { exact: true }).fill("sandi-baru-rina-2026");
  await user.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-rina-2026");
  await user.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(user).toHaveURL(/\/dashboard$/);
  await expect(user.getByTestId("viewer-badge")).toContainText("Petugas · Kabupaten Tangerang");

  // The admin deactivates the user; the user's next click lands on the login page.
  await page.getByRole("link", { name: "Rina Marlina" }).first().click();
  await page.getByRole("button", { name: "Nonaktifkan pengguna" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Pengguna dinonaktifkan");

  await user.getByRole("link", { name: "Wilayah" }).click();
  await expect(user).toHaveURL(/\/login/);
  await fillLogin(user, email, "sandi-baru-rina-2026");
  await expect(user.getByTestId("form-message")).toHaveText("Email atau kata sandi salah.");
  await ctx.close();
});

test("admin moves a kecamatan between branches and the branch list follows at once", async ({ page }) => {
  await page.goto("/admin/offices");
  await page.getByRole("link", { name: "Kantor Cabang Tangerang Batuceper" }).click();
  await page.getByRole("link", { name: "Kota Tangerang", exact: true }).click();
  await expect(page.getByLabel(/Neglasari/)).toBeChecked();
  await page.getByLabel(/Neglasari/).uncheck();
  await page.getByRole("button", { name: "Simpan cakupan" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Cakupan kecamatan disimpan");
  await page.goto("/admin/offices");
  await expect(page.getByTestId("uncovered-districts")).toContainText("Neglasari");
  // Put it back so other specs see the seeded split.
  await page.getByRole("link", { name: "Kantor Cabang Tangerang Batuceper" }).click();
  await page.getByRole("link", { name: "Kota Tangerang", exact: true }).click();
  await page.getByLabel(/Neglasari/).check();
  await page.getByRole("button", { name: "Simpan cakupan" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Cakupan kecamatan disimpan");
});
