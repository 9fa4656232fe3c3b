import type { Metadata } from "next";
import { PaymentForm } from "@/components/billing/forms";
import { billTitle } from "@/components/billing/labels";
import { Card, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { today as clockToday } from "@/lib/clock";
import { listBillsForViewer } from "@/lib/data/billing";
import { listRegulationsForViewer } from "@/lib/data/regulations";
import { recordPaymentAction } from "../../actions";

export const metadata: Metadata = { title: "Catat SP2D" };

export default async function NewPaymentPage() {
  const viewer = await requireViewer("payments.record");
  const [regulations, bills, today] = await Promise.all([
    listRegulationsForViewer(viewer),
    listBillsForViewer(viewer, { status: "diterbitkan" }),
    clockToday(),
  ]);
  const payable = bills
    .map((b) => ({ id: b.id, regulationId: b.regulationId, label: `${billTitle(b)} (${b.regulationTitle})`, outstanding: b.total - b.paid - b.pending }))
    .filter((b) => b.outstanding > 0)
    .reverse();
  return (
    <>
      <PageHeader
        title="Catat SP2D"
        description="Satu pembayaran = satu SP2D kas daerah. Jumlahnya dialokasikan ke tagihan terbit regulasi itu, bulan tertua dahulu, per baris utuh; sisanya menjadi kredit regulasi untuk tagihan berikutnya. Tiap kantor cabang mengonfirmasi bagiannya."
      />
      <Card>
        <PaymentForm
          action={recordPaymentAction}
          regulations={regulations.filter((r) => r.status === "enacted" || r.status === "ended").map((r) => ({ id: r.id, title: r.title }))}
          bills={payable}
          today={today}
        />
      </Card>
    </>
  );
}
