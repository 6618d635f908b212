import fc from "fast-check";
import type { Db, ObjectId } from "mongodb";
import { ObjectId as NewObjectId } from "mongodb";
import type { AlertDocument } from "../../src/db/alert.document";
import { COLLECTIONS } from "../../src/db/collection-names";
import type { Severity } from "../../src/domain/severity.enum";

/** What random alerts to draw: the same options and seed give the same alerts. */
export interface RandomAlertsOptions {
  /** Timestamps in [from, to), epoch milliseconds. */
  from: number;
  to: number;
  runs: number;
  seed: number;
  types: readonly string[];
  sources: readonly string[];
  severities: readonly Severity[];
  /** Every `nth` alert's timestamp rounded down to a multiple of `toMs` (local midnights, DST changes). */
  round?: { nth: number; toMs: number };
  /** Links about half of the alerts to this case id. */
  linkTo?: ObjectId;
}

/** Random stored alerts (snake_case, as the driver writes them), drawn by fast-check. */
export function randomAlerts(o: RandomAlertsOptions): AlertDocument[] {
  // The record's keys in this order: the drawn values depend on it.
  const fields = {
    timestamp: fc.integer({ min: o.from, max: o.to - 1 }),
    type: fc.constantFrom(...o.types),
    source: fc.constantFrom(...o.sources),
    severity: fc.constantFrom(...o.severities),
    resolved: fc.boolean(),
    ...(o.linkTo ? { linked: fc.boolean() } : {}),
  };
  return fc.sample(fc.record(fields), { numRuns: o.runs, seed: o.seed }).map((a, i) => ({
    _id: new NewObjectId(),
    type: a.type,
    source: a.source,
    severity: a.severity,
    message: `alert ${i}`,
    timestamp: new Date(
      o.round && i % o.round.nth === 0 ? Math.floor(a.timestamp / o.round.toMs) * o.round.toMs : a.timestamp,
    ),
    case_id: o.linkTo && (a as { linked?: boolean }).linked ? o.linkTo : null,
    resolved: a.resolved,
    resolution: a.resolved ? "fixed" : null,
  }));
}

/** A useTestGateway seed that inserts `alerts`. */
export function seedAlerts(alerts: readonly AlertDocument[]): (db: Db) => Promise<void> {
  return async (db) => {
    await db.collection<AlertDocument>(COLLECTIONS.alerts).insertMany([...alerts]);
  };
}
