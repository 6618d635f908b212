import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage } from "node:http";
import { performance } from "node:perf_hooks";
import type { Span } from "@opentelemetry/api";

/** What the gateway records about one HTTP request to the GraphQL endpoint while it runs. */
export interface RequestObservation {
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** MongoDB commands the request has sent so far (driver command monitoring). */
  dbCommands: number;
  /** GraphQL operations Apollo started for it: 0 when a check refused it first. */
  graphqlOperations: number;
  /** The HTTP server span, when tracing is on and the request is sampled or not. */
  span: Span | undefined;
  /** The trace id logged with each line: the span's, else an incoming traceparent's. */
  traceId: string | undefined;
}

const observations = new WeakMap<IncomingMessage, RequestObservation>();
const storage = new AsyncLocalStorage<RequestObservation>();

/** Starts the observation of a request (once, when its logger is made). */
export function beginObservation(raw: IncomingMessage, fields: Pick<RequestObservation, "span" | "traceId">) {
  const observation: RequestObservation = {
    startedAt: performance.now(),
    dbCommands: 0,
    graphqlOperations: 0,
    ...fields,
  };
  observations.set(raw, observation);
  return observation;
}

/** The observation of a request to the GraphQL endpoint, if it has one. */
export function observationOf(raw: IncomingMessage): RequestObservation | undefined {
  return observations.get(raw);
}

/** Runs `fn` (the rest of the request's handling) with its observation as the current one. */
export function runWithObservation<T>(observation: RequestObservation, fn: () => T): T {
  return storage.run(observation, fn);
}

/** The observation of the request whose work is running now (async context), if any. */
export function currentObservation(): RequestObservation | undefined {
  return storage.getStore();
}
