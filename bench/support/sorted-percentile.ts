/** The p-th percentile (0–100) of `sorted` (ascending): the value at floor(p% of the count). */
export function sortedPercentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
