import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, type FieldNode, Kind, type SelectionSetNode } from "graphql";
import { hasRole, type Identity } from "../auth/caller";
import { UserRole } from "../domain/user-role.enum";
import { ErrorCode } from "../errors/error-code";
import { GatewayError } from "../errors/gateway-error";

/** True when the document asks for `__schema` or `__type` (`__typename` is harmless). */
export function usesIntrospection(document: DocumentNode): boolean {
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) {
        const field = selection as FieldNode;
        if (field.name.value === "__schema" || field.name.value === "__type") return true;
        return visit(field.selectionSet);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      return false; // named fragments are visited as definitions below
    });
  return document.definitions.some(
    (definition) =>
      (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) &&
      visit(definition.selectionSet),
  );
}

/**
 * In production (NODE_ENV=production) introspection is for ANALYST and above only:
 * others get FORBIDDEN before execution. Elsewhere everyone may introspect (the
 * schema is public in schema/schema.graphql; the playground needs it).
 */
export function introspectionPlugin(
  production: boolean,
): ApolloServerPlugin<{ caller: { identity: Identity } }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!production || hasRole(contextValue.caller.identity.role, UserRole.ANALYST)) return;
          if (usesIntrospection(document)) {
            throw new GatewayError(
              ErrorCode.FORBIDDEN,
              "Introspection is for ANALYST and above in production",
              {
                http: { status: 403 },
              },
            );
          }
        },
      };
    },
  };
}
