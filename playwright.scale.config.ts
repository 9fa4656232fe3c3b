import { defineConfig } from "@playwright/test";

// The scale phase (`node scripts/test.mjs scale`): scripts/scale/run.mjs starts the deployment
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
  use: {
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
});
