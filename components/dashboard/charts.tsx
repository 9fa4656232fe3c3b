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
                  className="fill-slate-500 text-[9px]"
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
