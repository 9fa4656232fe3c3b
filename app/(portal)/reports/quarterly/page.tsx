import type { Metadata } from "next";
import { ISSUER_LABELS } from "@/components/regulations/labels";
import { BarChart } from "@/components/dashboard/charts";
import { contributionItems } from "@/components/dashboard/contribution-items";
import { DinasSignature, DocumentHeader } from "@/components/reports/official-document";
import { PrintButton } from "@/components/reports/print-button";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { now, today as clockToday } from "@/lib/clock";
import { getDocumentKopForViewer, type DocumentKop } from "@/lib/data/area-settings";
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
  // An area without any figure in either quarter gets no page: the province summary names it in one line.
  const hasFigures = (a: AreaFigures) => a.regulations > 0 || a.counted > 0 || a.waiting > 0 || a.aktif > 0;
  const withFigures = areas.filter((a) => hasFigures(a) || hasFigures(before.find((b) => b.code === a.code) ?? a));
  const [regs, contributions, benefits, kops] = await Promise.all([
    Promise.all(withFigures.map((a) => listAreaRegulationProgressForViewer(viewer, a.code, f, day))),
    Promise.all(withFigures.map((a) => getContributionProgressForViewer(viewer, { regencyCode: a.code }, day))),
    Promise.all(withFigures.map((a) => getBenefitFiguresForViewer(viewer, { regencyCode: a.code }, Number(day.slice(0, 4)), day))),
    Promise.all(withFigures.map((a) => getDocumentKopForViewer(viewer, a.code))),
  ]);
  const made = `Dibuat ${formatDateTime(madeAt)} oleh ${viewer.name} (${viewer.officeName ?? viewer.regencyName ?? "Admin"}) dari Portal Pekerja Rentan.`;
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
      {own ? null : (
        <ProvinceSummary
          areas={areas}
          before={before}
          empty={areas.filter((a) => !withFigures.includes(a))}
          title={quarter.label}
          prevTitle={quarterOf(previousQuarterKey(key))!.label}
          day={day}
          current={key === quarters[0]}
          made={made}
        />
      )}
      {withFigures.map((a, i) => (
        <AreaPage
          key={a.code}
          area={a}
          before={before.find((b) => b.code === a.code)}
          regs={regs[i]!}
          contributions={contributions[i]!}
          benefits={benefits[i]!}
          kop={kops[i]!}
          districts={districts.filter((d) => d.regencyCode === a.code)}
          title={quarter.label}
          prevTitle={quarterOf(previousQuarterKey(key))!.label}
          day={day}
          prevDay={prevEnd}
          current={key === quarters[0]}
          made={made}
        />
      ))}
    </div>
  );
}

const pct = (n: number) => `${n.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%`;
const change = (n: number) => `${n > 0 ? "+" : ""}${formatNumber(n)}`;

/**
 * The province's summary before the areas' pages (Kanwil, admin): every area with a figure, the
 * previous quarter beside this one, and the areas without any figure in one line.
 */
function ProvinceSummary(props: {
  areas: AreaFigures[];
  before: AreaFigures[];
  empty: AreaFigures[];
  title: string;
  prevTitle: string;
  day: string;
  current: boolean;
  made: string;
}) {
  const shown = props.areas.filter((a) => !props.empty.includes(a));
  const total = (list: AreaFigures[], k: "quota" | "counted" | "aktif" | "waiting") => list.reduce((t, a) => t + a[k], 0);
  const prev = (code: string) => props.before.find((b) => b.code === code);
  return (
    <article className="report-page rounded-lg border border-slate-200 bg-white p-6 print:rounded-none print:border-0 print:p-0" data-testid="report-summary">
      <header className="mb-4 border-b-4 border-double border-slate-800 pb-3 text-center">
        <p className="text-sm">Laporan Kemajuan Perlindungan Jaminan Sosial Ketenagakerjaan Pekerja Rentan (Inpres 2/2021)</p>
        <h1 className="text-xl font-bold uppercase">Ringkasan {props.title}</h1>
        <p className="text-sm">
          Keadaan per {dayLabel(props.day)}
          {props.current ? " (triwulan berjalan)" : ""}
        </p>
      </header>
      <Table
        caption="Ringkasan per kabupaten/kota"
        head={["Kabupaten/kota", "Kuota", `Tercatat ${props.prevTitle}`, `Tercatat ${props.title}`, "Perubahan", "Aktif", "Daftar tunggu", "% kuota"]}
      >
        {shown.map((a) => (
          <tr key={a.code} data-testid="summary-row" data-code={a.code}>
            <Td>{a.name}</Td>
            <Td className="tabular-nums">{a.regulations ? formatNumber(a.quota) : "belum ada regulasi"}</Td>
            <Td className="tabular-nums">{formatNumber(prev(a.code)?.counted ?? 0)}</Td>
            <Td className="tabular-nums">{formatNumber(a.counted)}</Td>
            <Td className="tabular-nums">{change(a.counted - (prev(a.code)?.counted ?? 0))}</Td>
            <Td className="tabular-nums">{formatNumber(a.aktif)}</Td>
            <Td className="tabular-nums">{formatNumber(a.waiting)}</Td>
            <Td className="tabular-nums">{a.regulations ? pct(a.percent) : "—"}</Td>
          </tr>
        ))}
        <tr className="font-semibold" data-testid="summary-total">
          <Td>Jumlah</Td>
          <Td className="tabular-nums">{formatNumber(total(shown, "quota"))}</Td>
          <Td className="tabular-nums">{formatNumber(total(props.before, "counted"))}</Td>
          <Td className="tabular-nums">{formatNumber(total(shown, "counted"))}</Td>
          <Td className="tabular-nums">{change(total(shown, "counted") - total(props.before, "counted"))}</Td>
          <Td className="tabular-nums">{formatNumber(total(shown, "aktif"))}</Td>
          <Td className="tabular-nums">{formatNumber(total(shown, "waiting"))}</Td>
          <Td className="tabular-nums">{total(shown, "quota") ? pct(Math.round((total(shown, "counted") / total(shown, "quota")) * 1000) / 10) : "—"}</Td>
        </tr>
      </Table>
      {props.empty.length ? (
        <p className="mt-3 text-sm" data-testid="summary-empty" data-count={props.empty.length}>
          Belum ada regulasi maupun pekerja tercatat ({formatNumber(props.empty.length)} kabupaten/kota): {props.empty.map((a) => a.name).join(", ")}.
        </p>
      ) : null}
      <p className="mt-4 text-xs text-slate-600">{props.made}</p>
    </article>
  );
}

