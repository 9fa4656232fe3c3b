"use client";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm, type FormAction } from "@/components/ui/use-form";
import { CLAIM_TYPE_LABELS, JKK_KIND_LABELS, SCHOOL_LEVEL_LABELS } from "@/lib/domain/claims";

/** Opens a claim case: type, event (date, JKK time), place, description; for beasiswa the child. */
export function OpenClaimForm({ action, workerId, today, deathOn }: { action: FormAction; workerId: number; today: string; deathOn: string | null }) {
  const { state, formAction, e, typed } = useForm(action);
  // What was sent last (after an error) or the likely type; the select is uncontrolled so the
  // reset after each submission brings back what was sent, and the fields shown follow it.
  const sent = typed("type") ?? (deathOn ? "jkm" : "jkk");
  const [picked, setPicked] = useState<{ after: typeof state; type: string } | null>(null);
  const type = picked && picked.after === state ? picked.type : sent;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="workerId" value={workerId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField
          label="Jenis klaim"
          name="type"
          defaultValue={sent}
          onChange={(ev) => setPicked({ after: state, type: ev.currentTarget.value })}
          errors={e.type}
        >
          {Object.entries(CLAIM_TYPE_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </SelectField>
        {type === "jkk" ? (
          <SelectField label="Jenis kecelakaan kerja" name="jkkKind" defaultValue={typed("jkkKind") ?? ""} errors={e.jkkKind}>
            <option value="">— Pilih —</option>
            {Object.entries(JKK_KIND_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
        ) : null}
        {type !== "beasiswa" ? (
          <TextField
            label="Tanggal kejadian"
            name="eventDate"
            type="date"
            max={today}
            defaultValue={typed("eventDate") ?? deathOn ?? ""}
            hint={
              deathOn ? "Kematian sudah tercatat: tanggalnya sama dengan tanggal meninggal." : "Untuk kematian yang belum tercatat, kematian dicatat sekaligus."
            }
            errors={e.eventDate}
          />
        ) : null}
        {type === "jkk" ? (
          <TextField
            label="Jam kejadian (WIB)"
            name="eventTime"
            type="time"
            defaultValue={typed("eventTime") ?? ""}
            hint="Laporan kecelakaan tahap I wajib dalam 2 × 24 jam sejak jam ini."
            errors={e.eventTime}
          />
        ) : null}
        {type !== "beasiswa" ? <TextField label="Tempat kejadian" name="place" defaultValue={typed("place") ?? ""} errors={e.place} /> : null}
      </div>
      {type === "beasiswa" ? (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <TextField label="Nama anak" name="childName" defaultValue={typed("childName") ?? ""} errors={e.childName} />
          <TextField
            label="Tanggal lahir anak"
            name="childBirthDate"
            type="date"
            max={today}
            defaultValue={typed("childBirthDate") ?? ""}
            errors={e.childBirthDate}
          />
          <SelectField label="Jenjang sekolah" name="schoolLevel" defaultValue={typed("schoolLevel") ?? ""} errors={e.schoolLevel}>
            <option value="">— Pilih —</option>
            {Object.entries(SCHOOL_LEVEL_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Nama wali (anak di bawah 18 tahun)"
            name="guardianName"
            defaultValue={typed("guardianName") ?? ""}
            hint="Beasiswa anak di bawah umur dibayarkan kepada walinya."
            errors={e.guardianName}
          />
          <div className="sm:col-span-2">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="notMarriedNotWorking"
                defaultChecked={typed("notMarriedNotWorking") === "on"}
                aria-describedby={e.notMarriedNotWorking ? "f-notMarriedNotWorking-err" : undefined}
              />
              Anak belum menikah dan tidak bekerja (pernyataan ahli waris; beasiswa berakhir bila anak menikah, bekerja, atau berusia 23 tahun)
            </label>
            {e.notMarriedNotWorking ? (
              <p id="f-notMarriedNotWorking-err" className="mt-1 text-sm text-red-700">
                {e.notMarriedNotWorking.join(" ")}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <div>
        <label htmlFor="f-description" className="block text-sm font-medium text-slate-700">
          Uraian kejadian
        </label>
        <textarea
          id="f-description"
          name="description"
          rows={3}
          defaultValue={typed("description") ?? ""}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          aria-invalid={e.description ? true : undefined}
          aria-describedby={e.description ? "f-description-err" : undefined}
        />
        {e.description ? (
          <p id="f-description-err" className="mt-1 text-sm text-red-700" role="alert">
            {e.description.join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton>Buka kasus klaim</SubmitButton>
    </form>
  );
}

/** The branch head records BPJS's penetapan: its number and one amount per component (prefilled with the computed amounts). */
export function DecideClaimForm({
  action,
  claimId,
  components,
}: {
  action: FormAction;
  claimId: number;
  components: { code: string; label: string; amount: number }[];
}) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="claimId" value={claimId} />
      <TextField label="Nomor penetapan BPJS" name="penetapanNumber" defaultValue={typed("penetapanNumber") ?? ""} errors={e.penetapanNumber} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {components.map((c) => (
          <TextField
            key={c.code}
            label={`${c.label} (Rp)`}
            name={`component_${c.code}`}
            inputMode="numeric"
            defaultValue={typed(`component_${c.code}`) ?? String(c.amount)}
            errors={e[`component_${c.code}`]}
          />
        ))}
      </div>
      <SubmitButton>Catat penetapan</SubmitButton>
    </form>
  );
}

/** A payment to an heir (or a guardian): name, relationship, amount, date, the account's last four digits. */
export function ClaimPaymentForm({
  action,
  claimId,
  left,
  today,
  heirs = [],
}: {
  action: FormAction;
  claimId: number;
  left: number;
  today: string;
  heirs?: { name: string; relationship: string }[];
}) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="claimId" value={claimId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField
          label="Nama penerima"
          name="heirName"
          list={`heirs-${claimId}`}
          defaultValue={typed("heirName") ?? heirs[0]?.name ?? ""}
          errors={e.heirName}
          hint={heirs.length ? "Dari daftar ahli waris; boleh diganti (mis. wali)." : undefined}
        />
        <datalist id={`heirs-${claimId}`}>
          {heirs.map((h) => (
            <option key={h.name} value={h.name} />
          ))}
        </datalist>
        <TextField
          label="Hubungan dengan peserta"
          name="relationship"
          defaultValue={typed("relationship") ?? heirs[0]?.relationship ?? ""}
          hint="mis. istri, anak, wali"
          errors={e.relationship}
        />
        <TextField label="Jumlah (Rp)" name="amount" inputMode="numeric" defaultValue={typed("amount") ?? String(left)} errors={e.amount} />
        <TextField label="Tanggal bayar" name="paidOn" type="date" max={today} defaultValue={typed("paidOn") ?? today} errors={e.paidOn} />
        <TextField
          label="4 digit terakhir rekening"
          name="accountLast4"
          inputMode="numeric"
          maxLength={4}
          defaultValue={typed("accountLast4") ?? ""}
          hint="Hanya 4 digit terakhir yang disimpan."
          errors={e.accountLast4}
        />
      </div>
      <SubmitButton>Catat pembayaran</SubmitButton>
    </form>
  );
}
