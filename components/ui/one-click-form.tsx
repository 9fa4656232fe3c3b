"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { SubmitButton } from "./button";
import { FormMessage } from "./form-message";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

/** A one-button form (deactivate, submit for review, …) that shows its own result. */
export function OneClickForm(props: { action: Action; fields: Record<string, string | number>; label: string; variant?: "primary" | "secondary" | "danger" }) {
  const [state, formAction] = useActionState(props.action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(props.fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={props.variant ?? "secondary"}>{props.label}</SubmitButton>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
