import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type Common = { label: string; name: string; errors?: string[]; hint?: ReactNode; id?: string };

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" role="alert">
      {errors.join(" ")}
    </p>
  );
}

/** A labelled input whose error message sits right under it and is announced. */
// Ids derive from the field name; repeated names (name="x[]") pass their own id.
const fieldId = (name: string, id?: string) => id ?? `f-${name.replace(/\[\]$/, "")}`;

export function TextField({ label, name, errors, hint, id: ownId, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = fieldId(name, ownId);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-err` : undefined}
        {...rest}
      />
      {hint ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      <Errors id={`${id}-err`} errors={errors} />
    </div>
  );
}

export function SelectField({ label, name, errors, hint, children, id: ownId, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = fieldId(name, ownId);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {/* Keyed on the default: React sets the options' default selection only when a select mounts,
          and the form is reset after each submission, so a changed default (what was typed before an
          error) needs a fresh select to survive that reset. */}
      <select
        key={rest.defaultValue === undefined ? undefined : String(rest.defaultValue)}
        id={id}
        name={name}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-err` : undefined}
        {...rest}
      >
        {children}
      </select>
      {hint ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      <Errors id={`${id}-err`} errors={errors} />
    </div>
  );
}
