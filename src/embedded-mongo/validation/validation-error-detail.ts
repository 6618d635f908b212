/**
 * One node of mongod's `errInfo.details` tree, e.g.
 * `{operatorName: "maxLength", specifiedAs: {maxLength: 200}, reason: "...", consideredValue: "..."}`.
 */
export type ValidationErrorDetail = { operatorName?: string } & Record<string, unknown>;
