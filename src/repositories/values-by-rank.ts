/** Enum values sorted from lowest to highest rank, e.g. low, medium, high, critical. */
export function valuesByRank<TValue extends string>(ranks: Readonly<Record<TValue, number>>): TValue[] {
  return (Object.keys(ranks) as TValue[]).sort((a, b) => ranks[a] - ranks[b]);
}
