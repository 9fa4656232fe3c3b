import { env } from "./env";

/**
 * The one clock for date logic (fiscal years, ages, forecasts). A demo or test run may pin it
 * with PORTAL_CLOCK (an ISO timestamp); production refuses that setting (see lib/env.ts).
 * Security timing (login throttling, session expiry) deliberately uses real time.
 */
export function now(): Date {
  const pinned = env().PORTAL_CLOCK;
  if (pinned) {
    const d = new Date(pinned);
    if (Number.isNaN(d.getTime())) throw new Error(`PORTAL_CLOCK bukan waktu yang valid: ${pinned}`);
    return d;
  }
  return new Date();
}
