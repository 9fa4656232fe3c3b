import type { PlaywrightTestConfig } from "@playwright/test";

/** How every spec's browser runs: Debian's Chromium (no browser download here), Indonesian, in WIB. */
export const BROWSER_USE: PlaywrightTestConfig["use"] = {
  locale: "id-ID",
  timezoneId: "Asia/Jakarta",
  trace: "retain-on-failure",
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};
