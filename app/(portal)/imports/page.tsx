import type { Metadata } from "next";
import Link from "next/link";
import { ImportUploadForm } from "@/components/imports/upload-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { listImportBatchesForViewer } from "@/lib/data/imports";
import { IMPORT_COLUMN_GUIDE } from "@/lib/domain/import-columns";
import { importStatusLabel } from "@/lib/domain/import-status";
import { formatDateTime, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Impor pekerja" };

export default async function ImportsPage() {
  const viewer = await requireViewer("imports.upload");
  const batches = await listImportBatchesForViewer(viewer);
  return (
    <>
      <PageHeader
        title="Impor pekerja"
        description={`Muat daftar pekerja ${viewer.regencyName} dari DTKS/DTSEN, SIAK atau survei sekaligus: validasi dulu, perbaiki baris yang salah, lalu terapkan.`}
      />
      <div className="space-y-6">
        <Card title="Unggah berkas">
          <p className="mb-3 text-sm text-slate-600">
            Isi templat (satu baris per pekerja), simpan sebagai XLSX atau CSV, lalu unggah. Unduh templat:{" "}
            <a className="text-brand-700 underline" href="/api/imports/template?format=xlsx">
              XLSX
            </a>{" "}
            ·{" "}
            <a className="text-brand-700 underline" href="/api/imports/template?format=csv">
              CSV
            </a>
            . Tanggal lahir atau jenis kelamin yang berbeda dengan NIK tidak ditolak: barisnya ditandai dan dikonfirmasi saat impor diterapkan.
          </p>
          <details className="mb-4 text-sm">
            <summary className="cursor-pointer font-medium text-brand-700">Kolom templat ({IMPORT_COLUMN_GUIDE.length} kolom, 2 wajib)</summary>
            <Table caption="Kolom templat impor" head={["Kolom", "Isian", "Contoh", "Keterangan"]}>
              {IMPORT_COLUMN_GUIDE.map((c) => (
                <tr key={c.column} data-testid="template-column">
                  <Td className="font-mono">{c.column}</Td>
                  <Td>{c.required ? <strong>wajib</strong> : "opsional"}</Td>
                  <Td className="font-mono">{c.example || "—"}</Td>
                  <Td className="text-slate-600">{c.note}</Td>
                </tr>
              ))}
            </Table>
          </details>
          <ImportUploadForm />
        </Card>
        <Card title="Riwayat impor">
          {batches.length ? (
            <Table caption="Riwayat impor" head={["Berkas", "Diunggah", "Baris", "Status"]}>
              {batches.map((b) => (
                <tr key={b.id}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/imports/${b.id}`}>
                      {b.fileName}
                    </Link>
                  </Td>
                  <Td>{formatDateTime(b.createdAt)}</Td>
                  <Td className="tabular-nums">{formatNumber(b.rowsTotal)}</Td>
                  <Td>{importStatusLabel(b.status)}</Td>
                </tr>
              ))}
            </Table>
          ) : (
            <p className="text-sm text-slate-600">Belum ada impor.</p>
          )}
        </Card>
      </div>
    </>
  );
}
