import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Outline, Ring } from "@/lib/domain/map";

// Kabupaten/kota outlines (lib/geo/regencies.geojson: Badan Informasi Geospasial geometry via
// "GeoJSON Indonesia 38 Provinsi", MIT, LICENSE-geojson-indonesia.txt beside it), keyed by the
// Kemendagri codes of idn-area-data. Read once per process; a viewer gets one province only.

type Feature = {
  properties: { code: string; name: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
};

let all: Outline[] | undefined;
function outlines(): Outline[] {
  if (!all) {
    const file = path.join(process.cwd(), "lib", "geo", "regencies.geojson");
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { features: Feature[] };
    all = json.features.map((f) => ({
      code: f.properties.code,
      name: f.properties.name,
      polygons: f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates,
    }));
  }
  return all;
}

/** The outlines of one province's kabupaten/kota (some small kota have none: the caller lists them). */
export function provinceOutlines(provinceCode: string): Outline[] {
  return outlines().filter((o) => o.code.startsWith(`${provinceCode}.`));
}
