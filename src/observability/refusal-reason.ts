import type { GraphQLFormattedError } from "graphql";

/** What refused a request before execution; the `reason` label of requests_refused_total. */
export type RefusalReason =
  | "depth"
  | "aliases"
  | "directives"
  | "tokens"
  | "cost"
  | "document_size"
  | "body_size"
  | "persisted_only"
  | "auth"
  | "rate_limit";

const LIMIT_REASONS: Record<string, RefusalReason> = {
  MAX_DEPTH: "depth",
  MAX_ALIASES: "aliases",
  MAX_DIRECTIVES: "directives",
};

/** The protection behind an error of a GraphQL response, if a protection refused it. */
export function refusalReasonOfError(error: GraphQLFormattedError): RefusalReason | undefined {
  const extensions = error.extensions ?? {};
  const limit = extensions.limit;
  if (typeof limit === "string" && limit in LIMIT_REASONS) return LIMIT_REASONS[limit];
  if (extensions.maxCost !== undefined) return "cost";
  // graphql's parser limit (MAX_TOKENS): "Document contains more that N tokens" (sic, graphql 16).
  if (extensions.code === "GRAPHQL_PARSE_FAILED" && /more tha[nt] \d+ tokens/.test(error.message)) {
    return "tokens";
  }
  return undefined;
}

/** The protection behind an HTTP answer sent before Apollo saw the request. */
export function refusalReasonOfHttp(status: number, code: string | undefined): RefusalReason | undefined {
  if (status === 401) return "auth";
  if (status === 429) return "rate_limit";
  if (code === "PERSISTED_QUERY_NOT_FOUND") return "persisted_only";
  // Fastify's bodyLimit (MAX_BODY_BYTES).
  if (status === 413) return "body_size";
  // The only check before Apollo that answers BAD_USER_INPUT: MAX_DOCUMENT_BYTES.
  if (code === "BAD_USER_INPUT") return "document_size";
  return undefined;
}

const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** An error code fit for a label: the codes of src/errors, Apollo's and Fastify's, else OTHER. */
export function codeLabel(code: unknown): string {
  return typeof code === "string" && CODE.test(code) ? code : "OTHER";
}
