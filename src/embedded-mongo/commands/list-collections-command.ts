import { Query } from "mingo/query";
import { queryOptions } from "../query/mingo-options";
import type { Doc } from "../storage/doc";
import { boolArg, docArg } from "./args";
import type { CommandContext } from "./command-context";

/** listCollections: filter, nameOnly and a cursor, as mongod answers it. */
export function listCollectionsCommand(ctx: CommandContext): Buffer {
  const filter = docArg(ctx.cmd.filter, "filter");
  const nameOnly = boolArg(ctx.cmd.nameOnly, false);
  const query = new Query(filter, queryOptions);
  const db = ctx.engine.databases.get(ctx.dbName);
  const out: Doc[] = [];
  for (const coll of db ? db.collections.values() : []) {
    const full: Doc = {
      name: coll.name,
      type: "collection",
      options: { ...coll.options },
      info: { readOnly: false, uuid: coll.uuid },
      idIndex: { ...coll.idIndex.spec },
    };
    if (!query.test(full)) continue;
    out.push(nameOnly ? { name: coll.name, type: "collection" } : full);
  }
  const cursor = docArg(ctx.cmd.cursor, "cursor");
  return ctx.engine.cursors.open(`${ctx.dbName}.$cmd.listCollections`, out[Symbol.iterator](), {
    batchSize: typeof cursor.batchSize === "number" ? cursor.batchSize : undefined,
  });
}
