import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ErrorCode } from "../errors/error-code";
import { rejectRequest } from "../errors/reject-request";
import { extensionsOf, graphqlRequestsOf } from "./graphql-requests";

/** The manifest codegen writes: `sha256:<hex>` → document text. */
export const PERSISTED_DOCUMENTS_FILE = join(
  __dirname,
  "..",
  "..",
  "clients",
  "generated",
  "persisted-documents.json",
);

/** The trusted documents: by hash (hex, without the `sha256:` prefix) and by exact text. */
export interface PersistedDocuments {
  byHash: ReadonlyMap<string, string>;
  texts: ReadonlySet<string>;
}

export function loadPersistedDocuments(file: string = PERSISTED_DOCUMENTS_FILE): PersistedDocuments {
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const byHash = new Map<string, string>();
  for (const [key, document] of Object.entries(manifest))
    byHash.set(key.replace(/^sha256:/, "").toLowerCase(), document);
  return { byHash, texts: new Set(byHash.values()) };
}

/**
 * preHandler for PERSISTED_QUERIES_ONLY=true: every operation of the request must be
 * a trusted document, named by `extensions.persistedQuery.sha256Hash` or `documentId`
 * (the manifest's key, with or without `sha256:`), or sent as its exact text. The
 * named document replaces the reference before Apollo sees the request (Apollo's own
 * APQ cache is off in this mode, so no client can register a new document). Anything
 * else: 400 PERSISTED_QUERY_NOT_FOUND, before any database command.
 */
export function persistedDocumentsHook(documents: PersistedDocuments) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (reply.sent) return reply;
    const items = graphqlRequestsOf(request.body, request.query);
    if (items.length === 0) return undefined; // Apollo answers malformed requests itself.
    for (const item of items) {
      const extensions = extensionsOf(item);
      const document = trustedDocumentOf(documents, item.query, item.documentId, extensions);
      if (document === undefined) return notFound(reply);
      if (item.query !== document || item.documentId !== undefined || extensions?.persistedQuery) {
        item.query = document;
        delete item.documentId;
        if (extensions?.persistedQuery) {
          const rest = { ...extensions };
          delete rest.persistedQuery;
          if (typeof item.extensions === "string") item.extensions = JSON.stringify(rest);
          else item.extensions = rest;
        }
      }
    }
    return undefined;
  };
}

/**
 * The trusted document an operation names: by `documentId` or
 * `extensions.persistedQuery.sha256Hash` (the manifest's key, with or without `sha256:`;
 * a `query` sent along must be that very text), or by its exact text. Undefined when it
 * names none. Shared by HTTP requests and WebSocket subscriptions.
 */
export function trustedDocumentOf(
  documents: PersistedDocuments,
  query: unknown,
  documentId: unknown,
  extensions: Record<string, unknown> | undefined,
): string | undefined {
  const persisted = extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  const reference =
    typeof documentId === "string"
      ? documentId
      : typeof persisted?.sha256Hash === "string"
        ? persisted.sha256Hash
        : undefined;
  if (reference !== undefined) {
    const document = documents.byHash.get(reference.replace(/^sha256:/, "").toLowerCase());
    if (document === undefined) return undefined;
    if (typeof query === "string" && query !== document) return undefined;
    return document;
  }
  return typeof query === "string" && documents.texts.has(query) ? query : undefined;
}

/** The refusal of an operation that names no trusted document. */
export const NOT_TRUSTED_MESSAGE =
  "Only trusted documents are executed here (PERSISTED_QUERIES_ONLY): send a known documentId or persistedQuery.sha256Hash";

function notFound(reply: FastifyReply): FastifyReply {
  return rejectRequest(reply, 400, ErrorCode.PERSISTED_QUERY_NOT_FOUND, NOT_TRUSTED_MESSAGE);
}
