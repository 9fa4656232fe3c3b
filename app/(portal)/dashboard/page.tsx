import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { AreaView, BranchView, FilterBar, ProvinceView } from "@/components/dashboard/views";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { viewerPlace } from "@/lib/authz/viewer";
import { now } from "@/lib/clock";
import { listProvincesForViewer } from "@/lib/data/areas";
import { formatDateTime } from "@/lib/format";
import { parseDashboardParams, withParams, type SearchParams } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "Beranda" };

/** Each role lands on its own dashboard: province (Kanwil, admin), branch, or its own area. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer("dashboard.view");
  const sp = await searchParams;
  const year = Number(now().toISOString().slice(0, 4));
  const { filter, sort } = parseDashboardParams(sp, year);
  const years = [year + 1, year, year - 1, year - 2];
  const header = (
    <PageHeader
      title={`Selamat datang, ${viewer.name}`}
      description={
        <>
          {ROLE_LABELS[viewer.role]} · <span data-testid="scope-name">{viewerPlace(viewer)}</span> · data per {formatDateTime(now())}
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
      </>
    );
  }
  if (viewer.role === "kepala_cabang") {
    return (
      <>
        {header}
        <h2 className="mb-3 text-xl font-semibold">{viewer.officeName}</h2>
        <FilterBar sp={sp} filter={filter} years={years} />
        <BranchView viewer={viewer} filter={filter} sp={sp} />
      </>
    );
  }
  return (
    <>
      {header}
      <h2 className="mb-3 text-xl font-semibold">Capaian {viewer.regencyName}</h2>
      <FilterBar sp={sp} filter={filter} years={years} />
      <ReportLink href={`/reports/quarterly${withParams(sp, { kab: viewer.regencyCode })}`} />
      <AreaView viewer={viewer} regencyCode={viewer.regencyCode!} filter={filter} sp={sp} />
    </>
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
