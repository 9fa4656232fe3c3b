CREATE TYPE "public"."reconciliation_status" AS ENUM('selesai', 'terkunci');--> statement-breakpoint
CREATE TABLE "reconciliation_rows" (
	"reconciliation_id" integer NOT NULL,
	"n" integer NOT NULL,
	"category" text NOT NULL,
	"row_no" integer,
	"kpj" text,
	"nik" text,
	"name" text,
	"bpjs_status" text,
	"bpjs_last_paid" text,
	"worker_id" bigint,
	"portal_kpj" text,
	"portal_last_paid" text,
	"problem" text,
	CONSTRAINT "reconciliation_rows_reconciliation_id_n_pk" PRIMARY KEY("reconciliation_id","n")
);
--> statement-breakpoint
CREATE TABLE "reconciliations" (
	"id" serial PRIMARY KEY NOT NULL,
	"regulation_id" integer NOT NULL,
	"regency_code" text NOT NULL,
	"office_id" integer NOT NULL,
	"month" date NOT NULL,
	"status" "reconciliation_status" DEFAULT 'selesai' NOT NULL,
	"file_id" uuid,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"signed_file_id" uuid,
	"signed_name" text,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconciliations_month_first" CHECK (extract(day from "reconciliations"."month") = 1),
	CONSTRAINT "reconciliations_locked" CHECK (("reconciliations"."status" = 'terkunci') = ("reconciliations"."signed_file_id" is not null and "reconciliations"."locked_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "reconciliation_rows" ADD CONSTRAINT "reconciliation_rows_reconciliation_id_reconciliations_id_fk" FOREIGN KEY ("reconciliation_id") REFERENCES "public"."reconciliations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_signed_file_id_stored_files_id_fk" FOREIGN KEY ("signed_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconciliation_rows_category_idx" ON "reconciliation_rows" USING btree ("reconciliation_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliations_month_key" ON "reconciliations" USING btree ("regulation_id","office_id","month");--> statement-breakpoint
-- A locked reconciliation (the signed berita acara uploaded) no longer changes.
CREATE OR REPLACE FUNCTION reconciliations_locked() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF OLD.status = 'terkunci' THEN
    RAISE EXCEPTION 'reconciliations_locked: rekonsiliasi bulan ini sudah dikunci berita acara' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $f$;--> statement-breakpoint
CREATE TRIGGER reconciliations_locked BEFORE UPDATE OR DELETE ON reconciliations FOR EACH ROW EXECUTE FUNCTION reconciliations_locked();
