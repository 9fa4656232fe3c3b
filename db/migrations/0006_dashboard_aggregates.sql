CREATE TABLE "agg_breakdown_current" (
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"status" "worker_status" NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agg_breakdown_current_regency_code_district_code_regulation_id_status_dim_value_pk" PRIMARY KEY("regency_code","district_code","regulation_id","status","dim","value")
);
--> statement-breakpoint
CREATE TABLE "agg_breakdown_monthly" (
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"status" "worker_status" NOT NULL,
	"month" date NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "agg_breakdown_monthly_regency_code_district_code_regulation_id_status_month_dim_value_pk" PRIMARY KEY("regency_code","district_code","regulation_id","status","month","dim","value")
);
--> statement-breakpoint
CREATE TABLE "agg_current" (
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"status" "worker_status" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agg_current_regency_code_district_code_regulation_id_status_pk" PRIMARY KEY("regency_code","district_code","regulation_id","status")
);
--> statement-breakpoint
CREATE TABLE "agg_daily" (
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"status" "worker_status" NOT NULL,
	"day" date NOT NULL,
	"delta" integer NOT NULL,
	"entered" integer NOT NULL,
	CONSTRAINT "agg_daily_regency_code_district_code_regulation_id_status_day_pk" PRIMARY KEY("regency_code","district_code","regulation_id","status","day")
);
--> statement-breakpoint
CREATE TABLE "agg_monthly" (
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"status" "worker_status" NOT NULL,
	"month" date NOT NULL,
	"delta" integer NOT NULL,
	"entered" integer NOT NULL,
	CONSTRAINT "agg_monthly_regency_code_district_code_regulation_id_status_month_pk" PRIMARY KEY("regency_code","district_code","regulation_id","status","month")
);
--> statement-breakpoint
-- The clock of aggregate buckets: now(), or a pinned instant (`portal.as_of`: the demo/test clock
-- set at connection start, or set_config(..., true) by the demo seed for back-dated history).
CREATE OR REPLACE FUNCTION portal_now() RETURNS timestamptz LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('portal.as_of', true), '')::timestamptz, now()) $$;
--> statement-breakpoint
-- Keeps every aggregate table in step with `workers`, in the writing statement's transaction.
-- Statement-level with transition tables: a bulk insert or a set-based update costs one grouped
-- upsert per table, in key order (so concurrent writers lock aggregate rows in the same order).
CREATE OR REPLACE FUNCTION workers_aggregate() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  cols constant text := $c$regency_code AS r, coalesce(district_code, '') AS dc, coalesce(regulation_id, 0) AS reg, status AS s,
    coalesce(occupation_id::text, '') AS occ, sex AS sx, extract(year FROM birth_date)::int::text AS yr$c$;
  ch text;
  t timestamptz := portal_now();
