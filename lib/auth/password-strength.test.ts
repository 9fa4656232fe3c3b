import { describe, expect, it } from "vitest";
import { weakPasswordReason } from "./password-strength";

describe("weakPasswordReason", () => {
  it.each(["password1234", "qwertyuiop12", "bismillah123", "indonesia1945", "tangerang2026", "merdeka17081945", "123456789012", "sayangku1234"])(
    "refuses the common or Indonesian-flavoured %s",
    (pw) => {
      expect(weakPasswordReason(pw)).toMatch(/^Kata sandi ini terlalu mudah ditebak/);
    },
  );

  it("refuses a password built from the user's own name and email", () => {
    expect(weakPasswordReason("sitirahmawati1", ["siti.rahmawati@portal.test", "Siti Rahmawati"])).not.toBeNull();
  });

  it.each(["kopi-hujan-sepeda-lampu", "Tujuh ekor kucing makan tahu", "gV8#qL2!zR5@wT"])("accepts %s", (pw) => {
    expect(weakPasswordReason(pw)).toBeNull();
  });
});
