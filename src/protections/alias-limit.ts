import { type ASTVisitor, GraphQLError, type ValidationContext, type ValidationRule } from "graphql";

/** Refuses documents with more than `maxAliases` aliased fields (alias-based amplification). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`The document has ${aliases} aliases; at most ${maxAliases} (MAX_ALIASES)`, {
                nodes: [document],
                extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_ALIASES" },
              }),
            );
          }
        },
      },
    };
  };
}
