import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Kemendagri codes in their dotted form (36, 36.71, 36.71.05, 36.71.05.1001) are the keys:
// they are stable, human-readable and what officers type in spreadsheets.
export const provinces = pgTable("provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

export const regencies = pgTable(
  "regencies",
  {
    code: text("code").primaryKey(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    name: text("name").notNull(),
  },
  (t) => [index("regencies_province_idx").on(t.provinceCode)],
);

export const districts = pgTable(
  "districts",
  {
    code: text("code").primaryKey(),
    regencyCode: text("regency_code")
      .notNull()
      .references(() => regencies.code),
    name: text("name").notNull(),
  },
  (t) => [index("districts_regency_idx").on(t.regencyCode)],
);

export const villages = pgTable(
  "villages",
  {
    code: text("code").primaryKey(),
    districtCode: text("district_code")
      .notNull()
      .references(() => districts.code),
    name: text("name").notNull(),
  },
  (t) => [index("villages_district_idx").on(t.districtCode)],
);

/** Which version of which reference data set is loaded (ODbL asks us to name the source). */
export const referenceDataSources = pgTable("reference_data_sources", {
  name: text("name").primaryKey(),
  version: text("version").notNull(),
  rowCount: integer("row_count").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});
