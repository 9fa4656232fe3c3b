import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Every page under app/(portal), found on disk so that a new page is covered without editing
// this spec. Dynamic segments get a plausible value.
function portalPages(): string[] {
  const root = path.resolve("app/(portal)");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "page.tsx") {
        const rel = path
          .relative(root, dir)
          .split(path.sep)
          .filter((s) => !s.startsWith("("));
        out.push("/" + rel.map((s) => (s.startsWith("[") ? "1" : s)).join("/"));
      }
    }
  };
  walk(root);
  return out.sort();
}

const PAGES = portalPages();

test("the portal pages were found", () => {
  expect(PAGES).toEqual(expect.arrayContaining(["/dashboard", "/areas", "/admin/users", "/admin/offices"]));
});

for (const p of PAGES) {
  test(`anonymous visitor to ${p} is sent to /login`, async ({ page }) => {
    await page.goto(p);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Masuk" })).toBeVisible();
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
