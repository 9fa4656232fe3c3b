import fs from "node:fs";
import path from "node:path";

// The pages and route handlers on disk, so that a new one is covered without editing a spec.
// Dynamic segments get a plausible value.
function walk(rootDir: string, file: string): { url: string; file: string }[] {
  const root = path.resolve(rootDir);
  const out: { url: string; file: string }[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name === file) {
        const rel = path
          .relative(root, dir)
          .split(path.sep)
          .filter((s) => s && !s.startsWith("("));
        out.push({ url: "/" + rel.map((s) => (s.startsWith("[") ? "1" : s)).join("/"), file: p });
      }
    }
  };
  visit(root);
  return out.sort((a, b) => a.url.localeCompare(b.url));
}

/** Every page under app/(portal). */
export const portalPages = (): string[] => walk("app/(portal)", "page.tsx").map((p) => p.url);

/** Every route handler under app/api that answers GET (Auth.js's own excepted). */
export const getRoutes = (): string[] =>
  walk("app/api", "route.ts")
    .filter((r) => !r.url.startsWith("/auth") && /export const GET\b/.test(fs.readFileSync(r.file, "utf8")))
    .map((r) => `/api${r.url}`);
