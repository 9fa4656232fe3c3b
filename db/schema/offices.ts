import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, integer, pgEnum, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";
import { districts, provinces } from "./areas";

export const officeKind = pgEnum("office_kind", ["kantor_wilayah", "kantor_cabang", "kantor_cabang_perintis"]);

// BPJS Ketenagakerjaan: Kantor Wilayah → Kantor Cabang (→ Kantor Cabang Perintis).
export const offices = pgTable(
  "offices",
  {
    id: serial("id").primaryKey(),
    kind: officeKind("kind").notNull(),
    name: text("name").notNull(),
    parentId: integer("parent_id"),
    // A Kanwil covers one province; a branch inherits the province of its Kanwil.
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("offices_name_key").on(t.name),
    // Lets branch_coverage prove by foreign key that it points at a branch.
    unique("offices_id_kind_key").on(t.id, t.kind),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: "offices_parent_fk" }),
    check(
      "offices_parent_by_kind",
      sql`(${t.kind} = 'kantor_wilayah' and ${t.parentId} is null) or (${t.kind} <> 'kantor_wilayah' and ${t.parentId} is not null)`,
    ),
  ],
);

/**
 * Which branch serves which kecamatan. The district is the primary key, so a kecamatan belongs
 * to at most one branch. Nothing else is stored per branch: every branch-scoped figure is
 * derived through this table, so editing coverage re-scopes at once.
 */
export const branchCoverage = pgTable(
  "branch_coverage",
  {
    districtCode: text("district_code")
      .primaryKey()
      .references(() => districts.code),
    officeId: integer("office_id").notNull(),
    officeKind: officeKind("office_kind").notNull().default("kantor_cabang"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.officeId, t.officeKind],
      foreignColumns: [offices.id, offices.kind],
      name: "branch_coverage_office_fk",
    }).onUpdate("cascade"),
    check("branch_coverage_is_branch", sql`${t.officeKind} <> 'kantor_wilayah'`),
  ],
);
