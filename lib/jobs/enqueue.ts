import "server-only";
import { env } from "@/lib/env";
import { logUnexpected } from "@/lib/log";
import { newBoss, type QueueName } from "./queue";

// The web app's side of the queue: send only. If sending fails, the worker's sweep of unfinished
// batches still finds the batch (worker/main.ts), so a job is never lost with the request.

const globalForBoss = globalThis as unknown as { portalBoss?: Promise<ReturnType<typeof newBoss>> };

function boss() {
  globalForBoss.portalBoss ??= (async () => {
    const b = newBoss(env().DATABASE_URL, "app");
    b.on("error", (e) => logUnexpected("antrean", e));
    await b.start();
    return b;
  })();
  return globalForBoss.portalBoss;
}

export async function enqueue(queue: QueueName, batchId: string) {
  try {
    await (await boss()).send(queue, { batchId });
  } catch (e) {
    globalForBoss.portalBoss = undefined;
    logUnexpected(`antrean kirim ${queue} (pekerja latar akan menemukannya saat menyapu)`, e);
  }
}
