/** The `action` of each mutation's audit entry. Stable: audit queries filter on them. */
export const AUDIT_ACTIONS = {
  caseCreate: "case.create",
  caseUpdate: "case.update",
  caseStatusChange: "case.status.change",
  caseAssign: "case.assign",
  caseTagsAdd: "case.tags.add",
  caseTagsRemove: "case.tags.remove",
  caseDelete: "case.delete",
  alertCreate: "alert.create",
  alertResolve: "alert.resolve",
  alertLink: "alert.link",
  alertUnlink: "alert.unlink",
  userCreate: "user.create",
  userUpdate: "user.update",
  userRoleChange: "user.role.change",
  profilingLevelSet: "database.profiling.set",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
