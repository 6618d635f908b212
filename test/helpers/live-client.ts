import type { FormattedExecutionResult } from "graphql";
import { type Client, createClient } from "graphql-ws";

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;
import WebSocket from "ws";

/** One subscription's messages as they arrive. */
export interface LiveSubscription<T = any> {
  /** The next `next` payload; throws when the subscription errors or completes first. */
  next(timeoutMs?: number): Promise<ExecutionResult<T>>;
  /** Resolves when the server completes the subscription. */
  completed: Promise<void>;
  /** Rejects with the server's error messages (the protocol's `error`), if it sends them. */
  failed: Promise<readonly unknown[]>;
  /** Payloads received but not yet taken with next(). */
  buffered: ExecutionResult<T>[];
  unsubscribe(): void;
}

export interface LiveClient {
  client: Client;
  /** Resolves with the close event once the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the server acknowledged connection_init. */
  connected: Promise<void>;
  /** `extensions`, e.g. `{ persistedQuery: { version: 1, sha256Hash } }` with `query` "". */
  subscribe<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    extensions?: Record<string, unknown>,
  ): LiveSubscription<T>;
  dispose(): Promise<void>;
}

/**
 * A real graphql-ws client (subprotocol graphql-transport-ws) on `${url}/graphql`,
 * over the `ws` package, that never reconnects: tests see every close.
 */
export function openLiveClient(baseUrl: string, connectionParams: Record<string, unknown>): LiveClient {
  let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    shouldRetry: () => false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    closed,
    connected,
    subscribe<T>(
      query: string,
      variables?: Record<string, unknown>,
      extensions?: Record<string, unknown>,
    ): LiveSubscription<T> {
      const buffered: ExecutionResult<T>[] = [];
      const waiters: Array<{ resolve: (value: ExecutionResult<T>) => void; reject: (error: Error) => void }> =
        [];
      let ended: Error | undefined;
      let complete: () => void = () => undefined;
      const completed = new Promise<void>((resolve) => (complete = resolve));
      let fail: (errors: readonly unknown[]) => void = () => undefined;
      const failed = new Promise<readonly unknown[]>((resolve) => (fail = resolve));
      const finish = (error: Error) => {
        ended = error;
        for (const waiter of waiters.splice(0)) waiter.reject(error);
      };
      const unsubscribe = client.subscribe<T>(
        { query, variables, extensions },
        {
          next: (value) => {
            const waiter = waiters.shift();
            if (waiter) waiter.resolve(value);
            else buffered.push(value);
          },
          error: (error) => {
            const errors = Array.isArray(error) ? error : [error];
            fail(errors);
            finish(new Error(`subscription failed: ${JSON.stringify(errors)}`));
          },
          complete: () => {
            complete();
            finish(new Error("subscription completed"));
          },
        },
      );
      return {
        buffered,
        completed,
        failed,
        unsubscribe,
        next(timeoutMs = 30_000) {
          const value = buffered.shift();
          if (value) return Promise.resolve(value);
          if (ended) return Promise.reject(ended);
          return new Promise<ExecutionResult<T>>((resolve, reject) => {
            const waiter = {
              resolve: (result: ExecutionResult<T>) => {
                clearTimeout(timer);
                resolve(result);
              },
              reject: (error: Error) => {
                clearTimeout(timer);
                reject(error);
              },
            };
            // A waiter that timed out leaves the queue, so the next event is not lost on it.
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(waiter), 1);
              reject(new Error(`no event within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.push(waiter);
          });
        },
      };
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}

/**
 * Event subscriptions (alertRaised) send nothing on subscribe, and the server sets them up
 * asynchronously: `probe` makes one matching change (and moves a test clock if there is
 * one) until an event comes through, so the subscription surely listens. The probes'
 * events are consumed; later ones may still arrive and should be recognisable.
 */
export async function untilListening(
  subscription: Pick<LiveSubscription, "next">,
  probe: () => Promise<void>,
): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    await probe();
    try {
      await subscription.next(2_000);
      return;
    } catch {
      // Not listening yet: probe again.
    }
  }
  throw new Error("the subscription never started listening");
}
