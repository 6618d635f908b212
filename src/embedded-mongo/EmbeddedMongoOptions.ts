/** Options of the embedded engine. */
export interface EmbeddedMongoOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Directory for persistence (not implemented yet: data is kept in memory only). */
  dataDir?: string;
  /** Idle cursors are closed after this many milliseconds (default 10 minutes). */
  cursorTimeoutMs?: number;
}
