import type { Metadata } from "next";
import Link from "next/link";
import { CommitImportForm } from "@/components/imports/commit-form";
import { ImportProgress } from "@/components/imports/progress";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { OneClickForm } from "@/components/ui/one-click-form";
import { orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { getImportBatchForViewer } from "@/lib/data/imports";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { cancelImportAction, commitImportAction } from "../actions";

export const metadata: Metadata = { title: "Impor pekerja" };

const FIGURES: [string, string][] = [
  ["valid", "Baris valid dan lengkap"],
  ["akan_memegang_kuota", "Akan memegang kuota (urutan berkas)"],
  ["akan_daftar_tunggu", "Akan masuk daftar tunggu"],
  ["tidak_lengkap", 'Valid tetapi belum lengkap (jadi draf "Perlu dilengkapi")'],
  ["peringatan", "Bertanda: tanggal lahir/jenis kelamin berbeda dengan NIK"],
  ["galat", "Baris dengan kesalahan"],
  ["duplikat_berkas", "Duplikat di dalam berkas"],
  ["terdaftar_di_wilayah", "NIK sudah terdaftar di wilayah ini"],
  ["terdaftar_di_wilayah_lain", "NIK sudah terdaftar di wilayah lain"],
];

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("imports.upload");
  const b = await orNotFound(getImportBatchForViewer(viewer, (await params).id));
  const summary = b.summary ?? {};
  const problems = (summary.galat ?? 0) + (summary.duplikat_berkas ?? 0) + (summary.terdaftar_di_wilayah_lain ?? 0);
  return (
    <>
      <PageHeader
        title={`Impor: ${b.fileName}`}
        description={`Diunggah ${formatDateTime(b.createdAt)} · ${b.fileKind.toUpperCase()} · ${formatNumber(Math.round(b.fileSize / 1024))} kB`}
      />
      <div className="space-y-6">
        <Card>
          <ImportProgress
            key={b.status}
            batchId={b.id}
            initial={{ status: b.status, statusLabel: b.statusLabel, phase: b.phase, progress: b.progress, error: b.error }}
          />
          {b.notes.length ? (
            <ul className="mt-3 list-disc pl-5 text-sm text-slate-700" data-testid="import-notes">
              {b.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </Card>
        {b.summary ? (
          <Card title="Hasil validasi">
            <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="import-summary">
              {FIGURES.map(([k, label]) => (
                <Stat key={k} label={label} value={formatNumber(summary[k] ?? 0)} />
              ))}
            </dl>
            <p className="mt-3 text-sm text-slate-600">
              NIK yang sudah terdaftar di wilayah ini akan{" "}
              {b.existing === "perbarui" ? "diperbarui pada kolom yang diisi (NIK, nama, tanggal lahir dan jenis kelamin tidak diubah)" : "dilewati"}. Baris
              yang salah tidak menghalangi baris yang benar.
            </p>
            {problems && b.rowsPurgedAt ? (
              <p className="mt-3 text-sm text-slate-600" data-testid="import-rows-purged">
                Baris berkas ini (termasuk {formatNumber(problems)} baris yang perlu diperbaiki) sudah dihapus pada {formatDate(b.rowsPurgedAt)}: disimpan{" "}
                {b.retentionDays} hari setelah impor berakhir, untuk melindungi data pribadi. Pekerja yang sudah masuk tetap ada.
              </p>
            ) : problems ? (
              <p className="mt-3 text-sm">
                Unduh {formatNumber(problems)} baris yang perlu diperbaiki (dengan kolom kesalahan), perbaiki, lalu unggah lagi:{" "}
                <a className="text-brand-700 underline" href={`/api/imports/${b.id}/errors?format=xlsx`}>
                  XLSX
                </a>{" "}
                ·{" "}
                <a className="text-brand-700 underline" href={`/api/imports/${b.id}/errors?format=csv`}>
                  CSV
                </a>
              </p>
            ) : null}
          </Card>
        ) : null}
        {b.status === "tervalidasi" ? (
          <Card title="Terapkan">
            {b.canCommit ? (
              <CommitImportForm
                action={commitImportAction}
                batchId={b.id}
                flagged={summary.peringatan ?? 0}
                flaggedHref={`/api/imports/${b.id}/errors?jenis=peringatan`}
              />
            ) : (
              <p className="text-sm text-slate-600">Di wilayah ini impor diterapkan oleh supervisor (dua langkah). Minta supervisor membuka halaman ini.</p>
            )}
            <div className="mt-4">
              <OneClickForm action={cancelImportAction} fields={{ batchId: b.id }} label="Batalkan impor" variant="secondary" />
            </div>
          </Card>
        ) : null}
        {b.status === "selesai" ? (
          <Card title="Selesai">
            <p className="text-sm">
              Diterapkan {b.committedAt ? formatDateTime(b.committedAt) : ""}. Pekerja yang belum lengkap menjadi draf:{" "}
              <Link className="text-brand-700 underline" href="/workers?status=draft">
                Perlu dilengkapi
              </Link>
              .
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
