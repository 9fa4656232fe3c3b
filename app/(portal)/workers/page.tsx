import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { WorkerFilterForm } from "@/components/workers/worker-filter-form";
import { WorkerStatusBadge } from "@/components/workers/status-badge";
import { StatusLegend } from "@/components/workers/status-legend";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { OFFICE_ROLES } from "@/lib/authz/roles";
import { listDistrictsForViewer, listRegenciesForViewer } from "@/lib/data/areas";
import { countWorkTodoForViewer } from "@/lib/data/dashboard";
import { listWorkersForViewer, PAGE_SIZE, PAGE_SIZES, WORKER_SORTS, type WorkerSort } from "@/lib/data/workers";
import { WORKER_STATUS_LABELS, WORKER_STATUSES, type WorkerStatus } from "@/lib/domain/worker-status";
import { formatDateTime, formatNumber } from "@/lib/format";
import { readNameSearch } from "@/lib/name-search";
import { filterWorkersAction } from "./actions";

export const metadata: Metadata = { title: "Pekerja" };

type Search = { status?: string; kab?: string; kec?: string; page?: string; urut?: string; per?: string };

const CHIPS = [
  ["ditolak", "Perlu perbaikan (ditolak)"],
  ["draft", "Perlu dilengkapi (draf)"],
  ["daftar_tunggu", "Daftar tunggu"],
  ["menunggu_persetujuan", "Menunggu persetujuan"],
] as const;

