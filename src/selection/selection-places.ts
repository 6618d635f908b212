import { ALERT_STORED_FIELDS } from "../repositories/alert.mapper";
import { CASE_STORED_FIELDS } from "../repositories/case.mapper";
import { USER_STORED_FIELDS } from "../repositories/user.mapper";
import type { SelectionPlace } from "./selected-stored-fields";

/** Where the records of each read sit in the resolved field's selection (selectedStoredFields). */
export const SELECTION_PLACES = {
  case: { table: CASE_STORED_FIELDS, path: [] },
  casePage: { table: CASE_STORED_FIELDS, path: ["edges", "node"] },
  alert: { table: ALERT_STORED_FIELDS, path: [] },
  alertPage: { table: ALERT_STORED_FIELDS, path: ["edges", "node"] },
  user: { table: USER_STORED_FIELDS, path: [] },
  userPage: { table: USER_STORED_FIELDS, path: ["edges", "node"] },
} as const satisfies Record<string, SelectionPlace>;
