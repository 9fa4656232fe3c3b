import type { ReactNode } from "react";
import { formatNumber } from "@/lib/format";

// Charts are server-rendered SVG: no chart library and no JavaScript in the browser. Each has a
// table alternative for screen readers and for copying the figures.

type Datum = { label: string; value: number };

function DataTable({ caption, data, valueLabel, format }: { caption: string; data: Datum[]; valueLabel: string; format: (n: number) => string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-600">Tampilkan sebagai tabel</summary>
      <table className="mt-2 min-w-[16rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left font-medium">
              Kategori
            </th>
            <th scope="col" className="text-right font-medium">
              {valueLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <td className="pr-4">{d.label}</td>
              <td className="text-right tabular-nums">{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Horizontal bars, one per category. */
export function BarChart({
  title,
  data,
  valueLabel = "Jumlah",
  format = formatNumber,
  max,
}: {
  title: string;
  data: Datum[];
  valueLabel?: string;
  format?: (n: number) => string;
  max?: number;
}) {
  const top = Math.max(1, max ?? 0, ...data.map((d) => d.value));
  const row = 22;
  const labelW = 150;
  const width = 520;
  const barW = width - labelW - 70;
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${data.length * row + 4}`}
        className="w-full max-w-xl"
        role="img"
        aria-label={`${title}: ${data.map((d) => `${d.label} ${format(d.value)}`).join(", ")}`}
      >
        {data.map((d, i) => (
          <g key={d.label} transform={`translate(0 ${i * row + 2})`}>
            <text x={labelW - 6} y={row / 2 + 4} textAnchor="end" className="fill-slate-700 text-[11px]">
              {d.label.length > 24 ? `${d.label.slice(0, 23)}…` : d.label}
            </text>
            <rect x={labelW} y={3} width={Math.max(d.value > 0 ? 1 : 0, (d.value / top) * barW)} height={row - 6} className="fill-brand-600" rx={2} />
            <text x={labelW + (d.value / top) * barW + 4} y={row / 2 + 4} className="fill-slate-600 text-[11px]">
              {format(d.value)}
            </text>
          </g>
        ))}
      </svg>
      <DataTable caption={title} data={data} valueLabel={valueLabel} format={format} />
    </figure>
  );
}

/** Columns over time (e.g. places taken per week). */
export function ColumnChart({ title, data, valueLabel = "Jumlah" }: { title: string; data: Datum[]; valueLabel?: string }) {
  const top = Math.max(1, ...data.map((d) => d.value));
  const width = 560;
  const height = 140;
  const col = width / Math.max(1, data.length);
  const every = Math.ceil(data.length / 9);
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height + 18}`}
        className="w-full max-w-2xl"
        role="img"
        aria-label={`${title}: ${data.map((d) => `${d.label} ${formatNumber(d.value)}`).join(", ")}`}
      >
        <line x1={0} x2={width} y1={height} y2={height} className="stroke-slate-300" />
        {data.map((d, i) => {
          const h = (d.value / top) * (height - 16);
          return (
            <g key={d.label}>
              <rect x={i * col + 3} y={height - h} width={col - 6} height={h} className="fill-brand-600" rx={2} />
              {d.value > 0 ? (
                <text x={i * col + col / 2} y={height - h - 3} textAnchor="middle" className="fill-slate-600 text-[10px]">
                  {formatNumber(d.value)}
                </text>
              ) : null}
              {(data.length - 1 - i) % every === 0 ? (
                <text
                  x={i === data.length - 1 ? width : i * col + col / 2}
                  y={height + 13}
                  textAnchor={i === data.length - 1 ? "end" : "middle"}
                  className="fill-slate-600 text-[9px]"
                >
                  {d.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <DataTable caption={title} data={data} valueLabel={valueLabel} format={formatNumber} />
    </figure>
  );
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  // One decimal: the value is read aloud, and a long float in the markup is noise.
  const p = Math.round(Math.max(0, Math.min(100, percent)) * 10) / 10;
  return (
    <div className="flex items-center gap-2">
      <div
        className="h-2 w-24 overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuenow={p}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
      >
        <div className="h-full bg-brand-600" style={{ width: `${p}%` }} />
      </div>
      <span className="tabular-nums">{p.toLocaleString("id-ID", { maximumFractionDigits: 1 })}%</span>
    </div>
  );
}

export function Skeleton({ title, lines = 4 }: { title: string; lines?: number }): ReactNode {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6" aria-busy="true" aria-label={`Memuat ${title}`}>
      <h2 className="mb-4 text-lg font-semibold">{title}</h2>
      <div className="animate-pulse space-y-2">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="h-4 rounded bg-slate-200" style={{ width: `${90 - i * 12}%` }} />
        ))}
      </div>
    </section>
  );
}

export type Series = { label: string; points: { x: number; y: number }[]; tone: "brand" | "aktif" | "previous" | "forecast" };

const TONES: Record<Series["tone"], { stroke: string; dash?: string; swatch: string }> = {
  brand: { stroke: "stroke-brand-700", swatch: "bg-brand-700" },
  aktif: { stroke: "stroke-emerald-700", swatch: "bg-emerald-700" },
  previous: { stroke: "stroke-slate-400", swatch: "bg-slate-400" },
  forecast: { stroke: "stroke-brand-700", dash: "6 4", swatch: "bg-brand-700" },
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/**
 * Lines over the twelve months of a year (x = 1…12), with an optional horizontal target (the
 * quota, dashed red), a legend, and the figures as a table. Server-rendered SVG, like the others.
 */
export function MonthLineChart({
  title,
  series,
  target,
  table,
}: {
  title: string;
  series: Series[];
  target?: { label: string; value: number };
  table: { head: string[]; rows: (string | number)[][] };
}) {
  const width = 560;
  const height = 200;
  const left = 56;
  const bottom = 20;
  const dataTop = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y)));
  // A target far above the figures (a quota of 200.000 against 1.400 held) would flatten every line
  // at the bottom: then the scale follows the figures and the target is said above the chart.
  const targetOnScale = target ? target.value <= dataTop * 4 : false;
  const top = Math.max(dataTop, targetOnScale ? target!.value : 0) * 1.05;
  const x = (m: number) => left + ((m - 1) / 11) * (width - left - 10);
  const y = (v: number) => height - bottom - (v / top) * (height - bottom - 8);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(top * t));
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-2xl"
        role="img"
        aria-label={`${title}. ${series.map((s) => `${s.label}: ${s.points.at(-1) ? formatNumber(s.points.at(-1)!.y) : "—"} pada akhir periode`).join("; ")}${target ? `; ${target.label} ${formatNumber(target.value)}` : ""}.`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - 10} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
            <text x={left - 4} y={y(t) + 3} textAnchor="end" className="fill-slate-600 text-[9px]">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {MONTHS.map((m, i) => (
          <text key={m} x={x(i + 1)} y={height - 6} textAnchor="middle" className="fill-slate-600 text-[9px]">
            {m}
          </text>
        ))}
        {target && targetOnScale ? (
          <line x1={left} x2={width - 10} y1={y(target.value)} y2={y(target.value)} className="stroke-red-700" strokeDasharray="2 3" />
        ) : null}
        {series.map((s) =>
          s.points.length ? (
            <polyline
              key={s.label}
              fill="none"
              strokeWidth={2}
              className={TONES[s.tone].stroke}
              strokeDasharray={TONES[s.tone].dash}
              points={s.points.map((p) => `${x(p.x)},${y(p.y)}`).join(" ")}
            />
          ) : null,
        )}
      </svg>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {series.map((s) => (
          <li key={s.label} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-0.5 w-5 ${TONES[s.tone].swatch} ${s.tone === "forecast" ? "opacity-60" : ""}`} />
            {s.label}
            {s.tone === "forecast" ? " (putus-putus)" : ""}
          </li>
        ))}
        {target ? (
          <li className="flex items-center gap-1" data-testid="chart-target">
            <span aria-hidden="true" className="inline-block h-0.5 w-5 bg-red-700" />
            {target.label} {formatNumber(target.value)}
            {targetOnScale ? " (titik-titik)" : ": jauh di atas skala grafik, belum digambar"}
          </li>
        ) : null}
      </ul>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600">Tampilkan sebagai tabel</summary>
        <table className="mt-2 text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {table.head.map((h) => (
                <th key={h} scope="col" className="pr-4 text-left font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={String(r[0])}>
                {r.map((c, i) => (
                  <td key={i} className={`pr-4 ${i ? "text-right tabular-nums" : ""}`}>
                    {typeof c === "number" ? formatNumber(c) : c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
