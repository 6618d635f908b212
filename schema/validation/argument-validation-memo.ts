/**
 * Validation outcomes of argument objects, remembered by arguments class and values.
 * class-validator's cost is per call, and a field resolved once per node of a page —
 * `alerts(first: 5)` on 50 cases — or once per request by every dashboard poll sees
 * the same few argument objects again and again. Validation is a pure function of the
 * class and the values (the configuration's part, MAX_PAGE_SIZE, is part of the key),
 * so an outcome seen before is the outcome now: the rules still hold for every request,
 * failing ones included, and only the work is shared.
 *
 * The values are keyed as JSON: for one class every property has one GraphQL type, so
 * one JSON text stands for one set of coerced values. Bounded: at most `maxEntries`
 * outcomes (least recently used go first), and objects whose JSON passes `maxKeyLength`
 * (large mutation inputs, rarely repeated) are validated without being remembered.
 * Outcomes are shared as promises, so the 50 concurrent calls of a page wait for one.
 */
export class ArgumentValidationMemo<Outcome> {
  private readonly outcomes = new Map<string, Promise<Outcome>>();
  private readonly classIds = new WeakMap<object, number>();
  private nextClassId = 0;

  constructor(
    private readonly maxEntries = 1_000,
    private readonly maxKeyLength = 1_024,
  ) {}

  /** The remembered outcome for `item` under `variant`, or the one `compute` gives (then remembered). */
  outcome(item: object, variant: string | number, compute: () => Promise<Outcome>): Promise<Outcome> {
    const key = this.keyOf(item, variant);
    if (key === undefined) return compute();
    const known = this.outcomes.get(key);
    if (known) {
      // Most recently used last.
      this.outcomes.delete(key);
      this.outcomes.set(key, known);
      return known;
    }
    const computed = compute();
    this.outcomes.set(key, computed);
    // A validator that threw is not an outcome: the next call tries again.
    computed.catch(() => this.outcomes.delete(key));
    while (this.outcomes.size > this.maxEntries) this.outcomes.delete(this.outcomes.keys().next().value!);
    return computed;
  }

  private keyOf(item: object, variant: string | number): string | undefined {
    let json: string | undefined;
    try {
      json = JSON.stringify(item);
    } catch {
      return undefined;
    }
    if (json === undefined || json.length > this.maxKeyLength) return undefined;
    let classId = this.classIds.get(item.constructor);
    if (classId === undefined) this.classIds.set(item.constructor, (classId = this.nextClassId++));
    return `${classId}|${variant}|${json}`;
  }
}
