import { COLLECTIONS } from "./collection-names";

/** The collections of the data model: what the admin statistics may be asked about. */
export const DATA_MODEL_COLLECTIONS: readonly string[] = Object.values(COLLECTIONS);
