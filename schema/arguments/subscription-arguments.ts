import type { ResolverData } from "type-graphql";
import { validateArguments } from "../validate-arguments";

type Plain = Record<string, unknown>;

/**
 * A subscription's `subscribe` function gets the coerced arguments as plain objects
 * (type-graphql converts and validates only for the resolver of each event). This
 * turns them into the arguments class — nested inputs into theirs — and runs the same
 * validation as queries, so a bad argument is refused before anything is watched.
 */
export async function subscriptionArguments<T extends object>(
  ArgumentsClass: new () => T,
  args: Plain,
  context: unknown,
  nested: Partial<Record<keyof T, new () => object>> = {},
): Promise<T> {
  const instance = new ArgumentsClass() as Plain;
  for (const [key, value] of Object.entries(args)) {
    const InputClass = (nested as Record<string, (new () => object) | undefined>)[key];
    instance[key] =
      InputClass && value !== null && typeof value === "object"
        ? Object.assign(new InputClass(), value)
        : value;
  }
  await validateArguments(instance, undefined, { context } as ResolverData);
  return instance as T;
}
