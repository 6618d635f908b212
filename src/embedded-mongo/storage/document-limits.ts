import { calculateObjectSize } from "bson";
import { CommandError } from "../errors/command-error";
import type { Doc } from "./doc";

/** mongod's BSONObjectMaxUserSize: 16 MiB. */
export const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024;
/** mongod's maxWriteBatchSize. */
export const MAX_WRITE_BATCH_SIZE = 100_000;

/** Refuses a document (an insert, or an update's result) over 16 MiB with code 10334 BSONObjectTooLarge. */
export function assertDocumentSize(doc: Doc): void {
  let size: number;
  try {
    size = calculateObjectSize(doc, { serializeFunctions: false, ignoreUndefined: false });
  } catch {
    return;
  }
  if (size > MAX_DOCUMENT_SIZE) {
    throw new CommandError(
      10334,
      `BSONObj size: ${size} (0x${size.toString(16).toUpperCase()}) is invalid. Size must be between 0 and ${MAX_DOCUMENT_SIZE}(16MB) First element: _id: ${JSON.stringify(String(doc._id))}`,
    );
  }
}

/** Refuses a write command with more statements than maxWriteBatchSize (code 16 InvalidLength). */
export function assertWriteBatchSize(statements: unknown[]): void {
  if (statements.length > MAX_WRITE_BATCH_SIZE || statements.length === 0) {
    throw new CommandError(
      16,
      `Write batch sizes must be between 1 and ${MAX_WRITE_BATCH_SIZE}. Got ${statements.length} operations.`,
    );
  }
}
