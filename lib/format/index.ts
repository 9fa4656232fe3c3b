// Indonesian formatting: Rp 16.800, 24 November 2026, 09.15 WIB.
const TZ = "Asia/Jakarta";

const rupiah = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
const number = new Intl.NumberFormat("id-ID");
const date = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: TZ });
const time = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TZ });

export function formatRupiah(amount: number): string {
  return `Rp ${rupiah.format(amount)}`;
}

const oneDecimal = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });
const SHORT: [number, string][] = [
  [1e12, "T"],
  [1e9, "M"],
  [1e6, "jt"],
];

/** Rupiah at a glance, as budgets are spoken of: Rp 98,3 jt, Rp 44,8 M (miliar), Rp 1,2 T; below a million in full. */
export function formatRupiahShort(amount: number): string {
  const unit = SHORT.find(([n]) => Math.abs(amount) >= n);
  return unit ? `Rp ${oneDecimal.format(Math.floor((amount / unit[0]) * 10) / 10)} ${unit[1]}` : formatRupiah(amount);
}

export function formatNumber(n: number): string {
  return number.format(n);
}

// Raw SQL rows carry timestamptz as PostgreSQL's text ("2026-12-02 06:46:23.6+00"); the query builder gives Dates.
const instant = (d: Date | string) => (d instanceof Date ? d : new Date(d));

export function formatDate(d: Date | string): string {
  return date.format(instant(d));
}

export function formatDateTime(d: Date | string): string {
  return `${date.format(instant(d))}, ${time.format(instant(d))} WIB`;
}
