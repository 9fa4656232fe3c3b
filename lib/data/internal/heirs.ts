import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { maskAccount, sortHeirs, type HeirRelationship } from "@/lib/domain/heirs";
import { maskNik } from "@/lib/domain/nik";
import { rows } from "./rows";

/** An heir as pages show it: NIK and bank account masked, in the legal order. */
export type HeirView = {
  id: number;
  name: string;
  relationship: HeirRelationship | null;
  nikMasked: string | null;
  birthDate: string | null;
  /** Given instead of the birth date to roles without the reveal right. */
  ageYears?: number | null;
  phone: string | null;
  bankName: string | null;
  accountMasked: string | null;
};

/** The heirs of one enrollment row (the caller has checked the viewer may see it). */
export async function heirsOf(exec: Executor, workerId: number): Promise<HeirView[]> {
  const list = await rows<{
    id: number;
    name: string;
    relationship: HeirRelationship | null;
    nik: string | null;
    birthDate: string | null;
    phone: string | null;
    bankName: string | null;
    bankAccount: string | null;
  }>(
    exec,
    sql`select id, name, relationship, nik, birth_date::text as "birthDate", phone, bank_name as "bankName", bank_account as "bankAccount"
          from worker_heirs where worker_id = ${workerId}`,
  );
  return sortHeirs(list).map(({ nik, bankAccount, ...h }) => ({
    ...h,
    nikMasked: nik ? maskNik(nik) : null,
    accountMasked: bankAccount ? maskAccount(bankAccount) : null,
  }));
}
