import type { Collection, Db } from "mongodb";
import type { AlertDocument } from "./alert.document";
import type { CaseDocument } from "./case.document";
import { COLLECTIONS } from "./collection-names";
import type { UserDocument } from "./user.document";

/** Typed handles on the collections the gateway reads. */
export interface DataCollections {
  cases: Collection<CaseDocument>;
  alerts: Collection<AlertDocument>;
  users: Collection<UserDocument>;
}

export function dataCollections(db: Db): DataCollections {
  return {
    cases: db.collection<CaseDocument>(COLLECTIONS.cases),
    alerts: db.collection<AlertDocument>(COLLECTIONS.alerts),
    users: db.collection<UserDocument>(COLLECTIONS.users),
  };
}
