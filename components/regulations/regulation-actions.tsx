"use client";
import { useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm, type FormAction } from "@/components/ui/use-form";

type Action = FormAction;

export function EnactForm({ action, regulationId, today }: { action: Action; regulationId: number; today: string }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="regulationId" value={regulationId} />
      <TextField label="Nomor regulasi" name="number" defaultValue={typed("number")} errors={e.number} />
      <TextField label="Tanggal penetapan" name="enactedOn" type="date" defaultValue={typed("enactedOn") ?? today} errors={e.enactedOn} />
      <SubmitButton>Tetapkan</SubmitButton>
    </form>
  );
}

export function EndForm({
  action,
  regulationId,
  today,
  successors,
}: {
  action: Action;
  regulationId: number;
  today: string;
  successors: { id: number; title: string }[];
}) {
  const { state, formAction, e, typed } = useForm(action);
  const [workers, setWorkers] = useState(typed("workers") ?? "end");
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="regulationId" value={regulationId} />
      <TextField label="Tanggal berakhir" name="endedOn" type="date" defaultValue={typed("endedOn") ?? today} errors={e.endedOn} />
      <SelectField label="Alasan" name="reason" defaultValue={typed("reason") ?? "expired"} errors={e.reason}>
        <option value="expired">Masa berlaku habis</option>
        <option value="revoked">Dicabut</option>
      </SelectField>
      <SelectField
        label="Pekerja yang terhitung di regulasi ini"
        name="workers"
        value={workers}
        onChange={(ev) => setWorkers(ev.target.value)}
        errors={e.workers}
      >
        <option value="end">Diakhiri dengan alasan &quot;regulasi berakhir&quot;</option>
        <option value="move">Dipindah ke regulasi pengganti (sisanya ke daftar tunggu)</option>
      </SelectField>
      {workers === "move" ? (
        <SelectField label="Regulasi pengganti" name="successorId" defaultValue={typed("successorId") ?? ""} errors={e.successorId}>
          <option value="">— Pilih —</option>
          {successors.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SubmitButton variant="danger">Akhiri regulasi</SubmitButton>
    </form>
  );
}

export function BudgetForm({ action, regulationId, year }: { action: Action; regulationId: number; year: number }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="grid grid-cols-1 gap-3 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
      </div>
      <input type="hidden" name="regulationId" value={regulationId} />
      <TextField label="Tahun anggaran" name="fiscalYear" inputMode="numeric" defaultValue={typed("fiscalYear") ?? String(year)} errors={e.fiscalYear} />
      <TextField
        label="Anggaran (Rp)"
        name="allocated"
        inputMode="numeric"
        defaultValue={typed("allocated")}
        hint="Bilangan bulat rupiah, mis. 4.032.000.000."
        errors={e.allocated}
      />
      <TextField label="Jumlah bulan" name="monthsCovered" inputMode="numeric" defaultValue={typed("monthsCovered") ?? "12"} errors={e.monthsCovered} />
      <TextField
        label="Asumsi iuran per pekerja per bulan (Rp, opsional)"
        name="assumedMonthlyRate"
        inputMode="numeric"
        defaultValue={typed("assumedMonthlyRate")}
        errors={e.assumedMonthlyRate}
      />
      <div className="sm:col-span-2">
        <SubmitButton>Simpan anggaran</SubmitButton>
      </div>
    </form>
  );
}

export function AmendmentForm({ action, regulationId }: { action: Action; regulationId: number }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="grid grid-cols-1 gap-3 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
      </div>
      <input type="hidden" name="regulationId" value={regulationId} />
      <div className="sm:col-span-2">
        <TextField label="Judul perubahan" name="title" defaultValue={typed("title")} errors={e.title} />
      </div>
      <TextField label="Kuota baru (opsional)" name="newQuota" inputMode="numeric" defaultValue={typed("newQuota")} errors={e.newQuota} />
      <TextField label="Tanggal akhir baru (opsional)" name="newEndsOn" type="date" defaultValue={typed("newEndsOn")} errors={e.newEndsOn} />
      <TextField
        label="Tahun anggaran (opsional)"
        name="budgetFiscalYear"
        inputMode="numeric"
        defaultValue={typed("budgetFiscalYear")}
        errors={e.budgetFiscalYear}
      />
      <TextField
        label="Anggaran baru (Rp, opsional)"
        name="budgetAllocated"
        inputMode="numeric"
        defaultValue={typed("budgetAllocated")}
        errors={e.budgetAllocated}
      />
      <div className="sm:col-span-2">
        <SubmitButton>Buat draf perubahan</SubmitButton>
      </div>
    </form>
  );
}

export function AmendmentEnactForm({ action, amendmentId, today }: { action: Action; amendmentId: number; today: string }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="amendmentId" value={amendmentId} />
      <TextField label="Nomor perubahan" name="number" defaultValue={typed("number")} errors={e.number} />
      <TextField label="Tanggal penetapan perubahan" name="enactedOn" type="date" defaultValue={typed("enactedOn") ?? today} errors={e.enactedOn} />
      <SubmitButton>Tetapkan perubahan</SubmitButton>
      <div className="w-full">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

export function MoveWorkersForm({ action, fromId, targets }: { action: Action; fromId: number; targets: { id: number; title: string; free: number }[] }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="fromId" value={fromId} />
      <SelectField label="Regulasi tujuan" name="toId" defaultValue={typed("toId") ?? ""} errors={e.toId}>
        <option value="">— Pilih —</option>
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title} (sisa {t.free})
          </option>
        ))}
      </SelectField>
      <TextField label="Jumlah pekerja" name="count" inputMode="numeric" defaultValue={typed("count")} errors={e.count} />
      <SubmitButton variant="secondary">Pindahkan</SubmitButton>
      <div className="w-full">
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}
