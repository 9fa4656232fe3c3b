// One imported row checked with the rules of single registration (lib/domain/nik, the worker
// form's rules), without the database: area codes and occupations come in as lookup tables.
// Pure; table-tested in validate-row.test.ts.
import { HEIR_WORDS } from "@/lib/domain/heirs";
import { isAgeEligible, parseNik, type KnownAreas } from "@/lib/domain/nik";

export type RowCells = Partial<Record<string, string>>;
export type RowError = { column: string; message: string };
export type CleanRow = {
  nik: string;
  name: string;
  birthDate: string;
  sex: "L" | "P";
  address: string;
  districtCode: string | null;
  villageCode: string | null;
  phone: string;
  occupationId: number | null;
  income: number;
  kkNumber: string | null;
  source: string;
  heirName: string | null;
  heirRelationship: string | null;
  heirNik: string | null;
};
/**
 * `warnings`: what single registration asks the officer to confirm (a typed birth date or sex that
 * disagrees with the NIK, ../shared/DOMAIN.md): the row is still imported, flagged, and whoever
 * commits confirms the flagged rows or leaves them out to fix.
 */
export type RowVerdict = {
  outcome: "valid" | "tidak_lengkap" | "galat";
  clean: CleanRow | null;
  errors: RowError[];
  warnings: RowError[];
  nikNorm: string | null;
};

export type RowContext = {
  areas: KnownAreas;
  regencyCode: string;
  districts: ReadonlySet<string>; // dotted codes of the area's kecamatan
  villages: ReadonlySet<string>; // dotted codes of the area's kelurahan/desa
  occupations: ReadonlyMap<string, number>; // lower-case name → id
  today: string;
  policy: { minAgeMonths: number; maxAgeMonths: number };
};

const SOURCES: Record<string, string> = {
  dtks: "dtks_desil_1_2",
  dtsen: "dtks_desil_1_2",
  dtks_desil_1_2: "dtks_desil_1_2",
  dtks_desil_3_4: "dtks_desil_3_4",
  survei: "survei_lapangan",
  survei_lapangan: "survei_lapangan",
  usulan_desa: "usulan_desa",
  usulan_kelurahan: "usulan_desa",
  desa: "usulan_desa",
  siak: "lainnya",
  lainnya: "lainnya",
};
const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, "_");

/** A date as YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or an Excel serial number; null if none of those. */
export function parseImportDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if (/^\d{4,5}(\.0+)?$/.test(s)) {
    // Excel's serial day (1900 system; 25569 = 1 January 1970).
    const serial = Number(s);
    if (serial < 1 || serial > 80000) return null;
    return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
  } else return null;
  const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** "36.71.01" or "367101" → "36.71.01"; "36.71.01.1001" or "3671011001" → "36.71.01.1001". */
