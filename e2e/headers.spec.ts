import { expect, test, type APIResponse } from "@playwright/test";
import { stateFile } from "./support/accounts";
import { getRoutes, portalPages } from "./support/pages";
import { startAppInstance } from "./support/server";

// ASVS 5.0 V3.4: every HTML response carries a per-request CSP with a nonce (no 'unsafe-inline'
// for scripts), and the static security headers; pages and downloads are never cached.

function expectStaticHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["referrer-policy"], what).toBe("same-origin");
  expect(h["permissions-policy"], what).toContain("camera=()");
  expect(h["cache-control"], what).toContain("no-store");
  // Plain HTTP here: no HSTS (it is sent only when a trusted proxy says the request was HTTPS).
  expect(h["strict-transport-security"], what).toBeUndefined();
}

function expectCsp(res: APIResponse, what: string): string {
  const csp = res.headers()["content-security-policy"] ?? "";
  const script = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
  expect(script, what).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(script, what).not.toContain("unsafe-inline");
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp, what).toContain(d);
  return /'nonce-([^']+)'/.exec(script)![1]!;
}

test.describe("as a signed-in user", () => {
  test.use({ storageState: stateFile("admin") });

  test("every portal page: CSP with a fresh nonce that its scripts carry, and the static headers", async ({ request }) => {
    const nonces = new Set<string>();
    for (const p of ["/login", ...portalPages()]) {
      const res = await request.get(p, { maxRedirects: 0 });
      expect(res.status(), p).toBeLessThan(500);
      expectStaticHeaders(res, p);
      if (res.status() >= 300 && res.status() < 400) continue;
      const nonce = expectCsp(res, p);
      nonces.add(nonce);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, p).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, p).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBeGreaterThan(10);
  });

  test("every GET route handler: the static headers, no caching", async ({ request }) => {
    const routes = getRoutes();
    expect(routes).toEqual(expect.arrayContaining(["/api/workers/export", "/api/imports/1/errors", "/api/regulations/1/document"]));
    for (const r of routes) {
      const res = await request.get(r, { maxRedirects: 0 });
      expect(res.status(), r).toBeLessThan(500);
      expectStaticHeaders(res, r);
    }
  });
});

test("the session cookie is HttpOnly and SameSite=Lax; the device and login cookies only reach /login", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("petugas.kotatangerang@portal.test");
  await page.getByLabel("Kata sandi").fill("rentan-demo-2026");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "authjs.session-token")!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const device = cookies.find((c) => c.name === "portal-device")!;
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/login" });
});

test("behind a trusted HTTPS proxy: HSTS on every page, and the cookies are Secure", async ({ browser }) => {
  test.setTimeout(120_000);
  const app = await startAppInstance({ TRUSTED_PROXY: "1" });
  try {
    const ctx = await browser.newContext({
      baseURL: app.url,
      extraHTTPHeaders: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7" },
      storageState: { cookies: [], origins: [] },
    });
    const page = await ctx.newPage();
    const login = await page.goto("/login");
    expect(login!.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    await page.getByLabel("Email").fill("petugas.kabtangerang@portal.test");
    await page.getByLabel("Kata sandi").fill("rentan-demo-2026");
    // The proxy would speak TLS; here the redirect to https:// goes nowhere, so the login's own
    // answer is read: its cookies.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
      page.getByRole("button", { name: "Masuk" }).click(),
    ]);
    const set = (await answer.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    const session = set.find((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(set.find((c) => c.startsWith("portal-device="))).toMatch(/; Secure/i);
    await ctx.close();
  } finally {
    await app.stop();
  }
});

test("every page's footer names the data-protection officer", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: stateFile("petugasKota") })).newPage();
  await page.goto("/dashboard");
  await expect(page.getByTestId("dpo-contact")).toHaveText("Pejabat Pelindungan Data Pribadi: ppdp@portal.test");
});
