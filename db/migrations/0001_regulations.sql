CREATE TYPE "public"."regulation_issuer" AS ENUM('kabkota', 'provinsi', 'desa', 'csr', 'lainnya');--> statement-breakpoint
CREATE TYPE "public"."regulation_status" AS ENUM('draft', 'review', 'enacted', 'ended');--> statement-breakpoint
CREATE TYPE "public"."regulation_type" AS ENUM('perwal', 'perbup', 'pergub', 'perda', 'perdes', 'pks');--> statement-breakpoint
CREATE TABLE "eligibility_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"min_age_months" integer NOT NULL,
	"max_age_months" integer NOT NULL,
	CONSTRAINT "eligibility_policies_effective_from_unique" UNIQUE("effective_from"),
	CONSTRAINT "eligibility_policies_range" CHECK ("eligibility_policies"."min_age_months" >= 0 and "eligibility_policies"."min_age_months" < "eligibility_policies"."max_age_months")
);
--> statement-breakpoint
CREATE TABLE "regulation_amendments" (
	"id" serial PRIMARY KEY NOT NULL,
	"regulation_id" integer NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"status" "regulation_status" DEFAULT 'draft' NOT NULL,
	"new_quota" integer,
	"new_ends_on" date,
	"budget_fiscal_year" integer,
	"budget_allocated" bigint,
	"enacted_on" date,
	"document_file" text,
	"document_name" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_amendments_quota" CHECK ("regulation_amendments"."new_quota" is null or "regulation_amendments"."new_quota" > 0),
	CONSTRAINT "regulation_amendments_budget" CHECK (("regulation_amendments"."budget_fiscal_year" is null) = ("regulation_amendments"."budget_allocated" is null) and ("regulation_amendments"."budget_allocated" is null or "regulation_amendments"."budget_allocated" >= 0)),
	CONSTRAINT "regulation_amendments_status" CHECK ("regulation_amendments"."status" <> 'ended'),
	CONSTRAINT "regulation_amendments_enacted_has_number" CHECK ("regulation_amendments"."status" in ('draft', 'review') or ("regulation_amendments"."number" is not null and "regulation_amendments"."enacted_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "regulation_budgets" (
	"id" serial PRIMARY KEY NOT NULL,
	"regulation_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"allocated" bigint NOT NULL,
	"months_covered" integer DEFAULT 12 NOT NULL,
	"assumed_monthly_rate" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulation_budgets_year_key" UNIQUE("regulation_id","fiscal_year"),
	CONSTRAINT "regulation_budgets_allocated" CHECK ("regulation_budgets"."allocated" >= 0),
	CONSTRAINT "regulation_budgets_months" CHECK ("regulation_budgets"."months_covered" between 1 and 12),
	CONSTRAINT "regulation_budgets_year" CHECK ("regulation_budgets"."fiscal_year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "regulation_villages" (
	"regulation_id" integer NOT NULL,
	"village_code" text NOT NULL,
	CONSTRAINT "regulation_villages_regulation_id_village_code_pk" PRIMARY KEY("regulation_id","village_code")
);
--> statement-breakpoint
CREATE TABLE "regulations" (
	"id" serial PRIMARY KEY NOT NULL,
	"regency_code" text NOT NULL,
	"type" "regulation_type" NOT NULL,
	"issuer" "regulation_issuer" NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"status" "regulation_status" DEFAULT 'draft' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"quota" integer NOT NULL,
	"counted" integer DEFAULT 0 NOT NULL,
	"min_age_months" integer NOT NULL,
	"max_age_months" integer NOT NULL,
	"enacted_on" date,
	"ended_on" date,
	"end_reason" text,
	"successor_id" integer,
	"document_file" text,
	"document_name" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regulations_quota_positive" CHECK ("regulations"."quota" > 0),
	CONSTRAINT "regulations_counted_within_quota" CHECK ("regulations"."counted" >= 0 and "regulations"."counted" <= "regulations"."quota"),
	CONSTRAINT "regulations_period" CHECK ("regulations"."ends_on" is null or "regulations"."ends_on" >= "regulations"."starts_on"),
	CONSTRAINT "regulations_age_range" CHECK ("regulations"."min_age_months" >= 0 and "regulations"."min_age_months" < "regulations"."max_age_months"),
	CONSTRAINT "regulations_enacted_has_number" CHECK ("regulations"."status" in ('draft', 'review') or ("regulations"."number" is not null and "regulations"."enacted_on" is not null)),
	CONSTRAINT "regulations_ended_has_reason" CHECK ("regulations"."status" <> 'ended' or ("regulations"."ended_on" is not null and "regulations"."end_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" serial PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"jkk" integer NOT NULL,
	"jkm" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "tariffs_effective_from_unique" UNIQUE("effective_from"),
	CONSTRAINT "tariffs_positive" CHECK ("tariffs"."jkk" > 0 and "tariffs"."jkm" > 0)
);
--> statement-breakpoint
ALTER TABLE "regulation_amendments" ADD CONSTRAINT "regulation_amendments_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_amendments" ADD CONSTRAINT "regulation_amendments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_budgets" ADD CONSTRAINT "regulation_budgets_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_villages" ADD CONSTRAINT "regulation_villages_regulation_id_regulations_id_fk" FOREIGN KEY ("regulation_id") REFERENCES "public"."regulations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulation_villages" ADD CONSTRAINT "regulation_villages_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulations" ADD CONSTRAINT "regulations_regency_code_regencies_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."regencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulations" ADD CONSTRAINT "regulations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regulations" ADD CONSTRAINT "regulations_successor_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."regulations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regulation_amendments_parent_idx" ON "regulation_amendments" USING btree ("regulation_id");--> statement-breakpoint
CREATE INDEX "regulations_regency_idx" ON "regulations" USING btree ("regency_code","status");