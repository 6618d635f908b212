/** `validationLevel` of a collection: which writes are validated. */
export type ValidationLevel = "off" | "strict" | "moderate";

/** `validationAction`: what an invalid write gets ("errorAndLog" is mongod 8's reject-and-log). */
export type ValidationAction = "error" | "warn" | "errorAndLog";

/** The facts about one write that decide whether its validation failure matters. */
export interface ValidationPolicy {
  readonly level?: ValidationLevel;
  readonly action?: ValidationAction;
  /** An update or replacement of an existing document (not an insert or upsert-insert). */
  readonly isUpdate: boolean;
  /** For updates under "moderate": whether the document satisfied the validator before the write. */
  readonly oldDocValid?: boolean;
}
