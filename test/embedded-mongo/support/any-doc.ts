/** Test collections hold documents of any shape and _id type (the driver's default schema types _id as ObjectId). */
export type AnyDoc = any;
