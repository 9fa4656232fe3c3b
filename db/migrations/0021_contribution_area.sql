CREATE TABLE "agg_contribution_area" (
	"regency_code" text NOT NULL,
	"covered" boolean NOT NULL,
	"regulation_id" integer NOT NULL,
	"start_month" date NOT NULL,
	"late_start" boolean NOT NULL,
	"paid_through" date NOT NULL,
	"paid_after" integer NOT NULL,
	"last_paid" date NOT NULL,
	"longest_gap" integer NOT NULL,
	"masa_capped" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agg_contribution_area_pk" PRIMARY KEY("regency_code","covered","regulation_id","start_month","late_start","paid_through","paid_after","last_paid","longest_gap","masa_capped")
);
--> statement-breakpoint
-- The rollup follows agg_contribution statement by statement: inserted rows add their n, updated
-- rows add the difference. Rows go in key order, so concurrent writers lock them in one order.
CREATE OR REPLACE FUNCTION agg_contribution_area_add() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO agg_contribution_area AS t
  SELECT d.regency_code, d.district_code IN (SELECT bc.district_code FROM branch_coverage bc), d.regulation_id, d.start_month, d.late_start, d.paid_through,
         d.paid_after, d.last_paid, d.longest_gap, d.masa_capped, sum(d.n)::int
    FROM new_rows d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  ON CONFLICT (regency_code, covered, regulation_id, start_month, late_start, paid_through, paid_after, last_paid, longest_gap, masa_capped)
  DO UPDATE SET n = t.n + excluded.n;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION agg_contribution_area_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO agg_contribution_area AS t
  SELECT d.regency_code, d.district_code IN (SELECT bc.district_code FROM branch_coverage bc), d.regulation_id, d.start_month, d.late_start, d.paid_through,
         d.paid_after, d.last_paid, d.longest_gap, d.masa_capped, sum(d.n)::int
    FROM (SELECT * FROM new_rows UNION ALL SELECT o.regency_code, o.district_code, o.regulation_id, o.start_month, o.late_start, o.paid_through, o.paid_after,
                 o.last_paid, o.longest_gap, o.masa_capped, -o.n FROM old_rows o) d
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  ON CONFLICT (regency_code, covered, regulation_id, start_month, late_start, paid_through, paid_after, last_paid, longest_gap, masa_capped)
  DO UPDATE SET n = t.n + excluded.n;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER agg_contribution_area_add AFTER INSERT ON agg_contribution REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_contribution_area_add();--> statement-breakpoint
CREATE TRIGGER agg_contribution_area_change AFTER UPDATE ON agg_contribution REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_contribution_area_change();--> statement-breakpoint
-- A change of which kecamatan a branch serves (rare, the admin's) rebuilds the rollup whole.
CREATE OR REPLACE FUNCTION agg_contribution_area_rebuild() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  LOCK TABLE agg_contribution_area IN EXCLUSIVE MODE;
  DELETE FROM agg_contribution_area;
  INSERT INTO agg_contribution_area
  SELECT a.regency_code, a.district_code IN (SELECT bc.district_code FROM branch_coverage bc), a.regulation_id, a.start_month, a.late_start, a.paid_through,
         a.paid_after, a.last_paid, a.longest_gap, a.masa_capped, sum(a.n)::int
    FROM agg_contribution a WHERE a.n <> 0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(a.n) <> 0;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER agg_contribution_area_rebuild AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON branch_coverage FOR EACH STATEMENT EXECUTE FUNCTION agg_contribution_area_rebuild();--> statement-breakpoint
INSERT INTO agg_contribution_area
SELECT a.regency_code, a.district_code IN (SELECT bc.district_code FROM branch_coverage bc), a.regulation_id, a.start_month, a.late_start, a.paid_through,
       a.paid_after, a.last_paid, a.longest_gap, a.masa_capped, sum(a.n)::int
  FROM agg_contribution a WHERE a.n <> 0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 HAVING sum(a.n) <> 0;
