"use server";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { updateAreaSettings } from "@/lib/data/area-settings";
import { areaSettingsSchema } from "@/lib/validation/workers";

export const updateAreaSettingsAction = authorizedAction("area.manage", areaSettingsSchema, async (viewer, input) => {
  await updateAreaSettings(viewer, input);
  revalidatePath("/area-settings");
  return { status: "success", message: "Pengaturan wilayah disimpan." };
});
