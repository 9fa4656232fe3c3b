"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";
import { UserAssignmentFields, type OfficeOption, type RegencyOption, type RoleOption } from "./user-assignment-fields";

type Action = (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;

export function AssignmentForm(props: {
  action: Action;
  userId: string;
  roles: RoleOption[];
  regencies: RegencyOption[];
  offices: OfficeOption[];
  defaults: { role: string; regencyCode: string | null; officeId: number | null };
}) {
  const [state, formAction] = useActionState(props.action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="userId" value={props.userId} />
      <UserAssignmentFields roles={props.roles} regencies={props.regencies} offices={props.offices} defaults={props.defaults} errors={state.fieldErrors} />
      <SubmitButton>Simpan peran dan wilayah</SubmitButton>
    </form>
  );
}

/** A one-button form (deactivate, activate, reset password) that shows its own result. */
export function OneClickForm(props: { action: Action; fields: Record<string, string>; label: string; variant?: "secondary" | "danger" }) {
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
