/** One operation the database profiler recorded (system.profile). */
export interface SlowOperationRecord {
  op: string;
  namespace: string;
  millis: number;
  timestamp: Date;
  docsExamined: number | null;
  keysExamined: number | null;
  returned: number | null;
  planSummary: string | null;
  command: Record<string, unknown> | null;
}
