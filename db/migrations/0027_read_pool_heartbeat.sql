CREATE TABLE "portal_heartbeat" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_heartbeat_single_row" CHECK ("portal_heartbeat"."id" = 1)
);
