// Combining marks that Unicode flags as diacritics; vowel signs of Indic scripts and the like are
// marks too but change the letter, so they stay.
const DIACRITIC_MARK = /(?=\p{Diacritic})\p{M}/gu;

/** Removes diacritics as text index version 3 does: é→e, ü→u, ñ→n (decompose, drop marks, recompose). */
export function stripDiacritics(text: string): string {
  return text.normalize("NFD").replace(DIACRITIC_MARK, "").normalize("NFC");
}
