import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Skeleton } from "@/components/dashboard/charts";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import type { Viewer } from "@/lib/authz/viewer";
import { AreaView, BranchView, FilterBar, ProvinceView } from "@/components/dashboard/views";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { viewerPlace } from "@/lib/authz/viewer";
import { now } from "@/lib/clock";
import { getScopeSummaryForViewer, listProvincesForViewer, listRegenciesForViewer } from "@/lib/data/areas";
import { countBillingTodoForViewer } from "@/lib/data/billing";
import { countClaimTodoForViewer } from "@/lib/data/claims";
import { formatDateTime, formatNumber } from "@/lib/format";
import { parseDashboardParams, withParams, type SearchParams } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "Beranda" };

/** Each role lands on its own dashboard: province (Kanwil, admin), branch, or its own area. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer("dashboard.view");
  const sp = await searchParams;
  const year = Number((await now()).toISOString().slice(0, 4));
  const { filter, sort } = parseDashboardParams(sp, year);
  const years = [year + 1, year, year - 1, year - 2];
  const header = (
    <PageHeader
      title={`Selamat datang, ${viewer.name}`}
      description={
        <>
          {ROLE_LABELS[viewer.role]} · <span data-testid="scope-name">{viewerPlace(viewer)}</span> · data per {formatDateTime(await now())}
        </>
      }
    />
  );
  if (viewer.role === "kepala_wilayah" || viewer.role === "admin") {
    const provinces = await listProvincesForViewer(viewer);
    const provinceCode = viewer.role === "admin" ? (filter.provinceCode ?? "36") : viewer.provinceCode;
    const province = provinces.find((p) => p.code === provinceCode);
    return (
      <>
        {header}
        <h2 className="mb-3 text-xl font-semibold">Capaian {province?.name ?? "provinsi"}</h2>
        <FilterBar sp={sp} filter={filter} years={years} provinces={viewer.role === "admin" ? provinces : undefined} />
        <ReportLink href={`/reports/quarterly${withParams(sp, { urut: null })}`} />
        <ProvinceView viewer={viewer} filter={{ ...filter, provinceCode: provinceCode ?? null, regencyCode: filter.regencyCode }} sp={sp} sort={sort} />
        <WorkArea viewer={viewer} />
      </>
    );
  }
  if (viewer.role === "kepala_cabang") {
    return (
      <>
        {header}
        <WorkTodo viewer={viewer} />
        <h2 className="mb-3 text-xl font-semibold">{viewer.officeName}</h2>
        <FilterBar sp={sp} filter={filter} years={years} />
        <BranchView viewer={viewer} filter={filter} sp={sp} />
        <WorkArea viewer={viewer} />
      </>
    );
  }
  return (
    <>
      {header}
      {viewer.role === "supervisor" ? <WorkTodo viewer={viewer} /> : null}
      <h2 className="mb-3 text-xl font-semibold">Capaian {viewer.regencyName}</h2>
      <FilterBar sp={sp} filter={filter} years={years} />
      <ReportLink href={`/reports/quarterly${withParams(sp, { kab: viewer.regencyCode })}`} />
      <AreaView viewer={viewer} regencyCode={viewer.regencyCode!} filter={filter} sp={sp} />
      <WorkArea viewer={viewer} />
    </>
  );
}

/** What waits for the branch head (issue, confirm, BPJS's claim steps) and the supervisor (pay, claim documents and submission). */
async function WorkTodo({ viewer }: { viewer: Viewer }) {
  const [t, k] = await Promise.all([countBillingTodoForViewer(viewer), countClaimTodoForViewer(viewer)]);
  const items: [string, number, string][] =
    viewer.role === "kepala_cabang"
      ? [
          ["Tagihan menunggu diterbitkan", t.drafts, "/billing"],
          ["Pembayaran menunggu konfirmasi", t.toConfirm, "/billing"],
          ["Klaim menunggu penetapan BPJS", k.diajukan, "/claims"],
          ["Klaim ditetapkan, belum dibayar", k.ditetapkan, "/claims"],
        ]
      : [
          ["Tagihan terbit belum dibayar", t.unpaid, "/billing"],
          ["Tagihan draf", t.drafts, "/billing"],
          ["Klaim dokumen belum lengkap", k.dilaporkan, "/claims"],
          ["Klaim siap diajukan ke BPJS", k.dokumen_lengkap, "/claims"],
        ];
  return (
    <section className="mb-6" aria-labelledby="todo-iuran">
      <h2 id="todo-iuran" className="mb-2 text-lg font-semibold">
        Perlu tindakan: iuran dan klaim
      </h2>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="billing-todo">
        {items.map(([label, n, href]) => (
          <Link key={label} href={href} className="rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
            <span className="block text-sm text-slate-500">{label}</span>
            <span className="mt-1 block text-2xl font-semibold">{formatNumber(n)}</span>
          </Link>
        ))}
      </div>
    </section>
  );
}

function ReportLink({ href }: { href: string }) {
  return (
    <div className="mb-6 print:hidden">
      <Card>
        <p className="text-sm">
          <Link className="text-brand-700 underline" href={href}>
            Laporan triwulan (siap cetak A4)
          </Link>{" "}
          — kemajuan per kabupaten/kota per akhir triwulan, untuk pelaporan kepala daerah (Inpres 2/2021).
        </p>
      </Card>
    </div>
  );
}

/** The viewer's work area: how many kabupaten/kota, kecamatan and kelurahan/desa its scope holds. */
function WorkArea({ viewer }: { viewer: Viewer }) {
  return (
    <div className="mt-6">
      <Suspense fallback={<Skeleton title="Wilayah kerja" lines={2} />}>
        <WorkAreaFigures viewer={viewer} />
      </Suspense>
    </div>
  );
}

async function WorkAreaFigures({ viewer }: { viewer: Viewer }) {
  const [summary, regencies] = await Promise.all([getScopeSummaryForViewer(viewer), listRegenciesForViewer(viewer)]);
  return (
    <Card title="Wilayah kerja">
      <dl className="mb-4 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Kabupaten/kota" value={formatNumber(summary.regencies)} />
        <Stat label="Kecamatan" value={formatNumber(summary.districts)} />
        <Stat label="Kelurahan/desa" value={formatNumber(summary.villages)} />
      </dl>
      {regencies.length > 12 ? (
        <p className="text-sm text-slate-600">
          {formatNumber(regencies.length)} kabupaten/kota.{" "}
          <Link className="text-brand-700 underline" href="/areas">
            Lihat daftar wilayah
          </Link>
          .
        </p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="scope-regencies">
          {regencies.map((r) => (
            <li key={r.code}>
              <Link className="text-brand-700 underline" href={`/areas?kab=${r.code}`}>
                {r.name}
              </Link>{" "}
              <span className="text-slate-500">
                ({r.code}) · {formatNumber(r.districtCount)} kecamatan
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
