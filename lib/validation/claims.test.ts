import { describe, expect, it } from "vitest";
import { openClaimSchema } from "./claims";

describe("openClaimSchema", () => {
  it("takes a JKM case with only the fields the form shows for it", () => {
    const r = openClaimSchema.safeParse({ workerId: "7", type: "jkm", eventDate: "2028-06-10", place: "Rumah", description: "Meninggal di rumah." });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ type: "jkm", jkkKind: null, eventTime: null, childName: null, schoolLevel: null });
  });

  it("asks a JKK case for its kind and time, next to those fields", () => {
    const r = openClaimSchema.safeParse({ workerId: "7", type: "jkk", eventDate: "2028-06-10", description: "Jatuh dari tangga." });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["jkkKind", "eventTime"]));
  });

  it("asks beasiswa for the child, not for an event date", () => {
    const r = openClaimSchema.safeParse({ workerId: "7", type: "beasiswa", description: "Beasiswa tahun ajaran baru." });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["childName", "childBirthDate", "schoolLevel"]);
  });
});
