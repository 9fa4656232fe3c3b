import { Card } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { RefundRow } from "@/lib/data/payments";
import { dayLabel, wibDay } from "@/lib/domain/wib";
import { formatRupiah } from "@/lib/format";
import { RefundReceiveForm } from "./forms";
import type { FormAction } from "@/components/ui/use-form";

/** Credit left when a regulation ended, refunded to the Kas Daerah: asked, then received (STS). */
export function RefundsCard(props: { refunds: RefundRow[]; receive: FormAction | null; today: string; showRegulation?: boolean }) {
  const { refunds, receive, today, showRegulation = false } = props;
  return (
    <Card title="Pengembalian kredit ke Kas Daerah">
      <p className="mb-3 text-sm text-slate-600">
        Dana SP2D yang belum teralokasi saat regulasi berakhir dikembalikan oleh BPJS ke Kas Daerah (sesuai perjanjian kerja sama).
      </p>
      <Table caption="Pengembalian kredit" head={[...(showRegulation ? ["Regulasi"] : []), "Diajukan", "Jumlah", "Status", ""]}>
        {refunds.map((r) => (
          <tr key={r.id} data-testid="refund-row">
            {showRegulation ? <Td>{r.regulationTitle}</Td> : null}
            <Td>{dayLabel(wibDay(r.createdAt))}</Td>
            <Td className="tabular-nums">{formatRupiah(r.amount)}</Td>
            <Td>{r.status === "diterima" ? `Diterima ${dayLabel(r.receivedOn!)}, STS ${r.reference}` : "Menunggu pengembalian"}</Td>
            <Td>{r.status === "diajukan" && receive ? <RefundReceiveForm action={receive} refundId={r.id} today={today} /> : null}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
