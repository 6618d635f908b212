import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoundedLru } from "../../src/execution/bounded-lru";

/*
 * The compiled-query cache (COMPILED_QUERY_CACHE_SIZE) never holds more than its bound and
 * drops the least recently used entry first. Reference: a plain list, most recent last.
 */
type Operation = { kind: "get"; key: number } | { kind: "set"; key: number; value: number };

const operations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("get" as const), key: fc.integer({ min: 0, max: 9 }) }),
    fc.record({
      kind: fc.constant("set" as const),
      key: fc.integer({ min: 0, max: 9 }),
      value: fc.integer(),
    }),
  ),
  { maxLength: 200 },
);

describe("the compiled-query cache's bound", () => {
  it("answers and evicts as a least-recently-used list of at most maxEntries", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), operations, (maxEntries, ops: Operation[]) => {
        const lru = new BoundedLru<number, number>(maxEntries);
        let reference: [number, number][] = [];
        for (const op of ops) {
          const index = reference.findIndex(([key]) => key === op.key);
          if (op.kind === "get") {
            const expected = index === -1 ? undefined : reference[index]![1];
            if (index !== -1) reference.push(...reference.splice(index, 1));
            expect(lru.get(op.key)).toBe(expected);
          } else {
            lru.set(op.key, op.value);
            if (maxEntries === 0) continue;
            if (index !== -1) reference.splice(index, 1);
            reference.push([op.key, op.value]);
            if (reference.length > maxEntries) reference = reference.slice(1);
          }
          expect(lru.size).toBe(reference.length);
          expect(lru.size).toBeLessThanOrEqual(maxEntries);
        }
      }),
    );
  });
});
