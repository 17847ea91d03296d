import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';
import { CYRILLIC, LATIN, scan } from './normalise.js';
import { paraphraseSet } from './test-support/paraphrases.js';
import { triggersOf } from './triggers.js';

const lang = (text: string) => detectLanguage(scan(text));

describe('language identification', () => {
  it.each([
    ['What is the capital of France and why is it famous?', 'en'],
    ['¿Cuál es la capital de Francia y por qué es famosa?', 'es'],
    ['Quelle est la capitale de la France et pourquoi est-elle célèbre ?', 'fr'],
    ['Was ist die Hauptstadt von Frankreich und warum ist sie berühmt?', 'de'],
    ['Qual è la capitale della Francia e perché è famosa?', 'it'],
    ['Qual é a capital da França e por que ela é famosa?', 'pt'],
    ['Wat is de hoofdstad van Frankrijk en waarom is die beroemd?', 'nl'],
    ['Какая столица Франции и чем она знаменита?', 'ru'],
    ['Яка столиця Франції і чим вона відома?', 'uk'],
    ['法国的首都是哪里？它为什么有名？', 'zh'],
    ['フランスの首都はどこですか？なぜ有名なのですか？', 'ja'],
    ['프랑스의 수도는 어디이며 왜 유명한가요?', 'ko'],
    ['ما هي عاصمة فرنسا ولماذا هي مشهورة؟', 'ar'],
    ['फ्रांस की राजधानी क्या है?', 'hi'],
    ['Ποια είναι η πρωτεύουσα της Γαλλίας;', 'el'],
  ])('%s -> %s', (text, code) => {
    expect(lang(text)).toBe(code);
  });

  it('says und when there is no evidence', () => {
    expect(lang('')).toBe('und');
    expect(lang('12345 67')).toBe('und');
    expect(lang('xyzzy')).toBe('und');
  });

  it('counts one-letter words of other alphabets for their own script, not as Latin', () => {
    expect(lang('я в и к с у о')).toBe('ru');
    expect(scan('see и я в').scripts[CYRILLIC]).toBe(3);
  });

  it('lets the prose decide a prompt that mixes code and Chinese', () => {
    expect(lang('请解释这段代码的作用：```python\nprint("hello world")\n``` 为什么输出是这样的？')).toBe(
      'zh',
    );
  });
});

describe('the stopword votes counted in the trigger pass (triggers.ts)', () => {
  it('give the language detectLanguage gives a stream whose letters are all Latin', () => {
    const texts = [
      'What is the capital of France and why is it famous?',
      '¿Cuál es la capital de Francia y por qué es famosa?',
      'Quelle est la capitale de la France et pourquoi est-elle célèbre ?',
      'Was ist die Hauptstadt von Frankreich und warum ist sie berühmt?',
      'Hoe werkt dit? Ik weet het niet, en jij?',
      'Dlaczego to nie jest takie proste?',
      'Bu nasıl olur, neden böyle?',
      'yang dan di ini itu',
      'the la',
      'der',
      '',
      '12345 67',
      'xyzzy',
      'def f(x): return x + 1',
      // more than 300 words: only the first 300 vote
      `${'el la de que '.repeat(80)}${'the and is are of '.repeat(100)}`,
      ...paraphraseSet().map((r) => r.text),
    ];
    let latin = 0;
    for (const text of texts) {
      const s = scan(text);
      const others = s.scripts.reduce((sum, n, k) => (k === LATIN ? sum : sum + n), 0);
      if (others !== 0) continue;
      latin++;
      const expected = detectLanguage(s);
      expect(triggersOf(s).latinLanguage, text).toBe(expected);
    }
    expect(latin).toBeGreaterThan(100);
  });
});
