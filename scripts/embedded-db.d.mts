export type EmbeddedServer = { dataDir: string; url: string; appUrl: string; adminUrl: string; pid: number; stop(): Promise<void> };
export function startEmbeddedPostgres(opts: { dataDir: string; port: number; database?: string; log?: (m: string) => void; standby?: boolean }): Promise<EmbeddedServer>;
export function stopStaleServer(dataDir: string, log?: (m: string) => void): Promise<void>;
export function freePort(): Promise<number>;
export function osUserIds(): { uid?: number; gid?: number };
export function chownTree(dir: string, ids: { uid?: number; gid?: number }): void;