BEGIN
  IF TG_OP = 'INSERT' THEN
    ch := format('SELECT r, dc, reg, s, occ, sx, yr, 1, 1 FROM (SELECT %s FROM new_rows) n', cols);
  ELSIF TG_OP = 'DELETE' THEN
    ch := format('SELECT r, dc, reg, s, occ, sx, yr, -1, 0 FROM (SELECT %s FROM old_rows) o', cols);
  ELSE
    ch := format($q$
      WITH o AS (SELECT id, %1$s FROM old_rows), n AS (SELECT id, %1$s FROM new_rows),
      c AS (SELECT o.id, o.s <> n.s AS moved FROM o JOIN n USING (id)
             WHERE (o.r, o.dc, o.reg, o.s, o.occ, o.sx, o.yr) IS DISTINCT FROM (n.r, n.dc, n.reg, n.s, n.occ, n.sx, n.yr))
      SELECT o.r, o.dc, o.reg, o.s, o.occ, o.sx, o.yr, -1, 0 FROM o JOIN c USING (id)
      UNION ALL
      SELECT n.r, n.dc, n.reg, n.s, n.occ, n.sx, n.yr, 1, CASE WHEN c.moved THEN 1 ELSE 0 END FROM n JOIN c USING (id)$q$, cols);
  END IF;
  EXECUTE format($q$
    WITH ch(r, dc, reg, s, occ, sx, yr, delta, entered) AS (%s),
    base AS (SELECT r, dc, reg, s, sum(delta)::int AS delta, sum(entered)::int AS entered FROM ch
              GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 OR sum(entered) <> 0),
    bd AS (SELECT r, dc, reg, s, v.dim, v.value, sum(delta)::int AS delta FROM ch
             CROSS JOIN LATERAL (VALUES ('occupation', occ), ('sex', sx), ('birth_year', yr)) v(dim, value)
            GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0),
    a AS (INSERT INTO agg_current AS x (regency_code, district_code, regulation_id, status, n)
            SELECT r, dc, reg, s, delta FROM base WHERE delta <> 0 ORDER BY 1, 2, 3, 4
            ON CONFLICT (regency_code, district_code, regulation_id, status) DO UPDATE SET n = x.n + excluded.n),
    m AS (INSERT INTO agg_monthly AS x (regency_code, district_code, regulation_id, status, month, delta, entered)
            SELECT r, dc, reg, s, $1, delta, entered FROM base ORDER BY 1, 2, 3, 4
            ON CONFLICT (regency_code, district_code, regulation_id, status, month)
            DO UPDATE SET delta = x.delta + excluded.delta, entered = x.entered + excluded.entered),
    d AS (INSERT INTO agg_daily AS x (regency_code, district_code, regulation_id, status, day, delta, entered)
            SELECT r, dc, reg, s, $2, delta, entered FROM base ORDER BY 1, 2, 3, 4
            ON CONFLICT (regency_code, district_code, regulation_id, status, day)
            DO UPDATE SET delta = x.delta + excluded.delta, entered = x.entered + excluded.entered),
    bc AS (INSERT INTO agg_breakdown_current AS x (regency_code, district_code, regulation_id, status, dim, value, n)
            SELECT r, dc, reg, s, dim, value, delta FROM bd ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (regency_code, district_code, regulation_id, status, dim, value) DO UPDATE SET n = x.n + excluded.n)
    INSERT INTO agg_breakdown_monthly AS x (regency_code, district_code, regulation_id, status, month, dim, value, delta)
      SELECT r, dc, reg, s, $1, dim, value, delta FROM bd ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (regency_code, district_code, regulation_id, status, month, dim, value) DO UPDATE SET delta = x.delta + excluded.delta
  $q$, ch) USING date_trunc('month', t AT TIME ZONE 'Asia/Jakarta')::date, (t AT TIME ZONE 'Asia/Jakarta')::date;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION workers_aggregate_truncate() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  TRUNCATE agg_current, agg_monthly, agg_daily, agg_breakdown_current, agg_breakdown_monthly;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER workers_aggregate_insert AFTER INSERT ON workers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workers_aggregate();
--> statement-breakpoint
CREATE TRIGGER workers_aggregate_update AFTER UPDATE ON workers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workers_aggregate();
--> statement-breakpoint
CREATE TRIGGER workers_aggregate_delete AFTER DELETE ON workers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION workers_aggregate();
--> statement-breakpoint
CREATE TRIGGER workers_aggregate_truncate AFTER TRUNCATE ON workers FOR EACH STATEMENT EXECUTE FUNCTION workers_aggregate_truncate();
--> statement-breakpoint
-- Existing workers (a database migrated with data): their current status counts from the
-- month/day they were submitted (or created).
WITH w AS (
  SELECT regency_code AS r, coalesce(district_code, '') AS dc, coalesce(regulation_id, 0) AS reg, status AS s,
         coalesce(occupation_id::text, '') AS occ, sex AS sx, extract(year FROM birth_date)::int::text AS yr,
         (coalesce(submitted_at, created_at) AT TIME ZONE 'Asia/Jakarta')::date AS day FROM workers),
a AS (INSERT INTO agg_current SELECT r, dc, reg, s, count(*) FROM w GROUP BY 1, 2, 3, 4),
m AS (INSERT INTO agg_monthly SELECT r, dc, reg, s, date_trunc('month', day)::date, count(*), count(*) FROM w GROUP BY 1, 2, 3, 4, 5),
d AS (INSERT INTO agg_daily SELECT r, dc, reg, s, day, count(*), count(*) FROM w GROUP BY 1, 2, 3, 4, 5),
bd AS (SELECT w.*, v.dim, v.value FROM w CROSS JOIN LATERAL (VALUES ('occupation', occ), ('sex', sx), ('birth_year', yr)) v(dim, value)),
bc AS (INSERT INTO agg_breakdown_current SELECT r, dc, reg, s, dim, value, count(*) FROM bd GROUP BY 1, 2, 3, 4, 5, 6)
INSERT INTO agg_breakdown_monthly SELECT r, dc, reg, s, date_trunc('month', day)::date, dim, value, count(*) FROM bd GROUP BY 1, 2, 3, 4, 5, 6, 7;
