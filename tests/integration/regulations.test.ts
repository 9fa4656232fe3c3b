import { inject, describe, expect, it } from "vitest";
import { connect } from "@/db/connection";
import { UserFacingError } from "@/lib/data/errors";
import {
  createAmendment,
  createRegulation,
  enactAmendment,
  enactRegulation,
  endRegulation,
  getRegulationForViewer,
  listRegulationHistoryForViewer,
  submitRegulationForReview,
  updateRegulation,
  upsertRegulationBudget,
} from "@/lib/data/regulations";
import { regulationInput } from "../support/regulations";
import { viewerFor } from "../support/viewers";

const base = regulationInput({ title: "Perwal uji siklus", endsOn: "2027-12-31" });

describe("regulation lifecycle", () => {
  it("goes draft → review → enacted → amended → ended, each step in the history", async () => {
    const sup = await viewerFor("supervisor.kotatangerang@portal.test");
    const reg = await createRegulation(sup, base);
    expect(reg).toMatchObject({ regencyCode: "36.71", status: "draft", minAgeMonths: 216, maxAgeMonths: 779 });
    await upsertRegulationBudget(sup, reg.id, { fiscalYear: 2026, allocated: 16800 * 12 * 100, monthsCovered: 12, assumedMonthlyRate: 16800 });
    await expect(enactRegulation(sup, reg.id, { number: "1/2026", enactedOn: "2026-01-01" })).rejects.toBeInstanceOf(UserFacingError);
    await submitRegulationForReview(sup, reg.id);
    await enactRegulation(sup, reg.id, { number: "Perwal 1/2026", enactedOn: "2026-01-02" });
    await expect(updateRegulation(sup, reg.id, { ...base, quota: 5 })).rejects.toThrow(/perubahan/);

    const amendment = await createAmendment(sup, reg.id, {
      title: "Tambah kuota",
      newQuota: 150,
      newEndsOn: null,
      budgetFiscalYear: 2026,
      budgetAllocated: 16800 * 12 * 150,
    });
    expect((await getRegulationForViewer(sup, reg.id)).quota).toBe(100); // a draft amendment changes nothing
    await enactAmendment(sup, amendment.id, { number: "Perwal 2/2026", enactedOn: "2026-06-01" });
    const after = await getRegulationForViewer(sup, reg.id);
    expect(after.quota).toBe(150);
    expect(after.budgets.find((b) => b.fiscalYear === 2026)?.allocated).toBe(16800 * 12 * 150);

    await endRegulation(sup, reg.id, { endedOn: "2026-12-31", reason: "expired", workers: "end", successorId: null });
    expect((await getRegulationForViewer(sup, reg.id)).status).toBe("ended");
    const actions = (await listRegulationHistoryForViewer(sup, reg.id)).map((h) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "regulation.create",
        "regulation.budget",
        "regulation.review",
        "regulation.enacted",
        "amendment.create",
        "amendment.enact",
        "regulation.amended",
        "regulation.ended",
      ]),
    );
    const amended = (await listRegulationHistoryForViewer(sup, reg.id)).find((h) => h.action === "regulation.amended");
    expect(amended?.details).toMatchObject({ changes: { quota: { from: 100, to: 150 } } });
  });

  it("refuses an amendment that lowers the quota below the places taken, and changes nothing", async () => {
    const sup = await viewerFor("supervisor.kotatangerang@portal.test");
    const reg = await createRegulation(sup, { ...base, title: "Perwal uji kuota" });
    await submitRegulationForReview(sup, reg.id);
    await enactRegulation(sup, reg.id, { number: "Perwal 3/2026", enactedOn: "2026-01-02" });
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      // Places are taken by the registration flow; here we take 40 the way it will: atomically.
      await sql`update regulations set counted = counted + 40 where id = ${reg.id} and counted + 40 <= quota`;
      const amendment = await createAmendment(sup, reg.id, {
        title: "Turunkan kuota",
        newQuota: 30,
        newEndsOn: null,
        budgetFiscalYear: null,
        budgetAllocated: null,
      });
      await expect(enactAmendment(sup, amendment.id, { number: "Perwal 4/2026", enactedOn: "2026-02-01" })).rejects.toThrow(
        /lebih kecil dari pekerja yang sudah terhitung \(40\)/,
      );
      const [row] =
        await sql`select quota, (select status from regulation_amendments where id = ${amendment.id}) as amendment_status from regulations where id = ${reg.id}`;
      expect(row).toEqual({ quota: 100, amendment_status: "draft" });
      // The database holds the cap even if the application did not check it.
      await expect(sql`update regulations set counted = 101 where id = ${reg.id}`).rejects.toMatchObject({ code: "23514" });
      await expect(sql`update regulations set quota = 39 where id = ${reg.id}`).rejects.toMatchObject({ code: "23514" });
    } finally {
      await sql.end();
    }
  });

  it("refuses bad periods and village schemes outside the area", async () => {
    const sup = await viewerFor("supervisor.kotatangerang@portal.test");
    await expect(createRegulation(sup, { ...base, type: "perdes", villageCodes: ["36.03.01.2001"] })).rejects.toMatchObject({
      fieldErrors: { villageCodes: expect.any(Array) },
    });
    const { sql } = connect(inject("databaseUrl"), 1);
    try {
      await expect(
        sql`insert into regulations (regency_code, type, issuer, title, starts_on, ends_on, quota, min_age_months, max_age_months) values ('36.71', 'perwal', 'kabkota', 'x', '2026-02-01', '2026-01-01', 1, 216, 779)`,
      ).rejects.toMatchObject({ code: "23514" });
      await expect(
        sql`insert into regulations (regency_code, type, issuer, title, starts_on, quota, min_age_months, max_age_months) values ('36.71', 'perwal', 'kabkota', 'x', '2026-02-01', -5, 216, 779)`,
      ).rejects.toMatchObject({ code: "23514" });
      await expect(
        sql`insert into regulations (regency_code, type, issuer, title, status, starts_on, quota, min_age_months, max_age_months) values ('36.71', 'perwal', 'kabkota', 'x', 'enacted', '2026-02-01', 5, 216, 779)`,
      ).rejects.toMatchObject({ code: "23514" });
    } finally {
      await sql.end();
    }
  });
});
