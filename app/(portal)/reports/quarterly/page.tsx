import type { Metadata } from "next";
import { ISSUER_LABELS } from "@/components/regulations/labels";
import { BarChart } from "@/components/dashboard/charts";
import { contributionItems } from "@/components/dashboard/contribution-items";
import { PrintButton } from "@/components/reports/print-button";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { now, today as clockToday } from "@/lib/clock";
import { getBenefitFiguresForViewer, type BenefitFigures } from "@/lib/data/claims";
import { getContributionProgressForViewer, type ContributionProgress } from "@/lib/data/contributions";
import { CLAIM_TYPE_LABELS } from "@/lib/domain/claims";
import { listAreaFiguresForViewer, listAreaRegulationProgressForViewer, listDistrictFiguresForViewer, type AreaFigures } from "@/lib/data/dashboard";
import { previousQuarterKey, quarterOf, reportDay, reportQuarters } from "@/lib/domain/quarters";
import { dayLabel } from "@/lib/domain/wib";
import { formatDateTime, formatNumber, formatRupiah } from "@/lib/format";
import { parseDashboardParams, type SearchParams } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "Laporan triwulan" };

/**
 * "Laporan Triwulan" (Inpres 2/2021): one A4 page per kabupaten/kota with its figures as of the
 * quarter's last day (today for the current quarter), the change over the quarter, the
 * regulations it stands on and a chart per kecamatan. Printing gives the PDF.
 */
