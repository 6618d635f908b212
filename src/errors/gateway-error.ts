import { GraphQLError } from "graphql";
import { ErrorCode } from "./error-code";

/** An expected error: its message and code reach the client unchanged. */
export class GatewayError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = "GatewayError";
  }
}

/** Bad arguments: names the argument and, where useful, what is allowed. */
export class BadUserInputError extends GatewayError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, extensions);
  }
}

/** A referenced document does not exist. */
export class NotFoundError extends GatewayError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity, id });
  }
}

/** The write would break a uniqueness or workflow rule held by other data. */
export class ConflictError extends GatewayError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extensions);
  }
}

/** A database operation ran past its time limit (maxTimeMS). */
export class TimeoutError extends GatewayError {
  constructor(message = "The database did not answer in time; narrow the query or try again") {
    super(ErrorCode.TIMEOUT, message);
  }
}
