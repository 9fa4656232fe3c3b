"use client";
import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";

const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
};

export function buttonClass(variant: keyof typeof variants = "primary") {
  return `inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${variants[variant]}`;
}

/** A submit button that disables itself while its form is being sent. */
export function SubmitButton({ children, variant = "primary", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant)} {...rest}>
      {pending ? "Memproses…" : children}
    </button>
  );
}
