import type { Metadata } from "next";
import { CATEGORY_LABELS } from "@/components/billing/labels";
import { DinasSignature, OfficialDocument } from "@/components/reports/official-document";
import { Table, Td } from "@/components/ui/table";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { today as clockToday } from "@/lib/clock";
import { getDocumentKopForViewer } from "@/lib/data/area-settings";
import { getReconciliationForViewer, RECONCILIATION_CATEGORIES } from "@/lib/data/reconciliations";
import { dayLabel, monthLabel } from "@/lib/domain/wib";
import { formatNumber, formatRupiah } from "@/lib/format";

export const metadata: Metadata = { title: "Berita Acara Rekonsiliasi Data Peserta" };

/** The berita acara of a month's reconciliation: kop of the Dinas, figures, amounts, two signature blocks. */
export default async function BeritaAcaraPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("billing.view");
  const id = idParam((await params).id);
  const rec = await orNotFound(getReconciliationForViewer(viewer, id));
  const today = await clockToday();
  const area = rec.regencyName;
  const kop = await getDocumentKopForViewer(viewer, rec.regencyCode);
  return (
    <OfficialDocument kop={kop} subline={`Pelaksana ${rec.regulationNumber ?? rec.regulationTitle}`} testId="berita-acara">
      <h1 className="text-center text-lg font-bold uppercase">Berita Acara Rekonsiliasi Data Peserta</h1>
      <p className="mb-6 text-center text-sm">Jaminan Kecelakaan Kerja dan Jaminan Kematian Pekerja Rentan · bulan {monthLabel(rec.month)}</p>
      <p className="mb-4 text-sm leading-relaxed">
        Pada hari ini, {dayLabel(today)}, Dinas Tenaga Kerja {area} dan BPJS Ketenagakerjaan {rec.officeName} telah melakukan rekonsiliasi data peserta{" "}
        {rec.regulationTitle} bulan {monthLabel(rec.month)} antara data portal dan daftar peserta BPJS Ketenagakerjaan ({formatNumber(rec.rows)} baris), dengan
        hasil sebagai berikut:
      </p>
      <Table caption="Hasil rekonsiliasi" head={["Uraian", "Jumlah"]}>
        {RECONCILIATION_CATEGORIES.map((c) => (
          <tr key={c}>
            <Td>{CATEGORY_LABELS[c]}</Td>
            <Td className="tabular-nums">
              <span data-testid={`ba-${c}`}>{formatNumber(rec.counts[c] ?? 0)}</span>
            </Td>
          </tr>
        ))}
        <tr>
          <Td>Peserta pada tagihan bulan ini</Td>
          <Td className="tabular-nums">{formatNumber(rec.bill.lines)}</Td>
        </tr>
        <tr>
          <Td>Iuran ditagih bulan ini</Td>
          <Td className="tabular-nums">
            <span data-testid="ba-charged">{formatRupiah(rec.bill.charged)}</span>
          </Td>
        </tr>
        <tr>
          <Td>Iuran dibayar (dikonfirmasi) bulan ini</Td>
          <Td className="tabular-nums">{formatRupiah(rec.bill.paid)}</Td>
        </tr>
      </Table>
      <p className="mt-4 text-sm leading-relaxed">
        Perbedaan di atas ditindaklanjuti oleh para pihak sesuai kewenangannya. Berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.
      </p>
      <div className="mt-12 grid grid-cols-2 gap-8 text-center text-sm">
        <DinasSignature kop={kop} />
        <div>
          <p>Kepala {rec.officeName}</p>
          <p>BPJS Ketenagakerjaan</p>
          <div className="h-24" />
          <p className="border-t border-slate-400 pt-1">(nama)</p>
        </div>
      </div>
    </OfficialDocument>
  );
}
