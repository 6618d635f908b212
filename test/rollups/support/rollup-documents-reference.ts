import type { Db } from "mongodb";
import type { AlertDocument } from "../../../src/db/alert.document";

/** One rollup row as a plain reference: the alerts of one 15-minute bucket and combination. */
export interface ReferenceRollupRow {
  bucket: string;
  type: string;
  source: string;
  severity: string;
  resolved: boolean;
  count: number;
}

const QUARTER = 900_000;

/** alert_rollups as it should be: the alerts the driver reads, grouped here in plain code. */
export async function expectedRollup(db: Db): Promise<ReferenceRollupRow[]> {
  const groups = new Map<string, ReferenceRollupRow>();
  for (const alert of await db.collection<AlertDocument>("alerts").find({}).toArray()) {
    const bucket = new Date(Math.floor(alert.timestamp.getTime() / QUARTER) * QUARTER).toISOString();
    const row = {
      bucket,
      type: alert.type,
      source: alert.source,
      severity: alert.severity,
      resolved: alert.resolved,
    };
    const key = JSON.stringify(row);
    const existing = groups.get(key);
    if (existing) existing.count++;
    else groups.set(key, { ...row, count: 1 });
  }
  return sortRows([...groups.values()]);
}

/** What alert_rollups holds, in the same shape and order. */
export async function storedRollup(db: Db): Promise<ReferenceRollupRow[]> {
  const docs = await db.collection("alert_rollups").find({}).toArray();
  return sortRows(
    docs.map((doc) => ({
      bucket: (doc.bucket as Date).toISOString(),
      type: doc.type as string,
      source: doc.source as string,
      severity: doc.severity as string,
      resolved: doc.resolved as boolean,
      count: doc.count as number,
    })),
  );
}

function sortRows(rows: ReferenceRollupRow[]): ReferenceRollupRow[] {
  return rows.sort((a, b) => {
    const ka = JSON.stringify(a);
    const kb = JSON.stringify(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