export default async function QuarterlyReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer("dashboard.area");
  const sp = await searchParams;
  const today = await clockToday();
  const madeAt = await now();
  const quarters = reportQuarters(today);
  const key = typeof sp.q === "string" && quarters.includes(sp.q) ? sp.q : quarters[1]!;
  const quarter = quarterOf(key)!;
  const day = reportDay(key, today);
  const { filter } = parseDashboardParams({ ...sp, tahun: String(quarter.year) }, quarter.year);
  const own = viewer.role === "petugas" || viewer.role === "supervisor";
  const f = {
    ...filter,
    regencyCode: own ? viewer.regencyCode : filter.regencyCode,
    provinceCode: viewer.role === "admin" ? (filter.provinceCode ?? "36") : null,
  };
  const prevEnd = quarterOf(previousQuarterKey(key))!.end;
  const [areas, before, districts] = await Promise.all([
    listAreaFiguresForViewer(viewer, f, day),
    listAreaFiguresForViewer(viewer, f, prevEnd),
    listDistrictFiguresForViewer(viewer, f.regencyCode ?? null, f, day),
  ]);
  const [regs, contributions, benefits] = await Promise.all([
    Promise.all(areas.map((a) => listAreaRegulationProgressForViewer(viewer, a.code, f, day))),
    Promise.all(areas.map((a) => getContributionProgressForViewer(viewer, { regencyCode: a.code }, day))),
    Promise.all(areas.map((a) => getBenefitFiguresForViewer(viewer, { regencyCode: a.code }, Number(day.slice(0, 4)), day))),
  ]);
  return (
    <div className="space-y-6">
      <form method="get" className="flex flex-wrap items-end gap-3 print:hidden">
        {f.regencyCode ? <input type="hidden" name="kab" value={f.regencyCode} /> : null}
        {typeof sp.prov === "string" ? <input type="hidden" name="prov" value={sp.prov} /> : null}
        <div className="text-sm">
          <label htmlFor="report-quarter" className="block text-slate-600">
            Triwulan
          </label>
          <select id="report-quarter" name="q" defaultValue={key} className="mt-1 rounded-md border border-slate-300 px-2 py-1.5">
            {quarters.map((k) => (
              <option key={k} value={k}>
                {quarterOf(k)!.label}
                {k === quarters[0] ? " (berjalan)" : ""}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Tampilkan
        </button>
        <PrintButton />
      </form>
      {areas.map((a, i) => (
        <AreaPage
          key={a.code}
          area={a}
          before={before.find((b) => b.code === a.code)}
          regs={regs[i]!}
          contributions={contributions[i]!}
          benefits={benefits[i]!}
          districts={districts.filter((d) => d.regencyCode === a.code)}
          title={quarter.label}
          day={day}
          current={key === quarters[0]}
          made={`Dibuat ${formatDateTime(madeAt)} oleh ${viewer.name} (${viewer.officeName ?? viewer.regencyName ?? "Admin"}) dari Portal Pekerja Rentan.`}
        />
      ))}
    </div>
  );
}

function AreaPage(props: {
  area: AreaFigures;
  before?: AreaFigures;
  regs: Awaited<ReturnType<typeof listAreaRegulationProgressForViewer>>;
  contributions: ContributionProgress;
  benefits: BenefitFigures;
  districts: { name: string; counted: number }[];
  title: string;
  day: string;
  current: boolean;
  made: string;
}) {
  const { area: a, before } = props;
  const top = [...props.districts].sort((x, y) => y.counted - x.counted).slice(0, 15);
  const figures: [string, string][] = [
    ["Kuota regulasi yang berlaku", a.regulations ? formatNumber(a.quota) : "belum ada regulasi"],
    ["Tercatat (memegang kuota)", formatNumber(a.counted)],
    ["Aktif (KPJ tercatat)", formatNumber(a.aktif)],
    ["Daftar tunggu", formatNumber(a.waiting)],
    ["Capaian kuota", a.regulations ? `${a.percent.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%` : "—"],
    ["Perubahan tercatat selama triwulan", before ? `${a.counted - before.counted >= 0 ? "+" : ""}${formatNumber(a.counted - before.counted)}` : "—"],
    [`Anggaran ${props.day.slice(0, 4)} terpakai s.d. ${dayLabel(props.day)}`, `${formatRupiah(a.committed)} dari ${formatRupiah(a.allocated)}`],
  ];
  return (
    <article className="report-page rounded-lg border border-slate-200 bg-white p-6 print:rounded-none print:border-0 print:p-0" data-testid="report-page">
      <header className="mb-4 border-b border-slate-200 pb-3">
        <p className="text-sm text-slate-600">Laporan Kemajuan Perlindungan Jaminan Sosial Ketenagakerjaan Pekerja Rentan</p>
        <h1 className="text-xl font-semibold">
          {props.title} — {a.name}
        </h1>
        <p className="text-sm text-slate-600">
          Keadaan per {dayLabel(props.day)}
          {props.current ? " (triwulan berjalan)" : ""}
        </p>
      </header>
      <dl className="mb-4 grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
        {figures.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd className="font-medium tabular-nums">{v}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-2 font-semibold">Kepesertaan dan iuran</h2>
      <dl className="mb-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm" data-testid="report-contributions">
        {contributionItems(props.contributions)
          .filter(([k]) => k !== "Tercatat" && k !== "Aktif")
          .map(([k, v, why]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600" title={why}>
                {k}
              </dt>
              <dd className="font-medium tabular-nums">{v}</dd>
            </div>
          ))}
      </dl>
      <p className="mb-4 text-xs text-slate-500">
        Status iuran pada {dayLabel(props.day)} dari pemegang kuota saat ini dan pembayaran yang dikonfirmasi BPJS hingga laporan dibuat. Tidak menunggak: iuran
        bulan berjalan lunas atau belum jatuh tempo (tanggal 15); nonaktif: lebih dari batas bulan berturut-turut tidak dibayar; KPI BPJS: Σ min(masa iur, 6) /
        6.
      </p>
      <h2 className="mb-2 font-semibold">
        Manfaat bagi keluarga tahun {props.day.slice(0, 4)} s.d. {dayLabel(props.day)}
      </h2>
      <dl className="mb-4 grid grid-cols-2 gap-x-6 gap-y-1 text-sm" data-testid="report-benefits">
        {(["jkm", "jkk", "beasiswa"] as const).map((t) => {
          const x = props.benefits.byType.find((b) => b.type === t);
          return (
            <div key={t} className="contents">
              <dt className="text-slate-600">{CLAIM_TYPE_LABELS[t]}</dt>
              <dd className="font-medium tabular-nums">
                {formatNumber(x?.count ?? 0)} kasus · {formatRupiah(x?.amount ?? 0)}
              </dd>
            </div>
          );
        })}
        <dt className="text-slate-600">Santunan dibayar ÷ iuran dibayar</dt>
        <dd className="font-medium tabular-nums">
          {formatRupiah(props.benefits.total)} ÷ {formatRupiah(props.benefits.contributionsPaid)}
          {props.benefits.contributionsPaid
            ? ` = ${(props.benefits.total / props.benefits.contributionsPaid).toLocaleString("id-ID", { maximumFractionDigits: 2 })}×`
            : ""}
        </dd>
      </dl>
      <h2 className="mb-2 font-semibold">Dasar hukum</h2>
      {props.regs.length ? (
        <Table caption={`Regulasi ${a.name}`} head={["Regulasi", "Nomor", "Penyandang dana", "Kuota", "Tercatat", "Aktif"]}>
          {props.regs.map((r) => (
            <tr key={r.id}>
              <Td>{r.title}</Td>
              <Td>{r.number ?? "—"}</Td>
              <Td className="text-xs">{ISSUER_LABELS[r.issuer]}</Td>
              <Td className="tabular-nums">{formatNumber(r.quota)}</Td>
              <Td className="tabular-nums">{formatNumber(r.counted)}</Td>
              <Td className="tabular-nums">{formatNumber(r.aktif)}</Td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="text-sm text-slate-600">Belum ada Perwal/Perbup yang berlaku pada tanggal ini; pekerja yang diajukan berada di daftar tunggu.</p>
      )}
      <div className="mt-4">
        {top.length ? (
          <BarChart
            title={`Pekerja tercatat per kecamatan${props.districts.length > top.length ? ` (${top.length} terbanyak)` : ""}`}
            data={top.map((d) => ({ label: d.name, value: d.counted }))}
          />
        ) : null}
      </div>
      <p className="mt-4 text-xs text-slate-500">{props.made}</p>
    </article>
  );
}