export function normaliseAreaCode(input: string, kind: "district" | "village"): string | null {
  const digits = input.replace(/[\s.]/g, "");
  if (kind === "district" && /^\d{6}$/.test(digits)) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}`;
  if (kind === "village" && /^\d{10}$/.test(digits)) return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
  return null;
}

export function validateRow(cells: RowCells, ctx: RowContext): RowVerdict {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const err = (column: string, message: string) => errors.push({ column, message });
  const warn = (column: string, message: string) => warnings.push({ column, message });
  const raw = (c: string) => (cells[c] ?? "").trim();

  // NIK: Excel's scientific notation and lost leading digits get their own explanations.
  const nikRaw = raw("nik");
  let nikNorm: string | null = null;
  let fromNik: { birthDate: string; sex: "L" | "P" } | null = null;
  if (!nikRaw) err("nik", "NIK wajib diisi.");
  else if (/^\d(\.\d+)?e\+?\d+$/i.test(nikRaw.replace(",", ".")))
    err("nik", "NIK berubah menjadi angka ilmiah (mis. 3,67E+15) oleh Excel; format kolom NIK sebagai Teks lalu ketik ulang.");
  else {
    const digits = nikRaw.replace(/[\s.]/g, "");
    if (/^\d{15}$/.test(digits)) err("nik", "NIK hanya 15 digit: angka depannya kemungkinan hilang karena Excel; format kolom sebagai Teks lalu ketik ulang.");
    else {
      const parsed = parseNik(nikRaw, ctx.areas, ctx.today);
      if (!parsed.ok) err("nik", parsed.error);
      else {
        nikNorm = parsed.value.nik;
        fromNik = { birthDate: parsed.value.birthDate, sex: parsed.value.sex };
      }
    }
  }
  const name = raw("nama");
  if (!name) err("nama", "Nama wajib diisi.");
  else if (name.length < 2) err("nama", "Nama terlalu pendek; isi sesuai KTP.");
  else if (name.length > 150) err("nama", "Nama terlalu panjang (lebih dari 150 huruf).");

  // Birth date and sex come from the NIK; a given one that differs is kept (as single registration
  // keeps what the officer typed and confirmed) and flagged.
  let birthDate = fromNik?.birthDate ?? "";
  if (raw("tanggal_lahir")) {
    const d = parseImportDate(raw("tanggal_lahir"));
    if (!d) err("tanggal_lahir", `Tanggal lahir "${raw("tanggal_lahir")}" tidak dikenali; gunakan YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY.`);
    else {
      if (fromNik && d !== fromNik.birthDate) warn("tanggal_lahir", `Tanggal lahir ${d} berbeda dengan NIK (${fromNik.birthDate}).`);
      birthDate = d;
    }
  }
  let sex = fromNik?.sex ?? "L";
  if (raw("jenis_kelamin")) {
    const s = raw("jenis_kelamin").toUpperCase();
    const v = s === "L" || s === "LAKI-LAKI" || s === "LAKI_LAKI" ? "L" : s === "P" || s === "PEREMPUAN" ? "P" : null;
    if (!v) err("jenis_kelamin", "Jenis kelamin diisi L atau P.");
    else {
      if (fromNik && v !== fromNik.sex) warn("jenis_kelamin", `Jenis kelamin ${v} berbeda dengan NIK (${fromNik.sex}).`);
      sex = v;
    }
  }

  let districtCode: string | null = null;
  if (raw("kode_kecamatan")) {
    districtCode = normaliseAreaCode(raw("kode_kecamatan"), "district");
    if (!districtCode) err("kode_kecamatan", "Kode kecamatan harus 6 digit (boleh bertitik, mis. 36.71.01).");
    else if (!ctx.districts.has(districtCode)) {
      err("kode_kecamatan", `Kecamatan ${districtCode} bukan bagian dari wilayah Anda.`);
      districtCode = null;
    }
  }
  let villageCode: string | null = null;
  if (raw("kode_kelurahan")) {
    villageCode = normaliseAreaCode(raw("kode_kelurahan"), "village");
    if (!villageCode) err("kode_kelurahan", "Kode kelurahan/desa harus 10 digit (boleh bertitik, mis. 36.71.01.1001).");
    else if (!ctx.villages.has(villageCode)) {
      err("kode_kelurahan", `Kelurahan/desa ${villageCode} bukan bagian dari wilayah Anda.`);
      villageCode = null;
    } else if (districtCode && !villageCode.startsWith(`${districtCode}.`)) err("kode_kelurahan", "Kelurahan/desa tidak berada di kecamatan yang diisi.");
    else districtCode ??= villageCode.slice(0, 8);
  }
  const phone = raw("no_hp");
  if (phone && !/^(\+62|0)[0-9 -]{7,15}$/.test(phone)) err("no_hp", "Nomor HP tidak valid (contoh: 0812 3456 7890).");
  let occupationId: number | null = null;
  if (raw("pekerjaan")) {
    occupationId = ctx.occupations.get(raw("pekerjaan").toLowerCase()) ?? null;
    if (occupationId === null) err("pekerjaan", `Pekerjaan "${raw("pekerjaan")}" tidak ada di daftar kategori; gunakan nama kategori di templat.`);
  }
  let income = 1_000_000;
  if (raw("penghasilan")) {
    const digits = raw("penghasilan")
      .replace(/^Rp\s*/i, "")
      .replace(/[.\s]/g, "")
      .replace(/,00$/, "");
    if (!/^\d{1,10}$/.test(digits)) err("penghasilan", "Penghasilan diisi angka rupiah (mis. 1500000).");
    else income = Number(digits);
  }
  const kk = raw("nomor_kk").replace(/[\s.]/g, "");
  if (kk && !/^\d{16}$/.test(kk)) err("nomor_kk", "Nomor KK harus 16 digit.");
  const source = raw("sumber_data") ? (SOURCES[key(raw("sumber_data"))] ?? "lainnya") : "lainnya";
  const heirName = raw("ahli_waris_nama") || null;
  let heirRelationship: string | null = null;
  if (raw("ahli_waris_hubungan")) {
    heirRelationship = HEIR_WORDS[key(raw("ahli_waris_hubungan"))] ?? null;
    if (!heirRelationship)
      err("ahli_waris_hubungan", "Hubungan ahli waris: istri, suami, anak, orang tua, cucu, kakek/nenek, saudara kandung, mertua atau ditunjuk.");
  }
  const heirNik = raw("ahli_waris_nik").replace(/[\s.]/g, "") || null;
  const heirParsed = heirNik ? parseNik(heirNik, ctx.areas, ctx.today) : null;
  if (heirParsed && !heirParsed.ok) err("ahli_waris_nik", `NIK ahli waris: ${heirParsed.error}`);
  else if (heirNik && heirNik === nikNorm) err("ahli_waris_nik", "NIK ahli waris tidak boleh sama dengan NIK pekerja.");

  const complete = !!(districtCode && villageCode && heirName && heirRelationship);
  // As at a single submission: a complete row must be of age under the default policy.
  if (complete && birthDate && !errors.length && !isAgeEligible(birthDate, ctx.today, ctx.policy)) {
    err(
      "tanggal_lahir",
      `Usia pekerja di luar ketentuan (${Math.floor(ctx.policy.minAgeMonths / 12)} tahun sampai ${Math.floor(ctx.policy.maxAgeMonths / 12)} tahun ${ctx.policy.maxAgeMonths % 12} bulan).`,
    );
  }
  if (errors.length) return { outcome: "galat", clean: null, errors, warnings, nikNorm };
  return {
    outcome: complete ? "valid" : "tidak_lengkap",
    nikNorm,
    errors,
    warnings,
    clean: {
      nik: nikNorm!,
      name,
      birthDate,
      sex,
      address: raw("alamat"),
      districtCode,
      villageCode,
      phone,
      occupationId,
      income,
      kkNumber: kk || null,
      source,
      heirName,
      heirRelationship,
      heirNik,
    },
  };
}
