import type { WorkerInput } from "@/lib/validation/workers";

let counter = 0;
let namespace = 1;

/**
 * Test files share one database but not module state, so each file that makes NIKs claims its
 * own kecamatan digits (1–13, the kecamatan of Kota Tangerang) and counts serials within them.
 */
export function claimNikNamespace(n: number) {
  if (n < 1 || n > 13) throw new Error("NIK namespace 1–13");
  namespace = n;
  counter = 0;
}

/** A structurally valid NIK issued in Kota Tangerang, unique within its file's namespace. */
export function makeNik(birth = { day: 12, month: 3, year: 1985 }, female = false): string {
  counter++;
  if (counter > 9999) throw new Error("NIK serials of this namespace used up");
  const dd = String(birth.day + (female ? 40 : 0)).padStart(2, "0");
  const kec = String(namespace).padStart(2, "0");
  return `3671${kec}${dd}${String(birth.month).padStart(2, "0")}${String(birth.year % 100).padStart(2, "0")}${String(counter).padStart(4, "0")}`;
}

/** A complete registration for a worker living in the given kecamatan and village. */
export function workerInput(over: Partial<WorkerInput> & { districtCode: string; villageCode: string }): WorkerInput {
  return {
    nik: makeNik(),
    name: "Pekerja Uji",
    birthDate: "1985-03-12",
    sex: "L",
    address: "Jl. Uji No. 1",
    phone: "081234567890",
    occupationId: null,
    income: 1000000,
    kkNumber: null,
    source: "survei_lapangan",
    heirName: "Ahli Waris Uji",
    heirRelationship: "istri",
    heirNik: null,
    intent: "submit",
    confirmWarnings: false,
    ...over,
  };
}
