import "server-only";
import { workers } from "@/db/schema";
import { enrollmentInScope, scopeOf } from "@/lib/authz/scope";
import type { Viewer } from "@/lib/authz/viewer";

/** The enrollments a viewer may see: its area, its branch's kecamatan, its province, or all. */
export const workerInScope = (viewer: Viewer) => enrollmentInScope(scopeOf(viewer), workers.regencyCode, workers.districtCode);
