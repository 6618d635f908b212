import { isPlainObject } from "../bson/is-plain-object";
import { CommandError } from "../errors/command-error";

/** Generic arguments every command accepts (mongod 7.0 generic_argument.idl); `$`-fields are the driver's. */
const GENERIC = [
  "apiVersion",
  "apiStrict",
  "apiDeprecationErrors",
  "maxTimeMS",
  "readConcern",
  "writeConcern",
  "lsid",
  "txnNumber",
  "autocommit",
  "startTransaction",
  "stmtId",
  "comment",
  "clientOperationKey",
  "txnRetryCounter",
  "mayBypassWriteBlocking",
  "collectionUUID",
  "isTimeseriesNamespace",
  "encryptionInformation",
];

/**
 * The fields mongod 7.0's IDL knows for the commands whose options change results. A field it
 * does not know fails with 40415 as in 7.0, instead of being ignored (e.g. `sort` in an update
 * statement, which arrived in 8.0).
 */
const COMMAND_FIELDS: Record<string, string[]> = {
  find: [
    "filter",
    "projection",
    "sort",
    "hint",
    "skip",
    "limit",
    "batchSize",
    "singleBatch",
    "max",
    "min",
    "returnKey",
    "showRecordId",
    "tailable",
    "oplogReplay",
    "noCursorTimeout",
    "awaitData",
    "allowPartialResults",
    "collation",
    "allowDiskUse",
    "let",
    "readOnce",
    "term",
  ],
  insert: ["documents", "ordered", "bypassDocumentValidation", "stmtIds"],
  update: ["updates", "ordered", "bypassDocumentValidation", "let", "stmtIds"],
  delete: ["deletes", "ordered", "let", "stmtIds"],
  findAndModify: [
    "query",
    "fields",
    "sort",
    "remove",
    "update",
    "new",
    "upsert",
    "bypassDocumentValidation",
    "collation",
    "arrayFilters",
    "hint",
    "let",
  ],
  count: ["query", "limit", "skip", "hint", "collation", "fields"],
  distinct: ["key", "query", "collation", "hint"],
  aggregate: [
    "pipeline",
    "explain",
    "allowDiskUse",
    "cursor",
    "bypassDocumentValidation",
    "collation",
    "hint",
    "let",
    "exchange",
    "isMapReduceCommand",
    "needsMerge",
    "fromMongos",
    "fromRouter",
  ],
};
const KNOWN = new Map(
  Object.entries(COMMAND_FIELDS).map(([name, fields]) => [name, new Set([name, ...GENERIC, ...fields])]),
);
KNOWN.set("findandmodify", new Set(["findandmodify", ...(KNOWN.get("findAndModify") as Set<string>)]));

const STATEMENT_FIELDS: Record<string, Set<string>> = {
  updates: new Set([
    "q",
    "u",
    "c",
    "arrayFilters",
    "multi",
    "upsert",
    "upsertSupplied",
    "collation",
    "hint",
    "sampleId",
  ]),
  deletes: new Set(["q", "limit", "hint", "collation", "sampleId"]),
};

/** Refuses (40415, mongod's message) a field the command's 7.0 definition does not have. */
export function assertKnownFields(name: string, cmd: Record<string, unknown>): void {
  const known = KNOWN.get(name);
  if (!known) return;
  for (const field of Object.keys(cmd)) {
    if (!known.has(field) && !field.startsWith("$")) throw unknownField(`${name}.${field}`);
  }
  for (const [list, fields] of Object.entries(STATEMENT_FIELDS)) {
    const statements = cmd[list];
    if (!Array.isArray(statements)) continue;
    for (const st of statements) {
      if (!isPlainObject(st)) continue;
      for (const field of Object.keys(st)) {
        if (!fields.has(field) && !field.startsWith("$")) throw unknownField(`${name}.${list}.${field}`);
      }
    }
  }
}

function unknownField(path: string): CommandError {
  return new CommandError(40415, `BSON field '${path}' is an unknown field.`);
}
