DROP INDEX "workers_district_status_idx";--> statement-breakpoint
ALTER TABLE "regulation_amendments" ADD COLUMN "previous_quota" integer;--> statement-breakpoint
CREATE INDEX "workers_district_status_idx" ON "workers" USING btree ("district_code","status","submitted_at");