CREATE TYPE "public"."claim_status" AS ENUM('dilaporkan', 'dokumen_lengkap', 'diajukan', 'ditetapkan', 'dibayar', 'ditolak');--> statement-breakpoint
CREATE TYPE "public"."claim_type" AS ENUM('jkm', 'jkk', 'beasiswa');--> statement-breakpoint
CREATE TYPE "public"."jkk_kind" AS ENUM('perawatan', 'stmb', 'cacat', 'cacat_total', 'kematian');--> statement-breakpoint
CREATE TYPE "public"."school_level" AS ENUM('tk_sd', 'smp', 'sma', 'pt');--> statement-breakpoint
CREATE TABLE "benefit_rates" (
	"effective_from" date NOT NULL,
	"code" text NOT NULL,
	"amount" bigint NOT NULL,
	"note" text,
	CONSTRAINT "benefit_rates_effective_from_code_pk" PRIMARY KEY("effective_from","code"),
	CONSTRAINT "benefit_rates_amount" CHECK ("benefit_rates"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "claim_components" (
	"claim_id" integer NOT NULL,
	"code" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "claim_components_claim_id_code_pk" PRIMARY KEY("claim_id","code"),
	CONSTRAINT "claim_components_amount" CHECK ("claim_components"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "claim_documents" (
	"claim_id" integer NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_documents_claim_id_kind_pk" PRIMARY KEY("claim_id","kind")
);
--> statement-breakpoint
CREATE TABLE "claim_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"claim_id" integer NOT NULL,
	"heir_name" text NOT NULL,
	"relationship" text NOT NULL,
	"amount" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"account_last4" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_payments_amount" CHECK ("claim_payments"."amount" > 0),
	CONSTRAINT "claim_payments_account" CHECK ("claim_payments"."account_last4" is null or "claim_payments"."account_last4" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"nik" text NOT NULL,
	"worker_id" bigint NOT NULL,
	"regency_code" text NOT NULL,
	"district_code" text,
	"type" "claim_type" NOT NULL,
	"jkk_kind" "jkk_kind",
	"event_date" date NOT NULL,
	"event_at" timestamp with time zone,
	"event_key" text NOT NULL,
	"place" text,
	"description" text NOT NULL,
	"death_id" integer,
	"child_name" text,
	"child_birth_date" date,
	"school_year" text,
	"school_level" "school_level",
	"guardian_name" text,
	"status" "claim_status" DEFAULT 'dilaporkan' NOT NULL,
	"penetapan_number" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"office_id" integer,
	"refused_reason" text,
	"accident_reported_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_jkk_kind" CHECK (("claims"."type" = 'jkk') = ("claims"."jkk_kind" is not null)),
	CONSTRAINT "claims_death" CHECK (not ("claims"."type" = 'jkm' or "claims"."jkk_kind" = 'kematian') or "claims"."death_id" is not null),
	CONSTRAINT "claims_beasiswa" CHECK ("claims"."type" <> 'beasiswa' or ("claims"."child_name" is not null and "claims"."school_year" is not null and "claims"."school_level" is not null)),
	CONSTRAINT "claims_decided" CHECK ("claims"."status" not in ('ditetapkan', 'dibayar') or "claims"."penetapan_number" is not null),
	CONSTRAINT "claims_refused" CHECK (("claims"."status" = 'ditolak') = ("claims"."refused_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "claim_components" ADD CONSTRAINT "claim_components_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_documents" ADD CONSTRAINT "claim_documents_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_documents" ADD CONSTRAINT "claim_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_documents" ADD CONSTRAINT "claim_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_payments" ADD CONSTRAINT "claim_payments_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_payments" ADD CONSTRAINT "claim_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_death_id_deaths_id_fk" FOREIGN KEY ("death_id") REFERENCES "public"."deaths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_payments_claim_idx" ON "claim_payments" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_open_key" ON "claims" USING btree ("nik","type","event_key") WHERE "claims"."status" <> 'ditolak';--> statement-breakpoint
CREATE UNIQUE INDEX "claims_one_per_death_key" ON "claims" USING btree ("death_id") WHERE "claims"."death_id" is not null and "claims"."status" <> 'ditolak' and "claims"."type" <> 'beasiswa';--> statement-breakpoint
CREATE INDEX "claims_regency_idx" ON "claims" USING btree ("regency_code","status");--> statement-breakpoint
CREATE INDEX "claims_worker_idx" ON "claims" USING btree ("worker_id");--> statement-breakpoint
-- The rates of PP 82/2019 and Permenaker 5/2021 (DOMAIN.md), as data: a later row changes later events only.
INSERT INTO benefit_rates (effective_from, code, amount, note) VALUES
  ('2021-01-01', 'jkm_lump_sum', 20000000, 'PP 82/2019: santunan sekaligus'),
  ('2021-01-01', 'jkm_periodic', 12000000, 'PP 82/2019: santunan berkala 24 × Rp 500.000, dibayar sekaligus'),
  ('2021-01-01', 'jkm_funeral', 10000000, 'PP 82/2019: biaya pemakaman'),
  ('2021-01-01', 'jkm_limited', 10000000, 'Permenaker 5/2021: meninggal dalam 3 bulan pertama kepesertaan'),
  ('2021-01-01', 'jkm_limited_months', 3, 'bulan pertama kepesertaan dengan santunan terbatas'),
  ('2021-01-01', 'jkk_death_multiplier', 48, 'PP 82/2019: 48 × upah'),
  ('2021-01-01', 'jkk_insured_income', 1000000, 'paket pemda: iuran JKK atas upah Rp 1.000.000'),
  ('2021-01-01', 'jkk_funeral', 10000000, 'PP 82/2019: biaya pemakaman'),
  ('2021-01-01', 'jkk_periodic', 12000000, 'PP 82/2019: santunan berkala, dibayar sekaligus'),
  ('2021-01-01', 'beasiswa_min_months', 36, 'masa iur minimal JKM untuk beasiswa'),
  ('2021-01-01', 'beasiswa_children', 2, 'paling banyak dua anak'),
  ('2021-01-01', 'beasiswa_tk_sd', 1500000, 'per tahun ajaran'),
  ('2021-01-01', 'beasiswa_smp', 2000000, 'per tahun ajaran'),
  ('2021-01-01', 'beasiswa_sma', 3000000, 'per tahun ajaran'),
  ('2021-01-01', 'beasiswa_pt', 12000000, 'per tahun ajaran, paling lama 5 tahun'),
  ('2021-01-01', 'beasiswa_cap', 174000000, 'paling banyak per anak'),
  ('2021-01-01', 'beasiswa_max_age', 23, 'berakhir pada usia ini');--> statement-breakpoint
-- A paid claim is immutable; so are its components, payments and documents.
CREATE OR REPLACE FUNCTION claims_paid_immutable() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'dibayar' THEN
    RAISE EXCEPTION 'claims_paid_immutable: klaim yang sudah dibayar tidak diubah' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $f$;--> statement-breakpoint
CREATE TRIGGER claims_paid_immutable BEFORE UPDATE OR DELETE ON claims FOR EACH ROW EXECUTE FUNCTION claims_paid_immutable();--> statement-breakpoint
CREATE OR REPLACE FUNCTION claim_parts_frozen() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE st claim_status;
BEGIN
  SELECT status INTO st FROM claims WHERE id = coalesce(NEW.claim_id, OLD.claim_id);
  IF st = 'dibayar' OR (TG_TABLE_NAME = 'claim_components' AND st NOT IN ('diajukan', 'ditetapkan')) THEN
    RAISE EXCEPTION 'claim_parts_frozen: rincian klaim % tidak dapat diubah', st USING ERRCODE = 'check_violation';
  END IF;
  RETURN coalesce(NEW, OLD);
END $f$;--> statement-breakpoint
CREATE TRIGGER claim_components_frozen BEFORE INSERT OR UPDATE OR DELETE ON claim_components FOR EACH ROW EXECUTE FUNCTION claim_parts_frozen();--> statement-breakpoint
CREATE TRIGGER claim_documents_frozen BEFORE INSERT OR UPDATE OR DELETE ON claim_documents FOR EACH ROW EXECUTE FUNCTION claim_parts_frozen();--> statement-breakpoint
CREATE TRIGGER claim_payments_frozen BEFORE UPDATE OR DELETE ON claim_payments FOR EACH ROW EXECUTE FUNCTION claim_parts_frozen();--> statement-breakpoint
-- What is paid to heirs never exceeds what BPJS set.
CREATE OR REPLACE FUNCTION claim_payments_within() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM claims c WHERE c.id IN (SELECT DISTINCT claim_id FROM new_rows)
              AND (SELECT coalesce(sum(amount), 0) FROM claim_payments WHERE claim_id = c.id)
                > (SELECT coalesce(sum(amount), 0) FROM claim_components WHERE claim_id = c.id)) THEN
    RAISE EXCEPTION 'claim_payments_within: pembayaran melebihi penetapan' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $f$;--> statement-breakpoint
CREATE TRIGGER claim_payments_within AFTER INSERT ON claim_payments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claim_payments_within();
