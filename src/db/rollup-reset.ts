import type { Db } from "mongodb";
import { ROLLUP_COLLECTIONS } from "./rollup-names";

/**
 * Empties every rollup collection (all tiers, rollup_state, rollup_dirty), for jobs that
 * replace the alerts wholesale (`jupiter db restore`, `jupiter db seed`): without a
 * watermark the next refresh rebuilds the rollup from the alerts as they are, and until
 * then every query runs live. Returns the documents removed.
 */
export async function resetRollups(db: Db): Promise<number> {
  let removed = 0;
  for (const name of Object.values(ROLLUP_COLLECTIONS))
    removed += (await db.collection(name).deleteMany({})).deletedCount;
  return removed;
}
