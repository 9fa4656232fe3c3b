import { defineConfig } from "@playwright/test";
import { BROWSER_USE } from "./e2e/support/browser";

// The scale phase (`node scripts/test.mjs scale`): scripts/test.mjs starts the deployment
// (scripts/scale/topology.mjs) and passes its addresses in SCALE_TOPOLOGY.
if (!process.env.SCALE_TOPOLOGY) throw new Error("SCALE_TOPOLOGY belum diisi: jalankan lewat `node scripts/test.mjs scale`.");

export default defineConfig({
  testDir: "e2e/scale",
  outputDir: "test-results/playwright-scale",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/scale.json" }]],
  use: BROWSER_USE,
});
