import { afterEach, describe, expect, it, vi } from "vitest";

// Production follows real time and never reads the database; the movable demo/test clock (the
// portal_clock row) is covered by tests/integration/clock.test.ts on a real PostgreSQL.

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
  it("refuses a pinned clock in production", async () => {
    const { now } = await freshClock({ PORTAL_MODE: "production", PORTAL_CLOCK: "2026-11-24T02:00:00Z" });
    await expect(now()).rejects.toThrow(/PORTAL_CLOCK hanya boleh/);
  });
  it("follows real time in production", async () => {
    const { now, today } = await freshClock({ PORTAL_MODE: "production" });
    expect(Math.abs((await now()).getTime() - Date.now())).toBeLessThan(1000);
    expect(await today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
