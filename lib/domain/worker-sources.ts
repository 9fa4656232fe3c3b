/** Where a registration's data came from (the labels the forms show). Plain data, no zod: the form's bundle imports it. */
export const SOURCES = {
  dtks_desil_1_2: "DTKS/DTSEN desil 1–2",
  dtks_desil_3_4: "DTKS/DTSEN desil 3–4",
  survei_lapangan: "Survei lapangan",
  usulan_desa: "Usulan desa/kelurahan",
  lainnya: "Lainnya",
} as const;
