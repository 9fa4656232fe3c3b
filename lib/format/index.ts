// Indonesian formatting: Rp 16.800, 24 November 2026, 09.15 WIB.
const TZ = "Asia/Jakarta";

const rupiah = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
const number = new Intl.NumberFormat("id-ID");
const date = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: TZ });
const time = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TZ });

export function formatRupiah(amount: number): string {
  return `Rp ${rupiah.format(amount)}`;
}

export function formatNumber(n: number): string {
  return number.format(n);
}

export function formatDate(d: Date): string {
  return date.format(d);
}

export function formatDateTime(d: Date): string {
  return `${date.format(d)}, ${time.format(d)} WIB`;
}
