import type { Doc } from "../storage/doc";
import { withIdFirst } from "../storage/with-id-first";
import { collectionArg } from "./args";
import type { CommandContext } from "./command-context";
import { runWriteBatch, writeBatchArg } from "./write-batch";
import { checkDocumentValidation } from "../storage/validation-check";
import { assertDocumentSize } from "../storage/document-limits";

/** insert: documents arrive in the body or as an OP_MSG document sequence. */
export function insertCommand(ctx: CommandContext): Record<string, unknown> {
  const name = collectionArg(ctx);
  const batch = writeBatchArg(ctx, "documents");
  const coll = ctx.engine.db(ctx.dbName).getOrCreate(name);
  let n = 0;
  const writeErrors = runWriteBatch(ctx, batch, "insert", (statement) => {
    const doc = withIdFirst(statement as Doc);
    assertDocumentSize(doc);
    checkDocumentValidation(coll, doc, null, ctx.cmd.bypassDocumentValidation);
    coll.apply({ op: "insert", doc });
    n++;
  });
  const reply: Record<string, unknown> = { n, ok: 1 };
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  return reply;
}
