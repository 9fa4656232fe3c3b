"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";
import { formatNumber } from "@/lib/format";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

/**
 * "Terapkan impor". With flagged rows (birth date or sex differs from the NIK) the one who
 * commits decides for all of them at once, as single registration asks the officer to confirm:
 * import them as typed, or leave them out to fix (they join the rows to download).
 */
export function CommitImportForm({ action, batchId, flagged, flaggedHref }: { action: Action; batchId: string; flagged: number; flaggedHref: string }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const error = state.fieldErrors?.flagged?.[0];
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="batchId" value={batchId} />
      {flagged ? (
        <fieldset className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" aria-describedby={error ? "flagged-error" : undefined}>
          <legend className="px-1 font-medium">{formatNumber(flagged)} baris bertanda: tanggal lahir atau jenis kelamin berbeda dengan NIK</legend>
          <p className="mb-2 text-slate-700">
            Cocokkan dengan KTP/KK (
            <a className="text-brand-700 underline" href={`${flaggedHref}&format=xlsx`}>
              unduh baris bertanda
            </a>
            ), lalu pilih:
          </p>
          <label className="flex items-start gap-2">
            <input type="radio" name="flagged" value="impor" className="mt-1" />
            <span>Impor juga, sesuai yang tertulis di berkas: saya sudah mencocokkannya.</span>
          </label>
          <label className="mt-1 flex items-start gap-2">
            <input type="radio" name="flagged" value="lewati" className="mt-1" />
            <span>Jangan impor baris bertanda; baris itu masuk daftar perlu perbaikan untuk diunggah lagi.</span>
          </label>
          {error ? (
            <p id="flagged-error" role="alert" className="mt-2 text-red-700">
              {error}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <SubmitButton>Terapkan impor</SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
