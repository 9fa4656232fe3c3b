"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
export { OneClickForm } from "@/components/ui/one-click-form";
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
