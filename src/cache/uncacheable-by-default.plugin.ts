import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";

/**
 * What Apollo's built-in cache-control plugin does for this schema, without its cost.
 * The schema declares no `@cacheControl` hints, so that plugin always arrives at "not
 * cacheable" and answers `cache-control: no-store` (unless a header it cannot parse is
 * set already, such as the response cache's `private, max-age=N`); but to get there it
 * hooks `willResolveField`, which makes Apollo wrap and call a hook for every field of
 * every response (a measurable share of a page of 50 cases: README "Hot path"). This
 * disables it and sets the same header once per response.
 */
export function uncacheableByDefaultPlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            const header = response.http.headers.get("cache-control");
            // Apollo's plugin keeps a header it cannot parse and restricts one it can
            // (`max-age=N, public|private`) to the policy: no-store.
            if (header === undefined || CACHEABLE_HEADER.test(header)) {
              response.http.headers.set("cache-control", "no-store");
            }
          },
        };
      },
    },
  ];
}

/** The header form Apollo's plugin parses (anything else it leaves alone). */
const CACHEABLE_HEADER = /^max-age=(\d+), (public|private)$/;
