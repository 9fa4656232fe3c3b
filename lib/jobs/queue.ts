import PgBoss from "pg-boss";

// The PostgreSQL-backed job queue (pg-boss 10, its own `pg` pool). The schema and queues are
// created by the migration step as the schema owner; the app and the worker only send and work.

export const QUEUES = { validate: "import-validate", commit: "import-commit" } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
/** Scheduled jobs: each a queue that pg-boss's cron sends to (worker/jobs.ts says what runs). */
export const SCHEDULED_QUEUES = { retention: "retensi-harian", billing: "tagihan-bulanan" } as const;

const CRON_QUEUE = "__pgboss__send-it";

const QUEUE_OPTIONS = { name: "", retryLimit: 3, retryDelay: 5, expireInSeconds: 60 * 60 };

export function newBoss(url: string, role: "owner" | "app" | "worker") {
  // Scheduling (cron, in WIB) runs in the worker only; the app sends, the owner migrates.
  return new PgBoss({
    connectionString: url,
    max: role === "worker" ? 4 : 2,
    migrate: role === "owner",
    supervise: role !== "app",
    schedule: role === "worker",
  });
}

/** Creates (or upgrades) pg-boss's schema and the queues, then grants the app role its use. */
export async function prepareQueues(ownerUrl: string, appRole?: string) {
  const boss = newBoss(ownerUrl, "owner");
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of [...Object.values(QUEUES), ...Object.values(SCHEDULED_QUEUES)]) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { ...QUEUE_OPTIONS, name });
    }
    // pg-boss's own queue through which its cron sends (timekeeper). The worker, which runs the
    // cron, connects as the app role and cannot create it: without it no scheduled job would
    // ever be sent in production (seen as "permission denied for schema pgboss" in the log).
    if (!(await boss.getQueue(CRON_QUEUE))) await boss.createQueue(CRON_QUEUE);
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 5000 });
  }
  return appRole
    ? `grant usage on schema pgboss to ${appRole};
       grant select, insert, update, delete on all tables in schema pgboss to ${appRole};
       grant usage, select on all sequences in schema pgboss to ${appRole};
       grant execute on all functions in schema pgboss to ${appRole};`
    : null;
}
