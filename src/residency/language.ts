/**
 * A small language guess for residency evidence when no fingerprint supplies one: the writing
 * system decides for most non-Latin languages (Han, kana, Hangul, Cyrillic, Arabic, Persian...),
 * common function words decide between a few Latin-script languages; anything else is 'und'.
 * Only the first 400 characters are read: the point is a cheap per-prompt signal, not linguistics.
 */

const LATIN_WORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'is',
    'of',
    'to',
    'in',
    'that',
    'with',
    'for',
    'this',
    'what',
    'how',
    'you',
    'are',
    'write',
  ],
  de: ['der', 'die', 'und', 'ist', 'nicht', 'das', 'ein', 'eine', 'mit', 'für', 'ich', 'wie', 'sie', 'zu'],
  fr: ['le', 'la', 'les', 'et', 'est', 'des', 'une', 'pour', 'dans', 'que', 'avec', 'vous', 'pas', 'du'],
  es: ['el', 'la', 'los', 'las', 'y', 'es', 'de', 'que', 'para', 'una', 'con', 'por', 'cómo', 'del'],
  pt: ['o', 'os', 'as', 'e', 'é', 'de', 'que', 'para', 'uma', 'com', 'não', 'como', 'do', 'da'],
  it: ['il', 'lo', 'gli', 'e', 'è', 'di', 'che', 'per', 'una', 'con', 'non', 'come', 'della', 'sono'],
  nl: ['de', 'het', 'een', 'en', 'is', 'van', 'dat', 'voor', 'met', 'niet', 'hoe', 'zijn', 'ik', 'je'],
};
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(LATIN_WORDS)) {
  for (const word of words) WORD_LANGS.set(word, [...(WORD_LANGS.get(word) ?? []), lang]);
}

/** Guesses the ISO 639-1 language of a text, or 'und'. */
export function guessLanguage(text: string | undefined): string {
  if (!text) return 'und';
  const sample = text.length > 400 ? text.slice(0, 400) : text;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let cyrillic = 0;
  let ukrainian = 0;
  let arabic = 0;
  let persian = 0;
  let hebrew = 0;
  let thai = 0;
  let devanagari = 0;
  let greek = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    } else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x0400 && c <= 0x04ff) {
      cyrillic++;
      if (c === 0x0456 || c === 0x0457 || c === 0x0454 || c === 0x0491) ukrainian++;
    } else if (c >= 0x0600 && c <= 0x06ff) {
      arabic++;
      if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af || c === 0x06cc) persian++;
    } else if (c >= 0x0590 && c <= 0x05ff) hebrew++;
    else if (c >= 0x0e00 && c <= 0x0e7f) thai++;
    else if (c >= 0x0900 && c <= 0x097f) devanagari++;
    else if (c >= 0x0370 && c <= 0x03ff) greek++;
    else if (c >= 0xc0 && c <= 0x24f) latin++;
  }
  const scripts: [string, number][] = [
    [kana > 0 && kana * 4 >= han ? 'ja' : 'zh', han + kana],
    ['ko', hangul],
    [ukrainian > 0 ? 'uk' : 'ru', cyrillic],
    [persian > 0 ? 'fa' : 'ar', arabic],
    ['he', hebrew],
    ['th', thai],
    ['hi', devanagari],
    ['el', greek],
  ];
  let top: [string, number] = ['und', 0];
  for (const entry of scripts) if (entry[1] > top[1]) top = entry;
  // CJK characters carry a word each: a handful outweighs many Latin letters (code, names).
  const weight = top[0] === 'zh' || top[0] === 'ja' || top[0] === 'ko' ? 3 : 1;
  if (top[1] > 0 && top[1] * weight >= latin * 0.5) return top[0];
  if (latin < 8) return 'und';
  const votes = new Map<string, number>();
  for (const word of sample.toLowerCase().split(/[^a-zà-ÿ]+/)) {
    const langs = WORD_LANGS.get(word);
    if (langs) for (const lang of langs) votes.set(lang, (votes.get(lang) ?? 0) + 1 / langs.length);
  }
  let best = 'und';
  let bestVotes = 1.5;
  for (const [lang, v] of votes) {
    if (v > bestVotes) {
      best = lang;
      bestVotes = v;
    }
  }
  return best;
}
