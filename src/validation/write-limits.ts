/**
 * Bounds of the values the write API accepts. The schema descriptions quote these
 * constants (schema/inputs/*.input.ts), so the published contract and the checks cannot
 * drift apart; the collection validators (src/db/collection-validators.ts) hold the
 * looser, storage-level part of the same rules.
 */

/** Case titles: 1 to 200 characters after trimming (the cases validator's maxLength too). */
export const TITLE_MAX_LENGTH = 200;

/** Case descriptions: free prose, stored as given (not trimmed). */
export const DESCRIPTION_MAX_LENGTH = 10_000;

/** Tags: each 1 to 50 characters after trimming. */
export const TAG_MAX_LENGTH = 50;

/** Tags: at most 50 distinct tags in one argument and on one case. */
export const MAX_TAGS = 50;

/** metadata / settings: at most 16 KiB as UTF-8 JSON (JSON.stringify of the value). */
export const DOCUMENT_MAX_BYTES = 16 * 1024;

/**
 * metadata / settings: at most 5 levels of nesting; the object itself is level 1, and
 * every object or list inside it adds one (`{a: {b: [1]}}` has 3 levels).
 */
export const DOCUMENT_MAX_DEPTH = 5;

/** User names: 1 to 200 characters after trimming (the users validator's maxLength too). */
export const NAME_MAX_LENGTH = 200;

/** E-mail addresses: at most 254 characters (RFC 5321), after trimming. */
export const EMAIL_MAX_LENGTH = 254;

/** Notes on a status change: 1 to 2,000 characters after trimming. */
export const NOTE_MAX_LENGTH = 2_000;

/** Resolutions of alerts: 1 to 2,000 characters after trimming. */
export const RESOLUTION_MAX_LENGTH = 2_000;

/** Alert type and source: 1 to 100 characters after trimming. */
export const ALERT_LABEL_MAX_LENGTH = 100;

/** Alert messages: free text, stored as given. */
export const ALERT_MESSAGE_MAX_LENGTH = 10_000;
