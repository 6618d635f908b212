import type { GraphQLResolveInfo } from "graphql";
import { Args, type ClassType, type Complexity, Ctx, Info, Mutation, Query } from "type-graphql";
import type { GatewayContext } from "../src/context";

/**
 * One Query or Mutation field declared as data: its type, its options (description, complexity …),
 * its arguments class (one `@Args` class, validated as any other) and what it answers.
 */
export interface RootField<TArguments extends object = object> {
  operation: "query" | "mutation";
  /** An object type, or a list of one. */
  returns: ClassType | [ClassType];
  options: { description: string; complexity?: Complexity };
  /** Absent: the field takes no arguments. */
  arguments?: ClassType<TArguments>;
  // A method (not a function property), so that a field of any arguments class is a RootField.
  resolve(args: TArguments, context: GatewayContext, info: GraphQLResolveInfo): Promise<unknown>;
}

const OPERATIONS = { query: Query, mutation: Mutation } as const;

/**
 * Defines each declared field as a method of the decorated resolver class, decorated as the
 * hand-written method would be (`@Query`/`@Mutation`, `@Args`, `@Ctx`, `@Info`). The methods
 * belong to the class itself, so its class-level `@Authorized` rule covers them.
 */
export function RootFields(fields: Record<string, RootField>): ClassDecorator {
  return (target) => {
    for (const [name, field] of Object.entries(fields)) {
      const { arguments: ArgumentsClass } = field;
      const operation = OPERATIONS[field.operation](() => field.returns, field.options);
      if (ArgumentsClass) {
        defineResolverMethod(
          target,
          name,
          (args: object, context: GatewayContext, info: GraphQLResolveInfo) =>
            field.resolve(args, context, info),
          [operation],
          [Args(() => ArgumentsClass), Ctx(), Info()],
        );
      } else {
        defineResolverMethod(
          target,
          name,
          (context: GatewayContext, info: GraphQLResolveInfo) => field.resolve({}, context, info),
          [operation],
          [Ctx(), Info()],
        );
      }
    }
  };
}

/**
 * Adds `method` to the resolver class as `name`, with the method decorators applied as
 * `@Decorator name(...)` would apply them and each parameter decorator to the parameter at
 * its position. type-graphql reads only the metadata they record, so the method is then a
 * resolver like any written in the class body.
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
