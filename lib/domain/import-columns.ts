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
