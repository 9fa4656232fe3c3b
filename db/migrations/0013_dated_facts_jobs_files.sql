CREATE TABLE "coverage_spans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"worker_id" bigint NOT NULL,
	"regulation_id" integer NOT NULL,
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "coverage_spans_order" CHECK ("coverage_spans"."ends_on" is null or "coverage_spans"."ends_on" >= "coverage_spans"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "agg_coverage_monthly" (
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"month" date NOT NULL,
	"started" integer NOT NULL,
	"ended" integer NOT NULL,
	CONSTRAINT "agg_coverage_monthly_regency_code_district_code_regulation_id_month_pk" PRIMARY KEY("regency_code","district_code","regulation_id","month")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"period" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"result" text,
	CONSTRAINT "job_runs_job_period_pk" PRIMARY KEY("job","period")
);
--> statement-breakpoint
CREATE TABLE "portal_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"pinned_at" timestamp with time zone NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_clock_single_row" CHECK ("portal_clock"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "stored_file_chunks" (
	"file_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunks_file_id_n_pk" PRIMARY KEY("file_id","n")
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "worker_events" ADD COLUMN "effective_on" date DEFAULT (portal_now() at time zone 'Asia/Jakarta')::date NOT NULL;--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "status_since" date DEFAULT (portal_now() at time zone 'Asia/Jakarta')::date NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "staging_runs" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "coverage_spans" ADD CONSTRAINT "coverage_spans_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_spans" ADD CONSTRAINT "coverage_spans_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file_chunks" ADD CONSTRAINT "stored_file_chunks_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coverage_spans_open_key" ON "coverage_spans" USING btree ("worker_id") WHERE "coverage_spans"."ends_on" is null;--> statement-breakpoint
CREATE INDEX "coverage_spans_regulation_idx" ON "coverage_spans" USING btree ("regulation_id","starts_on");--> statement-breakpoint
CREATE INDEX "coverage_spans_regency_idx" ON "coverage_spans" USING btree ("regency_code","starts_on");--> statement-breakpoint
CREATE INDEX "stored_files_incomplete_idx" ON "stored_files" USING btree ("created_at") WHERE not "stored_files"."complete";--> statement-breakpoint
-- The clock of record: a transaction-local override (`portal.as_of`, set by the demo seed for
-- back-dated history), else the pinned demo/test clock (portal_clock, one row or none), else now().
-- A row, not a connection parameter: a connection pooler in transaction mode refuses those.
CREATE OR REPLACE FUNCTION portal_now() RETURNS timestamptz LANGUAGE sql STABLE AS
$$ SELECT coalesce(nullif(current_setting('portal.as_of', true), '')::timestamptz, (SELECT pinned_at FROM portal_clock WHERE id = 1), now()) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal_today() RETURNS date LANGUAGE sql STABLE AS
$$ SELECT (portal_now() AT TIME ZONE 'Asia/Jakarta')::date $$;
--> statement-breakpoint
-- Existing rows: an ending took effect the day it was recorded (never before coverage start);
-- an event on the day it was recorded, an activation on its coverage start.
UPDATE workers SET ended_on = greatest((updated_at AT TIME ZONE 'Asia/Jakarta')::date, coalesce(coverage_start, '-infinity'::date)) WHERE status = 'berakhir';
--> statement-breakpoint
UPDATE workers w SET status_since = coalesce((SELECT max((e.at AT TIME ZONE 'Asia/Jakarta')::date) FROM worker_events e WHERE e.worker_id = w.id AND e.from_status IS DISTINCT FROM e.to_status), (w.created_at AT TIME ZONE 'Asia/Jakarta')::date);
--> statement-breakpoint
UPDATE worker_events e SET effective_on = CASE
    WHEN e.to_status = 'aktif' AND e.from_status IS DISTINCT FROM 'aktif' THEN coalesce(w.coverage_start, (e.at AT TIME ZONE 'Asia/Jakarta')::date)
    WHEN e.to_status = 'berakhir' THEN coalesce(w.ended_on, (e.at AT TIME ZONE 'Asia/Jakarta')::date)
    ELSE (e.at AT TIME ZONE 'Asia/Jakarta')::date END
  FROM workers w WHERE w.id = e.worker_id;
--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_ended_on" CHECK (("workers"."status" = 'berakhir') = ("workers"."ended_on" is not null));--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_ended_after_start" CHECK ("workers"."ended_on" is null or "workers"."coverage_start" is null or "workers"."ended_on" >= "workers"."coverage_start");
--> statement-breakpoint
-- The day a status took effect: an ending's typed date, else the day it was recorded; never
-- before the day the previous status took effect, so the dated aggregates below never go negative.
CREATE OR REPLACE FUNCTION workers_status_since() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    NEW.status_since := greatest(OLD.status_since, CASE WHEN NEW.status = 'berakhir' AND NEW.ended_on IS NOT NULL THEN NEW.ended_on ELSE portal_today() END);
  ELSE
    NEW.status_since := OLD.status_since;
  END IF;
  RETURN NEW;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER workers_status_since BEFORE UPDATE OF status ON workers FOR EACH ROW EXECUTE FUNCTION workers_status_since();
--> statement-breakpoint
-- The aggregate trigger of migrations 0006/0009, now bucketing a status change by the day it took
-- effect (status_since) instead of the moment it was typed: a death recorded on 3 December for
-- 28 November counts in November. Changes that are not a status change (a kecamatan corrected)
-- count on the day they were made.
CREATE OR REPLACE FUNCTION workers_aggregate() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  cols constant text := $c$regency_code AS r, coalesce(district_code, '') AS dc, coalesce(regulation_id, 0) AS reg, status AS s,
    coalesce(occupation_id::text, '') AS occ, sex AS sx, extract(year FROM birth_date)::int::text AS yr, status_since AS ss$c$;
  ch text;
  -- Once per statement (portal_now() reads the clock row: a few µs a call, too many per row).
  today date := portal_today();
BEGIN
  IF TG_OP = 'INSERT' THEN
    ch := format('SELECT r, dc, reg, s, occ, sx, yr, 1, 1, ss FROM (SELECT %s FROM new_rows) n', cols);
  ELSIF TG_OP = 'DELETE' THEN
    ch := format('SELECT r, dc, reg, s, occ, sx, yr, -1, 0, $1 FROM (SELECT %s FROM old_rows) o', cols);
  ELSE
    ch := format($q$
      WITH o AS (SELECT id, %1$s FROM old_rows), n AS (SELECT id, %1$s FROM new_rows),
      c AS (SELECT o.id, o.s <> n.s AS moved, CASE WHEN o.s <> n.s THEN n.ss ELSE $1 END AS dy FROM o JOIN n USING (id)
             WHERE (o.r, o.dc, o.reg, o.s, o.occ, o.sx, o.yr) IS DISTINCT FROM (n.r, n.dc, n.reg, n.s, n.occ, n.sx, n.yr))
      SELECT o.r, o.dc, o.reg, o.s, o.occ, o.sx, o.yr, -1, 0, c.dy FROM o JOIN c USING (id)
      UNION ALL
      SELECT n.r, n.dc, n.reg, n.s, n.occ, n.sx, n.yr, 1, CASE WHEN c.moved THEN 1 ELSE 0 END, c.dy FROM n JOIN c USING (id)$q$, cols);
  END IF;
  EXECUTE format($q$
    WITH ch(r, dc, reg, s, occ, sx, yr, delta, entered, dy) AS (%s),
    base AS (SELECT r, dc, reg, s, dy, sum(delta)::int AS delta, sum(entered)::int AS entered FROM ch
              GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 OR sum(entered) <> 0),
    cur AS (SELECT r, dc, reg, s, sum(delta)::int AS delta FROM base GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0),
    mon AS (SELECT r, dc, reg, s, date_trunc('month', dy)::date AS mo, sum(delta)::int AS delta, sum(entered)::int AS entered FROM base
             GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 OR sum(entered) <> 0),
    bd AS (SELECT r, dc, reg, s, date_trunc('month', dy)::date AS mo, v.dim, v.value, sum(delta)::int AS delta FROM ch
             CROSS JOIN LATERAL (VALUES ('occupation', occ), ('sex', sx), ('birth_year', yr)) v(dim, value)
            GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(delta) <> 0),
    bdc AS (SELECT r, dc, reg, s, dim, value, sum(delta)::int AS delta FROM bd GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(delta) <> 0),
    a AS (INSERT INTO agg_current AS x (regency_code, district_code, regulation_id, status, n)
            SELECT r, dc, reg, s, delta FROM cur ORDER BY 1, 2, 3, 4
            ON CONFLICT (regency_code, district_code, regulation_id, status) DO UPDATE SET n = x.n + excluded.n),
    m AS (INSERT INTO agg_monthly AS x (regency_code, district_code, regulation_id, status, month, delta, entered)
            SELECT r, dc, reg, s, mo, delta, entered FROM mon ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (regency_code, district_code, regulation_id, status, month)
            DO UPDATE SET delta = x.delta + excluded.delta, entered = x.entered + excluded.entered),
    d AS (INSERT INTO agg_daily AS x (regency_code, district_code, regulation_id, status, day, delta, entered)
            SELECT r, dc, reg, s, dy, delta, entered FROM base ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (regency_code, district_code, regulation_id, status, day)
            DO UPDATE SET delta = x.delta + excluded.delta, entered = x.entered + excluded.entered),
    am AS (INSERT INTO agg_area_monthly AS x (regency_code, regulation_id, status, month, delta, entered)
            SELECT r, reg, s, mo, sum(delta)::int, sum(entered)::int FROM mon GROUP BY 1, 2, 3, 4
            HAVING sum(delta) <> 0 OR sum(entered) <> 0 ORDER BY 1, 2, 3, 4
            ON CONFLICT (regency_code, regulation_id, status, month)
            DO UPDATE SET delta = x.delta + excluded.delta, entered = x.entered + excluded.entered),
    ad AS (INSERT INTO agg_area_daily AS x (regency_code, regulation_id, status, day, delta, entered)
            SELECT r, reg, s, dy, sum(delta)::int, sum(entered)::int FROM base GROUP BY 1, 2, 3, 4
            HAVING sum(delta) <> 0 OR sum(entered) <> 0 ORDER BY 1, 2, 3, 4
            ON CONFLICT (regency_code, regulation_id, status, day)
            DO UPDATE SET delta = x.delta + excluded.delta, entered = x.entered + excluded.entered),
    ab AS (INSERT INTO agg_area_breakdown AS x (regency_code, regulation_id, status, dim, value, n)
            SELECT r, reg, s, dim, value, sum(delta)::int FROM bdc GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (regency_code, regulation_id, status, dim, value) DO UPDATE SET n = x.n + excluded.n),
    bc AS (INSERT INTO agg_breakdown_current AS x (regency_code, district_code, regulation_id, status, dim, value, n)
            SELECT r, dc, reg, s, dim, value, delta FROM bdc ORDER BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (regency_code, district_code, regulation_id, status, dim, value) DO UPDATE SET n = x.n + excluded.n)
    INSERT INTO agg_breakdown_monthly AS x (regency_code, district_code, regulation_id, status, month, dim, value, delta)
      SELECT r, dc, reg, s, mo, dim, value, delta FROM bd ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (regency_code, district_code, regulation_id, status, month, dim, value) DO UPDATE SET delta = x.delta + excluded.delta
  $q$, ch) USING today;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
-- Coverage spans (coverage_spans): opened when a worker becomes aktif (from coverage start, or
-- the day after the last span of the same person ended) or moves to another regulation while aktif
-- (from that day); closed when they leave aktif (an ending on its typed date, inclusive; anything
-- else the day before) or move off the regulation (the day before the move). A span that would
-- close before it starts is removed.
CREATE OR REPLACE FUNCTION workers_coverage() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  today date := portal_today();
BEGIN
  IF TG_OP = 'UPDATE' THEN
    WITH gone AS (
      SELECT o.id, CASE WHEN n.status = 'berakhir' THEN coalesce(n.ended_on, today) ELSE today - 1 END AS last_day
        FROM old_rows o JOIN new_rows n USING (id)
       WHERE o.status = 'aktif' AND (n.status <> 'aktif' OR n.regulation_id IS DISTINCT FROM o.regulation_id)),
    emptied AS (DELETE FROM coverage_spans s USING gone g WHERE s.worker_id = g.id AND s.ends_on IS NULL AND s.starts_on > g.last_day RETURNING s.id)
    UPDATE coverage_spans s SET ends_on = g.last_day FROM gone g
     WHERE s.worker_id = g.id AND s.ends_on IS NULL AND s.starts_on <= g.last_day;
    INSERT INTO coverage_spans (worker_id, regulation_id, regency_code, district_code, starts_on)
    SELECT n.id, n.regulation_id, n.regency_code, coalesce(n.district_code, ''),
           CASE WHEN o.status = 'aktif' THEN today
                ELSE greatest(n.coverage_start, (SELECT max(s.ends_on) + 1 FROM coverage_spans s WHERE s.worker_id = n.id)) END
      FROM old_rows o JOIN new_rows n USING (id)
     WHERE n.status = 'aktif' AND n.regulation_id IS NOT NULL AND (o.status <> 'aktif' OR n.regulation_id IS DISTINCT FROM o.regulation_id)
     ORDER BY n.id;
  ELSE
    INSERT INTO coverage_spans (worker_id, regulation_id, regency_code, district_code, starts_on)
    SELECT n.id, n.regulation_id, n.regency_code, coalesce(n.district_code, ''), n.coverage_start
      FROM new_rows n WHERE n.status = 'aktif' AND n.regulation_id IS NOT NULL ORDER BY n.id;
  END IF;
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER workers_coverage_insert AFTER INSERT ON workers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workers_coverage();
--> statement-breakpoint
CREATE TRIGGER workers_coverage_update AFTER UPDATE ON workers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workers_coverage();
--> statement-breakpoint
-- agg_coverage_monthly in step with coverage_spans, in the writing transaction.
CREATE OR REPLACE FUNCTION coverage_aggregate() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  cols constant text := 'regency_code, district_code, regulation_id, starts_on, ends_on';
  ch text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    ch := format('SELECT %s, 1 FROM new_rows', cols);
  ELSIF TG_OP = 'DELETE' THEN
    ch := format('SELECT %s, -1 FROM old_rows', cols);
  ELSE
    ch := format('SELECT %1$s, -1 FROM old_rows UNION ALL SELECT %1$s, 1 FROM new_rows', cols);
  END IF;
  EXECUTE format($q$
    WITH ch(r, dc, reg, starts, ends, sign) AS (%s)
    INSERT INTO agg_coverage_monthly AS x (regency_code, district_code, regulation_id, month, started, ended)
    SELECT r, dc, reg, mo, sum(st)::int, sum(en)::int FROM (
        SELECT r, dc, reg, date_trunc('month', starts)::date AS mo, sign AS st, 0 AS en FROM ch
        UNION ALL
        SELECT r, dc, reg, date_trunc('month', ends)::date, 0, sign FROM ch WHERE ends IS NOT NULL) c
     GROUP BY 1, 2, 3, 4 HAVING sum(st) <> 0 OR sum(en) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (regency_code, district_code, regulation_id, month) DO UPDATE SET started = x.started + excluded.started, ended = x.ended + excluded.ended
  $q$, ch);
  RETURN NULL;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER coverage_aggregate_insert AFTER INSERT ON coverage_spans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_aggregate();
--> statement-breakpoint
CREATE TRIGGER coverage_aggregate_update AFTER UPDATE ON coverage_spans REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_aggregate();
--> statement-breakpoint
CREATE TRIGGER coverage_aggregate_delete AFTER DELETE ON coverage_spans REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_aggregate();
--> statement-breakpoint
-- Spans of the workers already there: aktif now (one open span on their regulation), or ended
-- after having been aktif (their last regulation, closed on the ending's date).
INSERT INTO coverage_spans (worker_id, regulation_id, regency_code, district_code, starts_on, ends_on)
SELECT w.id, coalesce(w.regulation_id, (SELECT e.regulation_id FROM worker_events e WHERE e.worker_id = w.id AND e.regulation_id IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT 1)),
       w.regency_code, coalesce(w.district_code, ''), w.coverage_start, CASE WHEN w.status = 'berakhir' THEN w.ended_on END
  FROM workers w
 WHERE w.coverage_start IS NOT NULL AND (w.status = 'aktif' OR (w.status = 'berakhir' AND EXISTS (SELECT 1 FROM worker_events e WHERE e.worker_id = w.id AND e.to_status = 'aktif')))
   AND coalesce(w.regulation_id, (SELECT e.regulation_id FROM worker_events e WHERE e.worker_id = w.id AND e.regulation_id IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT 1)) IS NOT NULL;
--> statement-breakpoint
-- The spans aktif on any day of month `m` (its first day): the SQL twin of aktifByMonth
-- (lib/data/internal/coverage.ts), for set-based work such as billing and for recounts.
CREATE OR REPLACE FUNCTION aktif_spans_in_month(m date) RETURNS SETOF coverage_spans LANGUAGE sql STABLE AS
$$ SELECT * FROM coverage_spans WHERE starts_on < (date_trunc('month', m) + interval '1 month')::date AND (ends_on IS NULL OR ends_on >= date_trunc('month', m)::date) $$;
