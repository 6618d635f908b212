/** What a list of cases can be ordered by. */
export enum CaseOrderField {
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
  SEVERITY = "SEVERITY",
  PRIORITY = "PRIORITY",
}
