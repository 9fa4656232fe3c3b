"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";

/** Sent by POST: the NIK never appears in a URL. */
export function NikSearch({ action }: { action: (p: ActionResult | undefined, fd: FormData) => Promise<ActionResult> }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <div className="w-64">
        <TextField label="Cari NIK" name="nik" inputMode="numeric" autoComplete="off" errors={state.fieldErrors?.nik} />
      </div>
      <SubmitButton variant="secondary">Cari</SubmitButton>
    </form>
  );
}
