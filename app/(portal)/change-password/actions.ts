"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/auth/action";
import { changeOwnPassword } from "@/lib/data/users";
import { changePasswordSchema } from "@/lib/validation/users";

export const changePassword = authorizedAction(
  "account.changePassword",
  changePasswordSchema,
  async (viewer, input) => {
    // Every other session of this user ends; this one goes on.
    await changeOwnPassword(viewer, input.currentPassword, input.newPassword);
    // The shell drew no navigation while the password was temporary: draw it again.
    revalidatePath("/", "layout");
    redirect("/dashboard");
  },
  { allowMustChangePassword: true },
);
