"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/action";

export type FormAction = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

/** A server-action form's state, its field errors, and what was typed (sent back on failure). */
export function useForm(action: FormAction) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  const typed = (k: string) => (state.values?.[k] as string | undefined) ?? undefined;
  return { state, formAction, e: state.fieldErrors ?? {}, typed };
}
