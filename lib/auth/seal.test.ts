import { beforeAll, describe, expect, it } from "vitest";
import { keyedHash, seal, unseal } from "./seal";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-secret-not-for-production-0123456789";
});

describe("seal", () => {
  it("round-trips, and two seals of one value differ", () => {
    const a = seal("JBSWY3DPEHPK3PXP");
    expect(unseal(a)).toBe("JBSWY3DPEHPK3PXP");
    expect(seal("JBSWY3DPEHPK3PXP")).not.toBe(a);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
  });
  it("refuses a tampered seal and another purpose's key", () => {
    const a = seal("rahasia");
    const parts = a.split(".");
    parts[3] = Buffer.from("lain").toString("base64url");
    expect(() => unseal(parts.join("."))).toThrow();
    expect(() => unseal(a, "device")).toThrow();
  });
  it("keyed hashes depend on the purpose", () => {
    expect(keyedHash("x", "device")).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash("x", "device")).not.toBe(keyedHash("x", "recovery-code"));
  });
});
