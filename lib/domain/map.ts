// The province map (issue 15): kabupaten/kota outlines projected to an SVG, and the colour class
// of each area. Pure: the outlines come from lib/geo (Badan Informasi Geospasial via
// geojson-indonesia, MIT), the figures from the dashboard.

export type Ring = [number, number][];
export type Outline = { code: string; name: string; polygons: Ring[][] };

/** Equirectangular projection scaled by the cosine of the middle latitude, fitted to `width`. */
export function projectOutlines(
  outlines: Outline[],
  width = 640,
  pad = 8,
): { width: number; height: number; paths: { code: string; name: string; d: string }[] } {
  const pts: [number, number][] = [];
  for (const o of outlines) for (const poly of o.polygons) for (const ring of poly) pts.push(...ring);
  if (!pts.length) return { width, height: 0, paths: [] };
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round(spanY * scale + 2 * pad);
  const x = (lon: number) => (pad + (lon - minX) * k * scale).toFixed(1);
  const y = (lat: number) => (pad + (maxY - lat) * scale).toFixed(1);
  return {
    width,
    height,
    paths: outlines.map((o) => ({
      code: o.code,
      name: o.name,
      d: o.polygons.map((poly) => poly.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join("L")}Z`).join("")).join(""),
    })),
  };
}

export const MAP_CLASSES = ["tanpa-regulasi", "0-25", "25-50", "50-75", "75-100", "penuh"] as const;
export type MapClass = (typeof MAP_CLASSES)[number];

export const MAP_CLASS_LABELS: Record<MapClass, string> = {
  "tanpa-regulasi": "Tidak ada regulasi berlaku",
  "0-25": "di bawah 25%",
  "25-50": "25% – di bawah 50%",
  "50-75": "50% – di bawah 75%",
  "75-100": "75% – di bawah 100%",
  penuh: "100% (kuota penuh)",
};

/** The colour class of an area from its quota in force and the workers holding a place. */
export function mapClass(quota: number, counted: number): MapClass {
  return mapClassOf(quota > 0, counted, quota);
}

/**
 * The colour class of a share `part` of `whole` in an area with a regulation in force (else
 * hatched): the quota held, or (the "iuran" map) the holders whose contributions are not in arrears.
 */
export function mapClassOf(regulated: boolean, part: number, whole: number): MapClass {
  if (!regulated) return "tanpa-regulasi";
  const p = whole > 0 ? (part / whole) * 100 : 0;
  return p >= 100 ? "penuh" : p >= 75 ? "75-100" : p >= 50 ? "50-75" : p >= 25 ? "25-50" : "0-25";
}
