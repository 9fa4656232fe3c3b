"use client";
import { useState } from "react";
import { SelectField } from "@/components/ui/field";

export type RoleOption = { value: string; label: string };
export type RegencyOption = { code: string; name: string; provinceName: string };
export type OfficeOption = { id: number; name: string; kind: string };

type Props = {
  roles: RoleOption[];
  regencies: RegencyOption[];
  offices: OfficeOption[];
  defaults?: { role?: string; regencyCode?: string | null; officeId?: number | null };
  errors?: Record<string, string[]>;
};

function groupByProvince(regencies: RegencyOption[]) {
  const groups = new Map<string, RegencyOption[]>();
  for (const r of regencies) groups.set(r.provinceName, [...(groups.get(r.provinceName) ?? []), r]);
  return [...groups];
}

/** Role, then the binding that role needs: a kabupaten/kota for pemda staff, an office for BPJS heads. */
export function UserAssignmentFields({ roles, regencies, offices, defaults, errors }: Props) {
  const [role, setRole] = useState(defaults?.role ?? "petugas");
  const needsRegency = role === "petugas" || role === "supervisor";
  const officeKind = role === "kepala_wilayah" ? "kantor_wilayah" : role === "kepala_cabang" ? "branch" : null;
  return (
    <>
      <SelectField label="Peran" name="role" value={role} onChange={(e) => setRole(e.target.value)} errors={errors?.role}>
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </SelectField>
      {needsRegency ? (
        <SelectField label="Kabupaten/kota" name="regencyCode" defaultValue={defaults?.regencyCode ?? ""} errors={errors?.regencyCode}>
          <option value="">— Pilih kabupaten/kota —</option>
          {groupByProvince(regencies).map(([province, list]) => (
            <optgroup key={province} label={province}>
              {list.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name} ({r.code})
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
      ) : null}
      {officeKind ? (
        <SelectField label="Kantor" name="officeId" defaultValue={defaults?.officeId ?? ""} errors={errors?.officeId}>
          <option value="">— Pilih kantor —</option>
          {offices
            .filter((o) => (officeKind === "kantor_wilayah" ? o.kind === "kantor_wilayah" : o.kind !== "kantor_wilayah"))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </SelectField>
      ) : null}
    </>
  );
}
