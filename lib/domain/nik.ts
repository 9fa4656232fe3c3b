// NIK: 16 digits = province (2) + kabupaten/kota (2) + kecamatan (2) + DDMMYY (women: day + 40)
// + a serial from 0001. The region digits are where the NIK was first issued, not where the
// person lives: they are never used for authorisation, and an unknown kabupaten/kota or
// kecamatan is only a warning (areas get split and renumbered).

export type KnownAreas = { provinces: ReadonlySet<string>; regencies: ReadonlySet<string>; districts: ReadonlySet<string> };

export type NikInfo = {
  nik: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: "L" | "P";
  serial: string;
  warnings: string[];
};

export type NikResult = { ok: true; value: NikInfo } | { ok: false; error: string };

/** People type spaces and dots; those go. Anything else that is not a digit is an error. */
export function normalizeNik(input: string): string {
  return input.replace(/[\s.]/g, "");
}

export function parseNik(input: string, areas: KnownAreas, today: string): NikResult {
  const nik = normalizeNik(input);
  if (!/^\d+$/.test(nik)) return { ok: false, error: "NIK hanya boleh berisi angka." };
  if (nik.length !== 16) return { ok: false, error: `NIK harus 16 digit (tertulis ${nik.length} digit).` };
  const provinceCode = nik.slice(0, 2);
  const regencyCode = `${provinceCode}.${nik.slice(2, 4)}`;
  const districtCode = `${regencyCode}.${nik.slice(4, 6)}`;
  if (!areas.provinces.has(provinceCode)) return { ok: false, error: `Kode provinsi ${provinceCode} pada NIK tidak dikenal.` };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: "L" | "P" = day > 40 ? "P" : "L";
  if (day > 40) day -= 40;
  // Two-digit years: the latest century that does not put the birth in the future.
  const thisYear = Number(today.slice(0, 4));
  const year = 2000 + yy > thisYear ? 1900 + yy : 2000 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: "Tanggal lahir pada NIK (digit 7–12) bukan tanggal yang valid." };
  }
  const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const serial = nik.slice(12);
  if (serial === "0000") return { ok: false, error: "Nomor urut NIK (4 digit terakhir) tidak boleh 0000." };
  const warnings: string[] = [];
  if (!areas.regencies.has(regencyCode)) warnings.push(`Kode kabupaten/kota ${regencyCode} pada NIK tidak dikenal (wilayah mungkin sudah dimekarkan).`);
  else if (!areas.districts.has(districtCode)) warnings.push(`Kode kecamatan ${districtCode} pada NIK tidak dikenal (kecamatan mungkin sudah dimekarkan).`);
  return { ok: true, value: { nik, provinceCode, regencyCode, districtCode, birthDate, sex, serial, warnings } };
}

/** A typed birth date or sex that disagrees with the NIK is a warning the officer confirms. */
export function compareWithNik(info: Pick<NikInfo, "birthDate" | "sex">, typed: { birthDate?: string | null; sex?: "L" | "P" | null }): string[] {
  const out: string[] = [];
  if (typed.birthDate && typed.birthDate !== info.birthDate) out.push(`Tanggal lahir berbeda dengan NIK (NIK: ${info.birthDate}).`);
  if (typed.sex && typed.sex !== info.sex) out.push(`Jenis kelamin berbeda dengan NIK (NIK: ${info.sex === "P" ? "perempuan" : "laki-laki"}).`);
  return out;
}

/**
 * "367105••••••••••": the six region digits (province, kabupaten/kota, kecamatan) and nothing
 * else. The birth date and the serial are what make a NIK a person's; with the serial shown (and
 * serials are small numbers) a masked NIK plus the birth date on the page gave the whole NIK back.
 */
export function maskNik(nik: string): string {
  return /^\d{16}$/.test(nik) ? `${nik.slice(0, 6)}••••••••••` : "••••";
}

/** Whole years of age on `day` (both ISO dates): what roles without the reveal right see. */
export function ageInYears(birthDate: string, day: string): number {
  return Math.floor(ageInMonths(birthDate, day) / 12);
}

/** Age in whole months on `day` (both ISO dates, YYYY-MM-DD). */
export function ageInMonths(birthDate: string, day: string): number {
  const part = (s: string, from: number, to: number) => Number(s.slice(from, to));
  return (part(day, 0, 4) - part(birthDate, 0, 4)) * 12 + (part(day, 5, 7) - part(birthDate, 5, 7)) - (part(day, 8, 10) < part(birthDate, 8, 10) ? 1 : 0);
}

/** Days in a Gregorian month (1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isAgeEligible(birthDate: string, day: string, rule: { minAgeMonths: number; maxAgeMonths: number }): boolean {
  const age = ageInMonths(birthDate, day);
  return age >= rule.minAgeMonths && age <= rule.maxAgeMonths;
}

/**
 * What an anonymised enrollment holds instead of its NIK (province 00 does not exist, so no real
 * NIK is ever this); the NIK itself survives only as a keyed hash (workers.nik_hash).
 */
export const ANONYMISED_NIK = "0000000000000000";
