import type { RegulationInput } from "@/lib/data/regulations";

/** A complete regulation form: a Perwal of the area's own budget from 1 January 2026, the default age rule. */
export function regulationInput(over: Partial<RegulationInput> = {}): RegulationInput {
  return {
    type: "perwal",
    issuer: "kabkota",
    title: "Perwal uji",
    startsOn: "2026-01-01",
    endsOn: null,
    quota: 100,
    minAgeYears: 18,
    maxAgeYears: 64,
    maxAgeExtraMonths: 11,
    notes: "",
    villageCodes: [],
    ...over,
  };
}
