import type { Metadata } from "next";
import { LINE_KIND_LABELS } from "@/components/billing/labels";
import { PrintButton } from "@/components/reports/print-button";
import { Table, Td } from "@/components/ui/table";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { exportBillForViewer } from "@/lib/data/billing";
import { monthLabel } from "@/lib/domain/wib";
import { formatNumber, formatRupiah } from "@/lib/format";

export const metadata: Metadata = { title: "Rincian tagihan iuran" };

// The printed rincian tagihan stays a few hundred pages at most; longer bills are downloaded.
const PRINT_LIMIT = 10_000;

/** The rincian tagihan that the Dinas attaches to its payment order (SPM): print, or save as PDF. */
export default async function BillPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("billing.view");
  const id = idParam((await params).id);
  const { bill, lines: shown } = await orNotFound(exportBillForViewer(viewer, id, PRINT_LIMIT));
  return (
    <article className="report-page rounded-lg border border-slate-200 bg-white p-6 print:rounded-none print:border-0 print:p-0" data-testid="bill-print">
      <div className="mb-4 flex justify-end print:hidden">
        <PrintButton />
      </div>
      <header className="mb-4 border-b border-slate-200 pb-3">
        <p className="text-sm text-slate-600">BPJS Ketenagakerjaan · {bill.officeName}</p>
        <h1 className="text-xl font-semibold">Rincian Tagihan Iuran JKK dan JKM Pekerja Rentan — {monthLabel(bill.month)}</h1>
        <p className="text-sm text-slate-600">
          {bill.regulationTitle} · {bill.regencyName}
        </p>
      </header>
      <dl className="mb-4 grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-600">Kode iuran</dt>
        <dd className="font-medium">{bill.kodeIuran ?? "belum diterbitkan (draf)"}</dd>
        <dt className="text-slate-600">Jumlah peserta (baris)</dt>
        <dd className="font-medium tabular-nums">{formatNumber(bill.lines)}</dd>
        <dt className="text-slate-600">Iuran dan susulan</dt>
        <dd className="font-medium tabular-nums">{formatRupiah(bill.charged)}</dd>
        <dt className="text-slate-600">Koreksi (kredit)</dt>
        <dd className="font-medium tabular-nums">{formatRupiah(bill.credited)}</dd>
        <dt className="text-slate-600">Jumlah yang harus dibayar</dt>
        <dd className="font-semibold tabular-nums" data-testid="bill-total">
          {formatRupiah(bill.total)}
        </dd>
      </dl>
      <Table caption="Rincian tagihan" head={["No.", "KPJ", "NIK", "Nama", "Bulan", "Jenis", "Jumlah"]}>
        {shown.map((l, i) => (
          <tr key={l.id}>
            <Td className="tabular-nums">{i + 1}</Td>
            <Td>{l.kpj ?? "—"}</Td>
            <Td className="font-mono">{l.nik}</Td>
            <Td>{l.name}</Td>
            <Td>{monthLabel(l.month)}</Td>
            <Td>{LINE_KIND_LABELS[l.kind]}</Td>
            <Td className="tabular-nums">{l.kind === "koreksi" ? `− ${formatRupiah(l.amount)}` : formatRupiah(l.amount)}</Td>
          </tr>
        ))}
      </Table>
      {bill.lines > shown.length ? (
        <p className="mt-2 text-sm text-slate-600">
          {formatNumber(bill.lines - shown.length)} baris berikutnya tidak dicetak; unduh rincian lengkap (CSV) dari halaman tagihan.
        </p>
      ) : null}
      <p className="mt-4 text-xs text-slate-600">
        NIK disamarkan. Jumlah dalam rupiah; iuran per pekerja per bulan sesuai tarif yang berlaku pada bulan tersebut.
      </p>
    </article>
  );
}
