"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/auth/action";
import { assignUncoveredDistricts, createBranchOffice, setBranchCoverage, updateOffice } from "@/lib/data/offices";
import { assignUncoveredSchema, coverageSchema, officeSchema, officeUpdateSchema } from "@/lib/validation/offices";

export const createOfficeAction = authorizedAction("offices.manage", officeSchema, async (viewer, input) => {
  await createBranchOffice(viewer, input);
  revalidatePath("/admin/offices");
  return { status: "success", message: `${input.name} dibuat. Tetapkan kecamatan yang dilayaninya di halaman kantor.` };
});

export const updateOfficeAction = authorizedAction("offices.manage", officeUpdateSchema, async (viewer, input) => {
  await updateOffice(viewer, input.officeId, { name: input.name, active: input.active });
  revalidatePath("/admin/offices");
  return { status: "success", message: "Data kantor disimpan." };
});

export const setCoverageAction = authorizedAction("offices.manage", coverageSchema, async (viewer, input) => {
  await setBranchCoverage(viewer, input);
  revalidatePath("/admin/offices");
  return { status: "success", message: "Cakupan kecamatan disimpan. Lingkup kepala cabang berubah saat itu juga." };
});

// The group leaves the list once assigned (its form with it), so the outcome is said by the page.
export const assignUncoveredAction = authorizedAction("offices.manage", assignUncoveredSchema, async (viewer, input) => {
  const r = await assignUncoveredDistricts(viewer, input);
  revalidatePath("/admin/offices");
  redirect(`/admin/offices?ditetapkan=${r.assigned}&sudah=${r.alreadyServed}`);
});
