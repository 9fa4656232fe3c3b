import type { Metadata } from "next";
import Link from "next/link";
import { ISSUER_LABELS, TYPE_LABELS } from "@/components/regulations/labels";
import { StatusBadge } from "@/components/regulations/status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { listRegulationsForViewer } from "@/lib/data/regulations";
import { dayLabel } from "@/lib/domain/wib";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Regulasi" };

export default async function RegulationsPage() {
  const viewer = await requireViewer("regulations.view");
  const rows = await listRegulationsForViewer(viewer);
  return (
    <>
      <PageHeader title="Regulasi" description="Perwal, Perbup dan dasar hukum lain yang menetapkan kuota dan anggaran iuran pekerja rentan." />
      <Card
        title={`Daftar regulasi (${formatNumber(rows.length)})`}
        actions={
          can(viewer.role, "regulations.manage") ? (
            <Link href="/regulations/new" className={buttonClass()}>
              Tambah regulasi
            </Link>
          ) : null
        }
      >
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">Belum ada regulasi di wilayah Anda.</p>
        ) : (
          <Table caption="Daftar regulasi" head={["Regulasi", "Kabupaten/kota", "Penyandang dana", "Masa berlaku", "Kuota", "Status"]}>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/regulations/${r.id}`}>
                    {TYPE_LABELS[r.type]} · {r.title}
                  </Link>
                  {r.number ? <div className="text-xs text-slate-600">{r.number}</div> : null}
                </Td>
                <Td>{r.regencyName}</Td>
                <Td>{ISSUER_LABELS[r.issuer]}</Td>
                <Td>
                  {dayLabel(r.startsOn)} – {r.endsOn ? dayLabel(r.endsOn) : "tanpa batas"}
                </Td>
                <Td>
                  {formatNumber(r.counted)} / {formatNumber(r.quota)}
                </Td>
                <Td>
                  <StatusBadge status={r.status} />
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
