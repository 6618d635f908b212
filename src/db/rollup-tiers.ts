import { ROLLUP_BUCKET_MS, ROLLUP_COLLECTIONS } from "./rollup-names";

/**
 * One tier of the alert rollups: documents of the same shape as alert_rollups, one per UTC
 * unit (quarter hour, hour, six hours, day or calendar month) and combination. Each unit is an exact
 * union of units of the tier below, so each tier is the sum of the one below it.
 */
export interface RollupTier {
  name: "quarter" | "hour" | "six_hours" | "day" | "month";
  collection: string;
  /** Start of the unit holding the instant `ms`. */
  floor(ms: number): number;
  /** Start of the unit after the one starting at `start`. */
  next(start: number): number;
  /** The width of a unit (ms); absent for months, whose width varies. */
  width?: number;
  /** `$dateTrunc` arguments (in UTC) that give the unit's start of an instant. */
  trunc: { unit: string; binSize?: number };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function fixed(
  name: RollupTier["name"],
  collection: string,
  width: number,
  trunc: RollupTier["trunc"],
): RollupTier {
  return {
    name,
    collection,
    trunc,
    floor: (ms) => ms - (((ms % width) + width) % width),
    next: (start) => start + width,
    width,
  };
}

/**
 * The tiers, finest first: quarter hours (alert_rollups, the public contract), hours, six
 * hours (00, 06, 12, 18 UTC: the part of today before the watermark in at most three
 * documents per combination instead of up to 23 hours), days, months.
 */
export const ROLLUP_TIERS: readonly RollupTier[] = [
  fixed("quarter", ROLLUP_COLLECTIONS.rollups, ROLLUP_BUCKET_MS, { unit: "minute", binSize: 15 }),
  fixed("hour", ROLLUP_COLLECTIONS.hourly, HOUR_MS, { unit: "hour" }),
  fixed("six_hours", ROLLUP_COLLECTIONS.sixHourly, 6 * HOUR_MS, { unit: "hour", binSize: 6 }),
  fixed("day", ROLLUP_COLLECTIONS.daily, DAY_MS, { unit: "day" }),
  {
    name: "month",
    collection: ROLLUP_COLLECTIONS.monthly,
    trunc: { unit: "month" },
    floor: (ms) => {
      const at = new Date(ms);
      return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);
    },
    next: (start) => {
      const at = new Date(start);
      return Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
    },
  },
];

/** The first unit start of `tier` at or after `ms`. */
export function ceilToTier(tier: RollupTier, ms: number): number {
  const floor = tier.floor(ms);
  return floor === ms ? floor : tier.next(floor);
}

/** The starts of the units of `tier` that overlap [from, to), in order. */
export function tierUnitsOverlapping(tier: RollupTier, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let start = tier.floor(from); start < to; start = tier.next(start)) starts.push(start);
  return starts;
}

/** How many units of `tier` start in [from, to) (`from` a unit start). */
export function tierUnitCount(tier: RollupTier, from: number, to: number): number {
  if (tier.width !== undefined) return Math.max(0, Math.ceil((to - from) / tier.width));
  let count = 0;
  for (let start = from; start < to; start = tier.next(start)) count++;
  return count;
}

/**
 * The `bucket` condition selecting the units starting at `starts` (ascending): a range when
 * they follow each other (cheaper to re-check per document than a long `$in`), else `$in`.
 */
export function unitsCondition(tier: RollupTier, starts: readonly number[]): Record<string, Date | Date[]> {
  const contiguous = starts.every((start, i) => i === 0 || tier.next(starts[i - 1]!) === start);
  return contiguous
    ? { $gte: new Date(starts[0]!), $lt: new Date(tier.next(starts.at(-1)!)) }
    : { $in: starts.map((at) => new Date(at)) };
}
