/** Width of an alert-trend bucket; a `$dateTrunc` unit. */
export type TrendGranularity = "hour" | "day" | "week" | "month";

export const TREND_GRANULARITIES: readonly TrendGranularity[] = ["hour", "day", "week", "month"];
