/** Options of the embedded engine. */
export interface EmbeddedMongoOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /**
   * Directory for persistence: a snapshot plus an append-only journal, fdatasync'd before every
   * write is acknowledged (always, whatever the write concern). Without it, memory only.
   */
  dataDir?: string;
  /** Compact the journal into a new snapshot past this many bytes (default 64 MiB). */
  journalCompactBytes?: number;
  /** Idle sessions expire (aborting their open transaction) after this long (default 30 minutes). */
  sessionTimeoutMs?: number;
  /** Idle cursors are closed after this many milliseconds (default 10 minutes). */
  cursorTimeoutMs?: number;
  /**
   * Change events the history keeps for change streams to resume from (default 10,000); resuming
   * from an older one fails with 286 ChangeStreamHistoryLost. Kept in `dataDir` when given.
   */
  changeHistorySize?: number;
}
