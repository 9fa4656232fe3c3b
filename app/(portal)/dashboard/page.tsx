import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { viewerPlace } from "@/lib/authz/viewer";
import { now } from "@/lib/clock";
import { getScopeSummaryForViewer, listRegenciesForViewer } from "@/lib/data/areas";
import { formatDate, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Beranda" };

export default async function DashboardPage() {
  const viewer = await requireViewer("dashboard.view");
  const [summary, regencies] = await Promise.all([getScopeSummaryForViewer(viewer), listRegenciesForViewer(viewer)]);
  return (
    <>
      <PageHeader
        title={`Selamat datang, ${viewer.name}`}
        description={
          <>
            {ROLE_LABELS[viewer.role]} · <span data-testid="scope-name">{viewerPlace(viewer)}</span> · {formatDate(now())}
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Stat label="Kabupaten/kota" value={formatNumber(summary.regencies)} />
        <Stat label="Kecamatan" value={formatNumber(summary.districts)} />
        <Stat label="Kelurahan/desa" value={formatNumber(summary.villages)} />
      </dl>
      <Card title="Wilayah kerja">
        {regencies.length > 12 ? (
          <p className="text-sm text-slate-600">
            {formatNumber(regencies.length)} kabupaten/kota. <Link className="text-brand-700 underline" href="/areas">Lihat daftar wilayah</Link>.
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
    </>
  );
}
