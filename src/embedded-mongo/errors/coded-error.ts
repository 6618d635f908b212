/**
 * Base of the errors an engine module raises in mongod's terms (text search, validators):
 * shaped like a mongod command error, so the engine answers `{ok: 0, code, codeName, errmsg}`
 * without translating it.
 */
export abstract class CodedError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** mongod calls the message `errmsg` on the wire. */
  get errmsg(): string {
    return this.message;
  }
}
