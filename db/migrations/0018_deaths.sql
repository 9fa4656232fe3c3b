CREATE TABLE "deaths" (
	"id" serial PRIMARY KEY NOT NULL,
	"nik" text NOT NULL,
	"worker_id" bigint NOT NULL,
	"regency_code" text NOT NULL,
	"district_code" text,
	"died_on" date NOT NULL,
	"document_file_id" uuid,
	"document_name" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deaths" ADD CONSTRAINT "deaths_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deaths" ADD CONSTRAINT "deaths_document_file_id_stored_files_id_fk" FOREIGN KEY ("document_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deaths" ADD CONSTRAINT "deaths_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deaths_nik_key" ON "deaths" USING btree ("nik");--> statement-breakpoint
CREATE INDEX "deaths_worker_idx" ON "deaths" USING btree ("worker_id");--> statement-breakpoint
-- A recorded death is a fact: only its document may be attached (or replaced) later.
CREATE OR REPLACE FUNCTION deaths_immutable() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' OR (NEW.nik, NEW.worker_id, NEW.regency_code, NEW.district_code, NEW.died_on, NEW.recorded_by, NEW.recorded_at)
       IS DISTINCT FROM (OLD.nik, OLD.worker_id, OLD.regency_code, OLD.district_code, OLD.died_on, OLD.recorded_by, OLD.recorded_at) THEN
    RAISE EXCEPTION 'deaths_immutable: kematian yang tercatat tidak diubah atau dihapus' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $f$;--> statement-breakpoint
CREATE TRIGGER deaths_immutable BEFORE UPDATE OR DELETE ON deaths FOR EACH ROW EXECUTE FUNCTION deaths_immutable();
