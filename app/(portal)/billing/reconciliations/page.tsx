import type { Metadata } from "next";
import Link from "next/link";
import { ReconciliationUpload } from "@/components/billing/reconciliation-upload";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { today as clockToday } from "@/lib/clock";
import { listReconcilableRegulationsForViewer, listReconciliationsForViewer } from "@/lib/data/reconciliations";
import { monthLabel } from "@/lib/domain/wib";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Rekonsiliasi data peserta" };

export default async function ReconciliationsPage() {
  const viewer = await requireViewer("billing.view");
  const upload = can(viewer.role, "reconciliation.upload");
  const [list, regulations, today] = await Promise.all([
    listReconciliationsForViewer(viewer),
    upload ? listReconcilableRegulationsForViewer(viewer) : Promise.resolve([]),
    clockToday(),
  ]);
  return (
    <>
      <PageHeader
        title="Rekonsiliasi data peserta"
        description="Daftar peserta bulanan dari BPJS Ketenagakerjaan dibandingkan dengan portal. Portal tidak mengubah data apa pun dengan sendirinya: setiap perbedaan ditautkan ke tindakan yang menyelesaikannya."
      />
      <div className="space-y-6">
        {upload && regulations.length ? (
          <Card title="Unggah daftar peserta BPJS">
            <ReconciliationUpload regulations={regulations} month={today.slice(0, 7)} />
          </Card>
        ) : null}
        <Card title="Rekonsiliasi">
          {list.length === 0 ? (
            <p className="text-sm text-slate-600">Belum ada rekonsiliasi.</p>
          ) : (
            <Table caption="Rekonsiliasi" head={["Bulan", "Regulasi", "Kantor cabang", "Baris", "Cocok", "Perlu diperiksa", "Status"]}>
              {list.map((r) => (
                <tr key={r.id}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/billing/reconciliations/${r.id}`}>
                      {monthLabel(r.month)}
                    </Link>
                  </Td>
                  <Td>{r.regulationTitle}</Td>
                  <Td>{r.officeName}</Td>
                  <Td>{formatNumber(r.rows)}</Td>
                  <Td>{formatNumber(r.counts.cocok ?? 0)}</Td>
                  <Td>{formatNumber(Object.entries(r.counts).reduce((s, [k, v]) => (k === "cocok" ? s : s + v), 0))}</Td>
                  <Td>{r.status === "terkunci" ? "Terkunci (berita acara ditandatangani)" : "Terbuka"}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
