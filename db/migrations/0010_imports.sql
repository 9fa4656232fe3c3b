CREATE TYPE "public"."import_row_outcome" AS ENUM('valid', 'tidak_lengkap', 'galat', 'duplikat_berkas', 'terdaftar_di_wilayah', 'terdaftar_di_wilayah_lain');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('diunggah', 'memvalidasi', 'tervalidasi', 'menerapkan', 'selesai', 'gagal', 'dibatalkan');--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"regency_code" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_kind" text NOT NULL,
	"file_size" bigint NOT NULL,
	"stored_name" text NOT NULL,
	"status" "import_status" DEFAULT 'diunggah' NOT NULL,
	"existing" text DEFAULT 'lewati' NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" jsonb,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_loaded" integer DEFAULT 0 NOT NULL,
	"validated_through" integer DEFAULT 0 NOT NULL,
	"committed_through" integer DEFAULT 0 NOT NULL,
	"error" text,
	"uploaded_by" uuid,
	"committed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"phase_started_at" timestamp with time zone,
	"validated_at" timestamp with time zone,
	"committed_at" timestamp with time zone,
	CONSTRAINT "import_batches_existing" CHECK ("import_batches"."existing" in ('lewati', 'perbarui'))
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"nik" text,
	"nama" text,
	"tanggal_lahir" text,
	"jenis_kelamin" text,
	"alamat" text,
	"kode_kecamatan" text,
	"kode_kelurahan" text,
	"no_hp" text,
	"pekerjaan" text,
	"penghasilan" text,
	"nomor_kk" text,
	"sumber_data" text,
	"ahli_waris_nama" text,
	"ahli_waris_hubungan" text,
	"ahli_waris_nik" text,
	"parse_error" text,
	"nik_norm" text,
	"c_name" text,
	"c_birth_date" date,
	"c_sex" text,
	"c_address" text,
	"c_district" text,
	"c_village" text,
	"c_phone" text,
	"c_occupation" integer,
	"c_income" integer,
	"c_kk" text,
	"c_source" text,
	"c_heir_name" text,
	"c_heir_relationship" text,
	"c_heir_nik" text,
	"outcome" "import_row_outcome",
	"errors" jsonb,
	"existing_worker_id" bigint,
	CONSTRAINT "import_rows_batch_id_row_no_pk" PRIMARY KEY("batch_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "area_settings" ADD COLUMN "import_one_step" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "import_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_regency_code_regencies_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."regencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_batches_live_file_key" ON "import_batches" USING btree ("regency_code","file_hash") WHERE "import_batches"."status" not in ('gagal', 'dibatalkan');--> statement-breakpoint
CREATE INDEX "import_batches_regency_idx" ON "import_batches" USING btree ("regency_code","created_at");