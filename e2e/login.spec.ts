import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, fillLogin, typeDemoCode } from "./support/accounts";
import { q } from "./support/clock";
import { createTestUser } from "./support/db";
import { startAppInstance } from "./support/server";

const SAME_MESSAGE = "Email atau kata sandi salah.";

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await fillLogin(page, "petugas.kotatangerang@portal.test", "bukan-kata-sandinya");
  await expect(page.getByTestId("form-message")).toHaveText(SAME_MESSAGE);
  await fillLogin(page, "tidak.ada@portal.test", DEMO_PASSWORD);
  await expect(page.getByTestId("form-message")).toHaveText(SAME_MESSAGE);
  await expect(page).toHaveURL(/\/login/);
});

test("empty fields get a message next to each field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText("Isi email.")).toBeVisible();
  await expect(page.getByText("Isi kata sandi.")).toBeVisible();
});

test("after 10 wrong passwords the right one is refused, also after a server restart", async ({ browser }) => {
  test.setTimeout(180_000);
  const email = `kunci.${Date.now()}@portal.test`;
  const password = "kata-sandi-benar-1";
  await createTestUser(email, password);

  // The failures go to a separate instance, which is then stopped: the block lives in PostgreSQL.
  const first = await startAppInstance();
  const ctx1 = await browser.newContext({ baseURL: first.url });
  const page1 = await ctx1.newPage();
  for (let i = 0; i < 10; i++) {
    await fillLogin(page1, email, `salah-${i}`);
    await expect(page1.getByTestId("form-message")).toHaveText(SAME_MESSAGE);
  }
  await ctx1.close();
  await first.stop();

  const second = await startAppInstance();
  try {
    const ctx2 = await browser.newContext({ baseURL: second.url });
    const page2 = await ctx2.newPage();
    await fillLogin(page2, email, password);
    await expect(page2.getByTestId("form-message")).toContainText("Terlalu banyak percobaan masuk yang gagal");
    await expect(page2).toHaveURL(/\/login/);
    await ctx2.close();
  } finally {
    await second.stop();
  }
});

test("logging out ends the session", async ({ page }) => {
  await fillLogin(page, "supervisor.kotatangerang@portal.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a link prefetch in flight at logout does not bring the session back", async ({ page }) => {
  await fillLogin(page, "supervisor.kabtangerang@portal.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  // Responses to pages requested with the session cookie must not set it again.
  const res = await page.request.get("/areas", { headers: { RSC: "1" } });
  expect(res.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token=ey");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.waitForTimeout(1000);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a copied session cookie is worthless after logout, and re-reading the session does not extend it", async ({ page, browser }) => {
  await fillLogin(page, "petugas.kabtangerang@portal.test", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  const copied = await page.context().cookies();
  const [before] = await q<{ expires_at: string }>(
    `select expires_at::text from user_sessions s join users u on u.id = s.user_id where u.email = 'petugas.kabtangerang@portal.test' and s.ended_at is null order by s.created_at desc limit 1`,
  );
  // Auth.js re-issues its cookie on every GET of /api/auth/session; the server-side end stays put.
  await page.request.get("/api/auth/session");
  const [after] = await q<{ expires_at: string; n: number }>(
    `select expires_at::text from user_sessions s join users u on u.id = s.user_id where u.email = 'petugas.kabtangerang@portal.test' and s.ended_at is null order by s.created_at desc limit 1`,
  );
  expect(after!.expires_at).toBe(before!.expires_at);

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  const thief = await browser.newContext({ storageState: { cookies: copied, origins: [] } });
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

test("a supervisor signs in with a code; a wrong code is refused next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("supervisor.kotatangerang@portal.test");
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByLabel("Kode autentikator")).toBeVisible();
  await expect(page.getByTestId("demo-code")).toContainText("tidak pernah tampil di produksi");
  await page.getByLabel("Kode autentikator").fill("12345");
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expect(page.locator("#f-code-err")).toContainText("6 angka");
  const shown = (await page.getByTestId("demo-code").locator("strong").textContent())!;
  const wrong = String((Number(shown) + 1) % 1_000_000).padStart(6, "0");
  await page.getByLabel("Kode autentikator").fill(wrong);
  await page.getByRole("button", { name: "Lanjut" }).click();
  await expect(page.locator("#f-code-err")).toHaveText("Kode salah, kedaluwarsa atau sudah dipakai.");
  await typeDemoCode(page);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("viewer-badge")).toContainText("Supervisor · Kota Tangerang");
});

test("'Akun saya' lists the sessions and ends the others; audit rows carry the address and session", async ({ browser }) => {
  const email = `sesi.${Date.now()}@portal.test`;
  const password = "kopi-hujan-sepeda-lampu";
  await createTestUser(email, password);
  const a = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  const b = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await fillLogin(a, email, password);
  await fillLogin(b, email, password);
  await expect(b).toHaveURL(/\/dashboard$/);
  await a.getByRole("link", { name: "Akun" }).click();
  await expect(a.getByTestId("session-row")).toHaveCount(2);
  await expect(a.getByTestId("session-row").filter({ hasText: "sesi ini" })).toHaveCount(1);
  await a.getByRole("button", { name: "Akhiri semua sesi lain" }).click();
  await expect(a.getByTestId("form-message")).toHaveText("1 sesi lain diakhiri.");
  await b.goto("/areas");
  await expect(b).toHaveURL(/\/login/);
  await a.goto("/areas");
  await expect(a).toHaveURL(/\/areas$/);
  const [row] = await q<{ ip: string | null; session_id: string | null }>(
    `select a.ip, a.session_id::text from audit_log a join users u on u.id = a.actor_id where u.email = $1 and a.action = 'auth.end_other_sessions'`,
    [email],
  );
  expect(row!.ip).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  expect(row!.session_id).toMatch(/^[0-9a-f-]{36}$/);
  await a.context().close();
  await b.context().close();
});
