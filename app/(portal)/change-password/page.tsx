import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Ganti kata sandi" };

export default async function ChangePasswordPage() {
  const viewer = await requireViewer("account.changePassword", { allowMustChangePassword: true });
  return (
    <>
      <PageHeader
        title="Ganti kata sandi"
        description={viewer.mustChangePassword ? "Anda masuk dengan kata sandi sementara. Buat kata sandi baru sebelum melanjutkan." : undefined}
      />
      <Card>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
