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
    for (const [name, field] of Object.entries(fields))
      defineRootField(target.prototype as object, name, field);
  };
}

function defineRootField(prototype: object, name: string, field: RootField): void {
  const { arguments: ArgumentsClass } = field;
  const method = ArgumentsClass
    ? (args: object, context: GatewayContext, info: GraphQLResolveInfo) => field.resolve(args, context, info)
    : (context: GatewayContext, info: GraphQLResolveInfo) => field.resolve({}, context, info);
  const descriptor = { value: method, writable: true, configurable: true };
  Object.defineProperty(prototype, name, descriptor);
  OPERATIONS[field.operation](() => field.returns, field.options)(prototype, name, descriptor);
  let index = 0;
  if (ArgumentsClass) Args(() => ArgumentsClass)(prototype, name, index++);
  Ctx()(prototype, name, index++);
  Info()(prototype, name, index);
}
