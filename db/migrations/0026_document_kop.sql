ALTER TABLE "area_settings" ADD COLUMN "dinas_name" text;--> statement-breakpoint
ALTER TABLE "area_settings" ADD COLUMN "kop_address" text;--> statement-breakpoint
ALTER TABLE "area_settings" ADD COLUMN "head_title" text;--> statement-breakpoint
ALTER TABLE "area_settings" ADD COLUMN "head_name" text;--> statement-breakpoint
ALTER TABLE "area_settings" ADD COLUMN "head_nip" text;--> statement-breakpoint
ALTER TABLE "area_settings" ADD CONSTRAINT "area_settings_head_nip" CHECK ("area_settings"."head_nip" is null or "area_settings"."head_nip" ~ '^[0-9]{18}$');