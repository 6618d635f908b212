import type { CaseDocument } from "../../src/db/case.document";
import { CaseStatus } from "../../src/domain/case-status.enum";
import { Priority } from "../../src/domain/priority.enum";
import { Severity } from "../../src/domain/severity.enum";

/**
 * A case as stored (snake_case, no _id unless given: the driver adds one), open and unassigned,
 * of now, for tests that write around the gateway; `fields` override any of it.
 */
export function caseDocument(
  fields: Partial<CaseDocument> = {},
): Omit<CaseDocument, "_id"> & Partial<CaseDocument> {
  return {
    title: "",
    description: "",
    severity: Severity.LOW,
    status: CaseStatus.OPEN,
    priority: Priority.LOW,
    assignee: null,
    created_at: new Date(),
    updated_at: new Date(),
    resolved_at: null,
    tags: [],
    metadata: {},
    ...fields,
  };
}
