import type { Metadata } from "next";
import Link from "next/link";
import { CreateUserForm } from "@/components/users/create-user-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { getUserFormOptions } from "@/lib/data/user-form-options";
import { listUsersForViewer } from "@/lib/data/users";
import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Pengguna" };

export default async function UsersPage() {
  const viewer = await requireViewer("users.view");
  const [users, options] = await Promise.all([listUsersForViewer(viewer), getUserFormOptions(viewer)]);
  return (
    <>
      <PageHeader title="Pengguna" description="Akun petugas dan supervisor pemda, kepala kantor BPJS Ketenagakerjaan, dan admin." />
      <div className="space-y-6">
        <Card title="Tambah pengguna">
          <CreateUserForm action={createUserAction} {...options} />
        </Card>
        <Card title={`Daftar pengguna (${users.length})`}>
          <Table caption="Daftar pengguna" head={["Nama", "Email", "Peran", "Wilayah / kantor", "Status"]}>
            {users.map((u) => (
              <tr key={u.id}>
                <Td>
                  <Link className="text-brand-700 underline" href={`/admin/users/${u.id}`}>
                    {u.name}
                  </Link>
                </Td>
                <Td>{u.email}</Td>
                <Td>{ROLE_LABELS[u.role]}</Td>
                <Td>{u.regencyName ?? u.officeName ?? "Seluruh Indonesia"}</Td>
                <Td>{u.active ? u.mustChangePassword ? "Aktif · menunggu ganti kata sandi" : "Aktif" : <span className="text-red-700">Nonaktif</span>}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </>
  );
}
