import { inject } from "vitest";
import { connect } from "@/db/connection";
import type { Viewer } from "@/lib/authz/viewer";
import { stageUpload } from "@/lib/imports/upload";
import { createAreaUser, firstVillageOf } from "./areas";
import { viewerFor } from "./viewers";

export type ImportArea = { code: string; kec: string; village: string; officer: Viewer; supervisor: Viewer; regulationId: number };

/** An area of its own: an officer, a supervisor and one enacted regulation with the given quota. */
export async function importArea(code: string, quota: number): Promise<ImportArea> {
  const { sql } = connect(inject("databaseUrl"), 1);
  try {
    const name = code.replace(".", "");
    await createAreaUser(`petugas.${name}@portal.test`, "petugas", code);
    await createAreaUser(`supervisor.${name}@portal.test`, "supervisor", code);
    const [{ kec }] = (await sql`select min(code) as kec from districts where regency_code = ${code}`) as unknown as [{ kec: string }];
    const [reg] =
      await sql`insert into regulations (regency_code, type, issuer, number, title, status, starts_on, quota, min_age_months, max_age_months, enacted_on)
      values (${code}, 'perbup', 'kabkota', ${`Perbup ${name} Uji`}, 'Perbup uji impor', 'enacted', '2026-01-01', ${quota}, 216, 779, '2026-01-01') returning id`;
    return {
      code,
      kec,
      village: await firstVillageOf(kec),
      officer: await viewerFor(`petugas.${name}@portal.test`),
      supervisor: await viewerFor(`supervisor.${name}@portal.test`),
      regulationId: reg!.id,
    };
  } finally {
    await sql.end();
  }
}

/** `rows` distinct NIKs issued in the area's first kecamatan (birth dates 1985, serials from 1), uploaded and staged. */
export async function uploadRows(a: ImportArea, rows: number): Promise<string> {
  const lines = ["nik,nama,kode_kecamatan,kode_kelurahan,ahli_waris_nama,ahli_waris_hubungan"];
  for (let i = 0; i < rows; i++) {
    const d = String((i % 28) + 1).padStart(2, "0");
    const m = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
    const serial = String(Math.floor(i / 336) + 1).padStart(4, "0");
    lines.push(`${a.kec.replace(/\./g, "")}${d}${m}85${serial},Pekerja Massal ${i + 1},${a.kec},${a.village},Ahli Waris ${i + 1},istri`);
  }
  return (await stageUpload(a.officer, new Blob([lines.join("\n")]).stream(), `${a.code}-${rows}.csv`, "lewati")).id;
}
