// Builds the scale phase's replica B (scripts/scale/topology.mjs buildReplicaB) on its own, so
// `npm test` can build it while the integration phase runs; the scale phase then finds it ready.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildReplicaB, SCALE_IDENTITY } from "./topology.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
buildReplicaB(root, { ...process.env, ...SCALE_IDENTITY, NEXT_TELEMETRY_DISABLED: "1" });
