import Link from "next/link";
import { cache, Suspense, type ReactNode } from "react";
import { ISSUER_LABELS } from "@/components/regulations/labels";
import { Card, Stat } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { Viewer } from "@/lib/authz/viewer";
import {
  getAreaBreakdownsForViewer,
  listAreaFiguresForViewer,
  listAreaRegulationProgressForViewer,
  listBranchAreasForViewer,
  listBranchComparisonForViewer,
  listMonthlyHoldersForViewer,
  type MonthHolders,
  listDistrictFiguresForViewer,
  listWeeklyEntriesForViewer,
  type AreaFigures,
  type DashboardFilter,
} from "@/lib/data/dashboard";
import { today as clockToday } from "@/lib/clock";
import { getBenefitFiguresForViewer, listClaimsForViewer, listLatestPayoutsForViewer } from "@/lib/data/claims";
import { getContributionProgressForViewer, getRegulationActualsForViewer } from "@/lib/data/contributions";
import { CLAIM_STATUS_LABELS, CLAIM_TYPE_LABELS, JKK_KIND_LABELS } from "@/lib/domain/claims";
import { dayLabel, daysSince, waitLabel } from "@/lib/domain/wib";
import { monthIndex, projectToYearEnd, splitYears } from "@/lib/domain/cumulative";
import { forecastText, pacePerWeek } from "@/lib/domain/regulations";
import { formatNumber, formatRupiah, formatRupiahShort } from "@/lib/format";
import { withParams, type SearchParams, type Sort } from "@/lib/validation/dashboard";
import { BarChart, ColumnChart, MonthLineChart, ProgressBar, Skeleton } from "./charts";
import { contributionItems } from "./contribution-items";
import { ProvinceMap, type MapArea, type MapMeasure } from "./province-map";

type Filter = DashboardFilter & { provinceCode: string | null };

// Widgets of one request share their queries (React cache), each streaming in its own boundary.
const areaFigures = cache((viewer: Viewer, key: string) => listAreaFiguresForViewer(viewer, JSON.parse(key) as Filter));
const figuresOf = (viewer: Viewer, f: Filter) => areaFigures(viewer, JSON.stringify(f));

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));
const shortDay = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "short", timeZone: "UTC" });
const weekLabel = (week: string) => shortDay.format(new Date(`${week}T00:00:00Z`));

function Widget({ title, children, lines }: { title: string; children: ReactNode; lines?: number }) {
  return <Suspense fallback={<Skeleton title={title} lines={lines} />}>{children}</Suspense>;
}

function ExportLinks({ table, sp }: { table: string; sp: SearchParams }) {
  return (
    <span className="flex gap-2 text-sm print:hidden">
      <a className="text-brand-700 underline" href={`/api/dashboard/export${withParams(sp, { tabel: table, format: "xlsx" })}`}>
        XLSX
      </a>
      <a className="text-brand-700 underline" href={`/api/dashboard/export${withParams(sp, { tabel: table, format: "csv" })}`}>
        CSV
      </a>
    </span>
  );
}

