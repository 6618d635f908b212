import { iterateTextFields } from "./iterate-text-fields";
import type { TextIndexSpec } from "./text-index-spec";
import { tokenizeText } from "./tokenize-text";
import type { TextLanguage } from "./resolve-text-language";

const byteLength = (text: string): number => Buffer.byteLength(text, "utf8");
const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Adds one string's term scores to `scores`, with mongod's FTSSpec::_scoreStringV2 formula:
 *
 *   numTokens = tokens left after stop-word removal
 *   for each distinct term t occurring `count` times:
 *     freq   = 1 + 1/2 + 1/4 + ... (count terms: each repeat counts half the previous one)
 *     coeff  = 0.5 * count / numTokens + 0.5
 *     adjust = 1.1 if the whole raw string equals t (same byte length, ASCII case-insensitive), else 1
 *     scores[t] += weight * freq * coeff * adjust
 */
function scoreTextString(
  raw: string,
  language: TextLanguage,
  weight: number,
  scores: Map<string, number>,
): void {
  const tokens = tokenizeText(raw, language, { filterStopWords: true });
  const counts = new Map<string, { count: number; freq: number }>();
  for (const term of tokens) {
    const data = counts.get(term) ?? { count: 0, freq: 0 };
    data.freq += 1 / 2 ** data.count;
    data.count += 1;
    counts.set(term, data);
  }
  for (const [term, { count, freq }] of counts) {
    const coeff = (0.5 * count) / tokens.length + 0.5;
    const exact = byteLength(raw) === byteLength(term) && asciiLower(raw) === asciiLower(term);
    const adjustment = exact ? 1.1 : 1;
    scores.set(term, (scores.get(term) ?? 0) + weight * freq * coeff * adjustment);
  }
}

/**
 * Every index term of a document with its score, summed over fields (mongod keeps one index key
 * per term and document). Throws EngineTextError 17261/17262 for a bad language override, which is
 * why the engine should call this before it commits an insert or update.
 */
export function scoreTextDocument(
  spec: TextIndexSpec,
  doc: Readonly<Record<string, unknown>>,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const field of iterateTextFields(spec, doc)) {
    scoreTextString(field.text, field.language, field.weight, scores);
  }
  return scores;
}
