import type { Engine } from "../storage/engine";
import { Transaction } from "../transactions/transaction";

/** Server-side state of one logical session (lsid). */
export interface Session {
  key: string;
  lastUse: number;
  /** Highest txnNumber seen (-1: none). */
  txnNumber: number;
  txn: Transaction | null;
  /** The reply of the last retryable write, returned again when the same txnNumber is retried. */
  retried: { txnNumber: number; name: string; reply: Record<string, unknown> } | null;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;

/** Sessions by lsid; an idle session expires (and its open transaction is aborted) after the timeout. */
export class SessionManager {
  readonly sessions = new Map<string, Session>();
  readonly open = new Set<Transaction>();
  private lastSweep = 0;

  constructor(
    readonly engine: Engine,
    public timeoutMs: number = DEFAULT_TIMEOUT_MS,
  ) {}

  touch(key: string, now = this.engine.clock()): Session {
    let s = this.sessions.get(key);
    if (!s) {
      s = { key, lastUse: now, txnNumber: -1, txn: null, retried: null };
      this.sessions.set(key, s);
    }
    s.lastUse = now;
    return s;
  }

  end(key: string): void {
    const s = this.sessions.get(key);
    if (!s) return;
    s.txn?.abort();
    this.sessions.delete(key);
  }

  endAll(): void {
    for (const key of [...this.sessions.keys()]) this.end(key);
  }

  startTransaction(session: Session, txnNumber: number): Transaction {
    session.txn?.abort();
    session.txnNumber = txnNumber;
    session.txn = new Transaction(this.engine, txnNumber, this.open);
    return session.txn;
  }

  /** Expires idle sessions; cheap enough to run before every command. */
  sweep(now = this.engine.clock()): void {
    if (this.sessions.size === 0 || now - this.lastSweep < Math.min(1000, this.timeoutMs / 4)) return;
    this.lastSweep = now;
    for (const s of this.sessions.values()) {
      if (now - s.lastUse > this.timeoutMs) this.end(s.key);
    }
  }
}

const managers = new WeakMap<object, SessionManager>();

/** The session manager of an engine (created on first use). */
export function sessionsOf(engine: Engine): SessionManager {
  let m = managers.get(engine);
  if (!m) {
    m = new SessionManager(engine);
    managers.set(engine, m);
  }
  return m;
}
