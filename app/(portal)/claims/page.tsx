import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { today as clockToday } from "@/lib/clock";
import { listClaimsForViewer } from "@/lib/data/claims";
import { CLAIM_STATUS_LABELS, CLAIM_TYPE_LABELS, JKK_KIND_LABELS } from "@/lib/domain/claims";
import { dayLabel, daysSince, waitLabel } from "@/lib/domain/wib";
import { formatRupiah } from "@/lib/format";

export const metadata: Metadata = { title: "Klaim" };

/** Claim cases of the viewer's scope: open ones first with their age, then the finished. */
export default async function ClaimsPage() {
  const viewer = await requireViewer("claims.view");
  const [claims, today] = await Promise.all([listClaimsForViewer(viewer), clockToday()]);
  return (
    <>
      <PageHeader
        title="Klaim"
        description="Kasus klaim santunan JKM, JKK dan beasiswa: dibuka dari halaman pekerja oleh Dinas atau kantor cabang; penetapan dan pembayaran oleh kantor cabang."
      />
      <Card title="Kasus klaim">
        {claims.length === 0 ? (
          <p className="text-sm text-slate-600">Belum ada kasus klaim. Buka kasus dari halaman pekerja.</p>
        ) : (
          <Table caption="Kasus klaim" head={["Pekerja", "Jenis", "Tanggal kejadian", "Status", "Umur kasus", "Ditetapkan", "Dibayar"]}>
            {claims.map((c) => (
              <tr key={c.id} data-testid="claim-row">
                <Td>
                  <Link className="text-brand-700 underline" href={`/claims/${c.id}`}>
                    {c.workerName}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    {c.nikMasked} · {c.districtName ? `Kec. ${c.districtName}, ` : ""}
                    {c.regencyName}
                  </span>
                </Td>
                <Td className="text-xs">{c.type === "jkk" && c.jkkKind ? `JKK: ${JKK_KIND_LABELS[c.jkkKind]}` : CLAIM_TYPE_LABELS[c.type]}</Td>
                <Td>{dayLabel(c.eventDate)}</Td>
                <Td>{CLAIM_STATUS_LABELS[c.status]}</Td>
                <Td>{c.status === "dibayar" || c.status === "ditolak" ? "—" : waitLabel(daysSince(c.createdAt, today))}</Td>
                <Td className="tabular-nums">{c.decided ? formatRupiah(c.decided) : "—"}</Td>
                <Td className="tabular-nums">{c.paid ? formatRupiah(c.paid) : "—"}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
