import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { getScopeSummaryForViewer, listDistrictsForViewer, listRegenciesForViewer } from "@/lib/data/areas";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Wilayah" };

export default async function AreasPage({ searchParams }: { searchParams: Promise<{ kab?: string }> }) {
  const viewer = await requireViewer("areas.view");
  const { kab } = await searchParams;
  const [regencies, summary] = await Promise.all([listRegenciesForViewer(viewer), getScopeSummaryForViewer(viewer)]);
  // One kabupaten/kota at a time; pemda users have exactly one.
  const selected = regencies.find((r) => r.code === kab) ?? (regencies.length === 1 ? regencies[0] : undefined);
  const districts = selected ? await listDistrictsForViewer(viewer, { regencyCode: selected.code }) : [];
  return (
    <>
      <PageHeader
        title="Wilayah"
        description="Kecamatan dan kelurahan/desa dalam wilayah kerja Anda, dengan kantor cabang BPJS Ketenagakerjaan yang melayaninya."
      />
      <dl className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3" data-testid="scope-summary">
        <Stat label="Kabupaten/kota" value={formatNumber(summary.regencies)} />
        <Stat label="Kecamatan" value={formatNumber(summary.districts)} />
        <Stat label="Kelurahan/desa" value={formatNumber(summary.villages)} />
      </dl>
      {regencies.length ? (
        <Card title="Kabupaten/kota">
          <ul className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="scope-regencies">
            {regencies.map((r) => (
              <li key={r.code}>
                <Link
                  href={`/areas?kab=${r.code}`}
                  aria-current={selected?.code === r.code ? "page" : undefined}
                  className="text-brand-700 underline aria-[current=page]:font-semibold"
                >
                  {r.name}
                </Link>{" "}
                <span className="text-slate-500">({formatNumber(r.districtCount)} kec.)</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {selected ? (
        <div className="mt-6">
          <Card title={`Kecamatan di ${selected.name}`}>
            <Table caption={`Kecamatan di ${selected.name}`} head={["Kode", "Kecamatan", "Kelurahan/desa", "Kantor cabang"]}>
              {districts.map((d) => (
                <tr key={d.code}>
                  <Td>{d.code}</Td>
                  <Td>{d.name}</Td>
                  <Td>{formatNumber(d.villageCount)}</Td>
                  <Td>{d.branchName ?? <span className="text-amber-700">Belum dilayani cabang</span>}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        </div>
      ) : null}
    </>
  );
}
