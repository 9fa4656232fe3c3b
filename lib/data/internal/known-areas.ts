import "server-only";
import { db } from "@/db/client";
import { districts, provinces, regencies } from "@/db/schema";
import type { KnownAreas } from "@/lib/domain/nik";

// The code lists a NIK is checked against; they change only with a new reference data version.
let known: Promise<KnownAreas> | undefined;
export function knownAreas(): Promise<KnownAreas> {
  known ??= (async () => {
    const [p, r, d] = await Promise.all([
      db().select({ code: provinces.code }).from(provinces),
      db().select({ code: regencies.code }).from(regencies),
      db().select({ code: districts.code }).from(districts),
    ]);
    return { provinces: new Set(p.map((x) => x.code)), regencies: new Set(r.map((x) => x.code)), districts: new Set(d.map((x) => x.code)) };
  })();
  return known;
}
