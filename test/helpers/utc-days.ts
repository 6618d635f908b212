const DAY_MS = 86_400_000;

/** `count` consecutive UTC calendar days from `first` (YYYY-MM-DD), as YYYY-MM-DD, by plain date arithmetic. */
export function utcDays(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}
