import { describe, expect, it } from "vitest";
import { currentTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpUri, verifyTotp } from "./totp";

describe("TOTP", () => {
  const secret = newTotpSecret();
  const at = new Date("2026-12-02T10:00:10Z");

  it("accepts the current code and the one of the step before, not older ones", async () => {
    const now = await currentTotp(secret, at);
    expect(await verifyTotp(secret, now, null, at)).toBe(Math.floor(at.getTime() / 30000));
    const prev = await currentTotp(secret, new Date(at.getTime() - 30_000));
    expect(await verifyTotp(secret, prev, null, at)).not.toBeNull();
    const old = await currentTotp(secret, new Date(at.getTime() - 120_000));
    if (old !== now && old !== prev) expect(await verifyTotp(secret, old, null, at)).toBeNull();
  });

  it("refuses a code of a step already used (replay)", async () => {
    const now = await currentTotp(secret, at);
    const step = await verifyTotp(secret, now, null, at);
    expect(step).not.toBeNull();
    expect(await verifyTotp(secret, now, step, at)).toBeNull();
  });

  it("refuses malformed codes and another secret's code", async () => {
    expect(await verifyTotp(secret, "12345", null, at)).toBeNull();
    expect(await verifyTotp(secret, "abcdef", null, at)).toBeNull();
    const other = await currentTotp(newTotpSecret(), at);
    if (other !== (await currentTotp(secret, at))) expect(await verifyTotp(secret, other, null, at)).toBeNull();
  });

  it("builds an otpauth URI an authenticator app reads", () => {
    const uri = totpUri(secret, "admin@portal.test");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Portal%20Pekerja%20Rentan:admin%40portal\.test\?/);
    expect(uri).toContain(`secret=${secret}`);
  });

  it("makes ten distinct recovery codes and normalizes typed ones", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normalizeRecoveryCode(" ABCDE-fghjk ")).toBe("abcdefghjk");
  });
});
