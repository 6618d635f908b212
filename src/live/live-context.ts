import type { GatewayContext } from "../context";
import type { LiveService } from "./live-service";

/** The context of a subscription: a request's, plus the live service. */
export interface LiveContext extends GatewayContext {
  live: LiveService;
}
