/** Server parameters reported by getParameter and changed by setParameter. */
export const serverParameters: Record<string, unknown> = {
  featureCompatibilityVersion: { version: "7.0" },
  authenticationMechanisms: [],
  maxBSONDepth: 100,
  cursorTimeoutMillis: 600000,
  transactionLifetimeLimitSeconds: 60,
  notablescan: false,
  logLevel: 0,
  /** Period of the TTL monitor (ttl/TtlMonitor). */
  ttlMonitorSleepSecs: 60,
};
