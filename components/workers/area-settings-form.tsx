"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

export function AreaSettingsForm({
  action,
  values,
  labels,
}: {
  action: Action;
  values: { requiresApproval: boolean; importOneStep: boolean; funderPriority: string[] };
  labels: Record<string, string>;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="requiresApproval" defaultChecked={values.requiresApproval} className="mt-1" />
        <span>Pengajuan petugas perlu persetujuan supervisor sebelum mengambil kuota (dua tahap).</span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="importOneStep" defaultChecked={values.importOneStep} className="mt-1" />
        <span>Petugas boleh menerapkan impor massal sendiri (satu langkah). Tanpa centang: petugas mengunggah, supervisor menerapkan.</span>
      </label>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Urutan penyandang dana yang kuotanya diisi lebih dulu</legend>
        {state.fieldErrors?.funderPriority ? (
          <p role="alert" className="text-sm text-red-700">
            {state.fieldErrors.funderPriority.join(" ")}
          </p>
        ) : null}
        <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-5">
          {values.funderPriority.map((f, i) => (
            <SelectField key={i} id={`f-funder-${i}`} label={`Prioritas ${i + 1}`} name="funderPriority[]" defaultValue={f}>
              {Object.entries(labels).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
      </fieldset>
      <SubmitButton>Simpan pengaturan</SubmitButton>
    </form>
  );
}

type Row = { id: number; name: string; nik: string; districtName: string | null };

/** The supervisor's approval list in two-step areas: select many, approve. */
export function ApprovalQueue({ rows, approve }: { rows: Row[]; approve: Action }) {
  const [state, formAction] = useActionState(approve, { status: "idle" });
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <ul className="divide-y rounded-md border">
        {rows.map((r) => (
          <li key={r.id} className="flex items-center gap-3 px-3 py-2 text-sm">
            <input type="checkbox" name="workerIds[]" value={r.id} aria-label={`Pilih ${r.name}`} />
            <a className="text-brand-700 underline" href={`/workers/${r.id}`}>
              {r.name}
            </a>
            <span className="font-mono text-slate-500">{r.nik}</span>
            <span className="text-slate-500">{r.districtName}</span>
          </li>
        ))}
      </ul>
      <SubmitButton>Setujui yang dipilih</SubmitButton>
    </form>
  );
}
