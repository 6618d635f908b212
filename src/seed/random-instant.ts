import type { SeededRandom } from "./seeded-random";

/**
 * Relative activity by UTC hour: incidents and alerts cluster in European and American
 * working hours and thin out at night, so hourly trends have a daily rhythm.
 */
const ACTIVITY_BY_UTC_HOUR: readonly number[] = [
  0.45, 0.4, 0.35, 0.35, 0.35, 0.4, 0.5, 0.65, 0.8, 0.9, 0.95, 1, 1, 1, 1, 1, 0.95, 0.95, 0.9, 0.85, 0.75,
  0.65, 0.55, 0.5,
];

/** Lighter weekends (Saturday and Sunday by UTC date). */
const WEEKEND_ACTIVITY = 0.6;

/** An instant in [start, end) drawn with a daily and weekly rhythm (rejection sampling). */
export function randomInstant(random: SeededRandom, start: Date, end: Date): Date {
  const from = start.getTime();
  const span = end.getTime() - from;
  if (span <= 0) return new Date(from);
  for (;;) {
    const ms = from + Math.floor(random.next() * span);
    const date = new Date(ms);
    const weekday = date.getUTCDay();
    const weight =
      ACTIVITY_BY_UTC_HOUR[date.getUTCHours()]! * (weekday === 0 || weekday === 6 ? WEEKEND_ACTIVITY : 1);
    if (random.next() < weight) return date;
  }
}
