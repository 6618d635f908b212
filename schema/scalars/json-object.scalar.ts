import { JSONObjectResolver } from "graphql-scalars";

/** `JSONObject`: free-form objects (case metadata, user settings) passed through as stored. */
export const JSONObjectScalar = JSONObjectResolver;
