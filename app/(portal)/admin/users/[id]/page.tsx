import type { Metadata } from "next";
import { AssignmentForm, OneClickForm } from "@/components/users/user-admin-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/auth/page-params";
import { requireViewer } from "@/lib/auth/viewer";
import { MFA_REQUIRED_ROLES, ROLE_LABELS } from "@/lib/authz/roles";
import { getUserFormOptions } from "@/lib/data/user-form-options";
import { getUserForViewer } from "@/lib/data/users";
import { formatDateTime } from "@/lib/format";
import { resetMfaAction, resetPasswordAction, setActiveAction, updateAssignmentAction } from "../actions";

export const metadata: Metadata = { title: "Ubah pengguna" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer("users.manage");
  const { id } = await params;
  const user = await orNotFound(getUserForViewer(viewer, id));
  const options = await getUserFormOptions(viewer);
  return (
    <>
      <PageHeader title={user.name} description={`${user.email} · ${ROLE_LABELS[user.role]} · dibuat ${formatDateTime(user.createdAt)}`} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Peran dan wilayah">
          <AssignmentForm
            action={updateAssignmentAction}
            userId={user.id}
            {...options}
            defaults={{ role: user.role, regencyCode: user.regencyCode, officeId: user.officeId }}
          />
        </Card>
        <Card title="Akses">
          <p className="mb-4 text-sm text-slate-600" data-testid="user-access">
            Status: {user.active ? "aktif" : "nonaktif"}. Verifikasi dua langkah:{" "}
            {user.mfaEnabledAt ? `aktif sejak ${formatDateTime(user.mfaEnabledAt)}` : "belum disiapkan"}.
            {user.mustChangePassword && user.passwordExpiresAt ? ` Kata sandi sementara berlaku sampai ${formatDateTime(user.passwordExpiresAt)}.` : ""}
          </p>
          <div className="space-y-4">
            <OneClickForm
              action={setActiveAction}
              fields={{ userId: user.id, active: user.active ? "false" : "true" }}
              label={user.active ? "Nonaktifkan pengguna" : "Aktifkan kembali"}
              variant={user.active ? "danger" : "secondary"}
            />
            <OneClickForm action={resetPasswordAction} fields={{ userId: user.id }} label="Reset kata sandi" />
            {user.mfaEnabledAt || MFA_REQUIRED_ROLES.includes(user.role) ? (
              <OneClickForm action={resetMfaAction} fields={{ userId: user.id }} label="Atur ulang autentikator" variant="danger" />
            ) : null}
          </div>
        </Card>
      </div>
    </>
  );
}
