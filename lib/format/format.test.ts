import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatRupiah, formatRupiahShort } from ".";

describe("Indonesian formatting", () => {
  it("formats money, numbers, dates and WIB times", () => {
    expect(formatRupiah(16800)).toBe("Rp 16.800");
    expect(formatNumber(200000)).toBe("200.000");
    expect(formatDate(new Date("2026-11-24T02:00:00Z"))).toBe("24 November 2026");
    // 17:30 UTC is 00:30 WIB the next day.
    expect(formatDateTime(new Date("2026-11-24T17:30:00Z"))).toBe("25 November 2026, 00.30 WIB");
    // A raw SQL row's timestamptz, as PostgreSQL writes it.
    expect(formatDateTime("2026-11-24 17:30:00.123456+00")).toBe("25 November 2026, 00.30 WIB");
  });
});

describe("formatRupiahShort", () => {
  it.each([
    [98_300_000, "Rp 98,3 jt"],
    [44_800_000_000, "Rp 44,8 M"],
    [4_032_000_000, "Rp 4 M"],
    // Rounded down: a budget never looks bigger than it is.
    [44_899_999_999, "Rp 44,8 M"],
    [1_250_000_000_000, "Rp 1,2 T"],
    [16_800, "Rp 16.800"],
    [0, "Rp 0"],
  ])("%d → %s", (n, s) => expect(formatRupiahShort(n)).toBe(s));
});
