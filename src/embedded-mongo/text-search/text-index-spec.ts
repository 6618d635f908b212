import type { TextLanguage } from "./resolve-text-language";

/** A text index definition after mongod's normalisation (FTSSpec::fixSpec), version 3. */
export interface TextIndexSpec {
  readonly name: string;
  /** Field path → integer weight, sorted by path as mongod stores them; excludes "$**". */
  readonly weights: ReadonlyMap<string, number>;
  /** The `weights` document listIndexes shows (includes "$**" when present). */
  readonly weightsDocument: Readonly<Record<string, number>>;
  /** True when "$**" indexes every string field. */
  readonly wildcard: boolean;
  /** Language used when a document (or sub-document) does not override it. */
  readonly defaultLanguage: TextLanguage;
  /** `default_language` exactly as the user gave it: listIndexes shows it unchanged. */
  readonly defaultLanguageName: string;
  /** Field naming a document's own language. */
  readonly languageOverride: string;
  /** Non-text key fields before the text fields (queries need equality on these). */
  readonly extraBefore: readonly string[];
  /** Non-text key fields after the text fields. */
  readonly extraAfter: readonly string[];
  /** The key pattern mongod stores: text fields replaced by `_fts: "text", _ftsx: 1`. */
  readonly key: Readonly<Record<string, unknown>>;
  readonly textIndexVersion: 3;
}
