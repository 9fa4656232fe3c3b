"use client";
import { useActionState, useMemo, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";
// Plain data only: importing the zod schemas would ship zod to the browser.
import { HEIR_RELATIONSHIPS } from "@/lib/domain/heirs";
import { SOURCES } from "@/lib/domain/worker-sources";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

type Props = {
  action: Action;
  /** Editing an existing worker: its id and current values; one save button. */
  edit?: { workerId: number; values: Record<string, string>; intent: "draft" | "submit" };
  districts: { code: string; name: string }[];
  villages: { code: string; name: string; districtCode: string }[];
  occupations: { id: number; name: string }[];
};

// Birth date and sex from a NIK typed so far (digits 7–12; women's day + 40). Display help only:
// the server parses the NIK again with the full rules.
function fromNik(raw: string): { birthDate: string; sex: "L" | "P" } | null {
  const nik = raw.replace(/[\s.]/g, "");
  if (!/^\d{16}$/.test(nik)) return null;
  let day = Number(nik.slice(6, 8));
  const sex = day > 40 ? "P" : "L";
  if (day > 40) day -= 40;
  const yy = Number(nik.slice(10, 12));
  const year = 2000 + yy > new Date().getFullYear() ? 1900 + yy : 2000 + yy;
  const birthDate = `${year}-${nik.slice(8, 10)}-${String(day).padStart(2, "0")}`;
  return Number.isNaN(new Date(birthDate).getTime()) ? null : { birthDate, sex };
}

export function WorkerForm({ action, districts, villages, occupations, edit }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const e = state.fieldErrors ?? {};
  const typed = (k: string) => (state.values?.[k] as string | undefined) ?? edit?.values[k] ?? "";
  const [birthDate, setBirthDate] = useState(typed("birthDate"));
  const [sex, setSex] = useState(typed("sex"));
  const [district, setDistrict] = useState(typed("districtCode"));
  const villageOptions = useMemo(() => villages.filter((v) => v.districtCode === district), [villages, district]);
  return (
    <form action={formAction} className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
      </div>
      <TextField
        label="NIK"
        name="nik"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={typed("nik")}
        errors={e.nik}
        hint="16 digit sesuai KTP. Tanggal lahir dan jenis kelamin terisi dari NIK."
        onChange={(ev) => {
          const info = fromNik(ev.target.value);
          if (info) {
            setBirthDate(info.birthDate);
            setSex(info.sex);
          }
        }}
      />
      <TextField label="Nama lengkap" name="name" defaultValue={typed("name")} errors={e.name} hint="Sesuai KTP." />
      <TextField label="Tanggal lahir" name="birthDate" type="date" value={birthDate} onChange={(ev) => setBirthDate(ev.target.value)} errors={e.birthDate} />
      <SelectField label="Jenis kelamin" name="sex" value={sex} onChange={(ev) => setSex(ev.target.value)} errors={e.sex}>
        <option value="">— Pilih —</option>
        <option value="L">Laki-laki</option>
        <option value="P">Perempuan</option>
      </SelectField>
      <div className="sm:col-span-2">
        <TextField label="Alamat" name="address" defaultValue={typed("address")} errors={e.address} />
      </div>
      <SelectField label="Kecamatan" name="districtCode" value={district} onChange={(ev) => setDistrict(ev.target.value)} errors={e.districtCode}>
        <option value="">— Pilih —</option>
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <SelectField key={district} label="Kelurahan/Desa" name="villageCode" defaultValue={typed("villageCode")} errors={e.villageCode}>
        <option value="">— Pilih —</option>
        {villageOptions.map((v) => (
          <option key={v.code} value={v.code}>
            {v.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Nomor HP" name="phone" inputMode="tel" defaultValue={typed("phone")} errors={e.phone} />
      <SelectField label="Pekerjaan" name="occupationId" defaultValue={typed("occupationId")} errors={e.occupationId}>
        <option value="">— Pilih —</option>
        {occupations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Penghasilan per bulan"
        name="income"
        inputMode="numeric"
        defaultValue={typed("income") || "1.000.000"}
        errors={e.income}
        hint="Rupiah. Iuran tetap Rp 16.800 berapa pun penghasilannya."
      />
      <TextField label="Nomor KK" name="kkNumber" inputMode="numeric" defaultValue={typed("kkNumber")} errors={e.kkNumber} hint="Opsional." />
      <SelectField label="Sumber data" name="source" defaultValue={typed("source")} errors={e.source}>
        <option value="">— Pilih —</option>
        {Object.entries(SOURCES).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </SelectField>
      {/* Registration takes the first heir; afterwards the worker page keeps the whole list. */}
      {edit ? null : (
        <>
          <TextField label="Nama ahli waris" name="heirName" defaultValue={typed("heirName")} errors={e.heirName} />
          <SelectField label="Hubungan ahli waris" name="heirRelationship" defaultValue={typed("heirRelationship")} errors={e.heirRelationship}>
            <option value="">— Pilih —</option>
            {Object.entries(HEIR_RELATIONSHIPS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </SelectField>
          <TextField label="NIK ahli waris" name="heirNik" inputMode="numeric" defaultValue={typed("heirNik")} errors={e.heirNik} hint="Opsional." />
        </>
      )}
      {e.confirmWarnings ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm sm:col-span-2" role="alert">
          <ul className="list-disc pl-5">
            {e.confirmWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" name="confirmWarnings" /> Saya sudah memeriksa dan data ini benar
          </label>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3 sm:col-span-2">
        {edit ? (
          <>
            <input type="hidden" name="workerId" value={edit.workerId} />
            <SubmitButton name="intent" value={edit.intent}>
              Simpan perubahan
            </SubmitButton>
          </>
        ) : (
          <>
            <SubmitButton name="intent" value="submit">
              Simpan
            </SubmitButton>
            <SubmitButton name="intent" value="draft" variant="secondary">
              Simpan sebagai draf
            </SubmitButton>
          </>
        )}
      </div>
    </form>
  );
}
