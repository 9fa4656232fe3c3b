import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import type { Viewer } from "@/lib/authz/viewer";
import { AreaView, BranchView, FilterBar, ProvinceView } from "@/components/dashboard/views";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { viewerPlace } from "@/lib/authz/viewer";
import { now } from "@/lib/clock";
import { listProvincesForViewer } from "@/lib/data/areas";
import { countBillingTodoForViewer } from "@/lib/data/billing";
import { countClaimTodoForViewer } from "@/lib/data/claims";
import { countWorkTodoForViewer, listProvinceAlertsForViewer, type ProvinceAlert } from "@/lib/data/dashboard";
import { dayLabel, waitLabel } from "@/lib/domain/wib";
import { getSystemPanelForViewer } from "@/lib/data/users";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
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
        {provinceCode ? <ProvinceAlerts viewer={viewer} provinceCode={provinceCode} /> : null}
        {viewer.role === "admin" ? <SystemPanel viewer={viewer} /> : null}
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
        <WorkTodo viewer={viewer} />
        <h2 className="mb-3 text-xl font-semibold">{viewer.officeName}</h2>
        <FilterBar sp={sp} filter={filter} years={years} />
        <BranchView viewer={viewer} filter={filter} sp={sp} />
      </>
    );
  }
  return (
    <>
      {header}
      <WorkTodo viewer={viewer} />
      <h2 className="mb-3 text-xl font-semibold">Capaian {viewer.regencyName}</h2>
      <FilterBar sp={sp} filter={filter} years={years} />
      <ReportLink href={`/reports/quarterly${withParams(sp, { kab: viewer.regencyCode })}`} />
      <AreaView viewer={viewer} regencyCode={viewer.regencyCode!} filter={filter} sp={sp} />
    </>
  );
}

type TodoItem = { label: string; n: number | string; href: string; primary?: boolean };

/**
 * "Perlu tindakan" first, per role, each count linking to its filtered list: the officer's rejected
 * and draft registrations and the waiting list; the supervisor's approvals, imports to apply and
 * bills; the branch head's verification queue (oldest wait), bills to issue and payments to
 * confirm; claims for all three.
 */
async function WorkTodo({ viewer }: { viewer: Viewer }) {
  const [w, t, k] = await Promise.all([countWorkTodoForViewer(viewer), countBillingTodoForViewer(viewer), countClaimTodoForViewer(viewer)]);
  const s = w.byStatus;
  const items: TodoItem[] =
    viewer.role === "kepala_cabang"
      ? [
          { label: "Menunggu verifikasi", n: s.diajukan, href: "/verification", primary: s.diajukan > 0 },
          { label: "Menunggu nomor KPJ", n: s.diverifikasi, href: "/verification" },
          { label: "Paling lama menunggu", n: w.oldestDays == null ? "—" : waitLabel(w.oldestDays), href: "/verification" },
          { label: "Tagihan menunggu diterbitkan", n: t.drafts, href: "/billing" },
          { label: "Pembayaran menunggu konfirmasi", n: t.toConfirm, href: "/billing" },
          { label: "Klaim menunggu penetapan BPJS", n: k.diajukan, href: "/claims" },
          { label: "Klaim ditetapkan, belum dibayar", n: k.ditetapkan, href: "/claims" },
        ]
      : viewer.role === "supervisor"
        ? [
            { label: "Menunggu persetujuan", n: s.menunggu_persetujuan, href: "/approvals", primary: s.menunggu_persetujuan > 0 },
            { label: "Impor menunggu diterapkan", n: w.importsToApply, href: "/imports" },
            { label: "Ditolak, perlu diperbaiki", n: s.ditolak, href: "/workers?status=ditolak" },
            { label: "Tagihan terbit belum dibayar", n: t.unpaid, href: "/billing" },
            { label: "Tagihan draf", n: t.drafts, href: "/billing" },
            { label: "Klaim dokumen belum lengkap", n: k.dilaporkan, href: "/claims" },
            { label: "Klaim siap diajukan ke BPJS", n: k.dokumen_lengkap, href: "/claims" },
          ]
        : [
            { label: "Ditolak, perlu diperbaiki", n: s.ditolak, href: "/workers?status=ditolak", primary: s.ditolak > 0 },
            { label: "Draf belum diajukan", n: s.draft, href: "/workers?status=draft" },
            { label: "Daftar tunggu", n: s.daftar_tunggu, href: "/workers?status=daftar_tunggu" },
            { label: "Klaim dokumen belum lengkap", n: k.dilaporkan, href: "/claims" },
            { label: "Klaim siap diajukan ke BPJS", n: k.dokumen_lengkap, href: "/claims" },
          ];
  return (
    <section className="mb-6" aria-labelledby="todo">
      <h2 id="todo" className="mb-2 text-lg font-semibold">
        Perlu tindakan
      </h2>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="work-todo">
        {items.map((i) => (
          <Link
            key={i.label}
            href={i.href}
            className={`rounded-lg border p-4 ${i.primary ? "border-brand-700 bg-brand-700 text-white hover:bg-brand-800" : "border-slate-200 bg-white hover:border-brand-600"}`}
          >
            <span className={`block text-sm ${i.primary ? "text-white" : "text-slate-600"}`}>{i.label}</span>
            <span className="mt-1 block text-2xl font-semibold">{typeof i.n === "number" ? formatNumber(i.n) : i.n}</span>
          </Link>
        ))}
      </div>
    </section>
  );
}

