import { date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { workerStatus } from "./workers";

// Dashboard aggregates, maintained by statement-level triggers on `workers` in the same
// transaction as every write (migration 0006), so no write path can forget them and a bulk
// statement costs one grouped upsert per table. Keyed by kecamatan and regulation, never by
// branch: a coverage change re-scopes at once. `district_code` is '' for drafts without a
// kecamatan, `regulation_id` 0 for workers holding no place. Times are WIB days and months of
// `portal_now()` (now(), or the pinned clock of a demo/test run).
//
// delta:   net change of the number of workers in that status (a stock: sum = current count).
// entered: workers who came into that status from another one (a flow: places taken, activations).

const key = {
  regencyCode: text("regency_code").notNull(),
  districtCode: text("district_code").notNull(),
  regulationId: integer("regulation_id").notNull(),
  status: workerStatus("status").notNull(),
};

/** The current count per kecamatan, regulation and status (the sum of every flow). */
export const aggCurrent = pgTable("agg_current", { ...key, n: integer("n").notNull() }, (t) => [
  primaryKey({ columns: [t.regencyCode, t.districtCode, t.regulationId, t.status] }),
]);

/** Flows by WIB month: answers any past month's end (quarterly reports) and budget months. */
export const aggMonthly = pgTable(
  "agg_monthly",
  { ...key, month: date("month").notNull(), delta: integer("delta").notNull(), entered: integer("entered").notNull() },
  (t) => [primaryKey({ columns: [t.regencyCode, t.districtCode, t.regulationId, t.status, t.month] })],
);

/** Flows by WIB day: the last 30 days' change and the weekly charts. */
export const aggDaily = pgTable(
  "agg_daily",
  { ...key, day: date("day").notNull(), delta: integer("delta").notNull(), entered: integer("entered").notNull() },
  (t) => [primaryKey({ columns: [t.regencyCode, t.districtCode, t.regulationId, t.status, t.day] })],
);

/**
 * Breakdowns (dim: 'occupation' → occupation id or '', 'sex' → L/P, 'birth_year' → yyyy; birth
 * year rather than age band so figures never go stale as people age). Current counts and
 * monthly flows.
 */
export const aggBreakdownCurrent = pgTable(
  "agg_breakdown_current",
  { ...key, dim: text("dim").notNull(), value: text("value").notNull(), n: integer("n").notNull() },
  (t) => [primaryKey({ columns: [t.regencyCode, t.districtCode, t.regulationId, t.status, t.dim, t.value] })],
);

export const aggBreakdownMonthly = pgTable(
  "agg_breakdown_monthly",
  { ...key, month: date("month").notNull(), dim: text("dim").notNull(), value: text("value").notNull(), delta: integer("delta").notNull() },
  (t) => [primaryKey({ columns: [t.regencyCode, t.districtCode, t.regulationId, t.status, t.month, t.dim, t.value] })],
);

// Area-level rollups of the same flows (no kecamatan): what province and area views read, so
// their cost does not grow with the number of kecamatan × days. Branch views, which must stay
// within their kecamatan, read the kecamatan-level tables above.
const areaKey = { regencyCode: key.regencyCode, regulationId: key.regulationId, status: key.status };

export const aggAreaMonthly = pgTable(
  "agg_area_monthly",
  { ...areaKey, month: date("month").notNull(), delta: integer("delta").notNull(), entered: integer("entered").notNull() },
  (t) => [primaryKey({ columns: [t.regencyCode, t.regulationId, t.status, t.month] })],
);

export const aggAreaDaily = pgTable(
  "agg_area_daily",
  { ...areaKey, day: date("day").notNull(), delta: integer("delta").notNull(), entered: integer("entered").notNull() },
  (t) => [primaryKey({ columns: [t.regencyCode, t.regulationId, t.status, t.day] })],
);

export const aggAreaBreakdown = pgTable(
  "agg_area_breakdown",
  { ...areaKey, dim: text("dim").notNull(), value: text("value").notNull(), n: integer("n").notNull() },
  (t) => [primaryKey({ columns: [t.regencyCode, t.regulationId, t.status, t.dim, t.value] })],
);

/**
 * Coverage spans rolled up by WIB month (migration 0013's trigger on coverage_spans): `started`
 * spans whose first day falls in the month, `ended` spans whose last day does. Aktif on any day of
 * month M = Σ started over months ≤ M − Σ ended over months < M.
 */
export const aggCoverageMonthly = pgTable(
  "agg_coverage_monthly",
  {
    regencyCode: key.regencyCode,
    districtCode: key.districtCode,
    regulationId: key.regulationId,
    month: date("month", { mode: "string" }).notNull(),
    started: integer("started").notNull(),
    ended: integer("ended").notNull(),
  },
  (t) => [primaryKey({ columns: [t.regencyCode, t.districtCode, t.regulationId, t.month] })],
);
