CREATE TABLE "agg_area_breakdown" (
	"regency_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"status" "worker_status" NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agg_area_breakdown_regency_code_regulation_id_status_dim_value_pk" PRIMARY KEY("regency_code","regulation_id","status","dim","value")
);
--> statement-breakpoint
CREATE TABLE "agg_area_daily" (
	"regency_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"status" "worker_status" NOT NULL,
	"day" date NOT NULL,
	"delta" integer NOT NULL,
	"entered" integer NOT NULL,
	CONSTRAINT "agg_area_daily_regency_code_regulation_id_status_day_pk" PRIMARY KEY("regency_code","regulation_id","status","day")
);
--> statement-breakpoint
CREATE TABLE "agg_area_monthly" (
	"regency_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"status" "worker_status" NOT NULL,
	"month" date NOT NULL,
	"delta" integer NOT NULL,
	"entered" integer NOT NULL,
	CONSTRAINT "agg_area_monthly_regency_code_regulation_id_status_month_pk" PRIMARY KEY("regency_code","regulation_id","status","month")
);
--> statement-breakpoint
-- The trigger of migration 0006, now also keeping the area-level rollups.
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
    am AS (INSERT INTO agg_area_monthly AS x (regency_code, regulation_id, status, month, delta, entered)
            SELECT r, reg, s, $1, sum(delta)::int, sum(entered)::int FROM base GROUP BY 1, 2, 3
            HAVING sum(delta) <> 0 OR sum(entered) <> 0 ORDER BY 1, 2, 3
            ON CONFLICT (regency_code, regulation_id, status, month)
            DO UPDATE SET delta = x.delta + excluded.delta, entered = x.entered + excluded.entered),
    ad AS (INSERT INTO agg_area_daily AS x (regency_code, regulation_id, status, day, delta, entered)
            SELECT r, reg, s, $2, sum(delta)::int, sum(entered)::int FROM base GROUP BY 1, 2, 3
            HAVING sum(delta) <> 0 OR sum(entered) <> 0 ORDER BY 1, 2, 3
            ON CONFLICT (regency_code, regulation_id, status, day)
            DO UPDATE SET delta = x.delta + excluded.delta, entered = x.entered + excluded.entered),
    ab AS (INSERT INTO agg_area_breakdown AS x (regency_code, regulation_id, status, dim, value, n)
            SELECT r, reg, s, dim, value, sum(delta)::int FROM bd GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (regency_code, regulation_id, status, dim, value) DO UPDATE SET n = x.n + excluded.n),
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
  TRUNCATE agg_current, agg_monthly, agg_daily, agg_breakdown_current, agg_breakdown_monthly, agg_area_monthly, agg_area_daily, agg_area_breakdown;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
-- The rollups of what the kecamatan-level tables already hold.
INSERT INTO agg_area_monthly SELECT regency_code, regulation_id, status, month, sum(delta)::int, sum(entered)::int FROM agg_monthly GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO agg_area_daily SELECT regency_code, regulation_id, status, day, sum(delta)::int, sum(entered)::int FROM agg_daily GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO agg_area_breakdown SELECT regency_code, regulation_id, status, dim, value, sum(n)::int FROM agg_breakdown_current GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
