import type { Query } from "mingo";
import type { JsonSchemaNode } from "./json-schema-node";

/**
 * A compiled validator clause. Query clauses keep a mingo Query for matching and what mongod
 * needs to describe a failure (`specifiedAs`, the field path and operator).
 */
export type ValidatorNode =
  | { readonly kind: "jsonSchema"; readonly schema: JsonSchemaNode }
  | { readonly kind: "$and" | "$or" | "$nor"; readonly children: readonly ValidatorNode[] }
  | { readonly kind: "expr"; readonly expression: unknown; readonly query: Query }
  | {
      readonly kind: "field";
      readonly path: string;
      /** Query operator ("$eq" for an implicit equality). */
      readonly operator: string;
      readonly operand: unknown;
      readonly specifiedAs: Readonly<Record<string, unknown>>;
      readonly query: Query;
    }
  | {
      readonly kind: "not";
      readonly specifiedAs: Readonly<Record<string, unknown>>;
      readonly child: ValidatorNode;
    }
  | {
      readonly kind: "other";
      readonly operator: string;
      readonly specifiedAs: Readonly<Record<string, unknown>>;
      readonly query: Query;
    };
