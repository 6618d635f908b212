/** A compiled `$jsonSchema` (sub)schema: each keyword checked and pre-parsed once. */
export interface JsonSchemaNode {
  /** The schema as written: `specifiedAs` in error details quotes it. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** `title`/`description`, which mongod copies into error details. */
  readonly annotations: Readonly<{ title?: string; description?: string }>;
  /** `type` or `bsonType`, with JSON aliases turned into BSON ones ("boolean" → "bool"). */
  readonly type?: { readonly keyword: "type" | "bsonType"; readonly aliases: readonly string[] };
  readonly pattern?: RegExp;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly multipleOf?: number;
  readonly maximum?: { readonly limit: number; readonly exclusive: boolean };
  readonly minimum?: { readonly limit: number; readonly exclusive: boolean };
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly items?: JsonSchemaNode | readonly JsonSchemaNode[];
  readonly additionalItems?: boolean | JsonSchemaNode;
  readonly properties?: ReadonlyArray<readonly [string, JsonSchemaNode]>;
  readonly patternProperties?: ReadonlyArray<{ readonly regex: RegExp; readonly node: JsonSchemaNode }>;
  readonly additionalProperties?: boolean | JsonSchemaNode;
  readonly required?: readonly string[];
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly dependencies?: ReadonlyArray<readonly [string, readonly string[] | JsonSchemaNode]>;
  readonly allOf?: readonly JsonSchemaNode[];
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly oneOf?: readonly JsonSchemaNode[];
  readonly not?: JsonSchemaNode;
  readonly enum?: readonly unknown[];
}
