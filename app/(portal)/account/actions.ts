"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction, type ActionResult } from "@/lib/auth/action";
import { confirmMfaSetup, startMfaSetup } from "@/lib/data/mfa";
import { endOtherSessions } from "@/lib/data/sessions";
import { mfaConfirmSchema } from "@/lib/validation/users";

export const endOtherSessionsAction = authorizedAction("account.security", z.object({}), async (viewer) => {
  const n = await endOtherSessions(viewer);
  revalidatePath("/account");
  return { status: "success", message: n ? `${n} sesi lain diakhiri.` : "Tidak ada sesi lain yang aktif." };
});

export const startMfaAction = authorizedAction(
  "account.security",
  z.object({}),
  async (viewer) => {
    await startMfaSetup(viewer);
    revalidatePath("/account/mfa");
    return { status: "success" };
  },
  { allowMfaSetup: true },
);

export const confirmMfaAction = authorizedAction(
  "account.security",
  mfaConfirmSchema,
  async (viewer, input): Promise<ActionResult<{ recoveryCodes: string[] }>> => {
    // No revalidation: the page would re-render without this form and the codes shown once.
    const recoveryCodes = await confirmMfaSetup(viewer, input.code);
    return { status: "success", message: "Verifikasi dua langkah aktif.", data: { recoveryCodes } };
  },
  { allowMfaSetup: true },
);
