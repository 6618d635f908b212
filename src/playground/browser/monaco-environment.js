// Monaco starts one web worker per language. The workers are built as separate
// classic scripts next to this bundle (see build-playground.ts), so resolve them
// against this module's own URL instead of loading them from a CDN.
// This module must be imported before GraphiQL so Monaco finds it on start-up.
const workerUrl = (file) => new URL(file, import.meta.url).href;

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    switch (label) {
      case "graphql":
        return new Worker(workerUrl("graphql.worker.js"), { name: label });
      case "json":
        return new Worker(workerUrl("json.worker.js"), { name: label });
      default:
        return new Worker(workerUrl("editor.worker.js"), { name: label });
    }
  },
};
