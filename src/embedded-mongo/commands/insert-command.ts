import { CommandError } from "../errors/command-error";
import type { Doc } from "../storage/doc";
import { withIdFirst } from "../storage/with-id-first";
import { collectionArg, boolArg } from "./args";
import type { CommandContext } from "./command-context";
import { writeErrorOf } from "./write-error-of";
import { checkDocumentValidation } from "../storage/validation-check";
import { assertDocumentSize, assertWriteBatchSize } from "../storage/document-limits";

/** insert: documents arrive in the body or as an OP_MSG document sequence. */
export function insertCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const docs = ctx.cmd.documents;
  if (!Array.isArray(docs))
    throw new CommandError(14, "BSON field 'insert.documents' is missing or not an array");
  assertWriteBatchSize(docs);
  const ordered = boolArg(ctx.cmd.ordered, true);
  const coll = ctx.engine.db(ctx.dbName).getOrCreate(name);
  const writeErrors: Record<string, unknown>[] = [];
  let n = 0;
  for (let i = 0; i < docs.length; i++) {
    // mongod counts every attempted document in opcounters.insert.
    ctx.engine.stats.opcounters.insert++;
    try {
      const doc = withIdFirst(docs[i] as Doc);
      assertDocumentSize(doc);
      checkDocumentValidation(coll, doc, null, ctx.cmd.bypassDocumentValidation);
      coll.apply({ op: "insert", doc });
      n++;
    } catch (err) {
      writeErrors.push(writeErrorOf(i, err));
      if (ordered) break;
    }
  }
  const reply: Record<string, unknown> = { n, ok: 1 };
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  return reply;
}
