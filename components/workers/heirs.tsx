"use client";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { OneClickForm } from "@/components/ui/one-click-form";
import { useForm, type FormAction } from "@/components/ui/use-form";
import { HEIR_RELATIONSHIPS, type HeirRelationship } from "@/lib/domain/heirs";

export type HeirRow = {
  id: number;
  name: string;
  relationship: HeirRelationship | null;
  nikMasked: string | null;
  birthDate: string | null;
  birthLabel: string | null;
  phone: string | null;
  bankName: string | null;
  accountMasked: string | null;
  entitled: boolean;
};

/** Name, relationship, NIK, birth date, phone, bank: adding one, or changing one (NIK and account left blank keep what is recorded). */
function HeirFields({ e, typed, heir, prefix }: { e: Record<string, string[]>; typed: (k: string) => string | undefined; heir?: HeirRow; prefix: string }) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <TextField id={`${prefix}-name`} label="Nama ahli waris" name="name" defaultValue={typed("name") ?? heir?.name} errors={e.name} />
      <SelectField
        id={`${prefix}-relationship`}
        label="Hubungan"
        name="relationship"
        defaultValue={typed("relationship") ?? heir?.relationship ?? ""}
        errors={e.relationship}
      >
        <option value="">Pilih…</option>
        {Object.entries(HEIR_RELATIONSHIPS).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${prefix}-nik`}
        label="NIK ahli waris"
        name="nik"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={typed("nik")}
        errors={e.nik}
        hint={heir?.nikMasked ? `Tercatat ${heir.nikMasked}; kosongkan bila tetap.` : "Opsional."}
      />
      <TextField
        id={`${prefix}-birth`}
        label="Tanggal lahir"
        name="birthDate"
        type="date"
        defaultValue={typed("birthDate") ?? heir?.birthDate ?? ""}
        errors={e.birthDate}
        hint="Untuk beasiswa anak."
      />
      <TextField id={`${prefix}-phone`} label="Nomor HP" name="phone" defaultValue={typed("phone") ?? heir?.phone ?? ""} errors={e.phone} hint="Opsional." />
      <TextField
        id={`${prefix}-bank`}
        label="Nama bank"
        name="bankName"
        defaultValue={typed("bankName") ?? heir?.bankName ?? ""}
        errors={e.bankName}
        hint="Opsional."
      />
      <TextField
        id={`${prefix}-account`}
        label="Nomor rekening"
        name="bankAccount"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={typed("bankAccount")}
        errors={e.bankAccount}
        hint={heir?.accountMasked ? `Tercatat ${heir.accountMasked}; kosongkan bila tetap.` : "Opsional; ditampilkan tersamar."}
      />
    </div>
  );
}

export function AddHeirForm({ action, workerId }: { action: FormAction; workerId: number }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Tambah ahli waris">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="workerId" value={workerId} />
      <HeirFields e={e} typed={typed} prefix="heir-new" />
      <SubmitButton variant="secondary">Tambah ahli waris</SubmitButton>
    </form>
  );
}

function EditHeirForm({ action, heir }: { action: FormAction; heir: HeirRow }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={`Ubah ahli waris ${heir.name}`}>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="heirId" value={heir.id} />
      <HeirFields e={e} typed={typed} heir={heir} prefix={`heir-${heir.id}`} />
      <SubmitButton variant="secondary">Simpan perubahan</SubmitButton>
    </form>
  );
}

/** The list in the legal order; those who would receive a benefit today are marked. */
export function HeirList({ heirs, update, remove }: { heirs: HeirRow[]; update?: FormAction; remove?: FormAction }) {
  if (!heirs.length) return <p className="text-sm text-slate-600">Belum ada ahli waris tercatat.</p>;
  return (
    <ol className="divide-y divide-slate-200 text-sm" aria-label="Daftar ahli waris">
      {heirs.map((h) => (
        <li key={h.id} className="py-3" data-testid="heir">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <strong>{h.name}</strong>
            <span>{h.relationship ? HEIR_RELATIONSHIPS[h.relationship] : "Hubungan belum diisi"}</span>
            {h.entitled ? <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800">Penerima manfaat (urutan pertama)</span> : null}
            {h.nikMasked ? <span className="font-mono text-slate-600">NIK {h.nikMasked}</span> : null}
            {h.birthLabel ? <span className="text-slate-600">{h.birthLabel.startsWith("umur") ? h.birthLabel : `lahir ${h.birthLabel}`}</span> : null}
            {h.phone ? <span className="text-slate-600">HP {h.phone}</span> : null}
            {h.accountMasked ? (
              <span className="text-slate-600">
                {h.bankName} {h.accountMasked}
              </span>
            ) : null}
          </div>
          {update || remove ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-blue-700">Ubah atau hapus</summary>
              <div className="mt-3 space-y-3">
                {update ? <EditHeirForm action={update} heir={h} /> : null}
                {remove ? <OneClickForm action={remove} fields={{ heirId: h.id }} label={`Hapus ${h.name} dari daftar`} variant="danger" /> : null}
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
