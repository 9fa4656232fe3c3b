"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { login } from "./actions";

export function LoginForm({ next }: { next?: string }) {
  const [state, action] = useActionState(login, { status: "idle" });
  if (state.data?.step === "code") {
    return (
      <form action={action} className="space-y-4" noValidate>
        <FormMessage status={state.status} message={state.message} />
        <input type="hidden" name="step" value="code" />
        <input type="hidden" name="next" value={next ?? ""} />
        <p className="text-sm text-slate-700">Verifikasi dua langkah: buka aplikasi autentikator Anda.</p>
        <TextField
          label="Kode autentikator"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          required
          hint="6 angka dari aplikasi, atau salah satu kode pemulihan Anda."
          errors={state.fieldErrors?.code}
        />
        {state.data.demoCode ? (
          <p data-testid="demo-code" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Bantuan mode demo (tidak pernah tampil di produksi): kode saat ini <strong className="font-mono">{state.data.demoCode}</strong>
          </p>
        ) : null}
        <SubmitButton>Lanjut</SubmitButton>
        <p className="text-sm">
          <a href="/login" className="text-brand-700 underline">
            Kembali ke email dan kata sandi
          </a>
        </p>
      </form>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="next" value={next ?? ""} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required errors={state.fieldErrors?.email} />
      <TextField label="Kata sandi" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <SubmitButton>Masuk</SubmitButton>
    </form>
  );
}
