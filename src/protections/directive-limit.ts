import { type ASTVisitor, GraphQLError, type ValidationContext, type ValidationRule } from "graphql";

/** Refuses documents with more than `maxDirectives` directive uses (e.g. `@include` floods). */
export function directiveLimitRule(maxDirectives: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let directives = 0;
    return {
      Directive() {
        directives += 1;
      },
      Document: {
        leave(document) {
          if (directives > maxDirectives) {
            context.reportError(
              new GraphQLError(
                `The document has ${directives} directives; at most ${maxDirectives} (MAX_DIRECTIVES)`,
                {
                  nodes: [document],
                  extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_DIRECTIVES" },
                },
              ),
            );
          }
        },
      },
    };
  };
}
