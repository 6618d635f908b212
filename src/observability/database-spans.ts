import { context, type Span, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
} from "@opentelemetry/semantic-conventions";
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent, MongoClient } from "mongodb";
import { collectionOf, failureCodeOf } from "./database-command";

/**
 * One CLIENT span per MongoDB command, from the driver's command monitoring, child of
 * the span active where the command was sent (a resolver's, or the HTTP request's for
 * the API-key lookup). Commands sent outside any traced request (the readiness ping,
 * index creation at start) have no parent and are not traced. The span holds the
 * command's name, collection and database, never its filter or documents.
 */
export function traceDatabaseCommands(client: MongoClient, tracer: Tracer): void {
  const open = new Map<number, Span>();
  client.on("commandStarted", (event: CommandStartedEvent) => {
    const parent = trace.getSpan(context.active());
    if (!parent) return;
    const collection = collectionOf(event);
    const span = tracer.startSpan(
      collection ? `${event.commandName} ${collection}` : event.commandName,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_DB_SYSTEM_NAME]: "mongodb",
          [ATTR_DB_OPERATION_NAME]: event.commandName,
          [ATTR_DB_NAMESPACE]: event.databaseName,
          ...(collection ? { [ATTR_DB_COLLECTION_NAME]: collection } : {}),
        },
      },
      context.active(),
    );
    open.set(event.requestId, span);
  });
  client.on("commandSucceeded", (event: CommandSucceededEvent) => {
    open.get(event.requestId)?.end();
    open.delete(event.requestId);
  });
  client.on("commandFailed", (event: CommandFailedEvent) => {
    const span = open.get(event.requestId);
    if (!span) return;
    open.delete(event.requestId);
    const code = failureCodeOf(event.failure);
    span.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, code);
    span.setStatus({ code: SpanStatusCode.ERROR, message: code });
    span.end();
  });
}
