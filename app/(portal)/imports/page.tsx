import type { Metadata } from "next";
import Link from "next/link";
import { ImportUploadForm } from "@/components/imports/upload-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { listImportBatchesForViewer } from "@/lib/data/imports";
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
          <p className="mb-4 text-sm text-slate-600">
            Kolom templat: nik, nama, tanggal_lahir, jenis_kelamin, alamat, kode_kecamatan, kode_kelurahan, no_hp, pekerjaan, penghasilan, nomor_kk,
            sumber_data, ahli_waris_nama, ahli_waris_hubungan, ahli_waris_nik. Hanya <strong>nik</strong> dan <strong>nama</strong> yang wajib; tanggal lahir
            dan jenis kelamin diambil dari NIK. Unduh templat:{" "}
            <a className="text-brand-700 underline" href="/api/imports/template?format=xlsx">
              XLSX
            </a>{" "}
            ·{" "}
            <a className="text-brand-700 underline" href="/api/imports/template?format=csv">
              CSV
            </a>
            .
          </p>
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
