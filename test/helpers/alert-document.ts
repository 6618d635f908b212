import type { AlertDocument } from "../../src/db/alert.document";
import { Severity } from "../../src/domain/severity.enum";

/**
 * An alert as stored (snake_case, no _id: the driver adds one), unresolved, of now, for tests that
 * write around the gateway; `fields` override any of it.
 */
export function alertDocument(fields: Partial<Omit<AlertDocument, "_id">> = {}): Omit<AlertDocument, "_id"> {
  return {
    type: "test",
    source: "test",
    severity: Severity.LOW,
    message: "",
    timestamp: new Date(),
    case_id: null,
    resolved: false,
    resolution: null,
    ...fields,
  };
}
