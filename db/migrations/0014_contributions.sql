CREATE TYPE "public"."bill_line_kind" AS ENUM('iuran', 'susulan', 'koreksi');--> statement-breakpoint
CREATE TYPE "public"."bill_status" AS ENUM('draf', 'diterbitkan', 'batal');--> statement-breakpoint
CREATE TYPE "public"."payment_part_status" AS ENUM('menunggu', 'dikonfirmasi', 'dibatalkan', 'dibalik');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('dicatat', 'dibatalkan');--> statement-breakpoint
CREATE TABLE "agg_contribution" (
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"start_month" date NOT NULL,
	"late_start" boolean NOT NULL,
	"paid_through" date NOT NULL,
	"paid_after" integer NOT NULL,
	"last_paid" date NOT NULL,
	"longest_gap" integer NOT NULL,
	"masa_capped" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agg_contribution_pk" PRIMARY KEY("regency_code","district_code","regulation_id","start_month","late_start","paid_through","paid_after","last_paid","longest_gap","masa_capped")
);
--> statement-breakpoint
CREATE TABLE "bill_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bill_id" integer NOT NULL,
	"worker_id" bigint NOT NULL,
	"nik" text NOT NULL,
	"district_code" text NOT NULL,
	"month" date NOT NULL,
	"kind" "bill_line_kind" DEFAULT 'iuran' NOT NULL,
	"jkk" integer NOT NULL,
	"jkm" integer NOT NULL,
	"amount" integer NOT NULL,
	"corrects_line_id" bigint,
	"voided" boolean DEFAULT false NOT NULL,
	CONSTRAINT "bill_lines_amount" CHECK ("bill_lines"."amount" >= 0 and "bill_lines"."jkk" >= 0 and "bill_lines"."jkm" >= 0 and "bill_lines"."amount" = "bill_lines"."jkk" + "bill_lines"."jkm"),
	CONSTRAINT "bill_lines_month_first" CHECK (extract(day from "bill_lines"."month") = 1),
	CONSTRAINT "bill_lines_correction" CHECK (("bill_lines"."kind" = 'koreksi') = ("bill_lines"."corrects_line_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "bills" (
	"id" serial PRIMARY KEY NOT NULL,
	"regulation_id" integer NOT NULL,
	"regency_code" text NOT NULL,
	"office_id" integer NOT NULL,
	"month" date NOT NULL,
	"status" "bill_status" DEFAULT 'draf' NOT NULL,
	"kode_iuran" text,
	"drafted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text,
	CONSTRAINT "bills_month_first" CHECK (extract(day from "bills"."month") = 1),
	CONSTRAINT "bills_issued" CHECK (("bills"."status" = 'diterbitkan') = ("bills"."kode_iuran" is not null and "bills"."issued_at" is not null) or "bills"."status" = 'batal'),
	CONSTRAINT "bills_kode_iuran" CHECK ("bills"."kode_iuran" is null or "bills"."kode_iuran" ~ '^[0-9]{11}$'),
	CONSTRAINT "bills_voided" CHECK (("bills"."status" = 'batal') = ("bills"."voided_at" is not null and "bills"."void_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "paid_months" (
	"nik" text NOT NULL,
	"month" date NOT NULL,
	"bill_line_id" bigint NOT NULL,
	"part_id" integer NOT NULL,
	"confirmed_on" date NOT NULL,
	CONSTRAINT "paid_months_nik_month_pk" PRIMARY KEY("nik","month")
);
--> statement-breakpoint
CREATE TABLE "payment_lines" (
	"part_id" integer NOT NULL,
	"bill_line_id" bigint NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	CONSTRAINT "payment_lines_part_id_bill_line_id_pk" PRIMARY KEY("part_id","bill_line_id")
);
--> statement-breakpoint
CREATE TABLE "payment_parts" (
	"id" serial PRIMARY KEY NOT NULL,
	"payment_id" integer NOT NULL,
	"office_id" integer NOT NULL,
	"amount" bigint NOT NULL,
	"status" "payment_part_status" DEFAULT 'menunggu' NOT NULL,
	"receipt_number" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_on" date,
	"confirmed_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_reason" text,
	CONSTRAINT "payment_parts_amount" CHECK ("payment_parts"."amount" >= 0),
	CONSTRAINT "payment_parts_confirmed" CHECK (("payment_parts"."status" in ('dikonfirmasi', 'dibalik')) = ("payment_parts"."receipt_number" is not null and "payment_parts"."confirmed_at" is not null and "payment_parts"."confirmed_on" is not null)),
	CONSTRAINT "payment_parts_reversed" CHECK ("payment_parts"."status" <> 'dibalik' or "payment_parts"."end_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"regulation_id" integer NOT NULL,
	"regency_code" text NOT NULL,
	"number" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"proof_file_id" uuid,
	"proof_name" text,
	"status" "payment_status" DEFAULT 'dicatat' NOT NULL,
	"over_budget" boolean DEFAULT false NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	CONSTRAINT "payments_amount" CHECK ("payments"."amount" > 0),
	CONSTRAINT "payments_number" CHECK (length(trim("payments"."number")) > 0),
	CONSTRAINT "payments_year" CHECK ("payments"."fiscal_year" = extract(year from "payments"."paid_on")),
	CONSTRAINT "payments_cancelled" CHECK (("payments"."status" = 'dibatalkan') = ("payments"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "person_contributions" (
	"nik" text PRIMARY KEY NOT NULL,
	"worker_id" bigint NOT NULL,
	"regency_code" text NOT NULL,
	"district_code" text NOT NULL,
	"regulation_id" integer NOT NULL,
	"start_month" date NOT NULL,
	"late_start" boolean NOT NULL,
	"paid_through" date NOT NULL,
	"paid_after" integer NOT NULL,
	"last_paid" date NOT NULL,
	"longest_gap" integer NOT NULL,
	"masa_iur" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "regulations" ADD COLUMN "arrears_grace_months" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "regulations" ADD COLUMN "rejoin_months" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_lines" ADD CONSTRAINT "bill_lines_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_voided_by_users_id_fk" FOREIGN KEY ("voided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_months" ADD CONSTRAINT "paid_months_bill_line_id_bill_lines_id_fk" FOREIGN KEY ("bill_line_id") REFERENCES "public"."bill_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paid_months" ADD CONSTRAINT "paid_months_part_id_payment_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."payment_parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_part_id_payment_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."payment_parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_lines" ADD CONSTRAINT "payment_lines_bill_line_id_bill_lines_id_fk" FOREIGN KEY ("bill_line_id") REFERENCES "public"."bill_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_parts" ADD CONSTRAINT "payment_parts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_parts" ADD CONSTRAINT "payment_parts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_parts" ADD CONSTRAINT "payment_parts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_parts" ADD CONSTRAINT "payment_parts_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_proof_file_id_stored_files_id_fk" FOREIGN KEY ("proof_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bill_lines_bill_person_month_key" ON "bill_lines" USING btree ("bill_id","nik","month","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "bill_lines_person_month_key" ON "bill_lines" USING btree ("nik","month") WHERE "bill_lines"."kind" <> 'koreksi' and not "bill_lines"."voided";--> statement-breakpoint
CREATE UNIQUE INDEX "bill_lines_correction_key" ON "bill_lines" USING btree ("corrects_line_id") WHERE "bill_lines"."kind" = 'koreksi' and not "bill_lines"."voided";--> statement-breakpoint
CREATE INDEX "bill_lines_bill_idx" ON "bill_lines" USING btree ("bill_id","month");--> statement-breakpoint
CREATE INDEX "bill_lines_worker_idx" ON "bill_lines" USING btree ("worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_one_per_month_key" ON "bills" USING btree ("regulation_id","office_id","month") WHERE "bills"."status" <> 'batal';--> statement-breakpoint
CREATE INDEX "bills_office_idx" ON "bills" USING btree ("office_id","status","month");--> statement-breakpoint
CREATE INDEX "bills_regency_idx" ON "bills" USING btree ("regency_code","month");--> statement-breakpoint
CREATE INDEX "paid_months_part_idx" ON "paid_months" USING btree ("part_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lines_line_key" ON "payment_lines" USING btree ("bill_line_id") WHERE "payment_lines"."live";--> statement-breakpoint
CREATE INDEX "payment_parts_payment_idx" ON "payment_parts" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_parts_office_idx" ON "payment_parts" USING btree ("office_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_key" ON "payments" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_number_key" ON "payments" USING btree ("regency_code","fiscal_year","number") WHERE "payments"."status" <> 'dibatalkan';--> statement-breakpoint
CREATE INDEX "payments_regulation_idx" ON "payments" USING btree ("regulation_id","paid_on");--> statement-breakpoint
CREATE INDEX "person_contributions_regency_idx" ON "person_contributions" USING btree ("regency_code","regulation_id");--> statement-breakpoint
ALTER TABLE "regulations" ADD CONSTRAINT "regulations_billing_settings" CHECK ("regulations"."arrears_grace_months" between 1 and 12 and "regulations"."rejoin_months" between 0 and 12);--> statement-breakpoint
-- Issued bills are frozen: their lines neither change nor grow nor shrink; a voided bill's lines
-- only get their `voided` flag (the bill turns batal first). Statement-level, so drafting 200,000
-- lines costs one check, not 200,000.
CREATE OR REPLACE FUNCTION bill_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  -- Nested IFs: each transition table is referenced only by the operation that has it.
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN bills b ON b.id = n.bill_id WHERE b.status <> 'draf') THEN
      RAISE EXCEPTION 'bill_lines_frozen: tagihan yang sudah diterbitkan tidak dapat diubah' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN bills b ON b.id = n.bill_id WHERE b.status = 'diterbitkan') THEN
      RAISE EXCEPTION 'bill_lines_frozen: tagihan yang sudah diterbitkan tidak dapat diubah' USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (
         SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.bill_id, n.worker_id, n.nik, n.month, n.kind, n.amount, n.jkk, n.jkm, n.corrects_line_id) IS DISTINCT FROM
                (o.bill_id, o.worker_id, o.nik, o.month, o.kind, o.amount, o.jkk, o.jkm, o.corrects_line_id)) THEN
      RAISE EXCEPTION 'bill_lines_frozen: baris tagihan hanya dapat dibatalkan' USING ERRCODE = 'check_violation';
    END IF;
  ELSE
    IF EXISTS (SELECT 1 FROM old_rows o JOIN bills b ON b.id = o.bill_id WHERE b.status <> 'draf') THEN
      RAISE EXCEPTION 'bill_lines_frozen: baris tagihan yang diterbitkan tidak dapat dihapus' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER bill_lines_frozen_insert AFTER INSERT ON bill_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bill_lines_frozen();--> statement-breakpoint
CREATE TRIGGER bill_lines_frozen_update AFTER UPDATE ON bill_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bill_lines_frozen();--> statement-breakpoint
CREATE TRIGGER bill_lines_frozen_delete AFTER DELETE ON bill_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bill_lines_frozen();--> statement-breakpoint
-- A bill moves draf → diterbitkan → batal or draf → batal, and nothing else about it changes.
CREATE OR REPLACE FUNCTION bills_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'bills_lifecycle: tagihan tidak dihapus, hanya dibatalkan' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status = 'batal'
     OR (OLD.status = 'diterbitkan' AND (NEW.status <> 'batal' OR NEW.kode_iuran IS DISTINCT FROM OLD.kode_iuran OR NEW.issued_at IS DISTINCT FROM OLD.issued_at))
     OR (NEW.regulation_id, NEW.office_id, NEW.month, NEW.regency_code) IS DISTINCT FROM (OLD.regulation_id, OLD.office_id, OLD.month, OLD.regency_code) THEN
    RAISE EXCEPTION 'bills_lifecycle: perubahan tagihan ini tidak diizinkan' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $f$;--> statement-breakpoint
CREATE TRIGGER bills_lifecycle BEFORE UPDATE OR DELETE ON bills FOR EACH ROW EXECUTE FUNCTION bills_lifecycle();--> statement-breakpoint
-- A confirmed part is immutable except for its reversal (which keeps everything and adds why);
-- a cancelled or reversed part is final.
CREATE OR REPLACE FUNCTION payment_parts_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'payment_parts_lifecycle: bagian pembayaran tidak dihapus' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status IN ('dibatalkan', 'dibalik')
     OR (OLD.status = 'dikonfirmasi' AND (NEW.status <> 'dibalik' OR (NEW.receipt_number, NEW.confirmed_at, NEW.confirmed_on, NEW.confirmed_by)
          IS DISTINCT FROM (OLD.receipt_number, OLD.confirmed_at, OLD.confirmed_on, OLD.confirmed_by)))
     OR (OLD.status = 'menunggu' AND NEW.status = 'dibalik')
     OR (NEW.payment_id, NEW.office_id, NEW.amount) IS DISTINCT FROM (OLD.payment_id, OLD.office_id, OLD.amount) THEN
    RAISE EXCEPTION 'payment_parts_lifecycle: perubahan bagian pembayaran ini tidak diizinkan' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $f$;--> statement-breakpoint
CREATE TRIGGER payment_parts_lifecycle BEFORE UPDATE OR DELETE ON payment_parts FOR EACH ROW EXECUTE FUNCTION payment_parts_lifecycle();--> statement-breakpoint
-- Allocations never exceed the payment.
CREATE OR REPLACE FUNCTION payment_parts_within_payment() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (
    SELECT 1 FROM payments p
     WHERE p.id IN (SELECT DISTINCT payment_id FROM new_rows)
       AND (SELECT coalesce(sum(pp.amount), 0) FROM payment_parts pp WHERE pp.payment_id = p.id AND pp.status IN ('menunggu', 'dikonfirmasi')) > p.amount) THEN
    RAISE EXCEPTION 'payment_parts_within_payment: alokasi melebihi jumlah SP2D' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER payment_parts_within_payment AFTER INSERT ON payment_parts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_parts_within_payment();--> statement-breakpoint
-- paid_months is append-or-remove: a month paid is never re-pointed at another line.
CREATE OR REPLACE FUNCTION paid_months_no_update() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'paid_months_no_update: bulan terbayar tidak diubah, hanya dibalik' USING ERRCODE = 'check_violation';
END $f$;--> statement-breakpoint
CREATE TRIGGER paid_months_no_update BEFORE UPDATE ON paid_months FOR EACH ROW EXECUTE FUNCTION paid_months_no_update();--> statement-breakpoint
-- The per-person summary (lib/domain/contribution-state.ts reads it) and its rollup, recomputed
-- set-based for the given NIKs: the aktif enrollment's area, kecamatan, regulation and start; the
-- paid months since that start as islands of consecutive months (months are numbered from the
-- start): the paid run from the start, the paid months after the first unpaid one, the last paid,
-- the longest unpaid run between paid months; and masa iur over all time.
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
    -- Contributions run from coverage start, or from the regulation's start when coverage began earlier.
    SELECT w.nik, w.id, w.regency_code, coalesce(w.district_code, '') AS district_code, w.regulation_id,
           date_trunc('month', greatest(w.coverage_start, g.starts_on))::date AS start_month,
           extract(day FROM greatest(w.coverage_start, g.starts_on)) > 15 AS late_start
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
CREATE OR REPLACE FUNCTION paid_months_contributions() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_contributions(ARRAY(SELECT DISTINCT nik FROM new_rows));
  ELSE
    PERFORM refresh_contributions(ARRAY(SELECT DISTINCT nik FROM old_rows));
  END IF;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER paid_months_contributions_insert AFTER INSERT ON paid_months REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION paid_months_contributions();--> statement-breakpoint
CREATE TRIGGER paid_months_contributions_delete AFTER DELETE ON paid_months REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION paid_months_contributions();--> statement-breakpoint
-- Every write to workers that changes who is aktif where (activation, ending, a move, a change of
-- kecamatan or of coverage start) refreshes those people.
CREATE OR REPLACE FUNCTION workers_contributions() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := ARRAY(SELECT DISTINCT nik FROM new_rows WHERE status = 'aktif');
  ELSE
    changed := ARRAY(
      SELECT DISTINCT x.nik FROM (
        SELECT n.nik FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.status = 'aktif' OR o.status = 'aktif')
           AND (n.status, n.regulation_id, n.regency_code, n.district_code, n.coverage_start, n.nik)
               IS DISTINCT FROM (o.status, o.regulation_id, o.regency_code, o.district_code, o.coverage_start, o.nik)
        UNION ALL
        SELECT o.nik FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.status = 'aktif' AND n.nik <> o.nik) x);
  END IF;
  IF cardinality(changed) > 0 THEN
    PERFORM refresh_contributions(changed);
  END IF;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER workers_contributions_insert AFTER INSERT ON workers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workers_contributions();--> statement-breakpoint
CREATE TRIGGER workers_contributions_update AFTER UPDATE ON workers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workers_contributions();--> statement-breakpoint
-- Workers aktif before this migration start their contribution history empty.
SELECT refresh_contributions(ARRAY(SELECT nik FROM workers WHERE status = 'aktif'));
