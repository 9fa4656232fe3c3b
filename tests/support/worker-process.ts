import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// The background worker as its own process (as `npm start` runs it), for crash and concurrency tests.
const root = path.resolve(import.meta.dirname, "../..");

export function startWorker(env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--max-old-space-size=1024", "--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
    cwd: root,
    env: { ...process.env, IMPORT_COMMIT_CHUNK: "500", WORKER_SWEEP_MS: "300", IMPORT_LEASE_SECONDS: "3", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (d: Buffer) => process.stderr.write(`[pekerja] ${d}`));
  child.stdout!.on("data", (d: Buffer) => process.stdout.write(`${d}`));
  return child;
}

export function kill9(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

export async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timeout waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
