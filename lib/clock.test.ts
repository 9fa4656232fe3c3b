import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function freshClock(vars: Record<string, string>) {
  vi.stubEnv("DATABASE_URL", "postgres://x/y");
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  vi.resetModules();
  return import("./clock");
}

describe("clock", () => {
  it("returns the pinned time in test mode", async () => {
    const { now } = await freshClock({ PORTAL_MODE: "test", PORTAL_CLOCK: "2026-11-24T02:00:00Z" });
    expect(now().toISOString()).toBe("2026-11-24T02:00:00.000Z");
  });
  it("refuses a pinned clock in production", async () => {
    const { now } = await freshClock({ PORTAL_MODE: "production", PORTAL_CLOCK: "2026-11-24T02:00:00Z" });
    expect(() => now()).toThrow(/PORTAL_CLOCK hanya boleh/);
  });
  it("follows real time when not pinned", async () => {
    const { now } = await freshClock({ PORTAL_MODE: "production" });
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
