import { type RollupTier, tierUnitCount } from "../db/rollup-tiers";

/** A unit of one tier, added (sign 1) or subtracted (sign −1). */
export interface RollupPiece {
  /** Index into the tiers given (0: quarter hours). */
  tier: number;
  /** Start of the unit (ms). */
  start: number;
  sign: 1 | -1;
}

export interface RollupPieceContext {
  /** The tiers that may be read, finest (quarter hours) first. */
  tiers: readonly RollupTier[];
  /** The rollup is complete before this instant (ms): a unit is read only if it ends by then. */
  watermark: number;
  /** Starts of the quarter hours marked dirty, ascending: no unit holding one is read. */
  dirty: readonly number[];
}

export interface RollupDecomposition {
  pieces: RollupPiece[];
  /** Dirty quarter hours of the interval: the caller reads them from the raw alerts. */
  raw: number[];
}

/**
 * Writes [from, to) (quarter-hour boundaries, `to` ≤ the watermark) as a signed sum of
 * rollup units, coarsest tier first: each end moves to a boundary of the tier, inwards or
 * outwards (outwards only when that unit may be read), whichever reads fewer documents
 * (or the tier is skipped when the finer one does better), the units in between are taken whole, and
 * the remainders at the ends — added when the end moved inwards, subtracted when it moved
 * outwards — are written with the next finer tier. A Europe/Berlin day
 * [D−1 22:00Z, D 22:00Z) becomes day D + hours 22–24 of D−1 − hours 22–24 of D; a range of
 * months becomes months ± days ± hours ± quarter hours. Counts add and subtract exactly.
 *
 * A unit is read only if it ends by the watermark and holds no dirty quarter hour;
 * otherwise it is written with the finer tier, down to the dirty quarter hours, which go
 * to `raw`. Subtracted units always lie inside a unit that was read, so they are never dirty.
 */
export function decomposeInterval(
  from: number,
  to: number,
  context: RollupPieceContext,
): RollupDecomposition {
  const out: RollupDecomposition = { pieces: [], raw: [] };
  decompose(from, to, context.tiers.length - 1, 1, context, out);
  return out;
}

function decompose(
  from: number,
  to: number,
  level: number,
  sign: 1 | -1,
  context: RollupPieceContext,
  out: RollupDecomposition,
): void {
  if (from >= to) return;
  const tier = context.tiers[level]!;
  if (level === 0) {
    for (let start = from; start < to; start = tier.next(start)) {
      if (sign > 0 && isDirty(context.dirty, start, tier.next(start))) out.raw.push(start);
      else out.pieces.push({ tier: 0, start, sign });
    }
    return;
  }
  const readable = (start: number): boolean => {
    const end = tier.next(start);
    return end <= context.watermark && !isDirty(context.dirty, start, end);
  };
  const { first, last } = cheapestSpan(from, to, tier, context.tiers[level - 1]!, readable);
  if (first >= last) {
    decompose(from, to, level - 1, sign, context, out);
    return;
  }
  for (let start = first; start < last; start = tier.next(start)) {
    if (readable(start)) out.pieces.push({ tier: level, start, sign });
    else decompose(start, tier.next(start), level - 1, sign, context, out);
  }
  if (from < first) decompose(from, first, level - 1, sign, context, out);
  else if (first < from) decompose(first, from, level - 1, negate(sign), context, out);
  if (last < to) decompose(last, to, level - 1, sign, context, out);
  else if (to < last) decompose(to, last, level - 1, negate(sign), context, out);
}

/**
 * The span [first, last) of whole units of `tier` to take for [from, to): each end at its
 * unit boundary inside or outside (outside only when that unit may be read), whichever
 * reads the fewest documents, counting a remainder at `finer`'s width; first ≥ last when
 * `finer` alone does better (a day that would be a month minus four weeks).
 */
function cheapestSpan(
  from: number,
  to: number,
  tier: RollupTier,
  finer: RollupTier,
  readable: (start: number) => boolean,
): { first: number; last: number } {
  const finerWidth = finer.next(finer.floor(from)) - finer.floor(from);
  const startFloor = tier.floor(from);
  const starts =
    startFloor === from ? [from] : [tier.next(startFloor), ...(readable(startFloor) ? [startFloor] : [])];
  const endFloor = tier.floor(to);
  const ends = endFloor === to ? [to] : [endFloor, ...(readable(endFloor) ? [tier.next(endFloor)] : [])];
  let best = { first: to, last: to, cost: (to - from) / finerWidth };
  for (const first of starts) {
    for (const last of ends) {
      if (first >= last) continue;
      const cost =
        tierUnitCount(tier, first, last) + (Math.abs(from - first) + Math.abs(last - to)) / finerWidth;
      if (cost < best.cost) best = { first, last, cost };
    }
  }
  return best;
}

function negate(sign: 1 | -1): 1 | -1 {
  return sign > 0 ? -1 : 1;
}

/** True when a dirty quarter hour starts in [from, to) (`dirty` ascending). */
function isDirty(dirty: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = dirty.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dirty[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < dirty.length && dirty[lo]! < to;
}
