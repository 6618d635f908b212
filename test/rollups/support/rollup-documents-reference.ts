import { DateTime } from "luxon";
import type { Db } from "mongodb";
import { expect } from "vitest";
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

/** What alert_rollups (or the tier `collection`) holds, in the same shape and order. */
export async function storedRollup(db: Db, collection = "alert_rollups"): Promise<ReferenceRollupRow[]> {
  const docs = await db.collection(collection).find({}).toArray();
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

/** The coarser tiers and the UTC unit each one sums the quarter hours over. */
export const TIER_UNITS = [
  { collection: "alert_rollups_hourly", unit: "hour" },
  { collection: "alert_rollups_6h", unit: "six hours" },
  { collection: "alert_rollups_daily", unit: "day" },
  { collection: "alert_rollups_monthly", unit: "month" },
] as const;

export type TierUnit = (typeof TIER_UNITS)[number]["unit"];

/** Every tier's collection: the quarter hours, then the coarser tiers. */
export const TIER_COLLECTIONS: readonly string[] = [
  "alert_rollups",
  ...TIER_UNITS.map((tier) => tier.collection),
];

/** The start of the UTC unit holding `at`, by Luxon (six hours: 00, 06, 12, 18). */
export function startOfUtcUnit(at: DateTime, unit: TierUnit): DateTime {
  const utc = at.setZone("utc");
  if (unit !== "six hours") return utc.startOf(unit);
  return utc.startOf("day").plus({ hours: Math.floor(utc.hour / 6) * 6 });
}

/**
 * A coarser tier as it should be: the stored quarter-hour documents (read with the driver)
 * summed per UTC unit here, with Luxon's calendar.
 */
export async function expectedTier(db: Db, unit: TierUnit): Promise<ReferenceRollupRow[]> {
  const groups = new Map<string, ReferenceRollupRow>();
  for (const row of await storedRollup(db)) {
    const bucket = startOfUtcUnit(DateTime.fromISO(row.bucket, { zone: "utc" }), unit)
      .toJSDate()
      .toISOString();
    const key = JSON.stringify({ ...row, bucket, count: 0 });
    const existing = groups.get(key);
    if (existing) existing.count += row.count;
    else groups.set(key, { ...row, bucket });
  }
  return sortRows([...groups.values()]);
}

/** Every coarser tier equals the Luxon sum of the stored quarter-hour documents. */
export async function expectTiersSumQuarterHours(db: Db): Promise<void> {
  for (const { collection, unit } of TIER_UNITS) {
    expect(await storedRollup(db, collection), collection).toEqual(await expectedTier(db, unit));
  }
}
