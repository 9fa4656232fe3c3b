// Pure rules for regulations: lifecycle, being in force, quota, pace and forecast.
import { addDays, monthLabel, monthOf } from "./wib";

export type RegulationStatus = "draft" | "review" | "enacted" | "ended";

export const STATUS_LABELS: Record<RegulationStatus, string> = {
  draft: "Draf",
  review: "Harmonisasi",
  enacted: "Ditetapkan",
  ended: "Berakhir",
};

// draft → review (harmonisasi) → enacted (ditetapkan) → ended; review may go back to draft.
const TRANSITIONS: Record<RegulationStatus, RegulationStatus[]> = {
  draft: ["review"],
  review: ["draft", "enacted"],
  enacted: ["ended"],
  ended: [],
};

export function canTransition(from: RegulationStatus, to: RegulationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** In force on `day` when enacted and the day lies in its period (end date inclusive). */
export function isInForce(r: { status: RegulationStatus; startsOn: string; endsOn: string | null }, day: string): boolean {
  return r.status === "enacted" && r.startsOn <= day && (r.endsOn === null || day <= r.endsOn);
}

export type QuotaFigures = { quota: number; counted: number; active: number; waiting: number };

export function quotaSummary(f: QuotaFigures) {
  const remaining = Math.max(0, f.quota - f.counted);
  const percent = f.quota > 0 ? Math.round((f.counted / f.quota) * 1000) / 10 : 0;
  return { ...f, remaining, percent };
}

/** Places taken per week, averaged over the last four weeks. */
export function pacePerWeek(placesTakenLast4Weeks: number): number {
  return placesTakenLast4Weeks / 4;
}

export type Forecast = { kind: "full" } | { kind: "month"; month: string } | { kind: "not-in-period" } | { kind: "no-pace" } | { kind: "far" };

/** Beyond this a month is not a forecast worth printing. */
const HORIZON_DAYS = 3660;

/**
 * When the quota fills at the current pace: "kuota terpenuhi sekitar Maret 2027", or not within
 * the regulation's period.
 */
export function forecastQuota(args: { remaining: number; perWeek: number; today: string; endsOn: string | null }): Forecast {
  if (args.remaining <= 0) return { kind: "full" };
  if (args.perWeek <= 0) return { kind: "no-pace" };
  const days = Math.ceil((args.remaining / args.perWeek) * 7);
  if (!args.endsOn && days > HORIZON_DAYS) return { kind: "far" };
  const day = addDays(args.today, Math.min(days, 400_000));
  if (args.endsOn && day > args.endsOn) return { kind: "not-in-period" };
  return { kind: "month", month: monthOf(day) };
}

export function forecastText(f: Forecast): string {
  switch (f.kind) {
    case "full":
      return "Kuota sudah terpenuhi.";
    case "month":
      return `Kuota terpenuhi sekitar ${monthLabel(f.month)}.`;
    case "not-in-period":
      return "Kuota tidak terpenuhi dalam periode berlaku pada laju ini.";
    case "no-pace":
      return "Belum ada pendaftaran dalam 4 minggu terakhir untuk memperkirakan kapan kuota terpenuhi.";
    case "far":
      return "Pada laju 4 minggu terakhir kuota baru terpenuhi lebih dari 10 tahun lagi.";
  }
}
