import type { FastifyInstance } from "fastify";
import { buildDashboardBundle } from "./build-dashboard";
import { renderDashboardHtml } from "./render-dashboard-html";

/** Path of the page. */
export const DASHBOARD_PATH = "/dashboard";
const ASSETS_PREFIX = "/dashboard/assets";

// Same origin only (WebSocket to the gateway included); uPlot sets inline styles.
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};

export interface DashboardOptions {
  /** The GraphQL endpoint, e.g. /graphql. */
  endpoint: string;
  /** Prefilled in the token field (demo mode: the ADMIN token the console prints). */
  token?: string;
}

/**
 * `GET /dashboard`: the live dashboard, and its bundle under /dashboard/assets/<build id>/.
 * The page holds no data and needs no credentials; it asks for a token and talks to
 * the GraphQL endpoint like any client.
 */
export async function registerDashboard(app: FastifyInstance, options: DashboardOptions): Promise<void> {
  const bundle = await buildDashboardBundle();
  const assetBase = `${ASSETS_PREFIX}/${bundle.buildId}/`;
  const html = renderDashboardHtml({ endpoint: options.endpoint, assetBase, token: options.token });
  app.get(DASHBOARD_PATH, async (_request, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("content-security-policy", PAGE_CSP)
      .send(html),
  );
  app.get<{ Params: { buildId: string; file: string } }>(
    `${ASSETS_PREFIX}/:buildId/:file`,
    async (request, reply) => {
      const { buildId, file } = request.params;
      const content = buildId === bundle.buildId ? bundle.files.get(file) : undefined;
      const type = CONTENT_TYPES[file.split(".").pop() ?? ""];
      if (!content || !type) return reply.code(404).type("text/plain; charset=utf-8").send("Not found");
      return reply.type(type).header("cache-control", "public, max-age=31536000, immutable").send(content);
    },
  );
}
