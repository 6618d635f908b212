import type { AlertDocument } from "../db/alert.document";
import { Alert } from "../../schema/types/alert.type";

/** The one place an `alerts` document (snake_case, as stored) becomes a GraphQL Alert. */
export function toAlert(document: AlertDocument): Alert {
  const node = new Alert();
  node.objectId = document._id;
  node.id = document._id.toHexString();
  node.type = document.type;
  node.source = document.source;
  node.severity = document.severity;
  node.message = document.message;
  node.timestamp = document.timestamp;
  node.resolved = document.resolved === true;
  node.resolution = document.resolution ?? null;
  node.caseId = document.case_id ?? null;
  return node;
}
