/**
 * Adds `method` to a resolver class as `name`, with the method decorators applied as
 * `@Decorator name(...)` would apply them and each parameter decorator to the parameter at
 * its position. type-graphql reads only the metadata they record, so the method is then a
 * resolver like any written in the class body; defined on the class itself (not a base
 * class), it is covered by the class's own `@Authorized` rule.
 */
export function defineResolverMethod(
  target: { prototype: object },
  name: string,
  method: (...parameters: never[]) => unknown,
  decorators: ((prototype: object, name: string, descriptor: PropertyDescriptor) => void)[],
  parameterDecorators: ((prototype: object, name: string, index: number) => void)[],
): void {
  const { prototype } = target;
  const descriptor = { value: method, writable: true, configurable: true };
  Object.defineProperty(prototype, name, descriptor);
  for (const decorate of decorators) decorate(prototype, name, descriptor);
  parameterDecorators.forEach((decorate, index) => decorate(prototype, name, index));
}