const ALERT_TEXT: Record<ProvinceAlert["kind"], (a: ProvinceAlert) => string> = {
  menunggu_tanpa_regulasi: (a) => `${formatNumber(a.n)} pekerja di daftar tunggu, belum ada regulasi yang berlaku`,
  kecamatan_tanpa_cabang: (a) => `${formatNumber(a.n)} kecamatan belum dilayani kantor cabang (iurannya tidak tertagih)`,
  regulasi_berakhir: (a) => `regulasi berakhir ${a.day ? dayLabel(a.day) : ""}: siapkan perpanjangan`,
};

/** The Kanwil's and admin's alerts for the province, each linking to the area. */
async function ProvinceAlerts({ viewer, provinceCode }: { viewer: Viewer; provinceCode: string }) {
  const alerts = await listProvinceAlertsForViewer(viewer, provinceCode);
  return (
    <section className="mb-6" aria-labelledby="todo">
      <h2 id="todo" className="mb-2 text-lg font-semibold">
        Perlu perhatian
      </h2>
      {alerts.length ? (
        <ul className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="province-alerts">
          {alerts.map((a) => (
            <li key={`${a.kind}-${a.regencyCode}-${a.day ?? ""}`}>
              <Link className="font-medium text-brand-700 underline" href={`/dashboard/area/${a.regencyCode}`}>
                {a.regencyName}
              </Link>
              : {ALERT_TEXT[a.kind](a)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600" data-testid="province-alerts">
          Tidak ada yang perlu perhatian.
        </p>
      )}
    </section>
  );
}

/** The admin's view of the platform itself: imports in a phase or failed, accounts never used. */
async function SystemPanel({ viewer }: { viewer: Viewer }) {
  const p = await getSystemPanelForViewer(viewer);
  return (
    <section className="mb-6" aria-labelledby="system">
      <h2 id="system" className="mb-2 text-lg font-semibold">
        Sistem
      </h2>
      <div className="grid gap-4 lg:grid-cols-3" data-testid="system-panel">
        <dl className="contents">
          <Stat label="Impor sedang berjalan" value={formatNumber(p.importsRunning)} />
          <Stat label="Impor gagal (30 hari)" value={formatNumber(p.importsFailed30)} />
        </dl>
        <Card title={`Belum pernah masuk (${formatNumber(p.neverLoggedInTotal)} akun aktif)`}>
          {p.neverLoggedIn.length ? (
            <ul className="space-y-1 text-sm">
              {p.neverLoggedIn.map((u) => (
                <li key={u.id}>
                  <Link className="text-brand-700 underline" href={`/admin/users/${u.id}`}>
                    {u.name}
                  </Link>{" "}
                  <span className="text-slate-600">
                    · {ROLE_LABELS[u.role]} · dibuat {formatDate(u.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">Semua akun aktif sudah pernah dipakai.</p>
          )}
        </Card>
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
