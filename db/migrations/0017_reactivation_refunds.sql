CREATE TYPE "public"."refund_status" AS ENUM('diajukan', 'diterima');--> statement-breakpoint
CREATE TABLE "contribution_reactivations" (
	"id" serial PRIMARY KEY NOT NULL,
	"nik" text NOT NULL,
	"worker_id" bigint NOT NULL,
	"office_id" integer NOT NULL,
	"reactivated_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_reactivations_reason" CHECK (length(trim("contribution_reactivations"."reason")) >= 5)
);
--> statement-breakpoint
CREATE TABLE "credit_refund_payments" (
	"refund_id" integer NOT NULL,
	"payment_id" integer NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "credit_refund_payments_refund_id_payment_id_pk" PRIMARY KEY("refund_id","payment_id"),
	CONSTRAINT "credit_refund_payments_amount" CHECK ("credit_refund_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "credit_refunds" (
	"id" serial PRIMARY KEY NOT NULL,
	"regulation_id" integer NOT NULL,
	"regency_code" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" "refund_status" DEFAULT 'diajukan' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"received_on" date,
	"reference" text,
	"received_by" uuid,
	CONSTRAINT "credit_refunds_amount" CHECK ("credit_refunds"."amount" > 0),
	CONSTRAINT "credit_refunds_received" CHECK (("credit_refunds"."status" = 'diterima') = ("credit_refunds"."received_on" is not null and "credit_refunds"."reference" is not null))
);
--> statement-breakpoint
ALTER TABLE "contribution_reactivations" ADD CONSTRAINT "contribution_reactivations_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reactivations" ADD CONSTRAINT "contribution_reactivations_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_reactivations" ADD CONSTRAINT "contribution_reactivations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_refund_payments" ADD CONSTRAINT "credit_refund_payments_refund_id_credit_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."credit_refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_refund_payments" ADD CONSTRAINT "credit_refund_payments_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_refunds" ADD CONSTRAINT "credit_refunds_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_refunds" ADD CONSTRAINT "credit_refunds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_refunds" ADD CONSTRAINT "credit_refunds_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_reactivations_nik_idx" ON "contribution_reactivations" USING btree ("nik","reactivated_on");--> statement-breakpoint
CREATE INDEX "credit_refund_payments_payment_idx" ON "credit_refund_payments" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "credit_refunds_regulation_idx" ON "credit_refunds" USING btree ("regulation_id");--> statement-breakpoint
-- The membership a person's contribution state runs from: coverage start, or the regulation's
-- start when coverage began earlier, or the last reactivation by a branch head (a new
-- registration at BPJS), whichever is latest. One definition for the summaries and the worker page.
CREATE OR REPLACE FUNCTION membership_start(p_nik text, p_coverage_start date, p_regulation_start date) RETURNS date LANGUAGE sql STABLE AS $f$
  SELECT greatest(p_coverage_start, p_regulation_start, (SELECT max(reactivated_on) FROM contribution_reactivations WHERE nik = p_nik))
$f$;--> statement-breakpoint
-- The longest run of consecutive due months unpaid on `day`, from a person's summary (the SQL twin
-- of stateFromSummary's run, lib/domain/contribution-state.ts): the trailing run after the last
-- paid month, or an older gap. More than the grace G is nonaktif; more than G + R (the rejoin
-- window) is past reactivation by paying: only the branch head reactivates.
CREATE OR REPLACE FUNCTION contribution_run(p_start date, p_late boolean, p_last_paid date, p_longest_gap int, p_day date) RETURNS int LANGUAGE sql IMMUTABLE AS $f$
  WITH d AS (
    SELECT CASE WHEN p_late AND due = p_start THEN (p_start - interval '1 month')::date ELSE due END AS due_end
      FROM (SELECT CASE WHEN extract(day FROM p_day) > 15 THEN date_trunc('month', p_day)::date
                        ELSE (date_trunc('month', p_day) - interval '1 month')::date END AS due) x)
  SELECT greatest(((extract(year FROM due_end) - extract(year FROM p_last_paid)) * 12 + extract(month FROM due_end) - extract(month FROM p_last_paid))::int, p_longest_gap)
    FROM d
$f$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_contributions(niks text[]) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  -- The NIKs as a relation (hash joins, not 200,000 probes of = ANY); callers pass them distinct.
  -- A scratch table per connection, emptied at every commit (never dropped, so the function's
  -- cached plans stay valid); it never holds anything between transactions.
  CREATE TEMP TABLE IF NOT EXISTS refresh_niks (nik text) ON COMMIT DELETE ROWS;
  TRUNCATE refresh_niks;
  INSERT INTO refresh_niks SELECT unnest(niks);
  ANALYZE refresh_niks;

  WITH gone AS (DELETE FROM person_contributions pc USING refresh_niks r WHERE pc.nik = r.nik RETURNING pc.*),
  g AS (SELECT regency_code, district_code, regulation_id, start_month, late_start, paid_through, paid_after, last_paid, longest_gap,
               least(masa_iur, 6) AS masa_capped, -count(*)::int AS n FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
  INSERT INTO agg_contribution AS a SELECT * FROM g
  ON CONFLICT (regency_code, district_code, regulation_id, start_month, late_start, paid_through, paid_after, last_paid, longest_gap, masa_capped)
  DO UPDATE SET n = a.n + excluded.n;

  WITH holder AS (
    -- Contributions run from membership_start(): coverage start, the regulation's start, or a reactivation, the latest.
    SELECT w.nik, w.id, w.regency_code, coalesce(w.district_code, '') AS district_code, w.regulation_id,
           date_trunc('month', membership_start(w.nik, w.coverage_start, g.starts_on))::date AS start_month,
           extract(day FROM membership_start(w.nik, w.coverage_start, g.starts_on)) > 15 AS late_start
      FROM workers w JOIN refresh_niks r ON r.nik = w.nik JOIN regulations g ON g.id = w.regulation_id WHERE w.status = 'aktif'),
  pm AS (
    SELECT p.nik, ((extract(year FROM p.month) - extract(year FROM h.start_month)) * 12 + extract(month FROM p.month) - extract(month FROM h.start_month))::int AS i
      FROM paid_months p JOIN holder h ON h.nik = p.nik WHERE p.month >= h.start_month),
  isl AS (SELECT nik, i, i - row_number() OVER (PARTITION BY nik ORDER BY i) AS grp FROM pm),
  islands AS (SELECT nik, min(i) AS lo, max(i) AS hi, count(*) AS cnt FROM isl GROUP BY nik, grp),
  gaps AS (SELECT nik, lo, hi, cnt, coalesce(lo - lag(hi) OVER (PARTITION BY nik ORDER BY lo) - 1, lo) AS gap FROM islands),
  summ AS (
    SELECT nik, coalesce(max(hi) FILTER (WHERE lo = 0), -1)::int AS prefix_hi, coalesce(sum(cnt) FILTER (WHERE lo > 0), 0)::int AS paid_after,
           max(hi)::int AS last_hi, coalesce(max(gap), 0)::int AS longest_gap
      FROM gaps GROUP BY nik),
  masa AS (SELECT p.nik, count(*)::int AS masa FROM paid_months p JOIN refresh_niks r ON r.nik = p.nik GROUP BY p.nik),
  ins AS (
    INSERT INTO person_contributions (nik, worker_id, regency_code, district_code, regulation_id, start_month, late_start, paid_through, paid_after, last_paid, longest_gap, masa_iur)
    SELECT h.nik, h.id, h.regency_code, h.district_code, h.regulation_id, h.start_month, h.late_start,
           (h.start_month + make_interval(months => coalesce(s.prefix_hi, -1)))::date,
           coalesce(s.paid_after, 0),
           (h.start_month + make_interval(months => coalesce(s.last_hi, -1)))::date,
           coalesce(s.longest_gap, 0),
           coalesce(m.masa, 0)
      FROM holder h LEFT JOIN summ s ON s.nik = h.nik LEFT JOIN masa m ON m.nik = h.nik
    RETURNING *),
  g AS (SELECT regency_code, district_code, regulation_id, start_month, late_start, paid_through, paid_after, last_paid, longest_gap,
               least(masa_iur, 6) AS masa_capped, count(*)::int AS n FROM ins GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
  INSERT INTO agg_contribution AS a SELECT * FROM g
  ON CONFLICT (regency_code, district_code, regulation_id, start_month, late_start, paid_through, paid_after, last_paid, longest_gap, masa_capped)
  DO UPDATE SET n = a.n + excluded.n;
  TRUNCATE refresh_niks;
END $f$;--> statement-breakpoint
-- Its sorts and hashes over 200,000 people fit in memory.
ALTER FUNCTION refresh_contributions(text[]) SET work_mem = '64MB';--> statement-breakpoint
CREATE OR REPLACE FUNCTION contribution_reactivations_refresh() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM refresh_contributions(ARRAY(SELECT DISTINCT nik FROM new_rows));
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER contribution_reactivations_refresh AFTER INSERT ON contribution_reactivations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contribution_reactivations_refresh();--> statement-breakpoint
CREATE OR REPLACE FUNCTION contribution_reactivations_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'contribution_reactivations_append_only: reaktivasi tidak diubah atau dihapus' USING ERRCODE = 'check_violation';
END $f$;--> statement-breakpoint
CREATE TRIGGER contribution_reactivations_append_only BEFORE UPDATE OR DELETE ON contribution_reactivations FOR EACH ROW EXECUTE FUNCTION contribution_reactivations_append_only();--> statement-breakpoint
-- Allocations and refunds together never exceed the payment.
CREATE OR REPLACE FUNCTION payment_money_used(p_payment int) RETURNS bigint LANGUAGE sql STABLE AS $f$
  SELECT coalesce((SELECT sum(amount) FROM payment_parts WHERE payment_id = p_payment AND status IN ('menunggu', 'dikonfirmasi')), 0)
       + coalesce((SELECT sum(amount) FROM credit_refund_payments WHERE payment_id = p_payment), 0)
$f$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION payment_parts_within_payment() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM payments p WHERE p.id IN (SELECT DISTINCT payment_id FROM new_rows) AND payment_money_used(p.id) > p.amount) THEN
    RAISE EXCEPTION 'payment_parts_within_payment: alokasi melebihi jumlah SP2D' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER credit_refund_payments_within_payment AFTER INSERT ON credit_refund_payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_parts_within_payment();--> statement-breakpoint
-- A refund's amount is the sum of what it takes from payments; its sources never change.
CREATE OR REPLACE FUNCTION credit_refunds_balanced() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM credit_refunds r WHERE r.amount <> (SELECT coalesce(sum(amount), 0) FROM credit_refund_payments s WHERE s.refund_id = r.id)) THEN
    RAISE EXCEPTION 'credit_refunds_balanced: jumlah pengembalian tidak sama dengan sumbernya' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER credit_refunds_balanced AFTER INSERT OR UPDATE ON credit_refunds DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION credit_refunds_balanced();--> statement-breakpoint
CREATE OR REPLACE FUNCTION credit_refund_payments_frozen() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'credit_refund_payments_frozen: sumber pengembalian tidak diubah' USING ERRCODE = 'check_violation';
END $f$;--> statement-breakpoint
CREATE TRIGGER credit_refund_payments_frozen BEFORE UPDATE OR DELETE ON credit_refund_payments FOR EACH ROW EXECUTE FUNCTION credit_refund_payments_frozen();
