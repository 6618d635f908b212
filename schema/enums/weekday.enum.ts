import { positionsOf } from "../../src/domain/string-enum";
import { type IsoWeekday, WEEKDAYS } from "../../src/pipelines/time-granularity";
import { graphqlEnum } from "./graphql-enum";

/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number];
export const Weekday = graphqlEnum("Weekday", WEEKDAYS, "A day of the week");

/** ISO weekday numbers (1 = Monday): positions in WEEKDAYS, which runs in ISO order. */
export const ISO_WEEKDAY = positionsOf(WEEKDAYS) as Readonly<Record<Weekday, IsoWeekday>>;
