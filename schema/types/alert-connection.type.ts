import { connectionType } from "./connection.type-factory";
import { Alert } from "./alert.type";

/** A page of alerts (Relay connection), with its AlertEdge. */
export const AlertConnection = connectionType(Alert, {
  name: "Alert",
  description: "A page of alerts",
  noun: "alert",
  nouns: "alerts",
});
