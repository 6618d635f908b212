// Browser entry of the playground, bundled by esbuild (build-playground.ts) and
// never run by Node. It stays plain JavaScript because the project's tsconfig
// has no DOM or JSX; the page passes its settings as JSON (playground.route.ts).
import "./monaco-environment.js";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";

const config = JSON.parse(document.getElementById("jupiter-playground-config").textContent);

// A plain same-origin POST: headers typed in GraphiQL's headers editor arrive as
// options.headers and go out with the request (how auth tokens will be sent).
async function fetcher(params, options) {
  const response = await fetch(config.endpoint, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      accept: "application/graphql-response+json, application/json",
      ...(options && options.headers),
      "content-type": "application/json",
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Show proxies' and gateways' non-JSON errors instead of a parse failure.
    return { errors: [{ message: `HTTP ${response.status}: ${text}` }] };
  }
}

// GraphiQL 5 seeds the editors with the first default tab's query but not its
// variables; seed those too, unless tabs saved by an earlier visit take over.
const firstVisit = window.localStorage.getItem("graphiql:tabState") === null;

createRoot(document.getElementById("jupiter-playground")).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: config.tabs,
    initialVariables: firstVisit ? config.tabs[0]?.variables : undefined,
    defaultEditorToolsVisibility: "variables",
    shouldPersistHeaders: false,
    defaultHeaders: config.defaultHeaders,
  }),
);
