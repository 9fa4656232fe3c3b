import type { Metadata } from "next";
import Link from "next/link";
import { FieldForm } from "@/components/billing/forms";
import { PART_STATUS_LABELS } from "@/components/billing/labels";
import { DocumentUpload } from "@/components/regulations/document-upload";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { getPaymentForViewer } from "@/lib/data/payments";
import { dayLabel, monthLabel } from "@/lib/domain/wib";
import { formatNumber, formatRupiah } from "@/lib/format";
import { cancelPaymentAction, confirmPartAction, reversePartAction } from "../../actions";

export const metadata: Metadata = { title: "Pembayaran SP2D" };

export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("billing.view");
  const id = idParam((await params).id);
  const p = await orNotFound(getPaymentForViewer(viewer, id));
  const supervisor = can(viewer.role, "payments.record");
  const head = can(viewer.role, "payments.confirm");
  const cancellable = supervisor && p.status === "dicatat" && !p.parts.some((x) => x.status === "dikonfirmasi");

  return (
    <>
      <PageHeader
        title={`SP2D ${p.number}`}
        description={
          <>
            {p.regulationTitle} · {p.regencyName} · tanggal SP2D {dayLabel(p.paidOn)} ·{" "}
            {p.status === "dibatalkan" ? <strong>Dibatalkan: {p.cancelReason}</strong> : "Tercatat"}
            {p.overBudget ? " · dicatat melebihi pagu anggaran" : ""}
          </>
        }
      />
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" aria-label="Jumlah pembayaran">
          <Stat label="Jumlah SP2D" value={formatRupiah(p.amount)} />
          <Stat label="Dialokasikan" value={formatRupiah(p.allocated)} />
          <Stat label="Dikonfirmasi BPJS" value={formatRupiah(p.confirmed)} />
          <Stat label="Kredit (belum dialokasikan)" value={formatRupiah(p.status === "dibatalkan" ? 0 : p.amount - p.allocated)} />
        </dl>
        <Card title="Bukti SP2D">
          {p.hasProof ? (
            <p className="mb-3 text-sm">
              <a className="text-brand-700 underline" href={`/api/payments/${p.id}/proof`}>
                {p.proofName}
              </a>
            </p>
          ) : (
            <p className="mb-3 text-sm text-slate-600">Belum ada bukti SP2D.</p>
          )}
          {supervisor && p.status === "dicatat" ? <DocumentUpload url={`/api/payments/${p.id}/proof`} label="Bukti SP2D (PDF, maks. 10 MB)" /> : null}
        </Card>
        {p.parts.map((part) => {
          const own = head && viewer.officeId === part.officeId;
          return (
            <Card key={part.id} title={`${part.officeName}: ${formatRupiah(part.amount)}`}>
              <p className="mb-3 text-sm">
                <strong>{PART_STATUS_LABELS[part.status]}</strong>
                {part.receiptNumber ? ` · tanda bukti ${part.receiptNumber}` : ""}
                {part.confirmedOn ? ` · ${dayLabel(part.confirmedOn)} oleh ${part.confirmedByName ?? "sistem"}` : ""}
                {part.endReason ? ` · alasan: ${part.endReason}` : ""} · {formatNumber(part.lines)} baris
              </p>
              <Table caption={`Bulan yang dibayar ${part.officeName}`} head={["Tagihan", "Baris", "Jumlah"]}>
                {part.months.map((m) => (
                  <tr key={`${m.billId}`}>
                    <Td>
                      {/* A branch head reaches only its own branch's bills. */}
                      {viewer.role !== "kepala_cabang" || own ? (
                        <Link className="text-brand-700 underline" href={`/billing/${m.billId}`}>
                          {monthLabel(m.month)}
                        </Link>
                      ) : (
                        monthLabel(m.month)
                      )}
                    </Td>
                    <Td>{formatNumber(m.lines)}</Td>
                    <Td>{formatRupiah(m.amount)}</Td>
                  </tr>
                ))}
              </Table>
              {own && part.status === "menunggu" && p.status === "dicatat" ? (
                <div className="mt-4 max-w-md">
                  <FieldForm
                    action={confirmPartAction}
                    hidden={{ partId: part.id }}
                    field="receiptNumber"
                    label="Nomor tanda bukti penerimaan iuran"
                    button="Konfirmasi penerimaan"
                  />
                </div>
              ) : null}
              {own && part.status === "dikonfirmasi" ? (
                <div className="mt-4 max-w-md">
                  <FieldForm
                    action={reversePartAction}
                    hidden={{ partId: part.id }}
                    field="reason"
                    label="Alasan pembalikan"
                    button="Balik konfirmasi"
                    variant="danger"
                  />
                </div>
              ) : null}
            </Card>
          );
        })}
        {cancellable ? (
          <Card title="Batalkan pembayaran">
            <div className="max-w-md">
              <FieldForm
                action={cancelPaymentAction}
                hidden={{ paymentId: p.id }}
                field="reason"
                label="Alasan pembatalan"
                button="Batalkan SP2D"
                variant="danger"
              />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
