import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, fillLogin } from "./support/accounts";
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
