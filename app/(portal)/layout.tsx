import { AppShell } from "@/components/shell/app-shell";
import { getViewer } from "@/lib/auth/viewer";
import { navigationFor } from "@/lib/authz/navigation";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { viewerPlace } from "@/lib/authz/viewer";
import { env } from "@/lib/env";
import { logout } from "./actions";

// The shell only decides what to show; every page below checks access itself.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) return <>{children}</>;
  return (
    <AppShell
      user={{ name: viewer.name, role: ROLE_LABELS[viewer.role], place: viewerPlace(viewer) }}
      nav={viewer.mustChangePassword || viewer.mustEnrolMfa ? [] : navigationFor(viewer.role)}
      logout={logout}
      dpoContact={env().DPO_CONTACT}
    >
      {children}
    </AppShell>
  );
}
