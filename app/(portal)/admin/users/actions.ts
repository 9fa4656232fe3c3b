"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { createUser, resetUserMfa, resetUserPassword, setUserActive, updateUserAssignment } from "@/lib/data/users";
import { createUserSchema, userAssignmentSchema, userIdSchema } from "@/lib/validation/users";

export const createUserAction = authorizedAction("users.manage", createUserSchema, async (viewer, input) => {
  const { oneTimePassword } = await createUser(viewer, input);
  revalidatePath("/admin/users");
  return {
    status: "success",
    message: `Pengguna ${input.email} dibuat. Kata sandi sementara: ${oneTimePassword} — sampaikan langsung kepada pengguna; kata sandi ini berlaku 72 jam, harus diganti saat pertama masuk dan tidak akan ditampilkan lagi.`,
  };
});

export const updateAssignmentAction = authorizedAction("users.manage", userIdSchema.and(userAssignmentSchema), async (viewer, input) => {
  await updateUserAssignment(viewer, input.userId, input);
  revalidatePath("/admin/users");
  return { status: "success", message: "Peran dan wilayah disimpan. Sesi pengguna ini berakhir; ia perlu masuk kembali." };
});

export const setActiveAction = authorizedAction(
  "users.manage",
  userIdSchema.extend({ active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (viewer, input) => {
    await setUserActive(viewer, input.userId, input.active);
    revalidatePath("/admin/users");
    return { status: "success", message: input.active ? "Pengguna diaktifkan kembali." : "Pengguna dinonaktifkan; sesinya berakhir saat itu juga." };
  },
);

export const resetPasswordAction = authorizedAction("users.manage", userIdSchema, async (viewer, input) => {
  const { email, oneTimePassword } = await resetUserPassword(viewer, input.userId);
  revalidatePath("/admin/users");
  return { status: "success", message: `Kata sandi ${email} direset. Kata sandi sementara: ${oneTimePassword} — berlaku 72 jam dan harus diganti saat masuk.` };
});

export const resetMfaAction = authorizedAction("users.manage", userIdSchema, async (viewer, input) => {
  const { email } = await resetUserMfa(viewer, input.userId);
  revalidatePath("/admin/users");
  return { status: "success", message: `Autentikator ${email} diatur ulang. Sesinya berakhir; ia menyiapkan autentikator baru saat masuk berikutnya.` };
});
