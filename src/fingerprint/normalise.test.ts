import { describe, expect, it } from 'vitest';
import {
  boundedMaskedText,
  boundText,
  detachedSlice,
  ELIDED,
  joinTokens,
  maskedText,
  normalise,
  PUNCT,
  scan,
  type TokenStream,
  tokenText,
} from './normalise.js';

describe('normalise', () => {
  it('folds case, whitespace and Unicode compatibility forms', () => {
    expect(normalise('  Hello\t\n  WORLD  ')).toBe('hello world');
    expect(normalise('Ｆｕｌｌｗｉｄｔｈ ﬁne')).toBe('fullwidth fine');
  });

  it('masks numbers, dates, urls, emails, hex and ids to typed placeholders', () => {
    expect(normalise('I have 3 apples and 1,000.50 dollars, the 21st time')).toBe(
      'i have <num> apples and <num> dollars, the <num> time',
    );
    expect(normalise('on 2024-01-05 at 10:30 or 05/01/2024')).toBe('on <date> at <date> or <date>');
    expect(normalise('see https://example.com/a?b=1, or www.x.org.')).toBe('see <url>, or <url>.');
    expect(normalise('mail john.doe@corp.io now')).toBe('mail <email> now');
    expect(
      normalise('commit 9f86d081884c7d65 and 0xdeadbeef, uuid 123e4567-e89b-12d3-a456-426614174000'),
    ).toBe('commit <hex> and <hex>, uuid <hex>');
    expect(normalise('user42 asked gpt4')).toBe('<id> asked <id>');
  });

  it('masks code identifiers but keeps ordinary words and abbreviations', () => {
    expect(normalise('call myVar then snake_case and os.path.join, e.g. now')).toBe(
      'call <id> then <id> and <id>, e.g. now',
    );
    expect(normalise("don't stop, let's go")).toBe("don't stop, let's go");
  });

  it('masks quoted literals (straight, curly, guillemets, CJK) but not apostrophes', () => {
    expect(normalise('Can an answer to "How is life?" also answer "Why?"?')).toBe(
      'can an answer to <str> also answer <str>?',
    );
    expect(normalise("say 'i do not speak spanish', in spanish")).toBe('say <str>, in spanish');
    expect(normalise('le mot «bonjour» et “hello” 「こんにちは」')).toBe('le mot <str> et <str> <str>');
    expect(normalise("it's John's book")).toBe("it's john's book");
  });

  it('reduces code blocks to their shape and inline code to an id', () => {
    const text = 'Fix this:\n```python\ndef f(x):\n    return x + 1\n```\nthen run `main()`';
    expect(normalise(text)).toBe('fix this: <code:python:xs> then run <id>');
    const long = `\`\`\`js\n${'let a = 1;\n'.repeat(20)}\`\`\``;
    expect(normalise(long)).toBe('<code:js:m>');
  });

  it('tokenises CJK per character and keeps Hangul words', () => {
    expect(normalise('一步一步思考')).toBe('一步一步思考');
    expect(scan('一步一步思考').count).toBe(6);
    expect(scan('안녕하세요 세계').count).toBe(2);
  });

  it('reads only a bounded head and tail of a long prompt', () => {
    const prompt = `START ${'lorem ipsum dolor '.repeat(2000)} END`;
    const s = scan(prompt, { headChars: 100, tailChars: 50 });
    expect(s.bounded).toBe(true);
    expect(s.chars).toBe(prompt.length);
    expect(s.count).toBeLessThan(40);
    const text = normalise(prompt, { headChars: 100, tailChars: 50 });
    expect(text.startsWith('start lorem')).toBe(true);
    expect(text.endsWith('dolor end')).toBe(true);
    expect(text).toContain('<…>');
    expect(boundText('short')).toBeNull();
  });

  it('is deterministic across calls (scratch buffers do not leak state)', () => {
    const a = normalise('The value is 42 in "quotes"');
    normalise('something completely different with user_id and 7');
    expect(normalise('The value is 42 in "quotes"')).toBe(a);
  });
});

describe('token notes for the scan gate', () => {
  it('lists the tokens after a line break, not the breaks inside a code block', () => {
    const s = scan('a b\nc\n\n d ```x\ny\n```\ne');
    expect(Array.from(s.lineBreaks.subarray(0, s.lineBreakCount))).toEqual([2, 3, 5]);
  });

  it('lists the words joined by a connector, and notes plain ASCII', () => {
    const s = scan("Don't go step-by-step, e.g. now");
    expect(Array.from(s.joined.subarray(0, s.joinedCount)).map((t) => tokenText(s, t))).toEqual([
      "don't",
      'step-by-step',
      'e.g',
    ]);
    expect(s.ascii).toBe(true);
    expect(scan('café').ascii).toBe(false);
  });
});

