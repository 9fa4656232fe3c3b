import type { Metadata } from "next";
import Link from "next/link";
import { DraftForm } from "@/components/billing/forms";
import { RefundsCard } from "@/components/billing/refunds";
import { BILL_STATUS_LABELS, payLabel } from "@/components/billing/labels";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { today as clockToday } from "@/lib/clock";
import { countBillingTodoForViewer, listBillsForViewer, listUntertagihForViewer } from "@/lib/data/billing";
import { listPaymentsForViewer, listRefundsForViewer } from "@/lib/data/payments";
import { listRegulationsForViewer } from "@/lib/data/regulations";
import { dayLabel, monthLabel } from "@/lib/domain/wib";
import { formatNumber, formatRupiah } from "@/lib/format";
import { draftBillsAction, receiveRefundAction } from "./actions";

export const metadata: Metadata = { title: "Iuran" };

export default async function BillingPage() {
  const viewer = await requireViewer("billing.view");
  const today = await clockToday();
  const [bills, payments, refunds, untertagih, todo, regulations] = await Promise.all([
    listBillsForViewer(viewer),
    listPaymentsForViewer(viewer),
    listRefundsForViewer(viewer),
    listUntertagihForViewer(viewer),
    countBillingTodoForViewer(viewer),
    can(viewer.role, "billing.draft") ? listRegulationsForViewer(viewer) : Promise.resolve([]),
  ]);
  const live = bills.filter((b) => b.status !== "batal");
  const unpaid = live.filter((b) => b.status === "diterbitkan" && b.paid + b.pending < b.total);
  const outstanding = unpaid.reduce((s, b) => s + b.total - b.paid - b.pending, 0);
  const enacted = regulations.filter((r) => r.status === "enacted");

  return (
    <>
      <PageHeader
        title="Iuran"
        description="Tagihan bulanan per regulasi dan kantor cabang, pembayaran SP2D, dan konfirmasi penerimaan iuran oleh BPJS Ketenagakerjaan."
      />
      <div className="space-y-6">
        <section aria-labelledby="todo">
          <h2 id="todo" className="mb-2 text-lg font-semibold">
            Perlu tindakan
          </h2>
          <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {viewer.role === "kepala_cabang" ? (
              <>
                <Stat label="Tagihan menunggu diterbitkan" value={formatNumber(todo.drafts)} />
                <Stat label="Pembayaran menunggu konfirmasi" value={formatNumber(todo.toConfirm)} />
              </>
            ) : (
              <Stat label="Tagihan draf" value={formatNumber(todo.drafts)} />
            )}
            <Stat label="Tagihan terbit belum lunas" value={formatNumber(unpaid.length)} />
            <Stat label="Sisa tagihan terbit" value={formatRupiah(outstanding)} />
          </dl>
        </section>

        {enacted.length ? (
          <Card title="Susun tagihan">
            <p className="mb-3 text-sm text-slate-600">
              Sistem menyusun tagihan bulan berjalan setiap tanggal 1 pukul 00.05 WIB. Susun ulang untuk bulan yang terlewat atau untuk memuat pekerja yang
              aktif sejak itu; baris yang sudah ada tidak pernah digandakan.
            </p>
            <DraftForm action={draftBillsAction} regulations={enacted.map((r) => ({ id: r.id, title: r.title }))} month={today.slice(0, 7)} />
          </Card>
        ) : null}

        {untertagih.length ? (
          <Card title="Tidak tertagih">
            <p className="mb-3 text-sm text-slate-600">
              Pekerja aktif {monthLabel(today.slice(0, 7))} di kecamatan yang belum dilayani kantor cabang mana pun: tidak ada tagihan yang dapat memuat mereka
              sampai Admin menetapkan cakupan cabangnya.
            </p>
            <Table caption="Kecamatan tanpa kantor cabang" head={["Kabupaten/kota", "Kecamatan", "Pekerja aktif"]}>
              {untertagih.map((u) => (
                <tr key={u.districtCode}>
                  <Td>{u.regencyName}</Td>
                  <Td>{u.districtName}</Td>
                  <Td>{formatNumber(u.workers)}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        ) : null}

        <Card
          title="Tagihan"
          actions={
            <span className="flex gap-2">
              <Link href="/billing/reconciliations" className={buttonClass("secondary")}>
                Rekonsiliasi data peserta
              </Link>
              {can(viewer.role, "payments.record") ? (
                <Link href="/billing/payments/new" className={buttonClass("primary")}>
                  Catat SP2D
                </Link>
              ) : null}
            </span>
          }
        >
          {bills.length === 0 ? (
            <p className="text-sm text-slate-600">Belum ada tagihan.</p>
          ) : (
            <Table caption="Tagihan" head={["Bulan", "Regulasi", "Kantor cabang", "Status", "Pekerja", "Jumlah", "Dibayar", "Pembayaran", "Kode iuran"]}>
              {bills.map((b) => (
                <tr key={b.id}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/billing/${b.id}`}>
                      {monthLabel(b.month)}
                    </Link>
                  </Td>
                  <Td className="text-xs">
                    {b.regulationNumber ?? b.regulationTitle}
                    <span className="block text-slate-600">{b.regencyName}</span>
                  </Td>
                  <Td>{b.officeName}</Td>
                  <Td>{BILL_STATUS_LABELS[b.status]}</Td>
                  <Td>{formatNumber(b.lines)}</Td>
                  <Td>{formatRupiah(b.total)}</Td>
                  <Td>{formatRupiah(b.paid)}</Td>
                  <Td>{payLabel(b)}</Td>
                  <Td>{b.kodeIuran ?? "—"}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card title="Pembayaran (SP2D)">
          {payments.length === 0 ? (
            <p className="text-sm text-slate-600">Belum ada pembayaran.</p>
          ) : (
            <Table caption="Pembayaran SP2D" head={["Tanggal SP2D", "Nomor", "Regulasi", "Jumlah", "Dialokasikan", "Dikonfirmasi BPJS", "Status"]}>
              {payments.map((p) => (
                <tr key={p.id}>
                  <Td>{dayLabel(p.paidOn)}</Td>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/billing/payments/${p.id}`}>
                      {p.number}
                    </Link>
                  </Td>
                  <Td>{p.regulationTitle}</Td>
                  <Td>{formatRupiah(p.amount)}</Td>
                  <Td>{formatRupiah(p.allocated)}</Td>
                  <Td>{formatRupiah(p.confirmed)}</Td>
                  <Td>
                    {p.status === "dibatalkan" ? "Dibatalkan" : p.partsWaiting ? `${p.partsWaiting} bagian menunggu konfirmasi` : "Tercatat"}
                    {p.refunded ? <span className="block text-xs text-slate-600">{formatRupiah(p.refunded)} dikembalikan ke Kas Daerah</span> : null}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        {refunds.length ? (
          <RefundsCard refunds={refunds} receive={can(viewer.role, "payments.record") ? receiveRefundAction : null} today={today} showRegulation />
        ) : null}
      </div>
    </>
  );
}
