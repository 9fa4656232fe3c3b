import { expect, test } from "@playwright/test";
import { currentTotp } from "@/lib/auth/totp";
import { fillLogin, stateFile } from "./support/accounts";
import { q } from "./support/clock";

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
  await expect(user.getByText("Kata sandi baru minimal 12 karakter.")).toBeVisible();
  // Long enough but easy to guess (the user's own name and a year): refused by the server's check.
  await user.getByLabel("Kata sandi saat ini").fill(oneTime!);
  await user.getByLabel("Kata sandi baru", { exact: true }).fill("rinamarlina2026");
  await user.getByLabel("Ulangi kata sandi baru").fill("rinamarlina2026");
  await user.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(user.locator("#f-newPassword-err")).toContainText("Kata sandi ini terlalu mudah ditebak");
  await user.getByLabel("Kata sandi saat ini").fill(oneTime!);
  await user.getByLabel("Kata sandi baru", { exact: true }).fill("pelangi-tujuh-warna-di-sawah");
  await user.getByLabel("Ulangi kata sandi baru").fill("pelangi-tujuh-warna-di-sawah");
  await user.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(user).toHaveURL(/\/dashboard$/);
  await expect(user.getByTestId("viewer-badge")).toContainText("Petugas · Kabupaten Tangerang");

  // The admin deactivates the user; the user's next click lands on the login page.
  await page.getByRole("link", { name: "Rina Marlina" }).first().click();
  await page.getByRole("button", { name: "Nonaktifkan pengguna" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Pengguna dinonaktifkan");

  await user.getByRole("link", { name: "Wilayah" }).click();
  await expect(user).toHaveURL(/\/login/);
  await fillLogin(user, email, "pelangi-tujuh-warna-di-sawah");
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
  // The uncovered kecamatan are grouped by kab/kota, each group assignable to a branch in one step:
  // it goes back to Batuceper so other specs see the seeded split.
  const kota = page.getByTestId("assign-uncovered").filter({ has: page.getByText("Kota Tangerang (1 kecamatan)", { exact: true }) });
  await expect(kota.getByTestId("uncovered-districts")).toContainText("Neglasari");
  await kota.getByLabel("Tetapkan ke kantor cabang").selectOption({ label: "Kantor Cabang Tangerang Batuceper" });
  await kota.getByRole("button", { name: "Tetapkan ke cabang" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("1 kecamatan kini dilayani kantor cabang yang dipilih.");
  await expect(page.getByText("Kota Tangerang (1 kecamatan)", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Kantor Cabang Tangerang Batuceper" }).click();
  await page.getByRole("link", { name: "Kota Tangerang", exact: true }).click();
  await expect(page.getByLabel(/Neglasari/)).toBeChecked();
});

test("a new supervisor must set up an authenticator after the password; recovery codes once; the admin can reset it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `spv.${Date.now()}@portal.test`;
  await page.goto("/admin/users");
  await page.getByLabel("Nama").fill("Dedi Kurniawan");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Peran").selectOption("supervisor");
  await page.getByLabel("Kabupaten/kota").selectOption("36.03");
  await page.getByRole("button", { name: "Tambah pengguna" }).click();
  const status = page.getByTestId("form-message");
  await expect(status).toContainText("berlaku 72 jam");
  const oneTime = /Kata sandi sementara: (\S+)/.exec((await status.textContent()) ?? "")?.[1];

  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const user = await ctx.newPage();
  await fillLogin(user, email, oneTime!);
  await expect(user).toHaveURL(/\/change-password$/);
  await user.getByLabel("Kata sandi saat ini").fill(oneTime!);
  await user.getByLabel("Kata sandi baru", { exact: true }).fill("jembatan-merah-di-kali-besar");
  await user.getByLabel("Ulangi kata sandi baru").fill("jembatan-merah-di-kali-besar");
  await user.getByRole("button", { name: "Simpan kata sandi" }).click();
  // Held at the set-up page: nothing else opens, no navigation.
  await expect(user).toHaveURL(/\/account\/mfa$/);
  await user.goto("/workers");
  await expect(user).toHaveURL(/\/account\/mfa$/);
  await expect(user.getByRole("navigation", { name: "Navigasi utama" })).toHaveCount(0);
  await user.getByRole("button", { name: "Mulai penyiapan" }).click();
  await expect(user.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" })).toBeVisible();
  const key = (await user.getByTestId("totp-key").textContent())!.replace(/\s+/g, "");
  await user.getByLabel("Kode dari aplikasi").fill("000000");
  await user.getByRole("button", { name: "Aktifkan" }).click();
  await expect(user.locator("#f-code-err")).toContainText("Kode tidak cocok");
  await user.getByLabel("Kode dari aplikasi").fill(await currentTotp(key));
  await user.getByRole("button", { name: "Aktifkan" }).click();
  await expect(user.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await user.getByRole("link", { name: "Lanjut ke beranda" }).click();
  await expect(user.getByRole("navigation", { name: "Navigasi utama" })).toBeVisible();
  await user.goto("/workers");
  await expect(user).toHaveURL(/\/workers$/);

  // The phone is lost: the admin resets the authenticator, and the user's session ends at once.
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Dedi Kurniawan" }).first().click();
  await expect(page.getByTestId("user-access")).toContainText("Verifikasi dua langkah: aktif sejak");
  await page.getByRole("button", { name: "Atur ulang autentikator" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Autentikator");
  await user.goto("/workers");
  await expect(user).toHaveURL(/\/login/);
  const [audit] = await q<{ n: number }>(
    `select count(*)::int as n from audit_log a join users u on u.id::text = a.entity_id where u.email = $1 and a.action = 'user.reset_mfa'`,
    [email],
  );
  expect(audit!.n).toBe(1);
  await ctx.close();
});
