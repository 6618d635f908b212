import { CASE_STATUS_ORDER, CaseStatus } from "../domain/case-status.enum";
import { BadUserInputError } from "../errors/gateway-error";

/**
 * The case status workflow:
 *
 *     OPEN ──▶ IN_PROGRESS ──▶ RESOLVED ──▶ CLOSED
 *                   ▲              │
 *                   └── reopen ────┘
 *
 * Nothing else: no status goes to itself, CLOSED is final, and a case is never set back
 * to OPEN. `resolved_at` is set when a case enters RESOLVED, cleared when it is
 * reopened, and kept when it is closed, so it is set exactly when the status is
 * RESOLVED or CLOSED.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  [CaseStatus.OPEN]: [CaseStatus.IN_PROGRESS],
  [CaseStatus.IN_PROGRESS]: [CaseStatus.RESOLVED],
  [CaseStatus.RESOLVED]: [CaseStatus.CLOSED, CaseStatus.IN_PROGRESS],
  [CaseStatus.CLOSED]: [],
};

/** The statuses a case may go to from `from`, in workflow order. */
export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return CASE_TRANSITIONS[from] ?? [];
}

/**
 * Throws BAD_USER_INPUT unless `from → to` is a transition of the workflow; the message
 * names the allowed ones in the schema's terms: `Cannot change status from OPEN to
 * RESOLVED; allowed: IN_PROGRESS` (`allowed: none` from CLOSED).
 */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  const allowed = allowedTransitions(from);
  if (allowed.includes(to)) return;
  const names = [...allowed].sort(byWorkflowOrder).map(statusName);
  throw new BadUserInputError(
    `Cannot change status from ${statusName(from)} to ${statusName(to)}; allowed: ${names.length > 0 ? names.join(", ") : "none"}`,
    { from: statusName(from), to: statusName(to), allowed: names },
  );
}

/**
 * resolved_at after `from → to` (a legal transition) at `now`: set on entering RESOLVED,
 * cleared on reopening, otherwise unchanged.
 */
export function resolvedAtAfter(
  from: CaseStatus,
  to: CaseStatus,
  resolvedAt: Date | null,
  now: Date,
): Date | null {
  if (to === CaseStatus.RESOLVED) return now;
  if (from === CaseStatus.RESOLVED && to === CaseStatus.IN_PROGRESS) return null;
  return resolvedAt;
}

/** The GraphQL name of a status: "in_progress" → "IN_PROGRESS". */
export function statusName(status: CaseStatus): string {
  const entry = Object.entries(CaseStatus).find(([, value]) => value === status);
  return entry ? entry[0] : String(status);
}

function byWorkflowOrder(a: CaseStatus, b: CaseStatus): number {
  return CASE_STATUS_ORDER.indexOf(a) - CASE_STATUS_ORDER.indexOf(b);
}
