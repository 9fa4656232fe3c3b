import { expect, type Browser, type Page } from "@playwright/test";
import { connect } from "@/db/connection";
import { fillLogin } from "./accounts";

// Shared by the specs that move the database clock (e2e/clock/): plain SQL on the test database,
// the clock pin, and a fresh login (a saved session predates the clock's move).

/** A plain SQL query on the test database (scenario setup and recounts). */
export async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const sql = connect(process.env.DATABASE_URL!, 1).sql;
  try {
    return (await sql.unsafe(text, params as never[])) as unknown as T[];
  } finally {
    await sql.end();
  }
}

/** Pins the database clock at 10.00 WIB of a day, or at an exact instant. */
export async function clock(day: string) {
  await q(
    `insert into portal_clock (id, pinned_at) values (1, $1::timestamptz) on conflict (id) do update set pinned_at = excluded.pinned_at, set_at = now()`,
    [day.includes("T") ? day : `${day}T03:00:00Z`],
  );
}

/** The clock the suite runs at, put back after a spec. */
export const suiteClock = () => clock(process.env.PORTAL_CLOCK ?? "2026-11-24T03:00:00Z");

/** A new browser context logged in as `email`, on its dashboard. */
export async function as(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ storageState: undefined })).newPage();
  await fillLogin(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}
