import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { AreaView, FilterBar } from "@/components/dashboard/views";
import { orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { now } from "@/lib/clock";
import { getAreaForViewer } from "@/lib/data/dashboard";
import { formatDateTime } from "@/lib/format";
import { parseDashboardParams, withParams, type SearchParams } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "Dasbor wilayah" };

/** One kabupaten/kota's dashboard: the drill-down from the province table. */
export default async function AreaDashboardPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer("dashboard.area");
  const code = (await params).code;
  const area = await orNotFound(getAreaForViewer(viewer, /^\d{2}\.\d{2}$/.test(code) ? code : "-"));
  const sp = await searchParams;
  const year = Number((await now()).toISOString().slice(0, 4));
  const { filter } = parseDashboardParams(sp, year);
  return (
    <>
      <PageHeader
        title={`Capaian ${area.name}`}
        description={
          <>
            {area.provinceName} · data per {formatDateTime(await now())}
          </>
        }
      />
      <p className="mb-4 text-sm print:hidden">
        <Link className="text-brand-700 underline" href={`/dashboard${withParams(sp, { kab: null })}`}>
          ← Kembali ke dasbor
        </Link>{" "}
        ·{" "}
        <Link className="text-brand-700 underline" href={`/reports/quarterly${withParams(sp, { kab: area.code })}`}>
          Laporan triwulan
        </Link>
      </p>
      <FilterBar sp={sp} filter={filter} years={[year + 1, year, year - 1, year - 2]} />
      <AreaView viewer={viewer} regencyCode={area.code} filter={filter} sp={{ ...sp, kab: area.code }} />
    </>
  );
}