describe('camelCase identifiers', () => {
  it('masks a word with a lowercase-to-uppercase step, overlapping steps included, and nothing else', () => {
    expect(normalise('Call getUserName, then aBcD and parseJSON; HTTPServer Ok iPhone')).toBe(
      'call <id>, then <id> and <id>; httpserver ok <id>',
    );
    expect(normalise('Plain Title Case Words')).toBe('plain title case words');
  });
});

describe('strings kept from a scan', () => {
  it('copies slices of any length, in any script, exactly', () => {
    const text = `x ${'internationalisation'.repeat(3)} 推理的每一步都要写出来，что-то ещё 🙂 end`;
    for (const [from, to] of [
      [0, 1],
      [2, 14],
      [2, 62],
      [63, text.length],
      [0, text.length],
    ])
      expect(detachedSlice(text, from, to)).toBe(text.slice(from, to));
    const long = 'y'.repeat(5000);
    expect(detachedSlice(long, 10, 4990)).toBe(long.slice(10, 4990));
  });

  it('joins token texts with spaces, punctuation attached and CJK unspaced', () => {
    expect(joinTokens(['hello', ',', 'world', '!', '推', '理', 'done'])).toBe('hello, world! 推理 done');
    expect(joinTokens([])).toBe('');
  });
});

describe('masked text written from char codes', () => {
  /** The reference: every token's text made, then joined (how the masked text was built before). */
  function reference(s: TokenStream, max: number): string {
    const pieces: string[] = [];
    let length = 0;
    let t = 0;
    for (; t < s.count && length <= max; t++) {
      pieces.push(tokenText(s, t));
      length += pieces[pieces.length - 1].length + 1;
    }
    if (t === s.count) return joinTokens(pieces);
    const tail: string[] = [];
    length = 0;
    for (let k = s.count - 1; k >= t && length <= max * 0.3; k--) {
      tail.push(tokenText(s, k));
      length += tail[tail.length - 1].length + 1;
    }
    return `${joinTokens(pieces)} <…> ${joinTokens(tail.reverse())}`;
  }
  const samples = [
    '',
    '   ',
    'a',
    '_ _ a_b _',
    'Hello, world! How are you?',
    '推理的每一步都要写出来，然后给出答案。日本語のテキスト',
    'mixed 推理 text, with 한국어 and русский: ёлка — “quotes” «guillemets» and emoji 🙂🙂 end…',
    'café naïve Ångström ½ ﬁ ①',
    'lone surrogate \ud83d here',
    'see ```python\nprint(1)\n``` and `inline code` and "a quoted string" then 3.5kg on 2024-01-02',
    'visit https://example.com/x?y=1 or mail bob@example.com, id 0xdeadbeef, snake_case and camelCase',
    'x'.repeat(3000),
    `${'word '.repeat(400)}${'推'.repeat(300)} ${'tail end. '.repeat(200)}`,
    Array.from({ length: 9000 }, (_, i) =>
      i % 7 === 0 ? '.' : `w${String.fromCharCode(97 + (i % 26))}`,
    ).join(' '),
  ];

  it('equals the joined token texts, bounded and whole, on every kind of token', () => {
    for (const prompt of samples) {
      for (const max of [0, 1, 8, 40, 512, 2048, Number.POSITIVE_INFINITY]) {
        const s = scan(prompt);
        const expected = reference(s, max);
        expect(boundedMaskedText(s, max), `${prompt.slice(0, 40)} / ${max}`).toBe(expected);
      }
      expect(maskedText(scan(prompt))).toBe(reference(scan(prompt), Number.POSITIVE_INFINITY));
    }
  });

  it('lists the hashes of the content tokens (all but punctuation and the cut mark) in order', () => {
    for (const prompt of samples) {
      const s = scan(prompt);
      const expected: number[] = [];
      for (let t = 0; t < s.count; t++)
        if (s.kinds[t] !== PUNCT && s.maskTypes[t] !== ELIDED) expected.push(s.hashes[t]);
      expect(Array.from(s.content.subarray(0, s.contentCount)), prompt.slice(0, 40)).toEqual(expected);
    }
    // a bounded prompt: its cut mark is a token, not content
    expect(scan(samples[samples.length - 1]).bounded).toBe(true);
  });

  it('writes masked texts longer than one chunk of char codes in full', () => {
    const prompt = Array.from({ length: 6000 }, (_, i) => `tok${String.fromCharCode(97 + (i % 26))}x`).join(
      ' ',
    );
    const s = scan(prompt, { headChars: 1e6, tailChars: 0 });
    const text = maskedText(s);
    expect(text.length).toBeGreaterThan(8192 * 3);
    expect(text).toBe(reference(s, Number.POSITIVE_INFINITY));
  });
});
