import "server-only";
import { assertCan } from "@/lib/authz/permissions";
import { ROLE_LABELS, ROLES } from "@/lib/authz/roles";
import type { Viewer } from "@/lib/authz/viewer";
import { listRegenciesForViewer } from "./areas";
import { listOfficesForViewer } from "./offices";

/** Choices for the user forms: roles, every kabupaten/kota and every active office the admin sees. */
export async function getUserFormOptions(viewer: Viewer) {
  assertCan(viewer.role, "users.manage");
  const [regencies, offices] = await Promise.all([listRegenciesForViewer(viewer), listOfficesForViewer(viewer)]);
  return {
    roles: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    regencies: regencies.map((r) => ({ code: r.code, name: r.name, provinceName: r.provinceName })),
    offices: offices.filter((o) => o.active).map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
  };
}
