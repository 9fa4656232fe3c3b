"use client";
import { useMemo } from "react";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useForm, type FormAction } from "@/components/ui/use-form";

type Action = FormAction;

export function DraftForm({ action, regulations, month }: { action: Action; regulations: { id: number; title: string }[]; month: string }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-end" noValidate>
      <div className="sm:col-span-3">
        <FormMessage status={state.status} message={state.message} />
      </div>
      <SelectField label="Regulasi" name="regulationId" defaultValue={typed("regulationId")} errors={e.regulationId}>
        {regulations.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </SelectField>
      <TextField label="Bulan tagihan" name="month" type="month" defaultValue={typed("month") ?? month} errors={e.month} />
      <div>
        <SubmitButton variant="secondary">Susun tagihan</SubmitButton>
      </div>
    </form>
  );
}

/** One field plus a submit button, with hidden ids: issue (kode iuran), confirm (receipt), void/cancel/reverse (reason). */
export function FieldForm({
  action,
  hidden,
  field,
  label,
  button,
  variant = "primary",
  hint,
  inputMode,
}: {
  action: Action;
  hidden: Record<string, string | number>;
  field: string;
  label: string;
  button: string;
  variant?: "primary" | "secondary" | "danger";
  hint?: string;
  inputMode?: "numeric" | "text";
}) {
  const { state, formAction, e, typed } = useForm(action);
  const id = `f-${field}-${Object.values(hidden).join("-")}`;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <FormMessage status={state.status} message={state.message} />
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <TextField id={id} label={label} name={field} defaultValue={typed(field)} errors={e[field]} hint={hint} inputMode={inputMode} />
      <SubmitButton variant={variant}>{button}</SubmitButton>
    </form>
  );
}

export type PayableBill = { id: number; label: string; outstanding: number };

export function PaymentForm({
  action,
  regulations,
  bills,
  today,
}: {
  action: Action;
  regulations: { id: number; title: string }[];
  bills: (PayableBill & { regulationId: number })[];
  today: string;
}) {
  const { state, formAction, e, typed } = useForm(action);
  // One key per rendered form: a double submit records one payment.
  const key = useMemo(() => crypto.randomUUID(), []);
  const rupiah = new Intl.NumberFormat("id-ID");
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField label="Regulasi" name="regulationId" defaultValue={typed("regulationId")} errors={e.regulationId}>
          {regulations.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </SelectField>
        <TextField label="Nomor SP2D" name="number" defaultValue={typed("number")} errors={e.number} />
        <TextField label="Tanggal SP2D" name="paidOn" type="date" defaultValue={typed("paidOn") ?? today} max={today} errors={e.paidOn} />
        <TextField
          label="Jumlah (Rp)"
          name="amount"
          inputMode="numeric"
          defaultValue={typed("amount")}
          hint="Bilangan bulat rupiah, mis. 1.008.000."
          errors={e.amount}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Tagihan yang dibayar (kosongkan: semua tagihan terbit, bulan tertua dahulu)</legend>
        <div className="mt-2 max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
          {bills.length === 0 ? <p className="text-slate-600">Belum ada tagihan terbit yang belum lunas.</p> : null}
          {bills.map((b) => (
            <label key={b.id} className="flex items-center gap-2">
              <input type="checkbox" name="billIds[]" value={b.id} />
              <span>
                {b.label} · sisa Rp {rupiah.format(b.outstanding)}
              </span>
            </label>
          ))}
        </div>
        {e.billIds ? (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {e.billIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor="f-holdKpj" className="block text-sm font-medium text-slate-700">
          Tunda pembayaran untuk nomor KPJ berikut (opsional)
        </label>
        <textarea
          id="f-holdKpj"
          name="holdKpj"
          rows={2}
          defaultValue={typed("holdKpj")}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          aria-invalid={e.holdKpj ? true : undefined}
        />
        <p className="mt-1 text-xs text-slate-600">
          Pisahkan dengan spasi atau koma: baris mereka tidak dibayar dengan SP2D ini (mis. sedang dicek ke Dukcapil).
        </p>
        {e.holdKpj ? (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {e.holdKpj.join(" ")}
          </p>
        ) : null}
      </div>
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="acceptOverBudget" />
          Tetap catat walau melebihi pagu anggaran tahun ini
        </label>
        {e.acceptOverBudget ? (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {e.acceptOverBudget.join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton>Catat dan alokasikan</SubmitButton>
    </form>
  );
}

/** The supervisor records that a refund reached the Kas Daerah: the STS date and number. */
export function RefundReceiveForm({ action, refundId, today }: { action: Action; refundId: number; today: string }) {
  const { state, formAction, e, typed } = useForm(action);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="refundId" value={refundId} />
      <TextField
        id={`refund-${refundId}-on`}
        label="Tanggal diterima"
        name="receivedOn"
        type="date"
        max={today}
        defaultValue={typed("receivedOn") ?? today}
        errors={e.receivedOn}
      />
      <TextField id={`refund-${refundId}-ref`} label="Nomor STS" name="reference" defaultValue={typed("reference")} errors={e.reference} />
      <SubmitButton variant="secondary">Catat diterima</SubmitButton>
    </form>
  );
}
