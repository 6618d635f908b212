/** An operation the database server is running now ($currentOp). */
export interface CurrentOperationRecord {
  opid: string;
  op: string | null;
  namespace: string | null;
  secondsRunning: number | null;
  active: boolean | null;
  command: Record<string, unknown> | null;
}
