import { describe, expect, it } from "vitest";
import { entitledHeirs, heirRank, maskAccount, sortHeirs, type HeirRelationship } from "./heirs";

const h = (id: number, relationship: HeirRelationship | null, birthDate: string | null = null) => ({ id, relationship, birthDate });

describe("heirs in the legal order (Permenaker 4/2023 Ps 57)", () => {
  it.each<[HeirRelationship | null, number]>([
    ["istri", 1],
    ["suami", 1],
    ["anak", 1],
    ["orang_tua", 2],
    ["cucu", 2],
    ["kakek_nenek", 2],
    ["saudara_kandung", 3],
    ["mertua", 4],
    ["ditunjuk", 5],
    [null, 9],
  ])("%s is in group %i", (r, g) => expect(heirRank(r)).toBe(g));

  it("sorts spouse, then children oldest first, then the later groups, unknown last", () => {
    const list = [h(1, "mertua"), h(2, "anak", "2015-01-01"), h(3, null), h(4, "anak", "2010-05-05"), h(5, "istri"), h(6, "orang_tua")];
    expect(sortHeirs(list).map((x) => x.id)).toEqual([5, 4, 2, 6, 1, 3]);
  });

  it("the benefit goes to everyone of the first group that has anyone", () => {
    expect(entitledHeirs([h(1, "orang_tua"), h(2, "anak"), h(3, "istri")]).map((x) => x.id)).toEqual([2, 3]);
    expect(entitledHeirs([h(1, "saudara_kandung"), h(2, "mertua"), h(3, "saudara_kandung")]).map((x) => x.id)).toEqual([1, 3]);
    expect(entitledHeirs([h(1, null)])).toEqual([]);
    expect(entitledHeirs([])).toEqual([]);
  });

  it("masks a bank account to its last four digits", () => {
    expect(maskAccount("1234567890")).toBe("•••• 7890");
    expect(maskAccount("123")).toBe("••••");
  });
});
