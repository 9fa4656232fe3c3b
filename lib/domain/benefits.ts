// The benefits (santunan) a claim is worth, from the rates in force on the event date (DOMAIN.md:
// JKM, JKK, beasiswa). One pure function with table tests; the rates are effective-dated data
// (table benefit_rates), never constants here. Money is integer Rupiah.
import { addMonths } from "./wib";

export const RATE_CODES = [
  "jkm_lump_sum", // santunan sekaligus
  "jkm_periodic", // santunan berkala, paid at once
  "jkm_funeral", // biaya pemakaman
  "jkm_limited", // death within the first months of membership
  "jkm_limited_months", // how many first months (3)
  "jkk_death_multiplier", // × the insured income (48)
  "jkk_insured_income", // the income a pemda package pays JKK on (Rp 1.000.000)
  "jkk_funeral",
  "jkk_periodic",
  "beasiswa_min_months", // masa iur for a JKM death to make children eligible (36)
  "beasiswa_children", // at most this many children (2)
  "beasiswa_tk_sd",
  "beasiswa_smp",
  "beasiswa_sma",
  "beasiswa_pt",
  "beasiswa_cap", // at most this much per child over the years
  "beasiswa_max_age", // ends at this age (23)
] as const;
export type RateCode = (typeof RATE_CODES)[number];
export type Rates = Record<RateCode, number>;

export type ClaimType = "jkm" | "jkk" | "beasiswa";
export type JkkKind = "perawatan" | "stmb" | "cacat" | "cacat_total" | "kematian";
export type SchoolLevel = "tk_sd" | "smp" | "sma" | "pt";

export const COMPONENT_LABELS = {
  santunan_sekaligus: "Santunan sekaligus",
  santunan_berkala: "Santunan berkala (dibayar sekaligus)",
  biaya_pemakaman: "Biaya pemakaman",
  santunan_terbatas: "Santunan kematian (kepesertaan kurang dari 3 bulan)",
  santunan_kematian_jkk: "Santunan kematian karena kecelakaan kerja",
  beasiswa: "Beasiswa pendidikan",
  santunan_jkk: "Manfaat JKK sesuai penetapan",
} as const;
export type Component = keyof typeof COMPONENT_LABELS;

export type BenefitResult =
  | { kind: "amount"; components: { code: Component; amount: number }[]; total: number; childrenEligible: boolean; note: string }
  // JKK care, STMB and disability depend on medical facts: BPJS sets the amount (penetapan).
  | { kind: "by_penetapan"; childrenEligible: boolean; note: string };

/** Whole months of membership from `start` to `event` ("YYYY-MM-DD"): the 10th to the 9th of the next month is 0. */
export function membershipMonths(start: string, event: string): number {
  let n = 0;
  while (`${addMonths(start.slice(0, 7), n + 1)}${start.slice(7)}` <= event && n < 1200) n++;
  return n;
}

/**
 * What a claim is worth. JKM: a death within the first `jkm_limited_months` months of membership
 * gets the limited amount, otherwise lump sum + periodic + funeral; masa iur ≥ `beasiswa_min_months`
 * makes children eligible. JKK death: `jkk_death_multiplier` × the insured income, at least the JKM
 * amount, plus funeral and periodic; JKK death or total disability makes children eligible without a
 * minimum. Beasiswa: the school level's amount for one school year, within the per-child cap.
 */
export function computeBenefit(args: {
  type: ClaimType;
  jkkKind?: JkkKind | null;
  rates: Rates;
  membershipStart: string;
  eventDate: string;
  masaIur: number;
  school?: { level: SchoolLevel; alreadyPaid: number } | null;
}): BenefitResult {
  const r = args.rates;
  const jkmFull = r.jkm_lump_sum + r.jkm_periodic + r.jkm_funeral;
  if (args.type === "jkm") {
    const childrenEligible = args.masaIur >= r.beasiswa_min_months;
    if (membershipMonths(args.membershipStart, args.eventDate) < r.jkm_limited_months)
      return {
        kind: "amount",
        components: [{ code: "santunan_terbatas", amount: r.jkm_limited }],
        total: r.jkm_limited,
        childrenEligible,
        note: `Meninggal dalam ${r.jkm_limited_months} bulan pertama kepesertaan: santunan terbatas.`,
      };
    const components = [
      { code: "santunan_sekaligus" as const, amount: r.jkm_lump_sum },
      { code: "santunan_berkala" as const, amount: r.jkm_periodic },
      { code: "biaya_pemakaman" as const, amount: r.jkm_funeral },
    ];
    return { kind: "amount", components, total: jkmFull, childrenEligible, note: "Santunan kematian (JKM)." };
  }
  if (args.type === "jkk") {
    const kind = args.jkkKind ?? "perawatan";
    const childrenEligible = kind === "kematian" || kind === "cacat_total";
    if (kind !== "kematian") return { kind: "by_penetapan", childrenEligible, note: "Besarnya sesuai penetapan BPJS Ketenagakerjaan (fakta medis)." };
    const death = Math.max(r.jkk_death_multiplier * r.jkk_insured_income, jkmFull);
    const components = [
      { code: "santunan_kematian_jkk" as const, amount: death },
      { code: "biaya_pemakaman" as const, amount: r.jkk_funeral },
      { code: "santunan_berkala" as const, amount: r.jkk_periodic },
    ];
    return {
      kind: "amount",
      components,
      total: components.reduce((t, c) => t + c.amount, 0),
      childrenEligible,
      note: `${r.jkk_death_multiplier} × upah yang dilaporkan untuk iuran JKK (${r.jkk_insured_income.toLocaleString("id-ID")}), paling sedikit sebesar santunan JKM.`,
    };
  }
  const level = args.school?.level ?? "tk_sd";
  const yearly = r[`beasiswa_${level}`];
  const left = Math.max(0, r.beasiswa_cap - (args.school?.alreadyPaid ?? 0));
  const amount = Math.min(yearly, left);
  return {
    kind: "amount",
    components: [{ code: "beasiswa", amount }],
    total: amount,
    childrenEligible: true,
    note: amount < yearly ? "Sisa batas beasiswa per anak." : "Beasiswa satu tahun ajaran.",
  };
}
