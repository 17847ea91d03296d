/**
 * Language identification, small and fast: the script of the letters decides non-Latin languages
 * (Hangul -> ko, kana -> ja, Han -> zh, Cyrillic -> ru/uk, ...), and for Latin script the word
 * tokens vote through per-language stopword lists (hash lookups on the token hashes the scanner
 * already computed, no extra pass over the text). Returns ISO 639-1, or 'und' when the evidence
 * is too thin (for example a lone word or a code fragment without prose).
 */
import { hashString } from './hash.js';
import {
  ARABIC,
  CYRILLIC,
  DEVANAGARI,
  GREEK,
  HAN,
  HANGUL,
  HEBREW,
  KANA,
  LATIN,
  THAI,
  type TokenStream,
  WORD,
} from './normalise.js';

const STOPWORDS: Record<string, string> = {
  en: "the and is are of to in that it for you with on this what how be can i my me your was do does have has an a from at by or which will would should please about there they we he she not if when who where why write give explain i'm it's don't",
  es: 'el la los las de que y en un una es por para con no se del al lo como más pero sus le ya o este esta sí porque qué cómo cuál muy también hay son ser tiene puedes mi tu sobre entre cuando donde escribe explica',
  fr: "le la les de des du et est un une en que qui dans pour pas sur au aux ce cette il elle nous vous je tu ne se avec son sa ses mais ou où plus comme être avoir fait peux pouvez quel quelle comment pourquoi c'est j'ai qu'il écris explique",
  de: 'der die das und ist nicht ein eine einen zu den dem des mit von auf für sich im ich du sie es wir ihr auch wie was wo warum bitte kann können oder aber bei nach wenn nur noch über sind wird werden haben hat einer kein schreibe erkläre',
  it: 'il lo gli della delle di e è che per non una un con sono come anche nel alla questo questa cosa perché più mi ti ci si puoi quale dove quando essere ha hanno del scrivi spiega',
  pt: 'o os as de do da dos das e é que um uma em no na para por com não se mais como mas ao seu sua você isso este esta qual onde quando porque muito também são ser tem pode escreva explique',
  nl: 'de het een en van is dat niet in op te zijn met voor die er aan ook als maar om bij nog wat hoe waarom ik je jij u wij kun kunt naar dit deze wordt heeft hebben',
  pl: 'i w nie na się z do to że jest jak co o ale po tak czy dla od przez są być jestem może jego jej ich mnie ten ta który która dlaczego gdzie kiedy',
  tr: 've bir bu da de için ile ne mi çok daha gibi olan var yok ben sen o biz nasıl neden nedir ama veya kadar sonra şey olarak değil',
  sv: 'och att det som en är på för med av den till inte har jag du vi de om men ett var kan hur vad varför eller också',
  id: 'yang dan di ini itu dengan untuk dari tidak ada akan saya kamu anda apa bagaimana mengapa dalam ke juga bisa atau karena sudah pada',
  vi: 'và của là có không một những các cho được trong với này người khi đã tôi bạn làm như thì gì sao thế nào',
};

const LANGS = Object.keys(STOPWORDS);
/**
 * Open-addressing table: stopword hash -> bit mask of the languages that use it. 4,096 slots for
 * ~400 words: most words of a prompt miss, and a miss probes ~1.1 slots (~1.3 at 2,048).
 */
const SIZE = 1 << 12;
const keys = new Int32Array(SIZE);
const masks = new Int32Array(SIZE);

function slotOf(hash: number): number {
  let slot = hash & (SIZE - 1);
  while (masks[slot] !== 0 && keys[slot] !== hash) slot = (slot + 1) & (SIZE - 1);
  return slot;
}

LANGS.forEach((lang, bit) => {
  for (const word of STOPWORDS[lang].split(' ')) {
    const h = hashString(word);
    const slot = slotOf(h);
    keys[slot] = h;
    masks[slot] |= 1 << bit;
  }
});

/** Latin-script text votes with its first this many word tokens. */
export const LANGUAGE_WORDS = 300;
const scores = new Int32Array(LANGS.length);

/**
 * Every stopword hash with the bit mask of the languages that use it (bit k: the k-th language of
 * `latinVerdict`), for a table that looks the words up in another pass (triggers.ts).
 */
export function stopwordMasks(): { hash: number; mask: number }[] {
  const out: { hash: number; mask: number }[] = [];
  for (let slot = 0; slot < SIZE; slot++)
    if (masks[slot] !== 0) out.push({ hash: keys[slot], mask: masks[slot] });
  return out;
}

/** Scripts that decide the language by themselves, in order of precedence on ties (after Latin and CJK). */
const SCRIPT_LANGUAGES: [number, string][] = [
  [HANGUL, 'ko'],
  [CYRILLIC, 'cyrillic'],
  [GREEK, 'el'],
  [HEBREW, 'he'],
  [ARABIC, 'arabic'],
  [DEVANAGARI, 'hi'],
  [THAI, 'th'],
];

/** Detects the language of a scanned prompt (ISO 639-1 or 'und'). */
export function detectLanguage(s: TokenStream): string {
  const sc = s.scripts;
  const cjk = sc[HAN] + sc[KANA];
  // the script with the most letters decides (the first listed wins a tie); CJK chars count half
  let best = 'latin';
  let most = sc[LATIN];
  if (cjk / 2 > most) {
    best = 'cjk';
    most = cjk / 2;
  }
  for (let k = 0; k < SCRIPT_LANGUAGES.length; k++) {
    const count = sc[SCRIPT_LANGUAGES[k][0]];
    if (count > most) {
      best = SCRIPT_LANGUAGES[k][1];
      most = count;
    }
  }
  if (most === 0) return 'und';
  switch (best) {
    case 'cjk':
      return sc[KANA] >= 2 || sc[KANA] > cjk * 0.05 ? 'ja' : 'zh';
    case 'cyrillic':
      return /[іїєґ]/.test(s.text) ? 'uk' : 'ru';
    case 'arabic':
      return /[پچژگ]/.test(s.text) ? 'fa' : 'ar';
    case 'latin':
      return latinLanguage(s);
    default:
      return best;
  }
}

function latinLanguage(s: TokenStream): string {
  scores.fill(0);
  let words = 0;
  const { kinds, hashes } = s;
  for (let t = 0; t < s.count && words < LANGUAGE_WORDS; t++) {
    if (kinds[t] !== WORD) continue;
    words++;
    for (let mask = masks[slotOf(hashes[t])]; mask !== 0; mask &= mask - 1)
      scores[31 - Math.clz32(mask & -mask)]++;
  }
  return latinVerdict(scores, words);
}

/**
 * The language of Latin-script text from its stopword votes (`scores[k]`: the words of the k-th
 * language among its first `words` word tokens, at most `LANGUAGE_WORDS`), or 'und'.
 */
export function latinVerdict(scores: Int32Array, words: number): string {
  let first = 0;
  for (let bit = 1; bit < LANGS.length; bit++) if (scores[bit] > scores[first]) first = bit;
  let second = -1;
  for (let bit = 0; bit < LANGS.length; bit++)
    if (bit !== first && (second === -1 || scores[bit] > scores[second])) second = bit;
  const top = scores[first];
  if (top === 0) return 'und';
  if (top >= 2 && top > scores[second]) return LANGS[first];
  if (top === 1 && scores[second] === 0 && words <= 3) return LANGS[first];
  return top > scores[second] ? LANGS[first] : 'und';
}
