"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_MIN } from "@/lib/domain/password-policy";
import { changePassword } from "./actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePassword, { status: "idle" });
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <TextField
        label="Kata sandi saat ini"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors?.currentPassword}
      />
      <TextField
        label="Kata sandi baru"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`Minimal ${PASSWORD_MIN} karakter.`}
        errors={state.fieldErrors?.newPassword}
      />
      <TextField
        label="Ulangi kata sandi baru"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.confirmPassword}
      />
      <SubmitButton>Simpan kata sandi</SubmitButton>
    </form>
  );
}
