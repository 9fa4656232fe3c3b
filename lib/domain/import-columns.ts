// The bulk import template.
/** The template's columns, in order: the staging table keeps each as the text it arrived as. */
export const IMPORT_COLUMNS = [
  "nik",
  "nama",
  "tanggal_lahir",
  "jenis_kelamin",
  "alamat",
  "kode_kecamatan",
  "kode_kelurahan",
  "no_hp",
  "pekerjaan",
  "penghasilan",
  "nomor_kk",
  "sumber_data",
  "ahli_waris_nama",
  "ahli_waris_hubungan",
  "ahli_waris_nik",
] as const;

export type ColumnGuide = { column: (typeof IMPORT_COLUMNS)[number]; required: boolean; example: string; note: string };

/** What each column holds, for the import page's table; the examples are the template's example row (fictional). */
export const IMPORT_COLUMN_GUIDE: ColumnGuide[] = [
  { column: "nik", required: true, example: "3671014203850001", note: "16 digit; format kolom sebagai Teks di Excel" },
  { column: "nama", required: true, example: "Siti Contoh", note: "sesuai KTP" },
  { column: "tanggal_lahir", required: false, example: "1985-03-02", note: "kosong: dari NIK; YYYY-MM-DD atau DD/MM/YYYY" },
  { column: "jenis_kelamin", required: false, example: "P", note: "L atau P; kosong: dari NIK" },
  { column: "alamat", required: false, example: "Jl. Melati No. 3", note: "" },
  { column: "kode_kecamatan", required: false, example: "36.71.01", note: "kode Kemendagri, boleh tanpa titik" },
  { column: "kode_kelurahan", required: false, example: "36.71.01.1001", note: "kode Kemendagri, boleh tanpa titik" },
  { column: "no_hp", required: false, example: "081234567890", note: "" },
  { column: "pekerjaan", required: false, example: "Pedagang", note: "nama kategori pekerjaan portal" },
  { column: "penghasilan", required: false, example: "1500000", note: "rupiah per bulan; kosong: Rp 1.000.000" },
  { column: "nomor_kk", required: false, example: "", note: "16 digit" },
  { column: "sumber_data", required: false, example: "DTKS/DTSEN", note: "DTKS/DTSEN, survei, usulan desa, lainnya" },
  { column: "ahli_waris_nama", required: false, example: "Budi Contoh", note: "" },
  { column: "ahli_waris_hubungan", required: false, example: "suami", note: "istri, suami, anak, orang tua, cucu, saudara kandung, …" },
  { column: "ahli_waris_nik", required: false, example: "", note: "16 digit" },
];
