"use client";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";
import { ISSUER_LABELS, TYPE_LABELS } from "./labels";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

export type RegulationFormValues = {
  regulationId?: number;
  regencyCode?: string;
  type: string;
  issuer: string;
  title: string;
  startsOn: string;
  endsOn: string;
  quota: string;
  minAgeYears: string;
  maxAgeYears: string;
  maxAgeExtraMonths: string;
  notes: string;
  villageCodes: string[];
};

type Props = {
  action: Action;
  values: RegulationFormValues;
  regencies?: { code: string; name: string }[];
  villages: { code: string; name: string; districtName: string }[];
  submitLabel: string;
};

/** Create or edit a draft regulation. Typed values survive a failed submit. */
export function RegulationForm({ action, values, regencies, villages, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const [type, setType] = useState(values.type);
  const e = state.fieldErrors ?? {};
  // After a refused submit, show what was typed rather than the initial values.
  const typed = (state.values ?? {}) as Partial<Record<keyof RegulationFormValues, string>>;
  const v = (k: keyof RegulationFormValues) => (typed[k] as string | undefined) ?? (values[k] as string);
  return (
    <form action={formAction} className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
      </div>
      {values.regulationId ? <input type="hidden" name="regulationId" value={values.regulationId} /> : null}
      {regencies ? (
        <SelectField label="Kabupaten/kota" name="regencyCode" defaultValue={v("regencyCode") ?? ""} errors={e.regencyCode}>
          <option value="">— Pilih —</option>
          {regencies.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField label="Jenis regulasi" name="type" value={type} onChange={(ev) => setType(ev.target.value)} errors={e.type}>
        {Object.entries(TYPE_LABELS).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </SelectField>
      <SelectField label="Penerbit / penyandang dana" name="issuer" defaultValue={v("issuer")} errors={e.issuer}>
        {Object.entries(ISSUER_LABELS).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2">
        <TextField label="Judul" name="title" defaultValue={v("title")} errors={e.title} />
      </div>
      <TextField label="Mulai berlaku" name="startsOn" type="date" defaultValue={v("startsOn")} errors={e.startsOn} />
      <TextField label="Berakhir (opsional)" name="endsOn" type="date" defaultValue={v("endsOn")} errors={e.endsOn} />
      <TextField
        label="Kuota pekerja"
        name="quota"
        inputMode="numeric"
        defaultValue={v("quota")}
        hint="Untuk seluruh masa berlaku, mis. 20.000."
        errors={e.quota}
      />
      <TextField label="Usia minimal (tahun)" name="minAgeYears" inputMode="numeric" defaultValue={v("minAgeYears")} errors={e.minAgeYears} />
      <TextField label="Usia maksimal (tahun)" name="maxAgeYears" inputMode="numeric" defaultValue={v("maxAgeYears")} errors={e.maxAgeYears} />
      <TextField
        label="Usia maksimal (bulan tambahan)"
        name="maxAgeExtraMonths"
        inputMode="numeric"
        defaultValue={v("maxAgeExtraMonths")}
        hint="Bawaan: 64 tahun 11 bulan."
        errors={e.maxAgeExtraMonths}
      />
      {type === "perdes" ? (
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">Desa yang dicakup</legend>
          {e.villageCodes ? (
            <p className="text-sm text-red-700" role="alert">
              {e.villageCodes.join(" ")}
            </p>
          ) : null}
          <div className="mt-2 grid max-h-64 grid-cols-1 gap-1 overflow-y-auto rounded border p-2 text-sm sm:grid-cols-2">
            {villages.map((v) => (
              <label key={v.code} className="flex gap-2">
                <input type="checkbox" name="villageCodes[]" value={v.code} defaultChecked={values.villageCodes.includes(v.code)} />
                {v.name} <span className="text-slate-600">({v.districtName})</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <div className="sm:col-span-2">
        <label htmlFor="f-notes" className="block text-sm font-medium text-slate-700">
          Catatan
        </label>
        <textarea
          id="f-notes"
          name="notes"
          defaultValue={v("notes")}
          rows={3}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
