import type { Metadata } from "next";
import Link from "next/link";
import { CoverageForm, UpdateOfficeForm } from "@/components/offices/office-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { idParam, orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { can } from "@/lib/authz/permissions";
import { listRegenciesForViewer } from "@/lib/data/areas";
import { getOfficeForViewer, listCoverageOfRegencyForViewer } from "@/lib/data/offices";
import { setCoverageAction, updateOfficeAction } from "../actions";

export const metadata: Metadata = { title: "Kantor" };

export default async function OfficePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ kab?: string }> }) {
  const viewer = await requireViewer("offices.view");
  const id = idParam((await params).id);
  const office = await orNotFound(getOfficeForViewer(viewer, id));
  const manage = can(viewer.role, "offices.manage") && office.kind !== "kantor_wilayah";
  const { kab } = await searchParams;
  const regencies = manage ? (await listRegenciesForViewer(viewer)).filter((r) => r.provinceCode === office.provinceCode) : [];
  const regency = regencies.find((r) => r.code === kab);
  const coverageRows = regency ? await listCoverageOfRegencyForViewer(viewer, regency.code) : [];
  const byRegency = new Map<string, typeof office.coverage>();
  for (const d of office.coverage) byRegency.set(d.regencyName, [...(byRegency.get(d.regencyName) ?? []), d]);
  return (
    <>
      <PageHeader title={office.name} description={office.parentName ? `Di bawah ${office.parentName}` : "Kantor Wilayah"} />
      <div className="space-y-6">
        {office.kind !== "kantor_wilayah" ? (
          <Card title={`Kecamatan yang dilayani (${office.coverage.length})`}>
            {office.coverage.length === 0 ? <p className="text-sm text-slate-600">Belum ada kecamatan.</p> : null}
            {[...byRegency].map(([name, list]) => (
              <div key={name} className="mb-3">
                <h3 className="font-medium">{name}</h3>
                <p className="text-sm text-slate-700" data-testid="coverage-list">
                  {list.map((d) => d.name).join(", ")}
                </p>
              </div>
            ))}
          </Card>
        ) : null}
        {manage ? (
          <>
            <Card title="Data kantor">
              <UpdateOfficeForm action={updateOfficeAction} office={office} />
            </Card>
            <Card title="Ubah cakupan kecamatan">
              <nav aria-label="Pilih kabupaten/kota" className="mb-4 flex flex-wrap gap-2 text-sm">
                {regencies.map((r) => (
                  <Link
                    key={r.code}
                    href={`/admin/offices/${office.id}?kab=${r.code}`}
                    aria-current={r.code === regency?.code ? "page" : undefined}
                    className="rounded-full border px-3 py-1 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
                  >
                    {r.name}
                  </Link>
                ))}
              </nav>
              {regency ? (
                <CoverageForm key={regency.code} action={setCoverageAction} officeId={office.id} regencyCode={regency.code} rows={coverageRows} />
              ) : (
                <p className="text-sm text-slate-600">Pilih kabupaten/kota untuk mengubah kecamatan yang dilayani.</p>
              )}
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
