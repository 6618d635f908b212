import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { buildSchema, graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePlaygroundBundle } from "../../src/playground/build-playground";
import { exampleQueries } from "../../src/playground/example-queries";
import { registerPlayground } from "../../src/playground/playground.route";
import { launchChromium } from "./launch-chromium";
import { openPage } from "./open-page";
import { pageRequestsFromNetLog } from "./page-requests-from-net-log";

/** The files of the playground bundle, as the page loads them. */
const BUNDLE_FILES = [
  "playground.js",
  "playground.css",
  "editor.worker.js",
  "json.worker.js",
  "graphql.worker.js",
];

// Just enough schema for GraphiQL's introspection; the real gateway has its own test.
const stubSchema = buildSchema(`
  type Query {
    "Stub field for the page test"
    hello: String
  }
`);

/** What the test reads off the rendered page. */
interface PageState {
  container: boolean;
  tabs: string[];
  editors: string[];
  squiggles: number;
}

// Monaco renders spaces as no-break spaces; normalise them so texts compare plainly.
const PAGE_STATE = `(() => ({
  container: document.querySelector(".graphiql-container") !== null,
  tabs: [...document.querySelectorAll(".graphiql-tab-button")].map((tab) => tab.textContent),
  editors: [...document.querySelectorAll(".view-lines")].map((lines) => lines.innerText.replace(/\\u00a0/g, " ")),
  squiggles: document.querySelectorAll(".squiggly-error").length,
}))()`;

interface GraphqlBody {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

describe("playground page", () => {
  let app: FastifyInstance;
  let origin: string;
  let workDir: string;
  const graphqlRequests: { operationName?: string; marker?: string }[] = [];
  const servedUrls: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "jupiter-playground-test-"));
    app = Fastify();
    app.addHook("onResponse", async (request) => {
      servedUrls.push(request.url);
    });
    await registerPlayground(app, {
      endpoint: "/graphql",
      exampleQueries,
      // Stands in for an auth header typed into GraphiQL's headers editor.
      defaultHeaders: { "x-playground-test": "from-headers-editor" },
    });
    // Registered after the playground, as the gateway registers Apollo.
    app.route({
      method: ["GET", "POST"],
      url: "/graphql",
      handler: async (request) => {
        if (request.method === "GET") return { data: null, errors: [{ message: "stub handles POST only" }] };
        const body = request.body as GraphqlBody;
        const marker = request.headers["x-playground-test"];
        graphqlRequests.push({
          operationName: body.operationName,
          marker: typeof marker === "string" ? marker : undefined,
        });
        return graphql({
          schema: stubSchema,
          source: body.query,
          variableValues: body.variables,
          operationName: body.operationName,
        });
      },
    });
    origin = await app.listen({ port: 0, host: "127.0.0.1" });
  });

  afterAll(async () => {
    await app?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("builds the bundle once and reuses it", async () => {
    const first = await ensurePlaygroundBundle();
    expect(await ensurePlaygroundBundle()).toBe(first);
    for (const file of BUNDLE_FILES) {
      expect((await stat(path.join(first, file))).size).toBeGreaterThan(1000);
    }
  });

  it("answers browsers with the page and GraphQL clients with the GraphQL handler", async () => {
    const page = await app.inject({
      method: "GET",
      url: "/graphql",
      headers: { accept: "text/html,*/*;q=0.8" },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain('<script type="module" src="/playground/assets/');
    expect(page.body).not.toMatch(/https?:\/\//);
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");

    const json = await app.inject({
      method: "GET",
      url: "/graphql?query={hello}",
      headers: { accept: "application/json" },
    });
    expect(json.json()).toEqual({ data: null, errors: [{ message: "stub handles POST only" }] });

    const post = await app.inject({ method: "POST", url: "/graphql", payload: { query: "{ hello }" } });
    expect(post.json()).toEqual({ data: { hello: null } });
  });

  it("serves bundle files with their content type, gzip and long caching, and nothing else", async () => {
    const page = await app.inject({ method: "GET", url: "/graphql", headers: { accept: "text/html" } });
    const script = /src="([^"]+playground\.js)"/.exec(page.body)?.[1] ?? "";
    const base = script.slice(0, -"playground.js".length);

    const js = await app.inject({ method: "GET", url: script, headers: { "accept-encoding": "gzip" } });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.headers["content-encoding"]).toBe("gzip");
    expect(js.headers["cache-control"]).toContain("immutable");

    const css = await app.inject({ method: "GET", url: `${base}playground.css` });
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.headers["content-encoding"]).toBeUndefined();

    for (const url of [
      `${base}missing.js`,
      `${base}..%2F..%2Fpackage.json`,
      `${base}../../../package.json`,
      "/playground/assets/0000000000000000/playground.js",
    ]) {
      expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(404);
    }
  });

  describe("in headless Chromium", () => {
    const netLog = () => path.join(workDir, "net-log.json");
    let state: PageState;
    let problems: string[];
    let screenshot: Buffer;

    beforeAll(async () => {
      const browser = await launchChromium({ netLogFile: netLog() });
      try {
        const page = await openPage(browser.cdp, `${origin}/graphql`);
        // Polled in real time, so a slow machine only makes it slower, never flaky.
        state = await page.waitFor<PageState>(
          PAGE_STATE,
          (now) =>
            now.tabs.length === exampleQueries.length &&
            now.editors.some((text) => text.includes("query CasesPage(")) &&
            now.editors.some((text) => text.includes('"filter"')) &&
            now.squiggles > 0,
          60_000,
        );
        screenshot = await page.screenshot();
        problems = page.problems;
      } finally {
        await browser.close();
      }
      const file = path.join(process.env.PLAYGROUND_SCREENSHOT_DIR ?? workDir, "playground.png");
      await writeFile(file, screenshot);
    });

    it("renders GraphiQL with every example as a tab and the first one in the editors", () => {
      expect(state.container).toBe(true);
      expect(state.tabs).toEqual(exampleQueries.map((example) => example.name));
      expect(state.editors.some((text) => text.includes("cases(filter: $filter"))).toBe(true);
      expect(state.editors.some((text) => text.includes('"IN_PROGRESS"'))).toBe(true);
    });

    it("introspects the endpoint with the headers editor's headers and validates in Monaco's GraphQL worker", () => {
      expect(graphqlRequests).toContainEqual({
        operationName: "IntrospectionQuery",
        marker: "from-headers-editor",
      });
      // The stub schema has no CaseFilter: the worker marking it proves schema-aware validation ran.
      expect(state.squiggles).toBeGreaterThan(0);
      for (const file of BUNDLE_FILES) {
        expect(
          servedUrls.some((url) => url.endsWith(`/${file}`)),
          file,
        ).toBe(true);
      }
    });

    it("reports no script error and no Content-Security-Policy violation", () => {
      expect(problems).toEqual([]);
    });

    it("makes no request outside the gateway", async () => {
      const pageRequests = await pageRequestsFromNetLog(netLog(), origin);
      expect(pageRequests.length).toBeGreaterThanOrEqual(5);
      expect(pageRequests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    });

    it("looks like a playground in a screenshot", () => {
      expect(screenshot.subarray(1, 4).toString("latin1")).toBe("PNG");
      // A blank or error page compresses to a few KB; the editors full of code are far larger.
      expect(screenshot.length).toBeGreaterThan(30_000);
    });
  });
});
