import { defineConfig } from "@playwright/test";
import { BROWSER_USE } from "./e2e/support/browser";

// Run through `npm test` (or `npm run test:e2e`): scripts/test.mjs starts a throwaway database
// and a production build, then passes its address in E2E_BASE_URL.
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) throw new Error("E2E_BASE_URL belum diisi: jalankan e2e lewat `npm run test:e2e`, yang menyiapkan database dan server.");

export default defineConfig({
  testDir: "e2e",
  // Not test-results/ itself: Playwright empties its outputDir, and the runner keeps reports there.
  outputDir: "test-results/playwright",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: { baseURL, ...BROWSER_USE },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], testIgnore: [/auth\.setup\.ts/, /clock\//, /scale\//] },
    // Specs that move the database clock run alone, after every other spec (the e2e workers share one database).
    // One at a time: each clock spec pins the one database clock. Files run in name order, which is
    // time order (1-…2027, 2-…2028): the worker runs scheduled periods only forward, so a spec
    // never moves the clock back before a period a previous spec already reached.
    { name: "clock", dependencies: ["chromium"], testMatch: /clock\/.*\.spec\.ts/, workers: 1 },
  ],
});
