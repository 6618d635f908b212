import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { assetContentType } from "./asset-content-type";
import { ensurePlaygroundBundle, PLAYGROUND_MANIFEST, type PlaygroundManifest } from "./build-playground";
import type { ExampleQuery } from "./example-query";
import { prefersHtml } from "./prefers-html";
import { renderPlaygroundHtml } from "./render-playground-html";

/** URL prefix of the bundle files; the build id follows, so they can be cached forever. */
export const PLAYGROUND_ASSETS_PREFIX = "/playground/assets";

// Same-origin only: the browser itself then blocks any CDN or third-party load.
// Monaco sets inline styles and GraphiQL inlines its fonts and icons as data: URLs.
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

/** Settings of {@link registerPlayground}. */
export interface PlaygroundOptions {
  /** Path of the GraphQL endpoint, e.g. "/graphql": browsers get the page there, requests go there. */
  endpoint: string;
  /** Preloaded as GraphiQL tabs when the browser has no saved tabs yet. */
  exampleQueries: readonly ExampleQuery[];
  /** Page title; default "Jupiter Gateway – GraphQL playground". */
  title?: string;
  /** Initial content of GraphiQL's headers editor, e.g. `{ Authorization: "Bearer …" }`. */
  defaultHeaders?: Record<string, string>;
  /** A folder made by `buildPlaygroundBundle` (e.g. at deploy time); default: build or reuse `.playground-cache/`. */
  bundleDir?: string;
}

/**
 * Serves an offline GraphiQL (no CDN) on the GraphQL endpoint itself:
 * `GET <endpoint>` from a browser (Accept prefers text/html) gets the page, and
 * `GET /playground/assets/<build id>/*` serves the bundle. All other requests to
 * the endpoint (POST, GET with JSON Accept) fall through to Apollo untouched.
 *
 * The page is answered from an `onRequest` hook, because Apollo already owns the
 * `GET <endpoint>` route. Call this before registering Apollo, on the same
 * (root) instance, so the hook covers Apollo's route; and turn Apollo's own CDN
 * landing page off. The first call builds the bundle (a few seconds, esbuild is
 * needed); later starts reuse `.playground-cache/`.
 *
 * @example
 * ```ts
 * import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
 * import { fastifyApollo } from "@as-integrations/fastify";
 * import { exampleQueries } from "./playground/example-queries";
 * import { registerPlayground } from "./playground/playground.route";
 *
 * const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginLandingPageDisabled()] });
 * await apollo.start();
 * if (config.playground) {
 *   await registerPlayground(app, { endpoint: "/graphql", exampleQueries });
 * }
 * await app.register(fastifyApollo(apollo), { path: "/graphql" });
 * ```
 */
export async function registerPlayground(app: FastifyInstance, options: PlaygroundOptions): Promise<void> {
  const bundleDir = options.bundleDir ?? (await ensurePlaygroundBundle());
  const manifest = JSON.parse(
    await fs.readFile(path.join(bundleDir, PLAYGROUND_MANIFEST), "utf8"),
  ) as PlaygroundManifest;
  // Only files present at start-up are served: no path from the URL reaches the disk.
  const listed = await fs.readdir(bundleDir);
  const files = new Set(listed.filter((file) => !file.endsWith(".gz")));
  const precompressed = new Set(listed.filter((file) => file.endsWith(".gz")));
  const assetBase = `${PLAYGROUND_ASSETS_PREFIX}/${manifest.buildId}/`;
  const html = renderPlaygroundHtml({
    title: options.title ?? "Jupiter Gateway – GraphQL playground",
    endpoint: options.endpoint,
    assetBase,
    exampleQueries: options.exampleQueries,
    defaultHeaders: options.defaultHeaders,
  });
  const endpoints = new Set([options.endpoint, `${options.endpoint.replace(/\/$/, "")}/`]);

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== "GET" || !endpoints.has(request.url.split("?")[0] ?? "")) return;
    if (!prefersHtml(request.headers.accept)) return;
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("content-security-policy", PAGE_CSP)
      .send(html);
  });

  app.get<{ Params: { "*": string } }>(`${PLAYGROUND_ASSETS_PREFIX}/*`, async (request, reply) => {
    const [buildId, file, ...rest] = request.params["*"].split("/");
    if (buildId !== manifest.buildId || file === undefined || rest.length > 0 || !files.has(file)) {
      return reply.code(404).type("text/plain; charset=utf-8").send("Not found");
    }
    const gzip = precompressed.has(`${file}.gz`) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    reply
      .type(assetContentType(file))
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("vary", "accept-encoding");
    if (gzip) reply.header("content-encoding", "gzip");
    return reply.send(createReadStream(path.join(bundleDir, gzip ? `${file}.gz` : file)));
  });
}
