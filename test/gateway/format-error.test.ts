import { GraphQLError } from "graphql";
import { MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { BadUserInputError } from "../../src/errors/gateway-error";
import { formatError } from "../../src/errors/format-error";

// formatError is the one place that decides what a client sees; these cases are hard
// to provoke over HTTP on demand (a server-side time limit in particular).

/** An error as graphql-js reports one thrown by a resolver at `path`. */
function fromResolver(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ["cases"], originalError: original });
}
const formatted = (error: GraphQLError) => ({
  message: error.message,
  path: error.path,
  extensions: {
    code: (error.originalError as GraphQLError | undefined)?.extensions?.code ?? "INTERNAL_SERVER_ERROR",
  },
});

describe("formatError", () => {
  it("turns MaxTimeMSExpired (code 50) into TIMEOUT", () => {
    const error = fromResolver(
      new MongoServerError({
        code: 50,
        codeName: "MaxTimeMSExpired",
        errmsg: "operation exceeded time limit",
      }),
    );
    const result = formatError(formatted(error), error);
    expect(result.extensions).toEqual({ code: "TIMEOUT" });
    expect(result.message).not.toMatch(/exceeded time limit/);
    expect(result.path).toEqual(["cases"]);
  });

  it("masks other MongoDB errors", () => {
    const error = fromResolver(
      new MongoServerError({ code: 2, errmsg: "secret internals of the query planner" }),
    );
    expect(formatError(formatted(error), error)).toEqual({
      message: "Unexpected error.",
      path: ["cases"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("keeps expected errors as they are", () => {
    const error = fromResolver(new BadUserInputError('Argument "first" must be at least 1; got 0'));
    const shown = formatted(error);
    expect(formatError(shown, error)).toBe(shown);
  });

  it("keeps Apollo's request errors (no path, own code)", () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    const shown = { message: error.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
    expect(formatError(shown, error)).toBe(shown);
  });

  it("masks a plain bug", () => {
    const error = fromResolver(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(formatError(formatted(error), error).message).toBe("Unexpected error.");
  });
});
