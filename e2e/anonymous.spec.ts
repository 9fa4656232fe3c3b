import { expect, test } from "@playwright/test";
import { portalPages } from "./support/pages";

const PAGES = portalPages();

test("the portal pages were found", () => {
  expect(PAGES).toEqual(expect.arrayContaining(["/dashboard", "/areas", "/admin/users", "/admin/offices"]));
});

test("an anonymous visitor opening a page in the browser lands on the login form", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Masuk" })).toBeVisible();
});

for (const p of PAGES) {
  // The server's answer is what decides (the browser only follows it): no page renders for nobody.
  test(`anonymous visitor to ${p} is sent to /login`, async ({ request }) => {
    const res = await request.get(p, { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toMatch(/\/login/);
  });

  // CVE-2025-29927: a forged x-middleware-subrequest header once skipped Next's middleware.
  // Even if the proxy were skipped, the page checks the viewer itself.
  test(`x-middleware-subrequest does not open ${p}`, async ({ request }) => {
    for (const value of ["proxy", "middleware", "proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware"]) {
      const res = await request.get(p, { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
      expect(res.status(), value).toBe(307);
      expect(res.headers()["location"], value).toMatch(/\/login/);
    }
  });
}