export default async function WorkersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer("workers.view");
  const sp = await searchParams;
  // The typed name comes from a cookie the search form set (never from the URL).
  const q = await readNameSearch();
  const status = WORKER_STATUSES.includes(sp.status as WorkerStatus) ? (sp.status as WorkerStatus) : undefined;
  const sort = WORKER_SORTS.includes(sp.urut as WorkerSort) ? (sp.urut as WorkerSort) : "baru";
  const bpjs = OFFICE_ROLES.includes(viewer.role);
  // Kanwil and admin work across kabupaten/kota: a column and a filter of their own.
  const manyAreas = viewer.role === "admin" || viewer.role === "kepala_wilayah";
  // Kanwil and admin choose a kabupaten/kota first; its kecamatan follow (never all 7,285 at once).
  const [{ rows, total, page, pageSize }, districts, regencyList, todo] = await Promise.all([
    listWorkersForViewer(viewer, {
      status,
      regencyCode: manyAreas ? sp.kab || undefined : undefined,
      districtCode: sp.kec || undefined,
      q,
      page: Number(sp.page) || 1,
      sort,
      pageSize: Number(sp.per) || undefined,
    }),
    manyAreas && !sp.kab ? Promise.resolve([]) : listDistrictsForViewer(viewer, manyAreas ? { regencyCode: sp.kab } : {}),
    manyAreas ? listRegenciesForViewer(viewer) : Promise.resolve([]),
    bpjs ? null : countWorkTodoForViewer(viewer),
  ]);
  const regencies = regencyList.map((r) => [r.code, r.name] as const);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const params = (over: Record<string, string | null>) => {
    const p = new URLSearchParams({
      ...(status ? { status } : {}),
      ...(sp.kab ? { kab: sp.kab } : {}),
      ...(sp.kec ? { kec: sp.kec } : {}),
      ...(sort !== "baru" ? { urut: sort } : {}),
      ...(pageSize !== PAGE_SIZE ? { per: String(pageSize) } : {}),
    });
    for (const [k, v] of Object.entries(over)) {
      if (v == null) p.delete(k);
      else p.set(k, v);
    }
    return p;
  };
  const link = (p: number) => `/workers?${params({ page: String(p) })}`;
  const sortLink = (col: "nama" | "diajukan") => {
    const next = col === "nama" ? (sort === "nama" ? "-nama" : "nama") : sort === "baru" ? "lama" : "baru";
    return `/workers?${params({ urut: next === "baru" ? null : next, page: null })}`;
  };
  // The order is said in words too (aria-sort belongs on a header cell, not on its link).
  const sortMark = (col: "nama" | "diajukan") => {
    const dir = col === "nama" ? (sort === "nama" ? "up" : sort === "-nama" ? "down" : null) : sort === "baru" ? "down" : sort === "lama" ? "up" : null;
    if (!dir) return null;
    return (
      <>
        <span aria-hidden="true">{dir === "up" ? " ▲" : " ▼"}</span>
        <span className="sr-only">{dir === "up" ? " (urut naik)" : " (urut turun)"}</span>
      </>
    );
  };
  return (
    <>
      <PageHeader title="Pekerja" description="Pekerja rentan yang didaftarkan di wilayah Anda. NIK disamarkan di daftar." />
      <div className="space-y-6">
        <Card
          title="Cari dan saring"
          actions={
            can(viewer.role, "workers.register") ? (
              <Link href="/workers/new" className={buttonClass()}>
                Daftarkan pekerja
              </Link>
            ) : null
          }
        >
          <WorkerFilterForm action={filterWorkersAction} q={q ?? ""}>
            {sort !== "baru" ? <input type="hidden" name="urut" value={sort} /> : null}
            {manyAreas ? (
              <label className="text-sm">
                <span className="block font-medium text-slate-700">Kabupaten/kota</span>
                <select name="kab" defaultValue={sp.kab ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2">
                  <option value="">Semua</option>
                  {regencies.map(([code, name]) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label className="text-sm">
              <span className="block font-medium text-slate-700">Status</span>
              <select name="status" defaultValue={status ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2">
                <option value="">Semua</option>
                {WORKER_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {WORKER_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              <span className="block font-medium text-slate-700">Kecamatan</span>
              <select name="kec" defaultValue={sp.kec ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2">
                <option value="">{manyAreas && !sp.kab ? "Semua (pilih kab/kota dulu)" : "Semua"}</option>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {manyAreas ? d.name : `${d.name} (${d.regencyName})`}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              <span className="block font-medium text-slate-700">Per halaman</span>
              <select name="per" defaultValue={String(pageSize)} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2">
                {PAGE_SIZES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <div className="flex items-end">
              <button type="submit" className={buttonClass("secondary")}>
                Terapkan
              </button>
            </div>
          </WorkerFilterForm>
          {todo ? (
            <nav aria-label="Daftar kerja" className="mt-4 flex flex-wrap gap-2 text-sm">
              {CHIPS.map(([st, label]) => (
                <Link
                  key={st}
                  href={`/workers?status=${st}`}
                  aria-current={status === st ? "page" : undefined}
                  className="rounded-full border px-3 py-1 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
                >
                  {label} <span data-testid={`chip-${st}`}>({formatNumber(todo.byStatus[st])})</span>
                </Link>
              ))}
            </nav>
          ) : null}
        </Card>
        <Card
          title={`${formatNumber(total)} pekerja`}
          actions={
            can(viewer.role, "workers.export") ? (
              <div className="flex gap-2 text-sm">
                {(["csv", "xlsx"] as const).map((format) => (
                  <a
                    key={format}
                    className={buttonClass("secondary")}
                    href={`/api/workers/export?${new URLSearchParams({ ...(status ? { status } : {}), ...(sp.kec ? { kec: sp.kec } : {}), format })}`}
                  >
                    Unduh {format.toUpperCase()}
                  </a>
                ))}
              </div>
            ) : null
          }
        >
          <div className="mb-3">
            <StatusLegend only={bpjs ? WORKER_STATUSES.filter((x) => x !== "draft" && x !== "menunggu_persetujuan") : undefined} />
          </div>
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">Tidak ada pekerja yang cocok.</p>
          ) : (
            <Table
              caption="Daftar pekerja"
              head={[
                <Link key="n" href={sortLink("nama")} className="underline decoration-dotted">
                  Nama{sortMark("nama")}
                </Link>,
                "NIK",
                ...(manyAreas ? ["Kabupaten/kota"] : []),
                "Kecamatan / kelurahan",
                "Pekerjaan",
                "KPJ",
                "Status",
                <Link key="d" href={sortLink("diajukan")} className="underline decoration-dotted">
                  Terdaftar{sortMark("diajukan")}
                </Link>,
              ]}
            >
              {rows.map((w) => (
                <tr key={w.id}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/workers/${w.id}`}>
                      {w.name}
                    </Link>
                  </Td>
                  <Td className="font-mono">{w.nik}</Td>
                  {manyAreas ? <Td>{w.regencyName}</Td> : null}
                  <Td>
                    {w.districtName ?? "—"}
                    {w.villageName ? ` / ${w.villageName}` : ""}
                  </Td>
                  <Td>{w.occupation ?? "—"}</Td>
                  <Td className="font-mono">{w.kpjNumber ?? "—"}</Td>
                  <Td>
                    <WorkerStatusBadge status={w.status} />
                  </Td>
                  <Td>{w.submittedAt ? formatDateTime(w.submittedAt) : "—"}</Td>
                </tr>
              ))}
            </Table>
          )}
          {pages > 1 ? (
            <nav aria-label="Halaman" className="mt-4 flex gap-3 text-sm">
              {page > 1 ? <Link href={link(page - 1)}>‹ Sebelumnya</Link> : null}
              <span>
                Halaman {page} dari {pages}
              </span>
              {page < pages ? <Link href={link(page + 1)}>Berikutnya ›</Link> : null}
            </nav>
          ) : null}
        </Card>
      </div>
    </>
  );
}
