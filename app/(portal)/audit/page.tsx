import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { AUDIT_PAGE_SIZE, listAuditTrailForViewer } from "@/lib/data/audit-trail";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Jejak audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer("audit.view");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const rows = await listAuditTrailForViewer(viewer, page);
  return (
    <>
      <PageHeader
        title="Jejak audit"
        description={`Catatan pemrosesan data ${viewer.regencyName}: siapa membaca atau mengubah apa, dan kapan (UU PDP 27/2022). NIK disamarkan.`}
      />
      <Card>
        {rows.length === 0 ? <p className="mb-4 text-sm text-slate-600">Belum ada catatan pemrosesan di halaman ini.</p> : null}
        <Table caption="Jejak audit" head={["Waktu", "Oleh", "Tindakan", "Data"]}>
          {rows.map((r, i) => (
            <tr key={i}>
              <Td>{formatDateTime(r.at)}</Td>
              <Td>
                {r.actorName ?? "sistem"}
                {r.actorRole ? <span className="block text-xs text-slate-500">{ROLE_LABELS[r.actorRole]}</span> : null}
              </Td>
              <Td className="font-mono text-xs">{r.action}</Td>
              <Td>
                {r.entityType === "worker" ? (
                  <Link className="text-brand-700 underline" href={`/workers/${r.entityId}`}>
                    {r.subject}
                  </Link>
                ) : r.entityType === "regulation" ? (
                  <Link className="text-brand-700 underline" href={`/regulations/${r.entityId}`}>
                    {r.subject}
                  </Link>
                ) : (
                  r.subject
                )}
              </Td>
            </tr>
          ))}
        </Table>
        <nav aria-label="Halaman" className="mt-4 flex gap-3 text-sm">
          {page > 1 ? <Link href={`/audit?page=${page - 1}`}>‹ Lebih baru</Link> : null}
          {rows.length === AUDIT_PAGE_SIZE ? <Link href={`/audit?page=${page + 1}`}>Lebih lama ›</Link> : null}
        </nav>
      </Card>
    </>
  );
}
