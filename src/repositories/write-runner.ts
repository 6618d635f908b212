import type { ClientSession, Db } from "mongodb";
import { COLLECTIONS } from "../db/collection-names";
import { detectTransactionSupport, type TransactionSupport } from "../db/transaction-support";

/** What a write's steps share: the session of its transaction, when it runs in one. */
export interface WriteScope {
  /** Set inside a transaction: pass it to every operation of the write. */
  session: ClientSession | undefined;
}

export interface WriteRunnerOptions {
  /** false: never use transactions, even where the deployment has them (tests of the fallback). */
  transactions?: boolean;
}

/**
 * Runs each mutation as one unit. Where the deployment supports multi-document
 * transactions — hello reports a replica set (setName) or mongos (msg "isdbgrid"), and a
 * trial transaction commits (src/db/transaction-support.ts) — the unit is a
 * transaction (`session.withTransaction`, snapshot reads, majority commit), so the
 * change, its side effects (e.g. alerts unlinked by deleteCase) and its audit entry
 * commit together or not at all; the driver retries it on transient errors such as
 * write conflicts, so a unit must be safe to run again from the start.
 *
 * Elsewhere (standalone server, an engine without transactions) the unit runs with no
 * session, and each write orders its steps so that stopping half-way leaves no
 * reference to a missing document (see the write repositories).
 *
 * Support is detected once, on the first write, and remembered.
 */
export class WriteRunner {
  private support: Promise<TransactionSupport> | undefined;

  constructor(
    private readonly db: Db,
    options: WriteRunnerOptions = {},
  ) {
    if (options.transactions === false) {
      this.support = Promise.resolve({ supported: false, reason: "transactions turned off" });
    }
  }

  /** Whether writes run in transactions here, and why. */
  transactionSupport(): Promise<TransactionSupport> {
    this.support ??= detectTransactionSupport(this.db, COLLECTIONS.auditLogs).catch((error: unknown) => {
      // A network failure says nothing about the deployment: ask again next time.
      this.support = undefined;
      throw error;
    });
    return this.support;
  }

  async run<T>(work: (scope: WriteScope) => Promise<T>): Promise<T> {
    const { supported } = await this.transactionSupport();
    if (!supported) return work({ session: undefined });
    const session = this.db.client.startSession();
    try {
      return await session.withTransaction(() => work({ session }), {
        readConcern: { level: "snapshot" },
        writeConcern: { w: "majority" },
      });
    } finally {
      await session.endSession();
    }
  }
}
