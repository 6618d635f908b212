import type { ConnectionCountsRecord } from "./connection-counts.record";

/** Whether the database answers, and the server's main figures. */
export interface DatabaseHealthRecord {
  reachable: boolean;
  version: string | null;
  uptimeSeconds: number | null;
  connections: ConnectionCountsRecord | null;
  replicaSetState: string | null;
  replicaSetName: string | null;
  pingMillis: number | null;
}
