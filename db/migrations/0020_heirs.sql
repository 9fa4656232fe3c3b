CREATE TYPE "public"."heir_relationship" AS ENUM('istri', 'suami', 'anak', 'orang_tua', 'cucu', 'kakek_nenek', 'saudara_kandung', 'mertua', 'ditunjuk');--> statement-breakpoint
CREATE TABLE "worker_heirs" (
	"id" serial PRIMARY KEY NOT NULL,
	"worker_id" bigint NOT NULL,
	"name" text NOT NULL,
	"relationship" "heir_relationship",
	"nik" text,
	"birth_date" date,
	"phone" text,
	"bank_name" text,
	"bank_account" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worker_heirs_name" CHECK (length("worker_heirs"."name") between 1 and 150),
	CONSTRAINT "worker_heirs_nik_format" CHECK ("worker_heirs"."nik" is null or "worker_heirs"."nik" ~ '^[0-9]{16}$'),
	CONSTRAINT "worker_heirs_account" CHECK ("worker_heirs"."bank_account" is null or "worker_heirs"."bank_account" ~ '^[0-9]{6,20}$'),
	CONSTRAINT "worker_heirs_bank" CHECK (("worker_heirs"."bank_account" is null) = ("worker_heirs"."bank_name" is null))
);
--> statement-breakpoint
ALTER TABLE "workers" DROP CONSTRAINT "workers_heir_not_self";--> statement-breakpoint
ALTER TABLE "worker_heirs" ADD CONSTRAINT "worker_heirs_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_heirs" ADD CONSTRAINT "worker_heirs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_heirs_worker_idx" ON "worker_heirs" USING btree ("worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "worker_heirs_nik_key" ON "worker_heirs" USING btree ("worker_id","nik") WHERE "worker_heirs"."nik" is not null;--> statement-breakpoint
-- The one heir each worker had (three free fields) becomes the first entry of the list.
INSERT INTO worker_heirs (worker_id, name, relationship, nik, created_by, created_at, updated_at)
  SELECT id, left(trim(heir_name), 150), heir_relationship::heir_relationship, heir_nik, created_by, created_at, updated_at
    FROM workers WHERE nullif(trim(heir_name), '') IS NOT NULL;--> statement-breakpoint
-- An heir is never the worker: checked against the enrollment row's NIK on every write.
CREATE OR REPLACE FUNCTION worker_heirs_not_self() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.nik IS NOT NULL AND EXISTS (SELECT 1 FROM workers w WHERE w.id = NEW.worker_id AND w.nik = NEW.nik) THEN
    RAISE EXCEPTION 'worker_heirs_not_self: NIK ahli waris sama dengan NIK pekerja' USING ERRCODE = 'check_violation', CONSTRAINT = 'worker_heirs_not_self';
  END IF;
  RETURN NEW;
END $f$;--> statement-breakpoint
CREATE TRIGGER worker_heirs_not_self BEFORE INSERT OR UPDATE ON worker_heirs FOR EACH ROW EXECUTE FUNCTION worker_heirs_not_self();--> statement-breakpoint
ALTER TABLE "workers" DROP COLUMN "heir_name";--> statement-breakpoint
ALTER TABLE "workers" DROP COLUMN "heir_relationship";--> statement-breakpoint
ALTER TABLE "workers" DROP COLUMN "heir_nik";