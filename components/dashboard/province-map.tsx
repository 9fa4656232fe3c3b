import Link from "next/link";
import { MAP_CLASS_LABELS, MAP_CLASSES, mapClassOf, projectOutlines, type MapClass } from "@/lib/domain/map";
import { formatNumber } from "@/lib/format";
import { provinceOutlines } from "@/lib/geo/outlines";

/** An area's share on the map: `part` of `whole` (the quota held, or holders not in arrears). */
export type MapArea = { code: string; name: string; regulated: boolean; part: number; whole: number };
export type MapMeasure = "kuota" | "iuran";

const SAYS: Record<MapMeasure, { title: string; of: (a: MapArea) => string; full: string }> = {
  kuota: {
    title: "Peta capaian kuota per kabupaten/kota",
    of: (a) => `kuota (${formatNumber(a.part)} dari ${formatNumber(a.whole)})`,
    full: "100% (kuota penuh)",
  },
  iuran: {
    title: "Peta kepatuhan iuran per kabupaten/kota",
    of: (a) => `tidak menunggak (${formatNumber(a.part)} dari ${formatNumber(a.whole)} tercatat)`,
    full: "100% (tidak ada yang menunggak)",
  },
};

// Sequential greens (darker = fuller); no regulation in force: grey hatching.
const FILL: Record<MapClass, string> = {
  "tanpa-regulasi": "url(#tanpa-regulasi)",
  "0-25": "#cfe8d8",
  "25-50": "#a9d6bb",
  "50-75": "#62b387",
  "75-100": "#2f8a5c",
  penuh: "#14532d",
};

const percent = (a: MapArea) => (a.regulated ? (a.whole ? (a.part / a.whole) * 100 : 0).toLocaleString("id-ID", { maximumFractionDigits: 1 }) : null);

/**
 * The province drawn as a server-side SVG: every kabupaten/kota coloured by the share of its quota
 * held (or, the "iuran" measure, of its holders not in arrears), hatched where no regulation is in
 * force, each a link to its dashboard. Areas without an outline in the source are listed below it;
 * the table under the map is its text alternative.
 */
export function ProvinceMap({
  provinceCode,
  areas,
  href,
  measure = "kuota",
}: {
  provinceCode: string;
  areas: MapArea[];
  href: (code: string) => string;
  measure?: MapMeasure;
}) {
  const says = SAYS[measure];
  const outlines = provinceOutlines(provinceCode);
  const map = projectOutlines(outlines, 640);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const drawn = new Set(outlines.map((o) => o.code));
  const missing = areas.filter((a) => !drawn.has(a.code));
  return (
    <figure className="space-y-3" data-testid="province-map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-labelledby="peta-judul" className="h-auto w-full max-w-3xl">
        <title id="peta-judul">{says.title}</title>
        <defs>
          <pattern id="tanpa-regulasi" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f1f5f9" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#94a3b8" strokeWidth="2" />
          </pattern>
        </defs>
        {map.paths.map((p) => {
          const a = byCode.get(p.code);
          const cls = a ? mapClassOf(a.regulated, a.part, a.whole) : "tanpa-regulasi";
          const pct = a ? percent(a) : null;
          const label = `${p.name}: ${pct ? `${pct}% ${says.of(a!)}` : "tidak ada regulasi berlaku"}`;
          return (
            <Link key={p.code} href={href(p.code)} aria-label={label}>
              <path d={p.d} fill={FILL[cls]} stroke="#ffffff" strokeWidth="1" data-testid="map-area" data-code={p.code} data-class={cls}>
                <title>{label}</title>
              </path>
            </Link>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Keterangan warna">
        {MAP_CLASSES.map((c) => (
          <li key={c} className="flex items-center gap-1">
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={c === "tanpa-regulasi" ? "#cbd5e1" : FILL[c]} stroke="#64748b" strokeWidth="0.5" />
            </svg>
            {c === "penuh" ? says.full : MAP_CLASS_LABELS[c]}
          </li>
        ))}
      </ul>
      {missing.length ? (
        <p className="text-xs text-slate-600" data-testid="map-missing">
          Tanpa garis batas di peta:{" "}
          {missing.map((a, i) => (
            <span key={a.code}>
              {i ? ", " : ""}
              <Link href={href(a.code)} className="underline">
                {a.name}
              </Link>{" "}
              ({percent(a) ? `${percent(a)}%` : "tidak ada regulasi"})
            </span>
          ))}
          .
        </p>
      ) : null}
      <figcaption className="text-xs text-slate-600">
        Batas wilayah: Badan Informasi Geospasial (via GeoJSON Indonesia, lisensi MIT). Tabel kabupaten/kota di bawah memuat angka yang sama.
      </figcaption>
    </figure>
  );
}
