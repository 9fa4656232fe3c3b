import type { Role } from "./roles";
import type { ScopeSubject } from "./scope";

/** Who is asking, re-read from the database on every request (lib/auth/viewer.ts). */
export type Viewer = ScopeSubject & {
  id: string;
  email: string;
  name: string;
  role: Role;
  regencyName: string | null;
  officeName: string | null;
  mustChangePassword: boolean;
  /** The role requires a second factor and none is set up yet: only the set-up page opens. */
  mustEnrolMfa: boolean;
  mfaEnabled: boolean;
  /** The server-side session of this request (absent for viewers loaded outside a request). */
  sessionId?: string;
};

/** "Petugas · Kota Tangerang", "Kepala Kantor Cabang · Kantor Cabang Tangerang Cikokol". */
export function viewerPlace(v: Pick<Viewer, "role" | "regencyName" | "officeName">): string {
  if (v.role === "admin") return "Seluruh Indonesia";
  return v.regencyName ?? v.officeName ?? "";
}
