import { isPlainObject } from "../bson/is-plain-object";
import type { CommandReply } from "../commands/command-context";
import { HANDSHAKE_COMMANDS } from "../commands/handshake-commands";
import { CommandError } from "../errors/command-error";
import type { Engine } from "../storage/engine";
import type { Transaction } from "../transactions/transaction";
import { sessionsOf, type Session } from "./session-manager";
import { commitPublishingChanges } from "../change-streams/commit-publishing-changes";

/** Commands a multi-document transaction may run (mongod 7's list, minus what the engine lacks). */
const ALLOWED_IN_TXN = new Set([
  "find",
  "getMore",
  "killCursors",
  "insert",
  "update",
  "delete",
  "findAndModify",
  "findandmodify",
  "aggregate",
  "distinct",
  "count",
  "create",
  "createIndexes",
  "commitTransaction",
  "abortTransaction",
  ...HANDSHAKE_COMMANDS,
]);

/** Writes whose result is kept per session so that a retry with the same txnNumber is not re-applied. */
const RETRYABLE = new Set(["insert", "update", "delete", "findAndModify", "findandmodify"]);

function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v !== null && typeof v === "object" && typeof (v as { toNumber?: unknown }).toNumber === "function") {
    return (v as { toNumber(): number }).toNumber();
  }
  return undefined;
}

/** The session key of a command's lsid, or null when it has none. */
export function sessionKey(lsid: unknown): string | null {
  if (!isPlainObject(lsid)) return null;
  const id = lsid.id as { toString?: (enc: string) => string } | undefined;
  if (!id || typeof id.toString !== "function") return null;
  return id.toString("hex");
}

function noSuchTransaction(txnNumber: number, name: string): CommandError {
  // The label lets the driver retry the whole transaction; a commit is never labelled so.
  const extra = name === "commitTransaction" ? {} : { errorLabels: ["TransientTransactionError"] };
  return new CommandError(251, `Transaction with { txnNumber: ${txnNumber} } has been aborted.`, extra);
}

/**
 * Runs a command in its session: inside the session's transaction (against the transaction's
 * shadow engine) when it carries `autocommit: false`, as a retryable write when it carries only a
 * txnNumber, or plainly otherwise. Commands without lsid take the direct path.
 */
export function runInSession(
  engine: Engine,
  name: string,
  cmd: Record<string, unknown>,
  run: (engine: Engine) => CommandReply,
): CommandReply {
  const manager = sessionsOf(engine);
  manager.sweep();
  const key = sessionKey(cmd.lsid);
  if (key === null) {
    if (name === "commitTransaction" || name === "abortTransaction")
      throw new CommandError(50768, "Cannot run transaction command without a session id (lsid)");
    return run(engine);
  }
  const session = manager.touch(key);
  const txnNumber = toNumber(cmd.txnNumber);
  if (txnNumber === undefined) {
    if (name === "commitTransaction" || name === "abortTransaction")
      throw new CommandError(50768, "Given transaction number does not match any in-progress transactions.");
    return run(engine);
  }
  if (cmd.autocommit === undefined) return retryableWrite(session, name, txnNumber, () => run(engine));
  if (cmd.autocommit !== false) throw new CommandError(50, "autocommit can only be specified as false");
  const txn = transactionFor(manager, session, name, cmd, txnNumber);
  if (txn === null) return { ok: 1 };
  if (name === "commitTransaction") {
    try {
      commitPublishingChanges(engine, txn, cmd);
    } catch (err) {
      txn.abort();
      throw err;
    }
    return { ok: 1 };
  }
  if (name === "abortTransaction") {
    txn.abort();
    return { ok: 1 };
  }
  if (!ALLOWED_IN_TXN.has(name)) {
    txn.abort();
    throw new CommandError(263, `Cannot run '${name}' in a multi-document transaction.`);
  }
  if (name === "createIndexes" && engine.databases.get(dbNameOf(cmd))?.get(String(cmd.createIndexes))) {
    txn.abort();
    throw new CommandError(
      263,
      `Cannot create new indexes on existing collection ${dbNameOf(cmd)}.${String(cmd.createIndexes)} in a multi-document transaction.`,
    );
  }
  txn.conflict = null;
  let reply: CommandReply;
  try {
    reply = run(txn.shadow);
  } catch (err) {
    txn.abort();
    throw txn.conflict ?? err;
  }
  if (txn.conflict) {
    txn.abort();
    throw txn.conflict;
  }
  // mongod aborts a transaction on any write error.
  if (!Buffer.isBuffer(reply) && (reply.writeErrors !== undefined || reply.ok === 0)) txn.abort();
  return reply;
}

function dbNameOf(cmd: Record<string, unknown>): string {
  return typeof cmd.$db === "string" ? cmd.$db : "admin";
}

/** The transaction a command runs in; null for a commit retried after it succeeded. */
function transactionFor(
  manager: ReturnType<typeof sessionsOf>,
  session: Session,
  name: string,
  cmd: Record<string, unknown>,
  txnNumber: number,
): Transaction | null {
  if (txnNumber < session.txnNumber) {
    throw new CommandError(
      225,
      `Cannot start transaction ${txnNumber} on session because a newer transaction ${session.txnNumber} has already started.`,
    );
  }
  if (cmd.startTransaction === true) {
    if (txnNumber === session.txnNumber) {
      if (session.txn?.state === "committed")
        throw new CommandError(256, `Transaction ${txnNumber} has been committed.`);
      throw new CommandError(
        251,
        `Given transaction number ${txnNumber} does not match any in-progress transactions.`,
      );
    }
    return manager.startTransaction(session, txnNumber);
  }
  const txn = session.txn;
  if (txnNumber > session.txnNumber || txn === null || txn.txnNumber !== txnNumber) {
    throw noSuchTransaction(txnNumber, name);
  }
  if (txn.state === "aborted") throw noSuchTransaction(txnNumber, name);
  if (txn.state === "committed") {
    if (name === "commitTransaction") return null;
    throw new CommandError(256, `Transaction ${txnNumber} has been committed.`);
  }
  return txn;
}

function retryableWrite(
  session: Session,
  name: string,
  txnNumber: number,
  run: () => CommandReply,
): CommandReply {
  if (!RETRYABLE.has(name)) return run();
  if (txnNumber < session.txnNumber) {
    throw new CommandError(
      225,
      `Retryable write with txnNumber ${txnNumber} is older than ${session.txnNumber}`,
    );
  }
  const last = session.retried;
  if (last && last.txnNumber === txnNumber && last.name === name) return last.reply;
  if (txnNumber > session.txnNumber) {
    session.txn?.abort();
    session.txn = null;
  }
  session.txnNumber = txnNumber;
  const reply = run();
  if (!Buffer.isBuffer(reply) && reply.ok === 1) session.retried = { txnNumber, name, reply };
  return reply;
}