/** Filters in the URL: a plain GET form, so a view can be bookmarked and shared without JavaScript. */
export function FilterBar({
  sp,
  filter,
  years,
  provinces,
}: {
  sp: SearchParams;
  filter: Filter;
  years: number[];
  provinces?: { code: string; name: string }[];
}) {
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-3 print:hidden" aria-label="Saring dasbor">
      {provinces ? (
        <div className="text-sm">
          <label htmlFor="filter-prov" className="block text-slate-600">
            Provinsi
          </label>
          <select id="filter-prov" name="prov" defaultValue={filter.provinceCode ?? "36"} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="text-sm">
        <label htmlFor="filter-tahun" className="block text-slate-600">
          Tahun anggaran
        </label>
        <select id="filter-tahun" name="tahun" defaultValue={filter.fiscalYear} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="text-sm">
        <label htmlFor="filter-dana" className="block text-slate-600">
          Penyandang dana
        </label>
        <select id="filter-dana" name="dana" defaultValue={filter.funder ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
          <option value="">Semua</option>
          {Object.entries(ISSUER_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      {typeof sp.urut === "string" ? <input type="hidden" name="urut" value={sp.urut} /> : null}
      {typeof sp.kab === "string" && !provinces ? <input type="hidden" name="kab" value={sp.kab} /> : null}
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
        Terapkan
      </button>
    </form>
  );
}

// ---------------------------------------------------------------- province (Kanwil, admin)

const SORT_KEYS: Record<Sort, (a: AreaFigures) => number | string> = {
  kode: (a) => a.code,
  nama: (a) => a.name,
  kuota: (a) => a.quota,
  tercatat: (a) => a.counted,
  aktif: (a) => a.aktif,
  tunggu: (a) => a.waiting,
  persen: (a) => a.percent,
  perubahan: (a) => a.change30,
};

export function ProvinceView({ viewer, filter, sp, sort }: { viewer: Viewer; filter: Filter; sp: SearchParams; sort: string }) {
  return (
    <div className="space-y-6">
      <Widget title="Ringkasan provinsi" lines={2}>
        <ProvinceTotals viewer={viewer} filter={filter} />
      </Widget>
      <Widget title="Kepesertaan dan iuran" lines={3}>
        <ContributionPanel viewer={viewer} filter={{ provinceCode: filter.provinceCode, regencyCode: filter.regencyCode ?? null }} />
      </Widget>
      <Widget title="Manfaat bagi keluarga" lines={3}>
        <BenefitPanel
          viewer={viewer}
          filter={{ provinceCode: filter.provinceCode, regencyCode: filter.regencyCode ?? null, fiscalYear: filter.fiscalYear }}
          show="payouts"
        />
      </Widget>
      {filter.provinceCode ? (
        <Widget title="Perbandingan kantor cabang" lines={4}>
          <BranchComparisonTable viewer={viewer} provinceCode={filter.provinceCode} />
        </Widget>
      ) : null}
      {filter.provinceCode ? (
        <Widget title="Peta capaian kuota" lines={8}>
          <ProvinceMapCard viewer={viewer} filter={filter} sp={sp} provinceCode={filter.provinceCode} />
        </Widget>
      ) : null}
      <Widget title="Kabupaten/kota" lines={8}>
        <ProvinceTable viewer={viewer} filter={filter} sp={sp} sort={sort} />
      </Widget>
      <Widget title="Capaian kuota per kabupaten/kota" lines={6}>
        <ProvinceChart viewer={viewer} filter={filter} />
      </Widget>
      <Widget title="Perkembangan kumulatif" lines={6}>
        <CumulativeCard viewer={viewer} filter={filter} where={{ provinceCode: filter.provinceCode, regencyCode: filter.regencyCode }} />
      </Widget>
    </div>
  );
}

async function ProvinceMapCard({ viewer, filter, sp, provinceCode }: { viewer: Viewer; filter: Filter; sp: SearchParams; provinceCode: string }) {
  const areas = await figuresOf(viewer, filter);
  // The contributions map is asked for (one figure per area with holders), the quota map is the default.
  const measure: MapMeasure = sp.peta === "iuran" ? "iuran" : "kuota";
  const mapAreas: MapArea[] =
    measure === "kuota"
      ? areas.map((a) => ({ code: a.code, name: a.name, regulated: a.regulations > 0, part: a.counted, whole: a.quota }))
      : await Promise.all(
          areas.map(async (a) => {
            const c = a.counted > 0 ? await getContributionProgressForViewer(viewer, { regencyCode: a.code }) : null;
            return { code: a.code, name: a.name, regulated: a.regulations > 0, part: c?.tidakMenunggak ?? 0, whole: c?.tercatat ?? 0 };
          }),
        );
  const tab = (m: MapMeasure, label: string) => (
    <Link
      href={`/dashboard${withParams(sp, { peta: m === "iuran" ? "iuran" : null })}`}
      aria-current={measure === m ? "true" : undefined}
      className="rounded-md border border-slate-300 px-2 py-1 aria-[current=true]:border-brand-700 aria-[current=true]:bg-brand-700 aria-[current=true]:text-white"
    >
      {label}
    </Link>
  );
  return (
    <Card
      title={measure === "kuota" ? "Peta capaian kuota" : "Peta kepatuhan iuran"}
      actions={
        <span className="flex gap-2 text-sm print:hidden" data-testid="map-measure">
          {tab("kuota", "% kuota terisi")}
          {tab("iuran", "% tidak menunggak")}
        </span>
      }
    >
      <ProvinceMap
        provinceCode={provinceCode}
        areas={mapAreas}
        measure={measure}
        href={(code) => `/dashboard/area/${code}${withParams(sp, { urut: null, prov: null, kab: null, peta: null })}`}
      />
    </Card>
  );
}

const MONTH_NAMES = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

/**
 * Workers holding a place (and aktif) month by month against the quota, this year beside last
 * year, with the forecast to December dashed (the pace of the last four weeks).
 */
async function CumulativeCard({
  viewer,
  filter,
  where,
}: {
  viewer: Viewer;
  filter: Filter;
  where: { regencyCode?: string | null; provinceCode?: string | null };
}) {
  const [months, areas] = await Promise.all([listMonthlyHoldersForViewer(viewer, where, filter), figuresOf(viewer, filter)]);
  const year = filter.fiscalYear;
  const { current, previous } = splitYears(months, year);
  const quota = areas.reduce((t, a) => t + (a.regulations ? a.quota : 0), 0);
  const taken28 = areas.reduce((t, a) => t + a.takenLast4Weeks, 0);
  const last = current.at(-1);
  const forecast = last ? projectToYearEnd({ last: { month: last.month, value: last.counted }, perWeek: pacePerWeek(taken28), quota }) : [];
  const pts = (list: { month: string; value: number }[]) => list.map((m) => ({ x: monthIndex(m.month), y: m.value }));
  const byMonth = (list: MonthHolders[], m: number) => list.find((x) => monthIndex(x.month) === m);
  return (
    <Card title={`Perkembangan kumulatif ${year}`}>
      <MonthLineChart
        title={`Pekerja memegang kuota di akhir bulan, ${year} dan ${year - 1}`}
        series={[
          { label: `Tercatat ${year}`, tone: "brand", points: pts(current.map((m) => ({ month: m.month, value: m.counted }))) },
          { label: `Aktif ${year}`, tone: "aktif", points: pts(current.map((m) => ({ month: m.month, value: m.aktif }))) },
          { label: `Tercatat ${year - 1}`, tone: "previous", points: pts(previous.map((m) => ({ month: m.month, value: m.counted }))) },
          ...(forecast.length ? [{ label: "Perkiraan", tone: "forecast" as const, points: pts(forecast) }] : []),
        ]}
        target={quota ? { label: "Kuota yang berlaku", value: quota } : undefined}
        table={{
          head: ["Bulan", `Tercatat ${year}`, `Aktif ${year}`, `Tercatat ${year - 1}`],
          rows: MONTH_NAMES.map((name, i) => [
            name,
            byMonth(current, i + 1)?.counted ?? "—",
            byMonth(current, i + 1)?.aktif ?? "—",
            byMonth(previous, i + 1)?.counted ?? "—",
          ]),
        }}
      />
    </Card>
  );
}

/** The province's branches side by side: the queue each one carries and its pace. */
async function BranchComparisonTable({ viewer, provinceCode }: { viewer: Viewer; provinceCode: string }) {
  const branches = await listBranchComparisonForViewer(viewer, provinceCode);
  return (
    <Card title="Perbandingan kantor cabang">
      {branches.length ? (
        <Table
          caption="Antrean dan aktivasi per kantor cabang"
          head={["Kantor cabang", "Kecamatan dilayani", "Menunggu verifikasi", "Paling lama menunggu", "Menunggu nomor KPJ", "Aktivasi 30 hari"]}
        >
          {branches.map((b) => (
            <tr key={b.officeId} data-testid="branch-row" data-office={b.officeId}>
              <Td>{b.name}</Td>
              <Td className="tabular-nums">{formatNumber(b.districts)}</Td>
              <Td className="tabular-nums">{formatNumber(b.toVerify)}</Td>
              <Td
                className={
                  b.oldestDays != null && b.oldestDays > 30 ? "font-semibold text-red-800" : b.oldestDays != null && b.oldestDays > 14 ? "text-amber-800" : ""
                }
              >
                {b.oldestDays == null ? "—" : waitLabel(b.oldestDays)}
              </Td>
              <Td className="tabular-nums">{formatNumber(b.waitingKpj)}</Td>
              <Td className="tabular-nums">{formatNumber(b.activations30)}</Td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="text-sm text-slate-600">Belum ada kantor cabang di provinsi ini.</p>
      )}
    </Card>
  );
}

async function ProvinceTotals({ viewer, filter }: { viewer: Viewer; filter: Filter }) {
  const areas = await figuresOf(viewer, filter);
  const sum = (k: keyof AreaFigures) => areas.reduce((t, a) => t + (a[k] as number), 0);
  const quota = sum("quota");
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-7" data-testid="province-totals">
      <Stat label="Kuota" value={formatNumber(quota)} />
      <Stat label="Tercatat (memegang kuota)" value={formatNumber(sum("counted"))} />
      <Stat label="Aktif" value={formatNumber(sum("aktif"))} />
      <Stat label="Daftar tunggu" value={formatNumber(sum("waiting"))} />
      <Stat label="% kuota" value={`${quota ? ((sum("counted") / quota) * 100).toLocaleString("id-ID", { maximumFractionDigits: 1 }) : 0}%`} />
      <BudgetStat year={filter.fiscalYear} used={sum("committed")} allocated={sum("allocated")} />
    </dl>
  );
}

/**
 * The budget at a glance ("Rp 98,3 jt dari Rp 44,8 M") with a bar; the exact Rupiah below, small,
 * for whoever checks it against the ledger.
 */
function BudgetStat({ year, used, allocated }: { year: number; used: number; allocated: number }) {
  const percent = allocated > 0 ? (used / allocated) * 100 : 0;
  return (
    <div className="col-span-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="budget-card">
      <dt className="text-sm text-slate-600">Anggaran {year} terpakai</dt>
      <dd className="mt-1">
        <span className="text-2xl font-semibold">{formatRupiahShort(used)}</span>{" "}
        <span className="text-slate-700">dari {allocated ? formatRupiahShort(allocated) : "— (belum dialokasikan)"}</span>
        {allocated ? (
          <div className="mt-2">
            <ProgressBar percent={percent} label={`Anggaran ${year} terpakai`} />
          </div>
        ) : null}
        <p className="mt-1 text-xs text-slate-600" data-testid="budget-exact">
          {formatRupiah(used)} dari {formatRupiah(allocated)}
        </p>
      </dd>
    </div>
  );
}

/**
 * A sortable column's header: a link that keeps the other filters (`param` in the URL, "-" for
 * descending), the order said in words for screen readers. `firstDesc`: counts sort largest first.
 */
function SortHeader({
  sp,
  col,
  label,
  sort,
  param = "urut",
  firstDesc = false,
}: {
  sp: SearchParams;
  col: string;
  label: string;
  sort: string;
  param?: string;
  firstDesc?: boolean;
}) {
  const active = sort.replace(/^-/, "") === col;
  const next = active ? (sort.startsWith("-") ? col : `-${col}`) : firstDesc ? `-${col}` : col;
  return (
    <Link href={withParams(sp, { [param]: next })} className="underline decoration-dotted">
      {label}
      {active ? <span aria-hidden="true">{sort.startsWith("-") ? " ▼" : " ▲"}</span> : null}
      {active ? <span className="sr-only">{sort.startsWith("-") ? " (urut turun)" : " (urut naik)"}</span> : null}
    </Link>
  );
}

async function ProvinceTable({ viewer, filter, sp, sort }: { viewer: Viewer; filter: Filter; sp: SearchParams; sort: string }) {
  const areas = [...(await figuresOf(viewer, filter))];
  const key = SORT_KEYS[sort.replace(/^-/, "") as Sort] ?? SORT_KEYS.kode;
  areas.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (sort.startsWith("-") ? -1 : 1));
  const drill = (code: string) => `/dashboard/area/${code}${withParams(sp, { urut: null, prov: null, kab: null })}`;
  return (
    <Card title="Kabupaten/kota" actions={<ExportLinks table="wilayah" sp={sp} />}>
      <Table
        caption="Capaian per kabupaten/kota"
        head={[
          <SortHeader key="n" sp={sp} col="nama" label="Kabupaten/kota" sort={sort} />,
          <SortHeader key="q" sp={sp} col="kuota" label="Kuota" sort={sort} />,
          <SortHeader key="c" sp={sp} col="tercatat" label="Tercatat" sort={sort} />,
          <SortHeader key="a" sp={sp} col="aktif" label="Aktif" sort={sort} />,
          <SortHeader key="w" sp={sp} col="tunggu" label="Daftar tunggu" sort={sort} />,
          <SortHeader key="p" sp={sp} col="persen" label="% kuota" sort={sort} />,
          <SortHeader key="d" sp={sp} col="perubahan" label="30 hari" sort={sort} />,
          "Perkiraan",
          "Anggaran terpakai / dialokasikan",
        ]}
      >
        {areas.map((a) => (
          <tr key={a.code} data-testid="area-row" data-code={a.code}>
            <Td>
              <Link className="text-brand-700 underline" href={drill(a.code)}>
                {a.name}
              </Link>
            </Td>
            <Td className="tabular-nums">{a.regulations ? formatNumber(a.quota) : <span className="text-amber-700">belum ada regulasi</span>}</Td>
            <Td className="tabular-nums">{formatNumber(a.counted)}</Td>
            <Td className="tabular-nums">{formatNumber(a.aktif)}</Td>
            <Td className="tabular-nums">{formatNumber(a.waiting)}</Td>
            <Td>{a.regulations ? <ProgressBar percent={a.percent} label={`Capaian kuota ${a.name}`} /> : "—"}</Td>
            <Td className="tabular-nums">{signed(a.change30)}</Td>
            <Td className="text-xs">{a.forecast ? forecastText(a.forecast) : "—"}</Td>
            <Td className="text-xs tabular-nums">{a.allocated || a.committed ? `${formatRupiah(a.committed)} / ${formatRupiah(a.allocated)}` : "—"}</Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

async function ProvinceChart({ viewer, filter }: { viewer: Viewer; filter: Filter }) {
  const areas = (await figuresOf(viewer, filter)).filter((a) => a.regulations > 0);
  return (
    <Card title="Capaian kuota per kabupaten/kota">
      {areas.length ? (
        <BarChart
          title="Persentase kuota terisi"
          data={areas.map((a) => ({ label: a.name, value: a.percent }))}
          valueLabel="% kuota"
          format={(n) => `${n.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%`}
          max={100}
        />
      ) : (
        <p className="text-sm text-slate-600">Belum ada regulasi yang berlaku.</p>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------- area (officer, supervisor; drill-down)

export function AreaView({ viewer, regencyCode, filter, sp }: { viewer: Viewer; regencyCode: string; filter: Filter; sp: SearchParams }) {
  const f = { ...filter, regencyCode };
  return (
    <div className="space-y-6">
      <Widget title="Capaian" lines={3}>
        <AreaProgress viewer={viewer} filter={f} sp={sp} />
      </Widget>
      <Widget title="Kepesertaan dan iuran" lines={3}>
        <ContributionPanel viewer={viewer} filter={{ regencyCode }} />
      </Widget>
      <Widget title="Manfaat bagi keluarga" lines={3}>
        <BenefitPanel viewer={viewer} filter={{ regencyCode, fiscalYear: filter.fiscalYear }} show={null} />
      </Widget>
      <Widget title="Perkembangan kumulatif" lines={6}>
        <CumulativeCard viewer={viewer} filter={f} where={{ regencyCode }} />
      </Widget>
      <Widget title="Per kecamatan" lines={8}>
        <DistrictTable viewer={viewer} regencyCode={regencyCode} filter={f} sp={sp} />
      </Widget>
      <Widget title="Tempat kuota terisi per minggu" lines={4}>
        <WeeklyChart
          viewer={viewer}
          regencyCode={regencyCode}
          status="diajukan"
          title="Tempat kuota terisi per minggu (26 minggu terakhir)"
          weeks={26}
          sp={sp}
        />
      </Widget>
      <Widget title="Rincian pekerja tercatat" lines={8}>
        <Breakdowns viewer={viewer} regencyCode={regencyCode} filter={f} sp={sp} />
      </Widget>
    </div>
  );
}

async function AreaProgress({ viewer, filter, sp }: { viewer: Viewer; filter: Filter; sp: SearchParams }) {
  const [[area], regs] = await Promise.all([figuresOf(viewer, filter), listAreaRegulationProgressForViewer(viewer, filter.regencyCode!, filter)]);
  if (!area) return null;
  // Where bills exist, the money said is actuals (issued and confirmed), not the registry's estimate.
  const actuals = await Promise.all(regs.map((r) => getRegulationActualsForViewer(viewer, r.id, filter.fiscalYear)));
  const billed = actuals.reduce((s, a) => s + a.billed, 0);
  const paid = actuals.reduce((s, a) => s + a.paid, 0);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="area-totals">
        <Stat label="Kuota" value={area.regulations ? formatNumber(area.quota) : "belum ada regulasi"} />
        <Stat label="Tercatat (memegang kuota)" value={formatNumber(area.counted)} />
        <Stat label="Aktif" value={formatNumber(area.aktif)} />
        <Stat label="Daftar tunggu" value={formatNumber(area.waiting)} />
        <Stat label="Sisa kuota" value={formatNumber(Math.max(0, area.quota - area.counted))} />
        <Stat label="30 hari terakhir" value={signed(area.change30)} />
      </dl>
      <Card title="Regulasi yang berlaku" actions={<ExportLinks table="regulasi" sp={sp} />}>
        {regs.length ? (
          <Table caption="Capaian per regulasi" head={["Regulasi", "Penyandang dana", "Kuota", "Tercatat", "Aktif", "Sisa", "Capaian"]}>
            {regs.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/regulations/${r.id}`}>
                    {r.title}
                  </Link>
                  {r.number ? <div className="text-xs text-slate-600">{r.number}</div> : null}
                </Td>
                <Td className="text-xs">{ISSUER_LABELS[r.issuer]}</Td>
                <Td className="tabular-nums">{formatNumber(r.quota)}</Td>
                <Td className="tabular-nums">{formatNumber(r.counted)}</Td>
                <Td className="tabular-nums">{formatNumber(r.aktif)}</Td>
                <Td className="tabular-nums">{formatNumber(Math.max(0, r.quota - r.counted))}</Td>
                <Td>
                  <ProgressBar percent={r.quota ? Math.round((r.counted / r.quota) * 1000) / 10 : 0} label={`Capaian ${r.title}`} />
                </Td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="text-sm text-slate-600">Belum ada regulasi yang berlaku; pekerja yang diajukan masuk daftar tunggu wilayah.</p>
        )}
        <p className="mt-3 text-sm text-slate-600">
          {area.forecast ? forecastText(area.forecast) : null}{" "}
          {billed > 0 ? (
            <span data-testid="area-actuals">
              Anggaran {filter.fiscalYear}: {formatRupiah(paid)} dibayar (dikonfirmasi BPJS) dari {formatRupiah(billed)} ditagih; dialokasikan{" "}
              {formatRupiah(area.allocated)}.
            </span>
          ) : (
            <>
              Anggaran {filter.fiscalYear}: {formatRupiah(area.committed)} terpakai dari {formatRupiah(area.allocated)} dialokasikan.
            </>
          )}
        </p>
      </Card>
    </div>
  );
}

async function DistrictTable({ viewer, regencyCode, filter, sp }: { viewer: Viewer; regencyCode: string | null; filter: Filter; sp: SearchParams }) {
  const rows = await listDistrictFiguresForViewer(viewer, regencyCode, filter);
  return (
    <Card title="Per kecamatan" actions={<ExportLinks table="kecamatan" sp={sp} />}>
      <DistrictFigures caption="Pekerja per kecamatan" rows={rows} sp={sp} />
    </Card>
  );
}

type DistrictRow = { code: string; name: string; counted: number; aktif: number; waiting: number };
const DISTRICT_SORTS = ["nama", "-nama", "tercatat", "-tercatat", "aktif", "-aktif", "tunggu", "-tunggu", "kode"] as const;
const DISTRICT_KEYS: Record<string, (d: DistrictRow) => string | number> = {
  nama: (d) => d.name,
  tercatat: (d) => d.counted,
  aktif: (d) => d.aktif,
  tunggu: (d) => d.waiting,
  kode: (d) => d.code,
};
const TOP = 10;

/**
 * Kecamatan figures: sortable by link (`?ukec=`, the largest first by default), each one's share
 * of the area's counted workers as a bar, the top 10 with "lihat semua" (`?semua_kec=1`), and no
 * column that is zero everywhere.
 */
function DistrictFigures({ caption, rows, sp }: { caption: string; rows: DistrictRow[]; sp: SearchParams }) {
  const raw = typeof sp.ukec === "string" ? sp.ukec : "";
  const sort = (DISTRICT_SORTS as readonly string[]).includes(raw) ? raw : "-tercatat";
  const key = DISTRICT_KEYS[sort.replace(/^-/, "")]!;
  const dir = sort.startsWith("-") ? -1 : 1;
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.code < b.code ? -1 : 1));
  const all = sp.semua_kec === "1";
  const shown = all ? sorted : sorted.slice(0, TOP);
  const total = rows.reduce((t, d) => t + d.counted, 0);
  const showAktif = rows.some((d) => d.aktif > 0);
  const showWaiting = rows.some((d) => d.waiting > 0);
  const header = (col: string, label: string) => <SortHeader key={col} sp={sp} col={col} label={label} sort={sort} param="ukec" firstDesc={col !== "nama"} />;
  return (
    <>
      <Table
        caption={caption}
        head={[
          header("nama", "Kecamatan"),
          header("tercatat", "Tercatat"),
          "% dari wilayah",
          ...(showAktif ? [header("aktif", "Aktif")] : []),
          ...(showWaiting ? [header("tunggu", "Daftar tunggu")] : []),
        ]}
      >
        {shown.map((d) => {
          // Rounded: a long float in aria-valuenow would look like a NIK to the page's leak check.
          const pct = total ? Math.round((d.counted / total) * 1000) / 10 : 0;
          const pctLabel = `${pct.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%`;
          return (
            <tr key={d.code} data-testid="district-row">
              <Td>{d.name}</Td>
              <Td className="tabular-nums">{formatNumber(d.counted)}</Td>
              <Td>
                <ProgressBar percent={pct} label={`${d.name}: ${pctLabel} dari tercatat wilayah`} />
              </Td>
              {showAktif ? <Td className="tabular-nums">{formatNumber(d.aktif)}</Td> : null}
              {showWaiting ? <Td className="tabular-nums">{formatNumber(d.waiting)}</Td> : null}
            </tr>
          );
        })}
      </Table>
      {rows.length > TOP ? (
        <p className="mt-2 text-sm">
          <Link className="text-brand-700 underline" href={withParams(sp, { semua_kec: all ? null : "1" })}>
            {all ? `Tampilkan ${TOP} teratas` : `Lihat semua ${formatNumber(rows.length)} kecamatan`}
          </Link>
        </p>
      ) : null}
    </>
  );
}

async function WeeklyChart({
  viewer,
  regencyCode,
  status,
  title,
  weeks,
  sp,
}: {
  viewer: Viewer;
  regencyCode: string | null;
  status: "diajukan" | "aktif";
  title: string;
  weeks: number;
  sp: SearchParams;
}) {
  const data = await listWeeklyEntriesForViewer(viewer, status, regencyCode, weeks);
  return (
    <Card title={title} actions={<ExportLinks table={status === "aktif" ? "aktivasi" : "mingguan"} sp={sp} />}>
      <ColumnChart title={`${title}, minggu mulai Senin`} data={data.map((d) => ({ label: weekLabel(d.week), value: d.n }))} valueLabel="Pekerja" />
    </Card>
  );
}

const SECTOR_LABELS: Record<string, string> = { petani: "Petani", nelayan: "Nelayan", lainnya: "Lainnya" };

async function Breakdowns({ viewer, regencyCode, filter, sp }: { viewer: Viewer; regencyCode: string; filter: Filter; sp: SearchParams }) {
  const b = await getAreaBreakdownsForViewer(viewer, regencyCode, filter);
  return (
    <Card title="Rincian pekerja tercatat" actions={<ExportLinks table="rincian" sp={sp} />}>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <BarChart title="Pekerjaan" data={b.occupation.map((o) => ({ label: o.label, value: o.n }))} />
        <div className="space-y-6">
          <BarChart title="Sektor BPJS" data={b.sector.map((s) => ({ label: SECTOR_LABELS[s.label] ?? s.label, value: s.n }))} />
          <BarChart title="Jenis kelamin" data={b.sex.map((s) => ({ label: s.label, value: s.n }))} />
          <BarChart title="Kelompok usia (dari tahun lahir)" data={b.ageBand.map((s) => ({ label: s.label, value: s.n }))} />
        </div>
      </div>
    </Card>
  );
}

// ---------------------------------------------------------------- branch (Kepala Kantor Cabang)

export function BranchView({ viewer, filter, sp }: { viewer: Viewer; filter: Filter; sp: SearchParams }) {
  return (
    <div className="space-y-6">
      <Widget title="Kepesertaan dan iuran" lines={3}>
        <ContributionPanel viewer={viewer} filter={{}} />
      </Widget>
      <Widget title="Manfaat bagi keluarga" lines={3}>
        <BenefitPanel viewer={viewer} filter={{ fiscalYear: filter.fiscalYear }} show="open" />
      </Widget>
      <Widget title="Wilayah yang dilayani" lines={8}>
        <BranchAreas viewer={viewer} filter={filter} sp={sp} />
      </Widget>
      <Widget title="Aktivasi per minggu" lines={4}>
        <WeeklyChart viewer={viewer} regencyCode={null} status="aktif" title="Aktivasi (KPJ tercatat) per minggu" weeks={12} sp={sp} />
      </Widget>
    </div>
  );
}

async function BranchAreas({ viewer, filter, sp }: { viewer: Viewer; filter: Filter; sp: SearchParams }) {
  const [areas, districts] = await Promise.all([listBranchAreasForViewer(viewer), listDistrictFiguresForViewer(viewer, null, filter)]);
  return (
    <div className="space-y-6">
      {areas.map((a) => {
        const rows = districts.filter((d) => d.regencyCode === a.code);
        const counted = rows.reduce((t, d) => t + d.counted, 0);
        return (
          <Card key={a.code} title={a.name} actions={<ExportLinks table="kecamatan" sp={sp} />}>
            <p className="mb-3 text-sm text-slate-700" data-testid="branch-share">
              Kuota {a.name}: {a.regulations ? formatNumber(a.quota) : "belum ada regulasi"} · bagian cabang ini: {formatNumber(counted)} pekerja tercatat di
              kecamatan yang dilayani
              {a.quota
                ? ` (${((counted / a.quota) * 100).toLocaleString("id-ID", { maximumFractionDigits: 1 })}% dari kuota wilayah; kuota tidak dibagi per cabang)`
                : ""}
              .
            </p>
            <DistrictFigures caption={`Kecamatan ${a.name} yang dilayani`} rows={rows} sp={sp} />
          </Card>
        );
      })}
    </div>
  );
}

// ---------------------------------------------------------------- contributions (every view)

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

/**
 * The honest progress, side by side in the portal's words: a place held is not yet a paid worker.
 * The bar is drawn on tidak menunggak over tercatat.
 */
async function ContributionPanel({ viewer, filter }: { viewer: Viewer; filter: { regencyCode?: string | null; provinceCode?: string | null } }) {
  const p = await getContributionProgressForViewer(viewer, filter);
  const items = contributionItems(p);
  return (
    <Card title="Kepesertaan dan iuran">
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="contribution-progress">
        {items.map(([k, v, why]) => (
          <div key={k} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{k}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`progress-${k}`}>
              {v}
            </dd>
            <dd className="mt-1 text-xs text-slate-600">{why}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 text-sm">
        <ProgressBar percent={pct(p.tidakMenunggak, p.tercatat)} label="Tidak menunggak dari tercatat" />
        <p className="mt-1 text-slate-600">
          {formatNumber(p.tidakMenunggak)} tidak menunggak dari {formatNumber(p.tercatat)} tercatat: pekerja yang benar-benar terlindungi dan iurannya berjalan.
        </p>
      </div>
    </Card>
  );
}

/** What came back to families: santunan paid this year by type beside the contributions paid; the latest payouts or open cases. */
async function BenefitPanel({
  viewer,
  filter,
  show,
}: {
  viewer: Viewer;
  filter: { regencyCode?: string | null; provinceCode?: string | null; fiscalYear: number };
  show: "payouts" | "open" | null;
}) {
  const f = await getBenefitFiguresForViewer(viewer, filter, filter.fiscalYear);
  const ratio = f.contributionsPaid ? f.total / f.contributionsPaid : null;
  const [payouts, open] = await Promise.all([
    show === "payouts" ? listLatestPayoutsForViewer(viewer, { provinceCode: filter.provinceCode }) : Promise.resolve([]),
    show === "open" ? listClaimsForViewer(viewer, { open: true }) : Promise.resolve([]),
  ]);
  const today = await clockToday();
  return (
    <Card title={`Manfaat bagi keluarga ${f.year}`}>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="benefit-figures">
        {(["jkm", "jkk", "beasiswa"] as const).map((t) => {
          const x = f.byType.find((b) => b.type === t);
          return (
            <div key={t} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-sm text-slate-600">{CLAIM_TYPE_LABELS[t]}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`benefit-${t}`}>
                {formatRupiah(x?.amount ?? 0)}
              </dd>
              <dd className="mt-1 text-xs text-slate-600">{formatNumber(x?.count ?? 0)} kasus dibayar</dd>
            </div>
          );
        })}
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-600">Manfaat dibayar ÷ iuran dibayar</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid="benefit-ratio">
            {ratio == null ? "—" : `${ratio.toLocaleString("id-ID", { maximumFractionDigits: 2 })}×`}
          </dd>
          <dd className="mt-1 text-xs text-slate-600">
            {formatRupiah(f.total)} santunan dari {formatRupiah(f.contributionsPaid)} iuran yang dikonfirmasi BPJS tahun {f.year}.
          </dd>
        </div>
      </dl>
      {show === "payouts" && payouts.length ? (
        <div className="mt-4">
          <Table caption="Pembayaran santunan terbaru" head={["Tanggal", "Jenis", "Kabupaten/kota", "Jumlah"]}>
            {payouts.map((p, i) => (
              <tr key={i}>
                <Td>{dayLabel(p.paidOn)}</Td>
                <Td className="text-xs">{p.type === "jkk" && p.jkkKind ? `JKK: ${JKK_KIND_LABELS[p.jkkKind]}` : CLAIM_TYPE_LABELS[p.type]}</Td>
                <Td>{p.regencyName}</Td>
                <Td className="tabular-nums">{formatRupiah(p.amount)}</Td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
      {show === "open" ? (
        <div className="mt-4 text-sm">
          <p className="mb-2 font-medium">Kasus klaim terbuka: {formatNumber(open.length)}</p>
          {open.length ? (
            <Table caption="Kasus klaim terbuka" head={["Pekerja", "Jenis", "Status", "Umur kasus"]}>
              {open.slice(0, 10).map((c) => (
                <tr key={c.id}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/claims/${c.id}`}>
                      {c.workerName}
                    </Link>
                  </Td>
                  <Td className="text-xs">{CLAIM_TYPE_LABELS[c.type]}</Td>
                  <Td>{CLAIM_STATUS_LABELS[c.status]}</Td>
                  <Td>{waitLabel(daysSince(c.createdAt, today))}</Td>
                </tr>
              ))}
            </Table>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
