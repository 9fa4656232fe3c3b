import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/authz/viewer";
import { loadViewer } from "@/lib/data/viewer";

/** The viewer of a seeded account, loaded the way a request would load it. */
export async function viewerFor(email: string): Promise<Viewer> {
  const [u] = await db()
    .select({ id: users.id, sv: users.sessionVersion })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (!u) throw new Error(`no user ${email}`);
  const v = await loadViewer(u.id, u.sv);
  if (!v) throw new Error(`user ${email} inactive`);
  return v;
}
