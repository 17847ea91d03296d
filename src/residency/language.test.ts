import { describe, expect, it } from 'vitest';
import { guessLanguage } from './language.js';

describe('guessLanguage', () => {
  it('tells languages by script and by function words', () => {
    expect(guessLanguage('请一步一步地解释这个数学问题的答案')).toBe('zh');
    expect(guessLanguage('この問題をステップごとに説明してください')).toBe('ja');
    expect(guessLanguage('이 문제를 단계별로 설명해 주세요')).toBe('ko');
    expect(guessLanguage('Объясни, пожалуйста, решение этой задачи')).toBe('ru');
    expect(guessLanguage('لطفا این مسئله را گام به گام توضیح بده')).toBe('fa');
    expect(guessLanguage('Please explain how the function works and what it returns')).toBe('en');
    expect(guessLanguage('Kannst du mir bitte erklären, wie die Funktion mit den Daten arbeitet')).toBe('de');
    expect(guessLanguage('Peux-tu expliquer comment la fonction est utilisée dans le code')).toBe('fr');
  });

  it('reads Chinese with code in it as Chinese, and says und when there is too little', () => {
    expect(guessLanguage('写一个函数 def add(a, b): return a + b 并解释')).toBe('zh');
    expect(guessLanguage('ok')).toBe('und');
    expect(guessLanguage(undefined)).toBe('und');
    expect(guessLanguage('x = 1; y = 2;')).toBe('und');
  });
});
