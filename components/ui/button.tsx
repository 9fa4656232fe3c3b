"use client";
import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "./button-class";

/** A submit button that disables itself while its form is being sent. */
export function SubmitButton({ children, variant = "primary", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass(variant)} {...rest}>
      {pending ? "Memproses…" : children}
    </button>
  );
}
