export const TYPE_LABELS = { perwal: "Perwal", perbup: "Perbup", pergub: "Pergub", perda: "Perda", perdes: "Perdes", pks: "PKS" } as const;

export const ISSUER_LABELS = {
  kabkota: "Pemerintah kabupaten/kota (APBD kab/kota)",
  provinsi: "Pemerintah provinsi (APBD provinsi)",
  desa: "Pemerintah desa (APBDes)",
  csr: "CSR perusahaan",
  lainnya: "Lainnya",
} as const;

export function ageLabel(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return m ? `${y} tahun ${m} bulan` : `${y} tahun`;
}
