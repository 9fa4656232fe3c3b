// Shared by the claims spec and its scenario script (which the spec runs in a process of its own).
export const AREA = "32.09"; // Kabupaten Cirebon: used by no other spec
export const PASSWORD = "klaim-e2e-2028";
export const USERS = { officer: "petugas.e2eklaim@portal.test", supervisor: "supervisor.e2eklaim@portal.test", head: "kacab.e2eklaim@portal.test" };
export const PEOPLE = ["Penuh", "Baru", "Tunggak", "Nonaktif", "Kecelakaan", "Menunggu"] as const;
