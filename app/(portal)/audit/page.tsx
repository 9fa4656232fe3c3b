import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { AUDIT_PAGE_SIZE, listAuditActorsForViewer, listAuditTrailForViewer } from "@/lib/data/audit-trail";
import { AREA_AUDIT_ACTIONS, parseAuditParams } from "@/lib/validation/audit";
import { withParams, type SearchParams } from "@/lib/validation/dashboard";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Jejak audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer("audit.view");
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const { filter, errors } = parseAuditParams(sp);
  const [rows, actors] = await Promise.all([listAuditTrailForViewer(viewer, page, filter), listAuditActorsForViewer(viewer)]);
  const pageHref = (p: number) => `/audit${withParams(sp, { page: p > 1 ? String(p) : null })}`;
  return (
    <>
      <PageHeader
        title="Jejak audit"
        description={`Catatan pemrosesan data ${viewer.regencyName}: siapa membaca atau mengubah apa, dan kapan (UU PDP 27/2022). NIK disamarkan.`}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Saring jejak audit">
        <div>
          <label htmlFor="audit-oleh" className="block text-slate-600">
            Oleh
          </label>
          <select id="audit-oleh" name="oleh" defaultValue={filter.actorId ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">Semua pengguna</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({ROLE_LABELS[a.role]})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-tindakan" className="block text-slate-600">
            Tindakan
          </label>
          <select id="audit-tindakan" name="tindakan" defaultValue={filter.action ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">Semua tindakan</option>
            {AREA_AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-dari" className="block text-slate-600">
            Dari tanggal
          </label>
          <input id="audit-dari" type="date" name="dari" defaultValue={filter.from ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1" />
        </div>
        <div>
          <label htmlFor="audit-sampai" className="block text-slate-600">
            Sampai tanggal
          </label>
          <input id="audit-sampai" type="date" name="sampai" defaultValue={filter.to ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
          Saring
        </button>
        <Link className="py-1.5 text-brand-700 underline" href="/audit">
          Hapus saringan
        </Link>
        {errors.length ? (
          <p role="alert" className="w-full text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </form>
      <Card>
        {rows.length === 0 ? <p className="mb-4 text-sm text-slate-600">Belum ada catatan pemrosesan di halaman ini.</p> : null}
        <Table caption="Jejak audit" head={["Waktu", "Oleh", "Tindakan", "Data"]}>
          {rows.map((r, i) => (
            <tr key={i}>
              <Td>{formatDateTime(r.at)}</Td>
              <Td>
                {r.actorName ?? "sistem"}
                {r.actorRole ? <span className="block text-xs text-slate-600">{ROLE_LABELS[r.actorRole]}</span> : null}
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
          {page > 1 ? <Link href={pageHref(page - 1)}>‹ Lebih baru</Link> : null}
          {rows.length === AUDIT_PAGE_SIZE ? <Link href={pageHref(page + 1)}>Lebih lama ›</Link> : null}
        </nav>
      </Card>
    </>
  );
}
