// The demo/test clock is one row that the app and PostgreSQL read alike (no connection parameter).
import { afterAll, describe, expect, inject, it } from "vitest";
import { connect } from "@/db/connection";
import { now, today } from "@/lib/clock";
import { setPortalClock } from "@/lib/data/clock";

const sql = connect(inject("databaseUrl"), 1).sql;

afterAll(async () => {
  await setPortalClock(process.env.PORTAL_CLOCK!);
  await sql.end({ timeout: 5 });
});

describe("the portal clock", () => {
  it("moves for the app and for portal_now() on every connection at once", async () => {
    await setPortalClock("2027-01-16T01:00:00Z");
    expect((await now()).toISOString()).toBe("2027-01-16T01:00:00.000Z");
    expect(await today()).toBe("2027-01-16");
    // Another connection, opened before or after: the same instant, the same WIB day.
    const [row] = await sql`select portal_now() as at, portal_today()::text as day`;
    expect(new Date(row!.at as string).toISOString()).toBe("2027-01-16T01:00:00.000Z");
    expect(row!.day).toBe("2027-01-16");
    // 23.30 UTC is already the next day in WIB.
    await setPortalClock("2027-01-31T23:30:00Z");
    expect(await today()).toBe("2027-02-01");
  });

  it("released, it is real time", async () => {
    await setPortalClock(null);
    expect(Math.abs((await now()).getTime() - Date.now())).toBeLessThan(5_000);
    const [row] = await sql`select abs(extract(epoch from portal_now() - now())) as drift`;
    expect(Number(row!.drift)).toBeLessThan(1);
  });
});
