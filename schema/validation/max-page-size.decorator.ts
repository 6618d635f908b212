/**
 * Marks a `first` argument as capped by MAX_PAGE_SIZE. The cap is configuration, read
 * per request from the context, so a static `@Max(n)` cannot express it;
 * validateArguments (schema/validate-arguments.ts) enforces it next to the
 * class-validator decorators.
 */
export function MaxPageSize(): PropertyDecorator {
  return (target, property) => {
    const marked = PAGE_SIZE_PROPERTIES.get(target.constructor) ?? new Set<string>();
    marked.add(String(property));
    PAGE_SIZE_PROPERTIES.set(target.constructor, marked);
  };
}

const PAGE_SIZE_PROPERTIES = new WeakMap<object, Set<string>>();

/** The properties of an arguments class, or of a class it extends, marked with @MaxPageSize(). */
export function pageSizeProperties(argumentsClass: object): ReadonlySet<string> {
  const marked = new Set<string>();
  for (let type: object | null = argumentsClass; type; type = Object.getPrototypeOf(type)) {
    for (const property of PAGE_SIZE_PROPERTIES.get(type) ?? []) marked.add(property);
  }
  return marked;
}
