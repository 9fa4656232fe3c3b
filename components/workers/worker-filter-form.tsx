"use client";
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/action";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

/**
 * The worker list's one search box ("Nama atau NIK") with the other filters as children. The form
 * posts: a name goes to a cookie, a NIK (16 digits) to the audited, limited NIK search that opens
 * the worker's page; neither ever enters a URL. A miss is said under the box.
 */
export function WorkerFilterForm({ action, q, children }: { action: Action; q: string; children: ReactNode }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const error = state.fieldErrors?.q?.join(" ") ?? (state.status === "error" ? state.message : undefined);
  return (
    <form action={formAction} className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-4">
      <div className="text-sm">
        <label htmlFor="f-q" className="block font-medium text-slate-700">
          Nama atau NIK
        </label>
        <input
          id="f-q"
          name="q"
          defaultValue={typeof state.values?.q === "string" ? state.values.q : q}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "f-q-err" : "f-q-hint"}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid=true]:border-red-600"
        />
        {error ? (
          <p id="f-q-err" role="alert" className="mt-1 text-red-700">
            {error}
          </p>
        ) : (
          <p id="f-q-hint" className="mt-1 text-xs text-slate-600">
            16 digit NIK membuka halaman pekerjanya (pencarian NIK dicatat dan dibatasi per jam).
          </p>
        )}
      </div>
      {children}
    </form>
  );
}
