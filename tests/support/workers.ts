import type { WorkerInput } from "@/lib/validation/workers";

let counter = 0;

/** A structurally valid NIK (issued in Kota Tangerang, Cipondoh), unique within a test run. */
export function makeNik(birth = { day: 12, month: 3, year: 1985 }, female = false): string {
  counter++;
  const dd = String(birth.day + (female ? 40 : 0)).padStart(2, "0");
  const serial = String(counter % 10000 || 1).padStart(4, "0");
  // Vary the kecamatan digits with the counter too, so more than 9,999 NIKs stay unique.
  const kec = String(1 + (Math.floor(counter / 10000) % 13)).padStart(2, "0");
  return `3671${kec}${dd}${String(birth.month).padStart(2, "0")}${String(birth.year % 100).padStart(2, "0")}${serial}`;
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
