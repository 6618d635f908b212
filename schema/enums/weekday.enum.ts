import { registerEnumType } from "type-graphql";
import type { IsoWeekday } from "../../src/pipelines/time-granularity";

/** A day of the week. */
export enum Weekday {
  MONDAY = "monday",
  TUESDAY = "tuesday",
  WEDNESDAY = "wednesday",
  THURSDAY = "thursday",
  FRIDAY = "friday",
  SATURDAY = "saturday",
  SUNDAY = "sunday",
}

/** ISO weekday numbers (1 = Monday). */
export const ISO_WEEKDAY: Readonly<Record<Weekday, IsoWeekday>> = {
  [Weekday.MONDAY]: 1,
  [Weekday.TUESDAY]: 2,
  [Weekday.WEDNESDAY]: 3,
  [Weekday.THURSDAY]: 4,
  [Weekday.FRIDAY]: 5,
  [Weekday.SATURDAY]: 6,
  [Weekday.SUNDAY]: 7,
};

registerEnumType(Weekday, { name: "Weekday", description: "A day of the week" });
