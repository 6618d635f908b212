/**
 * Where an event sits in the change history: its cluster time (seconds, increment) and, for the
 * events of one committed transaction (which share a cluster time), its index in the transaction.
 */
export interface ChangePosition {
  t: number;
  i: number;
  op: number;
}

/** The largest value of each field (tokens encode them as 32-bit unsigned). */
export const MAX_POSITION_FIELD = 0xffffffff;

export function comparePositions(a: ChangePosition, b: ChangePosition): number {
  return a.t - b.t || a.i - b.i || a.op - b.op;
}

/** The position just before every event at or after cluster time (t, i): startAtOperationTime. */
export function positionBefore(t: number, i: number): ChangePosition {
  if (i > 0) return { t, i: i - 1, op: MAX_POSITION_FIELD };
  return { t: Math.max(0, t - 1), i: MAX_POSITION_FIELD, op: MAX_POSITION_FIELD };
}
