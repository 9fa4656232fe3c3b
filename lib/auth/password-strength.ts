import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as id from "@zxcvbn-ts/language-id";

// The strength check (ASVS V6.2) runs on the server only: no estimator in the browser bundle.
// zxcvbn with its common-password lists, the Indonesian dictionary (common words, names,
// Wikipedia) and the words of this portal's own world.
const PORTAL_WORDS = [
  "portal",
  "pekerja",
  "rentan",
  "bpjs",
  "bpjstk",
  "ketenagakerjaan",
  "jamsostek",
  "tangerang",
  "banten",
  "serang",
  "cilegon",
  "lebak",
  "pandeglang",
  "indonesia",
  "merdeka",
  "garuda",
  "pancasila",
  "jakarta",
  "bismillah",
  "sayang",
  "rahasia",
  "katasandi",
  "sandi",
  "perwal",
  "perbup",
  "petugas",
  "supervisor",
  "kacab",
  "kakanwil",
  "admin",
];

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...id.dictionary, portal: PORTAL_WORDS },
    graphs: common.adjacencyGraphs,
    translations: id.translations,
  });
  return factory;
}

/** Score 0–4 wanted at least this (≈ 10^10 guesses). */
export const MIN_SCORE = 3;

/**
 * Null when the password is strong enough, else an Indonesian sentence saying why. The user's
 * own email and name count as known words.
 */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  const inputs = userInputs
    .flatMap((s) => {
      const low = s.toLowerCase().split("@")[0]!;
      return [low, low.replace(/[^a-z0-9]+/g, ""), ...low.split(/[^a-z0-9]+/)];
    })
    .filter((s) => s.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? null;
  return `Kata sandi ini terlalu mudah ditebak${hint ? `: ${hint.replace(/\.$/, "")}` : ""}. Pakai gabungan beberapa kata yang tidak berkaitan, atau kalimat panjang.`;
}
