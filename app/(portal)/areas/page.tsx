import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { getScopeSummaryForViewer, listDistrictsForViewer, listRegenciesForViewer } from "@/lib/data/areas";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Wilayah" };

export default async function AreasPage({ searchParams }: { searchParams: Promise<{ kab?: string; cari?: string }> }) {
  const viewer = await requireViewer("areas.view");
  const { kab, cari } = await searchParams;
  const query = typeof cari === "string" ? cari.trim().toLowerCase().slice(0, 60) : "";
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
          {/* Many areas (the admin sees 514): grouped by province, with a search by name. */}
          {regencies.length > 20 ? (
            <form method="get" className="mb-3 flex flex-wrap items-end gap-2 text-sm" role="search">
              <div>
                <label htmlFor="areas-cari" className="block text-slate-600">
                  Cari kabupaten/kota atau provinsi
                </label>
                <input id="areas-cari" name="cari" defaultValue={query} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
              </div>
              <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
                Cari
              </button>
            </form>
          ) : null}
          <RegencyGroups regencies={regencies} query={query} selected={selected?.code} />
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

type Regency = Awaited<ReturnType<typeof listRegenciesForViewer>>[number];

function RegencyGroups({ regencies, query, selected }: { regencies: Regency[]; query: string; selected?: string }) {
  const shown = query ? regencies.filter((r) => r.name.toLowerCase().includes(query) || r.provinceName.toLowerCase().includes(query)) : regencies;
  const provinces = [...new Map(shown.map((r) => [r.provinceCode, r.provinceName])).entries()];
  if (!shown.length) return <p className="text-sm text-slate-600">Tidak ada kabupaten/kota yang cocok dengan &ldquo;{query}&rdquo;.</p>;
  return (
    <div className="space-y-2" data-testid="scope-regencies">
      {provinces.map(([code, name]) => {
        const list = shown.filter((r) => r.provinceCode === code);
        return (
          <details key={code} open={provinces.length === 1 || !!query || list.some((r) => r.code === selected)} data-testid="province-group">
            <summary className="cursor-pointer font-medium">
              {name} <span className="font-normal text-slate-600">({formatNumber(list.length)} kabupaten/kota)</span>
            </summary>
            <ul className="mt-1 grid grid-cols-1 gap-1 pl-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
              {list.map((r) => (
                <li key={r.code}>
                  <Link
                    href={`/areas?kab=${r.code}`}
                    aria-current={selected === r.code ? "page" : undefined}
                    className="text-brand-700 underline aria-[current=page]:font-semibold"
                  >
                    {r.name}
                  </Link>{" "}
                  <span className="text-slate-600">({formatNumber(r.districtCount)} kec.)</span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
