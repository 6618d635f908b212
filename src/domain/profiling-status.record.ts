/** The database profiler's level before and after a change. */
export interface ProfilingStatusRecord {
  previousLevel: number;
  level: number;
  slowMillis: number;
}
