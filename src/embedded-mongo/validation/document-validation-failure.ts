/** mongod's answer when a write breaks the collection validator (code 121). */
export const documentValidationFailure = {
  code: 121,
  codeName: "DocumentValidationFailure",
  errmsg: "Document failed validation",
} as const;
