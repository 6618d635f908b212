import type { CdpEvent, CdpPipe } from "./cdp-pipe";

/** One browser tab on a URL, with what its console reported. */
export interface BrowserPage {
  /** Console errors and warnings, uncaught exceptions, and browser log errors (e.g. CSP violations). */
  problems: string[];
  /** Evaluates `expression` in the page and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` until `done` accepts its value; throws with the last value after `timeoutMs`. */
  waitFor<T>(expression: string, done: (value: T) => boolean, timeoutMs: number): Promise<T>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>;
}

/** Opens `url` in a new tab of size `width`×`height` and waits for its load event. */
export async function openPage(cdp: CdpPipe, url: string, width = 1400, height = 900): Promise<BrowserPage> {
  const { targetId } = await cdp.send<{ targetId: string }>("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await cdp.send<{ sessionId: string }>("Target.attachToTarget", {
    targetId,
    flatten: true,
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    cdp.send<T>(method, params, sessionId);

  const problems: string[] = [];
  // Keyed by loader so a late load event of the initial about:blank is not taken for ours.
  const loadedLoaders = new Set<string>();
  cdp.onEvent((event: CdpEvent) => {
    if (event.sessionId !== sessionId) return;
    const params = event.params as Record<string, any>;
    if (event.method === "Page.lifecycleEvent" && params.name === "load") loadedLoaders.add(params.loaderId);
    if (event.method === "Runtime.exceptionThrown") {
      problems.push(
        `exception: ${params.exceptionDetails?.exception?.description ?? params.exceptionDetails?.text}`,
      );
    }
    if (event.method === "Runtime.consoleAPICalled" && ["error", "warning", "assert"].includes(params.type)) {
      const text = (params.args ?? []).map((arg: any) => arg.value ?? arg.description ?? "").join(" ");
      problems.push(`console.${params.type}: ${text}`);
    }
    if (event.method === "Log.entryAdded" && ["error", "warning"].includes(params.entry?.level)) {
      problems.push(
        `${params.entry.source} ${params.entry.level}: ${params.entry.text} ${params.entry.url ?? ""}`,
      );
    }
  });
  await Promise.all([send("Page.enable"), send("Runtime.enable"), send("Log.enable")]);
  await send("Page.setLifecycleEventsEnabled", { enabled: true });
  await send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile: false });
  const { loaderId, errorText } = await send<{ loaderId: string; errorText?: string }>("Page.navigate", {
    url,
  });
  if (errorText) throw new Error(`navigation to ${url} failed: ${errorText}`);
  const deadline = Date.now() + 30_000;
  while (!loadedLoaders.has(loaderId)) {
    if (Date.now() > deadline) throw new Error(`${url} did not finish loading in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await send<{
      result: { value: T };
      exceptionDetails?: { text: string };
    }>("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`evaluate failed: ${exceptionDetails.text}`);
    return result.value;
  };

  return {
    problems,
    evaluate,
    async waitFor<T>(expression: string, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      let value = await evaluate<T>(expression);
      while (!done(value)) {
        if (Date.now() > deadline) {
          throw new Error(
            `page did not reach the expected state in ${timeoutMs} ms: ${JSON.stringify(value)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        value = await evaluate<T>(expression);
      }
      return value;
    },
    async screenshot() {
      const { data } = await send<{ data: string }>("Page.captureScreenshot", { format: "png" });
      return Buffer.from(data, "base64");
    },
  };
}
