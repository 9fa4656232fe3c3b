import type { Metadata } from "next";
import Link from "next/link";
import { FieldForm } from "@/components/billing/forms";
import { BILL_STATUS_LABELS, LINE_KIND_LABELS, payLabel } from "@/components/billing/labels";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { getBillForViewer } from "@/lib/data/billing";
import { monthLabel } from "@/lib/domain/wib";
import { formatDateTime, formatNumber, formatRupiah } from "@/lib/format";
import { issueBillAction, voidBillAction } from "../actions";

export const metadata: Metadata = { title: "Tagihan iuran" };

export default async function BillPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer("billing.view");
  const id = idParam((await params).id);
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const bill = await orNotFound(getBillForViewer(viewer, id, page));
  const canIssue = bill.status === "draf" && can(viewer.role, "billing.issue");
  const canVoid =
    can(viewer.role, "billing.void") &&
    ((bill.status === "draf" && viewer.role === "supervisor") || (bill.status === "diterbitkan" && viewer.role === "kepala_cabang")) &&
    bill.paid === 0 &&
    bill.pending === 0;

  return (
    <>
      <PageHeader
        title={`Tagihan iuran ${monthLabel(bill.month)}`}
        description={
          <>
            {bill.regulationTitle} · {bill.regencyName} · {bill.officeName} · <strong>{BILL_STATUS_LABELS[bill.status]}</strong>
            {bill.kodeIuran ? ` · kode iuran ${bill.kodeIuran}` : null}
          </>
        }
      />
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5" aria-label="Jumlah tagihan">
          <Stat label="Baris" value={formatNumber(bill.lines)} />
          <Stat label="Iuran dan susulan" value={formatRupiah(bill.charged)} />
          <Stat label="Koreksi (kredit)" value={formatRupiah(bill.credited)} />
          <Stat label="Jumlah tagihan" value={formatRupiah(bill.total)} />
          <Stat label="Dibayar (dikonfirmasi)" value={formatRupiah(bill.paid)} />
        </dl>
        <p className="text-sm text-slate-600">
          Disusun {formatDateTime(bill.draftedAt)}
          {bill.issuedAt ? ` · diterbitkan ${formatDateTime(bill.issuedAt)} oleh ${bill.issuedByName ?? "sistem"}` : ""}
          {bill.voidedAt ? ` · dibatalkan ${formatDateTime(bill.voidedAt)} oleh ${bill.voidedByName ?? "sistem"}: ${bill.voidReason}` : ""} · Pembayaran:{" "}
          {payLabel(bill)}
          {bill.pending ? ` (${formatRupiah(bill.pending)} menunggu konfirmasi)` : ""}
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href={`/billing/${bill.id}/print`} className={buttonClass("secondary")}>
            Cetak rincian tagihan
          </Link>
          <a href={`/api/bills/${bill.id}/export`} className={buttonClass("secondary")}>
            Unduh rincian (CSV)
          </a>
        </div>
        {canIssue || canVoid ? (
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            {canIssue ? (
              <Card title="Terbitkan tagihan">
                {bill.regulationStatus !== "enacted" ? (
                  <p className="mb-2 text-sm text-amber-800">Regulasi tagihan ini sudah berakhir: tagihan tidak dapat diterbitkan, batalkan saja.</p>
                ) : null}
                <FieldForm
                  action={issueBillAction}
                  hidden={{ billId: bill.id }}
                  field="kodeIuran"
                  label="Kode iuran BPJS (11 digit)"
                  inputMode="numeric"
                  button="Terbitkan"
                  hint="Setelah diterbitkan, baris tagihan dibekukan; fakta yang datang kemudian menjadi baris susulan atau koreksi di tagihan berikutnya."
                />
              </Card>
            ) : null}
            {canVoid ? (
              <Card title="Batalkan tagihan">
                <FieldForm
                  action={voidBillAction}
                  hidden={{ billId: bill.id }}
                  field="reason"
                  label="Alasan pembatalan"
                  button="Batalkan tagihan"
                  variant="danger"
                />
              </Card>
            ) : null}
          </div>
        ) : null}
        <Card title="Per kecamatan">
          <Table caption="Tagihan per kecamatan" head={["Kecamatan", "Baris", "Jumlah"]}>
            {bill.byDistrict.map((d) => (
              <tr key={d.districtCode}>
                <Td>{d.districtName}</Td>
                <Td>{formatNumber(d.lines)}</Td>
                <Td>{formatRupiah(d.amount)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={`Rincian (halaman ${page} dari ${bill.pages})`}>
          <Table caption="Rincian tagihan" head={["KPJ", "NIK", "Nama", "Kecamatan", "Bulan", "Jenis", "Jumlah", "Dibayar"]}>
            {bill.items.map((l) => (
              <tr key={l.id}>
                <Td>{l.kpj ?? "—"}</Td>
                <Td className="font-mono">{l.nik}</Td>
                <Td>
                  <Link className="text-brand-700 underline" href={`/workers/${l.workerId}`}>
                    {l.name}
                  </Link>
                </Td>
                <Td>{l.districtName}</Td>
                <Td>{monthLabel(l.month)}</Td>
                <Td>{LINE_KIND_LABELS[l.kind]}</Td>
                <Td>{l.kind === "koreksi" ? `− ${formatRupiah(l.amount)}` : formatRupiah(l.amount)}</Td>
                <Td>{l.paid ? "Ya" : "Belum"}</Td>
              </tr>
            ))}
          </Table>
          {bill.pages > 1 ? (
            <nav className="mt-3 flex gap-3 text-sm" aria-label="Halaman rincian">
              {page > 1 ? <Link href={`/billing/${bill.id}?page=${page - 1}`}>← Sebelumnya</Link> : null}
              {page < bill.pages ? <Link href={`/billing/${bill.id}?page=${page + 1}`}>Berikutnya →</Link> : null}
            </nav>
          ) : null}
        </Card>
      </div>
    </>
  );
}
