import type { ApolloServerPlugin } from "@apollo/server";
import {
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FragmentDefinitionNode,
} from "graphql";
import { OverloadedError } from "../errors/service-unavailable-error";
import type { AdmissionControl } from "./admission-control";

/** Root fields that each run one analytics aggregation. */
export const ANALYTICS_FIELDS: ReadonlySet<string> = new Set([
  "caseStatistics",
  "alertTrends",
  "alertSeverityBreakdown",
  "alertMetrics",
  "caseMetrics",
  "caseBacklog",
]);

/**
 * MAX_CONCURRENT_AGGREGATIONS: an operation holds one permit per analytics root field
 * (aliases count) while it executes; beyond the limit it waits in a bounded queue, and
 * beyond that it is refused with OVERLOADED (503) before any database command.
 */
export function aggregationLimitPlugin(control: AdmissionControl): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ operation, document }) {
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION)
              fragments.set(definition.name.value, definition);
          }
          const count = operation ? analyticsFieldCount(operation, fragments) : 0;
          if (count === 0) return;
          const ticket = control.tryAcquire(count);
          if (!ticket) {
            throw new OverloadedError(
              `Too many analytics aggregations at once (MAX_CONCURRENT_AGGREGATIONS=${control.maxRunning}); retry in a moment`,
            );
          }
          release = ticket.release;
          await ticket.granted;
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}

function analyticsFieldCount(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  if (operation.operation !== "query") return 0;
  const seen = new Set<string>();
  const count = (selectionSet: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (ANALYTICS_FIELDS.has(selection.name.value)) total++;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += count(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          total += count(fragment.selectionSet);
        }
      }
    }
    return total;
  };
  return count(operation.selectionSet);
}
