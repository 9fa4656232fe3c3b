"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionResult } from "@/lib/auth/action";
import { UserAssignmentFields, type OfficeOption, type RegencyOption, type RoleOption } from "./user-assignment-fields";

type Props = {
  action: (prev: ActionResult | undefined, fd: FormData) => Promise<ActionResult>;
  roles: RoleOption[];
  regencies: RegencyOption[];
  offices: OfficeOption[];
};

export function CreateUserForm({ action, roles, regencies, offices }: Props) {
  const [state, formAction] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
      </div>
      <TextField label="Nama" name="name" required errors={state.fieldErrors?.name} />
      <TextField label="Email" name="email" type="email" required errors={state.fieldErrors?.email} />
      <UserAssignmentFields roles={roles} regencies={regencies} offices={offices} errors={state.fieldErrors} />
      <div className="sm:col-span-2">
        <SubmitButton>Tambah pengguna</SubmitButton>
      </div>
    </form>
  );
}
