"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

export function CreateOfficeForm({ action, kanwils }: { action: Action; kanwils: { id: number; name: string }[] }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="grid grid-cols-1 gap-4 sm:grid-cols-3" noValidate>
      <div className="sm:col-span-3">
        <FormMessage status={state.status} message={state.message} />
      </div>
      <TextField label="Nama kantor" name="name" placeholder="Kantor Cabang …" errors={state.fieldErrors?.name} />
      <SelectField label="Jenis" name="kind" defaultValue="kantor_cabang" errors={state.fieldErrors?.kind}>
        <option value="kantor_cabang">Kantor Cabang</option>
        <option value="kantor_cabang_perintis">Kantor Cabang Perintis</option>
      </SelectField>
      <SelectField label="Kantor Wilayah" name="parentId" errors={state.fieldErrors?.parentId}>
        {kanwils.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-3">
        <SubmitButton>Tambah kantor cabang</SubmitButton>
      </div>
    </form>
  );
}

export function UpdateOfficeForm({ action, office }: { action: Action; office: { id: number; name: string; active: boolean } }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="officeId" value={office.id} />
      <TextField label="Nama kantor" name="name" defaultValue={office.name} errors={state.fieldErrors?.name} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={office.active} /> Kantor aktif
      </label>
      <SubmitButton>Simpan</SubmitButton>
    </form>
  );
}

type CoverageRow = { code: string; name: string; officeId: number | null; officeName: string | null };

export function CoverageForm({ action, officeId, regencyCode, rows }: { action: Action; officeId: number; regencyCode: string; rows: CoverageRow[] }) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="officeId" value={officeId} />
      <input type="hidden" name="regencyCode" value={regencyCode} />
      <fieldset>
        <legend className="mb-2 text-sm text-slate-600">
          Centang kecamatan yang dilayani kantor ini. Kecamatan yang dilayani cabang lain akan dipindahkan ke kantor ini.
        </legend>
        <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {rows.map((r) => (
            <li key={r.code}>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="districtCodes[]" value={r.code} defaultChecked={r.officeId === officeId} className="mt-1" />
                <span>
                  {r.name} <span className="text-slate-600">({r.code})</span>
                  {r.officeId && r.officeId !== officeId ? <span className="block text-xs text-amber-700">Saat ini: {r.officeName}</span> : null}
                  {!r.officeId ? <span className="block text-xs text-slate-600">Belum dilayani cabang</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton>Simpan cakupan</SubmitButton>
    </form>
  );
}

/** One kabupaten/kota's kecamatan that no branch serves, ticked, and the branch to give them to. */
export function AssignUncoveredForm({
  action,
  regencyName,
  districts,
  branches,
}: {
  action: Action;
  regencyName: string;
  districts: { code: string; name: string }[];
  branches: { id: number; name: string }[];
}) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const slug = districts[0]?.code.slice(0, 5).replace(".", "-") ?? "x";
  return (
    <form action={formAction} className="space-y-2" data-testid="assign-uncovered">
      <fieldset>
        <legend className="text-sm font-medium">
          {regencyName} ({districts.length} kecamatan)
        </legend>
        <ul className="mt-1 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="uncovered-districts">
          {districts.map((d) => (
            <li key={d.code}>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="districtCodes[]" value={d.code} defaultChecked />
                {d.name} <span className="text-slate-600">({d.code})</span>
              </label>
            </li>
          ))}
        </ul>
        {state.fieldErrors?.districtCodes ? (
          <p role="alert" className="text-sm text-red-700">
            {state.fieldErrors.districtCodes.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {branches.length ? (
        <div className="flex flex-wrap items-end gap-3">
          <SelectField id={`assign-${slug}`} label="Tetapkan ke kantor cabang" name="officeId" errors={state.fieldErrors?.officeId}>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </SelectField>
          <SubmitButton variant="secondary">Tetapkan ke cabang</SubmitButton>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Belum ada kantor cabang aktif di provinsi ini: tambahkan dulu di atas.</p>
      )}
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
