import PgBoss from "pg-boss";

// The PostgreSQL-backed job queue (pg-boss 10, its own `pg` pool). The schema and queues are
// created by the migration step as the schema owner; the app and the worker only send and work.

export const QUEUES = { validate: "import-validate", commit: "import-commit" } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const QUEUE_OPTIONS = { name: "", retryLimit: 3, retryDelay: 5, expireInSeconds: 60 * 60 };

export function newBoss(url: string, role: "owner" | "app" | "worker") {
  return new PgBoss({ connectionString: url, max: role === "worker" ? 4 : 2, migrate: role === "owner", supervise: role !== "app", schedule: false });
}

/** Creates (or upgrades) pg-boss's schema and the queues, then grants the app role its use. */
export async function prepareQueues(ownerUrl: string, appRole?: string) {
  const boss = newBoss(ownerUrl, "owner");
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of Object.values(QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { ...QUEUE_OPTIONS, name });
    }
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
