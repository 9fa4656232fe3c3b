import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { NikSearch } from "@/components/workers/nik-search";
import { WorkerStatusBadge } from "@/components/workers/status-badge";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { listDistrictsForViewer } from "@/lib/data/areas";
import { listWorkersForViewer, PAGE_SIZE } from "@/lib/data/workers";
import { WORKER_STATUS_LABELS, WORKER_STATUSES, type WorkerStatus } from "@/lib/domain/worker-status";
import { formatDateTime, formatNumber } from "@/lib/format";
import { readNameSearch } from "@/lib/name-search";
import { filterWorkers, findByNikAction } from "./actions";

export const metadata: Metadata = { title: "Pekerja" };

type Search = { status?: string; kec?: string; page?: string };

export default async function WorkersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer("workers.view");
  const sp = await searchParams;
  // The typed name comes from a cookie the search form set (never from the URL).
  const q = await readNameSearch();
  const status = WORKER_STATUSES.includes(sp.status as WorkerStatus) ? (sp.status as WorkerStatus) : undefined;
  const [{ rows, total, page }, districts] = await Promise.all([
    listWorkersForViewer(viewer, { status, districtCode: sp.kec || undefined, q, page: Number(sp.page) || 1 }),
    listDistrictsForViewer(viewer),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (p: number) => `/workers?${new URLSearchParams({ ...(status ? { status } : {}), ...(sp.kec ? { kec: sp.kec } : {}), page: String(p) })}`;
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
          <form action={filterWorkers} className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-4">
            <label className="text-sm">
              <span className="block font-medium text-slate-700">Nama</span>
              <input name="q" defaultValue={q ?? ""} autoComplete="off" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
            </label>
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
                <option value="">Semua</option>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name} ({d.regencyName})
                  </option>
                ))}
              </select>
            </label>
            <div className="flex items-end">
              <button type="submit" className={buttonClass("secondary")}>
                Terapkan
              </button>
            </div>
          </form>
          <NikSearch action={findByNikAction} />
          <nav aria-label="Daftar kerja" className="mt-4 flex flex-wrap gap-2 text-sm">
            {(
              [
                ["ditolak", "Perlu perbaikan (ditolak)"],
                ["draft", "Perlu dilengkapi (draf)"],
                ["daftar_tunggu", "Daftar tunggu"],
                ["menunggu_persetujuan", "Menunggu persetujuan"],
              ] as const
            ).map(([s, label]) => (
              <Link
                key={s}
                href={`/workers?status=${s}`}
                aria-current={status === s ? "page" : undefined}
                className="rounded-full border px-3 py-1 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
              >
                {label}
              </Link>
            ))}
          </nav>
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
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">Tidak ada pekerja yang cocok.</p>
          ) : (
            <Table caption="Daftar pekerja" head={["Nama", "NIK", "Kecamatan", "Pekerjaan", "Status", "Diajukan"]}>
              {rows.map((w) => (
                <tr key={w.id}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/workers/${w.id}`}>
                      {w.name}
                    </Link>
                  </Td>
                  <Td className="font-mono">{w.nik}</Td>
                  <Td>{w.districtName ?? "—"}</Td>
                  <Td>{w.occupation ?? "—"}</Td>
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
