"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";

type Confirm = (prev: ActionResult<{ recoveryCodes: string[] }> | undefined, fd: FormData) => Promise<ActionResult<{ recoveryCodes: string[] }>>;

/** The typed confirmation of a new authenticator; on success the ten recovery codes, once. */
export function MfaConfirmForm({ action }: { action: Confirm }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const codes = state.status === "success" ? state.data?.recoveryCodes : undefined;
  if (codes) {
    return (
      <div className="space-y-3">
        <FormMessage status="success" message={state.message} />
        <p className="text-sm text-slate-700">
          Simpan sepuluh kode pemulihan ini di tempat aman (dicetak atau ditulis). Masing-masing dapat dipakai <strong>satu kali</strong> untuk masuk bila
          ponsel Anda hilang. Kode ini tidak akan ditampilkan lagi.
        </p>
        <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-1 rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-sm">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        {/* A full page load: the shell drew no navigation until the factor was set up. */}
        <a href="/dashboard" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">
          Lanjut ke beranda
        </a>
      </div>
    );
  }
  return (
    <form action={formAction} className="max-w-sm space-y-3" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <TextField
        label="Kode dari aplikasi"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        hint="Ketik 6 angka yang sedang tampil untuk Portal Pekerja Rentan."
        errors={state.fieldErrors?.code}
      />
      <SubmitButton>Aktifkan</SubmitButton>
    </form>
  );
}
