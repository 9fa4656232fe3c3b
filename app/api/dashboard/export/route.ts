import { authorizedRoute, jsonMessage } from "@/lib/auth/route";
import { today as clockToday } from "@/lib/clock";
import {
  getAreaBreakdownsForViewer,
  getAreaForViewer,
  listAreaFiguresForViewer,
  listAreaRegulationProgressForViewer,
  listDistrictFiguresForViewer,
  listWeeklyEntriesForViewer,
} from "@/lib/data/dashboard";
import { forecastText } from "@/lib/domain/regulations";
import { slug, spreadsheetResponse } from "@/lib/spreadsheet-response";
import { parseDashboardParams } from "@/lib/validation/dashboard";

/**
 * Every dashboard table as XLSX or CSV (formula-safe), named with the table, the area and the
 * date. The same scoped data functions as the pages; no NIK is in any of them.
 */
export const GET = authorizedRoute(null, async (req, { viewer }) => {
  const sp = Object.fromEntries(req.nextUrl.searchParams);
  const today = await clockToday();
  const { filter } = parseDashboardParams(sp, Number(today.slice(0, 4)));
  const kab = filter.regencyCode ?? (viewer.role === "petugas" || viewer.role === "supervisor" ? viewer.regencyCode : null);
  const format = sp.format ?? "csv";
  const place = kab ? (await getAreaForViewer(viewer, kab)).name : (viewer.regencyName ?? viewer.officeName ?? "indonesia");
  const send = (table: string, header: string[], rows: (string | number | null)[][]) =>
    spreadsheetResponse({ fileBase: `dasbor-${table}-${slug(place)}-${today}`, sheet: table, header, rows, format });
  switch (sp.tabel) {
    case "wilayah": {
      const provinceCode = viewer.role === "admin" ? (filter.provinceCode ?? "36") : viewer.provinceCode;
      const rows = await listAreaFiguresForViewer(viewer, { ...filter, provinceCode });
      return send(
        "wilayah",
        [
          "Kode",
          "Kabupaten/kota",
          "Kuota",
          "Tercatat",
          "Aktif",
          "Daftar tunggu",
          "% kuota",
          "Perubahan 30 hari",
          "Perkiraan",
          `Anggaran terpakai ${filter.fiscalYear}`,
          `Anggaran dialokasikan ${filter.fiscalYear}`,
        ],
        rows.map((a) => [
          a.code,
          a.name,
          a.quota,
          a.counted,
          a.aktif,
          a.waiting,
          a.percent,
          a.change30,
          a.forecast ? forecastText(a.forecast) : "belum ada regulasi",
          a.committed,
          a.allocated,
        ]),
      );
    }
    case "kecamatan": {
      const rows = await listDistrictFiguresForViewer(viewer, kab, filter);
      return send(
        "kecamatan",
        ["Kode", "Kecamatan", "Kabupaten/kota", "Tercatat", "Aktif", "Daftar tunggu"],
        rows.map((d) => [d.code, d.name, d.regencyName, d.counted, d.aktif, d.waiting]),
      );
    }
    case "regulasi": {
      if (!kab) break;
      const rows = await listAreaRegulationProgressForViewer(viewer, kab, filter);
      return send(
        "regulasi",
        ["Regulasi", "Nomor", "Penyandang dana", "Kuota", "Tercatat", "Aktif", "Sisa"],
        rows.map((r) => [r.title, r.number, r.issuer, r.quota, r.counted, r.aktif, Math.max(0, r.quota - r.counted)]),
      );
    }
    case "mingguan":
    case "aktivasi": {
      const status = sp.tabel === "aktivasi" ? "aktif" : "diajukan";
      const rows = await listWeeklyEntriesForViewer(viewer, status, kab, status === "aktif" ? 12 : 26);
      return send(
        sp.tabel,
        ["Minggu mulai (Senin)", status === "aktif" ? "Aktivasi" : "Tempat kuota terisi"],
        rows.map((w) => [w.week, w.n]),
      );
    }
    case "rincian": {
      if (!kab) break;
      const b = await getAreaBreakdownsForViewer(viewer, kab, filter);
      const rows = [
        ...b.occupation.map((x) => ["Pekerjaan", x.label, x.n]),
        ...b.sector.map((x) => ["Sektor BPJS", x.label, x.n]),
        ...b.sex.map((x) => ["Jenis kelamin", x.label, x.n]),
        ...b.ageBand.map((x) => ["Kelompok usia", x.label, x.n]),
      ];
      return send("rincian", ["Rincian", "Kategori", "Pekerja tercatat"], rows as (string | number)[][]);
    }
  }
  return jsonMessage(400, "Tabel tidak dikenal.");
});
