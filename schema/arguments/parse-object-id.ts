import { ObjectId } from "mongodb";
import { BadUserInputError } from "../../src/errors/gateway-error";
import { VALIDATION_MESSAGES } from "./validation-messages";

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * Turns a GraphQL `ID` argument into an ObjectId, or a BAD_USER_INPUT error naming the
 * argument. Stricter than ObjectId.isValid, which also takes any 12-character string.
 */
export function parseObjectId(value: string, argument: string): ObjectId {
  if (!OBJECT_ID.test(value)) {
    throw new BadUserInputError(
      `Argument "${argument}" ${VALIDATION_MESSAGES.objectId}; got ${JSON.stringify(value.slice(0, 60))}`,
      {
        invalidArguments: [{ argument, message: VALIDATION_MESSAGES.objectId }],
        validationErrors: [
          { path: argument, constraint: "isMongoId", message: VALIDATION_MESSAGES.objectId },
        ],
      },
    );
  }
  return ObjectId.createFromHexString(value);
}
