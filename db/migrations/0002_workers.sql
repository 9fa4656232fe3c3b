CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."bpjs_sector" AS ENUM('petani', 'nelayan', 'lainnya');--> statement-breakpoint
CREATE TYPE "public"."worker_status" AS ENUM('draft', 'menunggu_persetujuan', 'diajukan', 'daftar_tunggu', 'diverifikasi', 'aktif', 'berakhir', 'ditolak');--> statement-breakpoint
CREATE TABLE "area_settings" (
	"regency_code" text PRIMARY KEY NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sector" "bpjs_sector" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "occupations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "worker_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"worker_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"from_status" "worker_status",
	"to_status" "worker_status" NOT NULL,
	"regulation_id" integer,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"nik" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"regency_code" text NOT NULL,
	"district_code" text,
	"village_code" text,
	"phone" text DEFAULT '' NOT NULL,
	"occupation_id" integer,
	"income" integer DEFAULT 1000000 NOT NULL,
	"kk_number" text,
	"source" text DEFAULT '' NOT NULL,
	"heir_name" text,
	"heir_relationship" text,
	"heir_nik" text,
	"status" "worker_status" DEFAULT 'draft' NOT NULL,
	"regulation_id" integer,
	"submitted_at" timestamp with time zone,
	"kpj_number" text,
	"coverage_start" date,
	"end_reason" text,
	"rejection_reason" text,
	"flagged_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workers_nik_format" CHECK ("workers"."nik" ~ '^[0-9]{16}$'),
	CONSTRAINT "workers_sex" CHECK ("workers"."sex" in ('L', 'P')),
	CONSTRAINT "workers_heir_not_self" CHECK ("workers"."heir_nik" is null or "workers"."heir_nik" <> "workers"."nik"),
	CONSTRAINT "workers_income" CHECK ("workers"."income" >= 0),
	CONSTRAINT "workers_place_by_status" CHECK (("workers"."status" in ('diajukan', 'diverifikasi', 'aktif')) = ("workers"."regulation_id" is not null)),
	CONSTRAINT "workers_aktif_has_kpj" CHECK ("workers"."status" <> 'aktif' or ("workers"."kpj_number" is not null and "workers"."coverage_start" is not null)),
	CONSTRAINT "workers_village_in_district" CHECK ("workers"."village_code" is null or left("workers"."village_code", 8) = "workers"."district_code"),
	CONSTRAINT "workers_district_in_regency" CHECK ("workers"."district_code" is null or left("workers"."district_code", 5) = "workers"."regency_code")
);
--> statement-breakpoint
ALTER TABLE "area_settings" ADD CONSTRAINT "area_settings_regency_code_regencies_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."regencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_events" ADD CONSTRAINT "worker_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_regency_code_regencies_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."regencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_district_code_districts_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."districts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_events_worker_idx" ON "worker_events" USING btree ("worker_id","at");--> statement-breakpoint
CREATE INDEX "worker_events_taken_idx" ON "worker_events" USING btree ("regulation_id","at") WHERE "worker_events"."to_status" = 'diajukan';--> statement-breakpoint
CREATE UNIQUE INDEX "workers_live_nik_key" ON "workers" USING btree ("nik") WHERE "workers"."status" <> 'berakhir';--> statement-breakpoint
CREATE UNIQUE INDEX "workers_live_kpj_key" ON "workers" USING btree ("kpj_number") WHERE "workers"."status" <> 'berakhir' and "workers"."kpj_number" is not null;--> statement-breakpoint
CREATE INDEX "workers_regency_status_idx" ON "workers" USING btree ("regency_code","status");--> statement-breakpoint
CREATE INDEX "workers_district_status_idx" ON "workers" USING btree ("district_code","status");--> statement-breakpoint
CREATE INDEX "workers_regulation_idx" ON "workers" USING btree ("regulation_id","status");--> statement-breakpoint
CREATE INDEX "workers_waiting_idx" ON "workers" USING btree ("regency_code","submitted_at") WHERE "workers"."status" = 'daftar_tunggu';--> statement-breakpoint
CREATE INDEX "workers_name_trgm_idx" ON "workers" USING gin ("name" gin_trgm_ops);