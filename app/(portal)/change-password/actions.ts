"use server";
import { authorizedAction } from "@/lib/auth/action";
import { signIn } from "@/lib/auth/config";
import { changeOwnPassword } from "@/lib/data/users";
import { changePasswordSchema } from "@/lib/validation/users";

export const changePassword = authorizedAction(
  "account.changePassword",
  changePasswordSchema,
  async (viewer, input) => {
    await changeOwnPassword(viewer, input.currentPassword, input.newPassword);
    // The change ended every session of this user, this one too: sign in again with the new password.
    await signIn("credentials", { email: viewer.email, password: input.newPassword, redirectTo: "/dashboard" });
    return { status: "success" };
  },
  { allowMustChangePassword: true },
);