function AreaPage(props: {
  area: AreaFigures;
  before?: AreaFigures;
  regs: Awaited<ReturnType<typeof listAreaRegulationProgressForViewer>>;
  contributions: ContributionProgress;
  benefits: BenefitFigures;
  kop: DocumentKop;
  districts: { code: string; name: string; counted: number; aktif: number; waiting: number }[];
  title: string;
  prevTitle: string;
  day: string;
  prevDay: string;
  current: boolean;
  made: string;
}) {
  const { area: a, before } = props;
  const top = [...props.districts].sort((x, y) => y.counted - x.counted).slice(0, 15);
  // This quarter beside the previous one (figures at each quarter's last day).
  const figures: [string, string, string, string][] = [
    ["Kuota regulasi yang berlaku", before?.regulations ? formatNumber(before.quota) : "—", a.regulations ? formatNumber(a.quota) : "belum ada regulasi", ""],
    ["Tercatat (memegang kuota)", formatNumber(before?.counted ?? 0), formatNumber(a.counted), change(a.counted - (before?.counted ?? 0))],
    ["Aktif (KPJ tercatat)", formatNumber(before?.aktif ?? 0), formatNumber(a.aktif), change(a.aktif - (before?.aktif ?? 0))],
    ["Daftar tunggu", formatNumber(before?.waiting ?? 0), formatNumber(a.waiting), change(a.waiting - (before?.waiting ?? 0))],
    ["Capaian kuota", before?.regulations ? pct(before.percent) : "—", a.regulations ? pct(a.percent) : "—", ""],
  ];
  return (
    <article className="report-page rounded-lg border border-slate-200 bg-white p-6 print:rounded-none print:border-0 print:p-0" data-testid="report-page">
      <DocumentHeader kop={props.kop} />
      <div className="mb-4 text-center">
        <p className="text-sm">Laporan Kemajuan Perlindungan Jaminan Sosial Ketenagakerjaan Pekerja Rentan</p>
        <h1 className="text-xl font-semibold">
          {props.title} — {a.name}
        </h1>
        <p className="text-sm text-slate-600">
          Keadaan per {dayLabel(props.day)}
          {props.current ? " (triwulan berjalan)" : ""}
        </p>
      </div>
      <div className="mb-4">
        <Table caption={`Capaian ${a.name}`} head={["Uraian", `${props.prevTitle} (${dayLabel(props.prevDay)})`, props.title, "Perubahan"]}>
          {figures.map(([k, prev, now, d]) => (
            <tr key={k} data-testid="report-figure">
              <Td>{k}</Td>
              <Td className="tabular-nums">{prev}</Td>
              <Td className="font-medium tabular-nums">{now}</Td>
              <Td className="tabular-nums">{d}</Td>
            </tr>
          ))}
        </Table>
        <p className="mt-2 text-sm">
          Anggaran {props.day.slice(0, 4)} terpakai s.d. {dayLabel(props.day)}: <span className="font-medium tabular-nums">{formatRupiah(a.committed)}</span>{" "}
          dari <span className="tabular-nums">{formatRupiah(a.allocated)}</span>
        </p>
      </div>
      <h2 className="mb-2 font-semibold">Kepesertaan dan iuran</h2>
      <dl className="mb-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm" data-testid="report-contributions">
        {contributionItems(props.contributions)
          .filter(([k]) => k !== "Tercatat" && k !== "Aktif")
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd className="font-medium tabular-nums">{v}</dd>
            </div>
          ))}
      </dl>
      <p className="mb-4 text-xs text-slate-600">
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
      <div className="mt-4 print:hidden">
        {top.length ? (
          <BarChart
            title={`Pekerja tercatat per kecamatan${props.districts.length > top.length ? ` (${top.length} terbanyak)` : ""}`}
            data={top.map((d) => ({ label: d.name, value: d.counted }))}
          />
        ) : null}
      </div>
      <h2 className="mt-4 mb-2 font-semibold">Per kecamatan</h2>
      <Table caption={`Pekerja per kecamatan ${a.name}`} head={["Kecamatan", "Tercatat", "Aktif", "Daftar tunggu"]}>
        {props.districts.map((d) => (
          <tr key={d.code} data-testid="report-district">
            <Td>{d.name}</Td>
            <Td className="tabular-nums">{formatNumber(d.counted)}</Td>
            <Td className="tabular-nums">{formatNumber(d.aktif)}</Td>
            <Td className="tabular-nums">{formatNumber(d.waiting)}</Td>
          </tr>
        ))}
      </Table>
      <div className="mt-8 ml-auto w-72 break-inside-avoid">
        <DinasSignature kop={props.kop} lead="Mengetahui," day={`${props.kop.regencyName}, ${dayLabel(props.day)}`} />
      </div>
      <p className="mt-4 text-xs text-slate-600">{props.made}</p>
    </article>
  );
}
