import fc from "fast-check";

/** compareTo of a random metrics query: none, the previous period or the previous year. */
export const comparisonArbitrary = fc.option(
  fc.constantFrom("PREVIOUS_PERIOD" as const, "PREVIOUS_YEAR" as const),
);

/** top of a random metrics query (one time in four: none): one of `measures`, 1 to 3 rows, with or without "other". */
export function topArbitrary<TMeasure extends string>(measures: readonly TMeasure[]) {
  return fc.option(
    fc.record({
      measure: fc.constantFrom(...measures),
      limit: fc.integer({ min: 1, max: 3 }),
      withOther: fc.boolean(),
    }),
    { freq: 3 },
  );
}
