import type { Engine } from "../storage/engine";
import type { Transaction } from "../transactions/transaction";
import type { TxnCollection } from "../transactions/txn-collection";
import { changeStreamHubOf } from "./attach-change-streams";

/**
 * Commits a transaction so that its changes reach change streams at commit, together (one
 * cluster time, with the transaction's lsid and txnNumber), in the order it first wrote each
 * document; an aborted or failed commit publishes nothing.
 */
export function commitPublishingChanges(
  engine: Engine,
  txn: Transaction,
  cmd: Record<string, unknown>,
): void {
  const hub = changeStreamHubOf(engine);
  if (!hub) return txn.commit();
  const order = new Map<string, number>();
  for (const db of txn.shadow.databases.values()) {
    for (const coll of db.collections.values()) {
      for (const [key, write] of (coll as TxnCollection).writes) order.set(`${coll.ns}\0${key}`, write.seq);
    }
  }
  hub.commit({ lsid: cmd.lsid, txnNumber: cmd.txnNumber, order }, () => txn.commit());
}
