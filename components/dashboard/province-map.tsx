import Link from "next/link";
import { MAP_CLASS_LABELS, MAP_CLASSES, mapClass, projectOutlines, type MapClass } from "@/lib/domain/map";
import { formatNumber } from "@/lib/format";
import { provinceOutlines } from "@/lib/geo/outlines";

type Area = { code: string; name: string; quota: number; counted: number };

// Sequential greens (darker = fuller); no regulation in force: grey hatching.
const FILL: Record<MapClass, string> = {
  "tanpa-regulasi": "url(#tanpa-regulasi)",
  "0-25": "#cfe8d8",
  "25-50": "#a9d6bb",
  "50-75": "#62b387",
  "75-100": "#2f8a5c",
  penuh: "#14532d",
};

const percent = (a: Area) => (a.quota ? ((a.counted / a.quota) * 100).toLocaleString("id-ID", { maximumFractionDigits: 1 }) : null);

/**
 * The province drawn as a server-side SVG: every kabupaten/kota coloured by the share of its quota
 * held, hatched where no regulation is in force, each a link to its dashboard. Areas without an
 * outline in the source are listed below it; the table under the map is its text alternative.
 */
export function ProvinceMap({ provinceCode, areas, href }: { provinceCode: string; areas: Area[]; href: (code: string) => string }) {
  const outlines = provinceOutlines(provinceCode);
  const map = projectOutlines(outlines, 640);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const drawn = new Set(outlines.map((o) => o.code));
  const missing = areas.filter((a) => !drawn.has(a.code));
  return (
    <figure className="space-y-3" data-testid="province-map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-labelledby="peta-judul" className="h-auto w-full max-w-3xl">
        <title id="peta-judul">Peta capaian kuota per kabupaten/kota</title>
        <defs>
          <pattern id="tanpa-regulasi" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f1f5f9" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#94a3b8" strokeWidth="2" />
          </pattern>
        </defs>
        {map.paths.map((p) => {
          const a = byCode.get(p.code);
          const cls = mapClass(a?.quota ?? 0, a?.counted ?? 0);
          const pct = a ? percent(a) : null;
          const label = `${p.name}: ${pct ? `${pct}% kuota (${formatNumber(a!.counted)} dari ${formatNumber(a!.quota)})` : "tidak ada regulasi berlaku"}`;
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
            {MAP_CLASS_LABELS[c]}
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
