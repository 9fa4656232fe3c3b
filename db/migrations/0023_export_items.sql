CREATE TABLE "export_items" (
	"audit_id" bigint NOT NULL,
	"worker_id" bigint NOT NULL,
	CONSTRAINT "export_items_worker_id_audit_id_pk" PRIMARY KEY("worker_id","audit_id")
);
--> statement-breakpoint
ALTER TABLE "export_items" ADD CONSTRAINT "export_items_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "export_items_audit_idx" ON "export_items" USING btree ("audit_id");