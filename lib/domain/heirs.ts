// Heirs (ahli waris) in the order of Permenaker 4/2023 Ps 57: the widow/widower or a child; else
// parents, grandchildren, grandparents; then siblings; then parents-in-law; then a person the
// participant named. A benefit goes to the first group that has anyone in it.

export const HEIR_RELATIONSHIPS = {
  istri: "Istri",
  suami: "Suami",
  anak: "Anak",
  orang_tua: "Orang tua",
  cucu: "Cucu",
  kakek_nenek: "Kakek/nenek",
  saudara_kandung: "Saudara kandung",
  mertua: "Mertua",
  ditunjuk: "Ditunjuk peserta",
} as const;

export type HeirRelationship = keyof typeof HEIR_RELATIONSHIPS;

const GROUP: Record<HeirRelationship, number> = {
  istri: 1,
  suami: 1,
  anak: 1,
  orang_tua: 2,
  cucu: 2,
  kakek_nenek: 2,
  saudara_kandung: 3,
  mertua: 4,
  ditunjuk: 5,
};

/** The legal group (1 first); an heir without a relationship comes after every group. */
export function heirRank(relationship: HeirRelationship | null): number {
  return relationship ? GROUP[relationship] : 9;
}

/** The list in the legal order; within a group, spouse before children, then oldest first, then as entered. */
export function sortHeirs<T extends { id: number; relationship: HeirRelationship | null; birthDate: string | null }>(heirs: readonly T[]): T[] {
  const spouse = (r: HeirRelationship | null) => (r === "istri" || r === "suami" ? 0 : 1);
  return [...heirs].sort(
    (a, b) =>
      heirRank(a.relationship) - heirRank(b.relationship) ||
      spouse(a.relationship) - spouse(b.relationship) ||
      (a.birthDate ?? "9999").localeCompare(b.birthDate ?? "9999") ||
      a.id - b.id,
  );
}

/** The heirs who would receive a benefit today: everyone in the first group that has anyone. */
export function entitledHeirs<T extends { relationship: HeirRelationship | null }>(heirs: readonly T[]): T[] {
  const ranks = heirs.map((h) => heirRank(h.relationship)).filter((r) => r < 9);
  if (!ranks.length) return [];
  const first = Math.min(...ranks);
  return heirs.filter((h) => heirRank(h.relationship) === first);
}

/** "•••• 7890": a bank account is never shown whole. */
export function maskAccount(account: string): string {
  return account.length > 4 ? `•••• ${account.slice(-4)}` : "••••";
}

/** Words people type in a spreadsheet's relationship column → the list's relationship. */
export const HEIR_WORDS: Record<string, HeirRelationship> = {
  suami: "suami",
  istri: "istri",
  isteri: "istri",
  anak: "anak",
  orang_tua: "orang_tua",
  orangtua: "orang_tua",
  ayah: "orang_tua",
  ibu: "orang_tua",
  cucu: "cucu",
  kakek: "kakek_nenek",
  nenek: "kakek_nenek",
  kakek_nenek: "kakek_nenek",
  saudara_kandung: "saudara_kandung",
  saudara: "saudara_kandung",
  kakak: "saudara_kandung",
  adik: "saudara_kandung",
  mertua: "mertua",
  ditunjuk: "ditunjuk",
};
