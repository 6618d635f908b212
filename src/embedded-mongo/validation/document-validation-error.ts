import { documentValidationFailure } from "./document-validation-failure";
import type { ValidationErrorDetail } from "./validation-error-detail";

/** The write error mongod returns for a document that failed validation. */
export interface DocumentValidationError {
  code: 121;
  codeName: "DocumentValidationFailure";
  errmsg: "Document failed validation";
  errInfo: { failingDocumentId: unknown; details: ValidationErrorDetail };
}

/** Wraps validateDocument's details into the error mongod returns (the writeErrors entry adds `index`). */
export function documentValidationError(
  doc: Readonly<Record<string, unknown>>,
  details: ValidationErrorDetail,
): DocumentValidationError {
  return { ...documentValidationFailure, errInfo: { failingDocumentId: doc._id, details } };
}
