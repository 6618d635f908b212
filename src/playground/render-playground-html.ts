import type { ExampleQuery } from "./example-query";

/** What the page needs; the bundle itself is static and cached by build id. */
export interface PlaygroundPage {
  title: string;
  endpoint: string;
  /** URL folder of the bundle, ending in "/". */
  assetBase: string;
  exampleQueries: readonly ExampleQuery[];
  defaultHeaders?: Record<string, string>;
}

/**
 * The HTML shell of the playground. Settings travel as a JSON script element
 * (read by browser/playground-app.js) so the page needs no inline code.
 */
export function renderPlaygroundHtml(page: PlaygroundPage): string {
  const headers =
    page.defaultHeaders === undefined ? undefined : JSON.stringify(page.defaultHeaders, null, 2);
  const config = {
    endpoint: page.endpoint,
    // GraphiQL takes a default tab's headers from the tab, not from defaultHeaders.
    tabs: page.exampleQueries.map((example) => ({
      query: example.query,
      variables: example.variables === undefined ? undefined : JSON.stringify(example.variables, null, 2),
      headers,
    })),
    defaultHeaders: headers,
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(page.title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${escapeHtml(page.assetBase)}playground.css" />
    <style>
      html, body, #jupiter-playground { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="jupiter-playground"></div>
    <script id="jupiter-playground-config" type="application/json">${scriptSafeJson(config)}</script>
    <script type="module" src="${escapeHtml(page.assetBase)}playground.js"></script>
  </body>
</html>
`;
}

// "</script>" inside a query string must not end the element early.
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
