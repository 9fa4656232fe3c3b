import { bigint, bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/** Record of processing (UU PDP 27/2022): who read or changed what, and when. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    // Where the request came from and which session made it (null for jobs and the seed).
    ip: text("ip"),
    sessionId: uuid("session_id"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at),
    // Per-user limits read the user's own recent rows (NIK searches).
    index("audit_log_actor_idx").on(t.actorId, t.action, t.at),
  ],
);

/**
 * Which workers an export contained (UU PDP: a person's processing record names every export that
 * held their data). Written with the export's audit entry, before the first byte is sent.
 */
export const exportItems = pgTable(
  "export_items",
  {
    auditId: bigint("audit_id", { mode: "number" })
      .notNull()
      .references(() => auditLog.id),
    workerId: bigint("worker_id", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workerId, t.auditId] }), index("export_items_audit_idx").on(t.auditId)],
);
