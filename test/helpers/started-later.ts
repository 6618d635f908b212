/**
 * Stands for an object a beforeAll hook makes later, so that a fixture can hand it out at
 * once: property reads go to it (methods bound to it) once it exists; before that, and for
 * any write, it throws an error naming the fixture.
 */
export function startedLater<T extends object>(fixture: string, what: string, value: () => T | undefined): T {
  const current = (): T => {
    const object = value();
    if (object === undefined) throw new Error(`${fixture}: the ${what} is used before beforeAll ran`);
    return object;
  };
  return new Proxy({} as T, {
    get(_target, key) {
      const object = current();
      const property = Reflect.get(object, key, object) as unknown;
      return typeof property === "function"
        ? (property as (...args: unknown[]) => unknown).bind(object)
        : property;
    },
    has: (_target, key) => Reflect.has(current(), key),
    set(_target, key, property) {
      throw new Error(
        `the ${what} of ${fixture} is read-only (setting ${String(key)} = ${String(property)})`,
      );
    },
  });
}
