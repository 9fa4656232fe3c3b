ALTER TABLE "import_batches" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "rows_purged_at" timestamp with time zone;--> statement-breakpoint
UPDATE "import_batches" SET "ended_at" = coalesce("committed_at", "validated_at", "created_at") WHERE "status" IN ('selesai', 'dibatalkan', 'gagal');
