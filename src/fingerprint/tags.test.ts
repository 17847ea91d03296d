import { describe, expect, it } from 'vitest';
import type { CapabilityTag, ExtractionTag } from '../core/types.js';
import { composable } from './compositions.js';
import { DISCLOSE, REASONING, STEPWISE, THINK, YOUR } from './concept-lexicon.js';
import { fingerprint } from './fingerprint.js';
import { NUM, scan } from './normalise.js';
import { capabilityTags, extractionTags } from './tags.js';
import { paraphraseSet } from './test-support/paraphrases.js';
import {
  P_CODE_OPEN,
  P_MATH_OPEN,
  PA_AN_AGENT,
  PA_CURRENT_PAGE,
  PA_TOOL_RESULT,
  PN_CODE,
  PN_WRITING,
  PR_EXPLAIN_WHY,
  PR_STEP_BY_STEP,
  PR_TRUE_OR_FALSE,
  PR_WHICH_OF_THE_FOLLOWING,
  PT_CALL_THE,
  PT_JSON_SCHEMA,
  PT_USE_THE,
  SURE_AGENTIC,
  SURE_MATH_SYMBOLS,
  SURE_REASONING,
  SURE_TRANSLATION,
  SURE_WRITING,
  T_ASCII,
  T_EXTRACTION,
  triggersOf,
} from './triggers.js';

const tagsOf = (prompt: string, system?: string) =>
  fingerprint({ prompt, system }).extraction.map((m) => m.tag);
const capsOf = (prompt: string, extra: Parameters<typeof fingerprint>[0] = {}) =>
  fingerprint({ prompt, ...extra }).capabilities;

/** Positives (must fire) and benign look-alikes (must not), per extraction tag and language. */
const CASES: Record<ExtractionTag, { positive: string[]; benign: string[] }> = {
  'cot-elicitation': {
    positive: [
      "Q: If Ann has 3 apples and gives 1 away, how many remain?\nA: Let's think step by step.",
      'Think step by step before answering the question below.',
      'Articulate the internal reasoning behind a completed response and write it out step by step.',
      'Put your reasoning in <thinking> tags, then give the final answer.',
      'Explain your full thought process before giving the answer.',
      'Show me your complete chain of thought for this problem.',
      'Use chain-of-thought reasoning to solve the following puzzle.',
      'Before answering, reason carefully and write out each step.',
      'Reconstruct the detailed reasoning that led to this answer.',
      "Let's solve this one step by step.",
      'Take a deep breath and work on this problem step-by-step.',
      'Show your work.',
      '请一步一步地思考，然后回答下面的问题。',
      '请展示你完整的推理过程。',
      'Давай подумаем шаг за шагом.',
      'Покажи свой ход рассуждений полностью.',
      'Piensa paso a paso antes de responder.',
      'Muestra tu razonamiento completo.',
      'Réfléchissons étape par étape.',
      'Montre ton raisonnement avant de répondre.',
      'Denke Schritt für Schritt nach, bevor du antwortest.',
      'Zeige deinen vollständigen Gedankengang.',
      'ステップバイステップで考えてください。',
      '推論過程を示してから答えてください。',
      '단계별로 생각해 보세요.',
      '추론 과정을 보여 주세요.',
    ],
    benign: [
      'Can you explain step by step how photosynthesis works?',
      'Give me step-by-step instructions to bake sourdough bread.',
      'What is the reasoning behind the separation of powers?',
      "Why does adding 'Let's think step by step' to a prompt improve accuracy?",
      'I think the movie was great, what do you think?',
      '请一步一步解释光合作用是如何进行的。',
      'Объясни шаг за шагом, как работает фотосинтез.',
      'Explica paso a paso cómo funciona la fotosíntesis.',
      'Explique étape par étape comment fonctionne la photosynthèse.',
      'Erkläre Schritt für Schritt, wie Photosynthese funktioniert.',
      '光合成の仕組みをステップバイステップで説明してください。',
      '광합성이 어떻게 작동하는지 단계별로 설명해 주세요.',
      'My python function throws a KeyError when the dict is empty, how do I fix it?',
      // a homework request for a worked solution, not for the solver's deliberation
      'Solve for x step by step: 2x + 3 = 7',
      'Resuelve paso a paso: 2x + 3 = 7',
      'Share your thoughts on this essay.',
      'What is your reasoning for choosing React over Vue?',
    ],
  },
  'rubric-grading': {
    positive: [
      'Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below.',
      'Rate the following response on a scale of 1 to 10 for helpfulness and harmlessness.',
      'Using the rubric below, score the model output from 1 to 5.',
      'Which of the two responses is better? Output [[A]] or [[B]].',
      'You will act as a reward model: score the assistant completion.',
      '请作为公正的评委，对以下AI助手的回答进行打分。',
      'Оцени ответ ассистента по шкале от 1 до 10.',
      'Califica la respuesta del asistente en una escala del 1 al 10.',
      'Évalue la réponse de l’assistant sur une échelle de 1 à 10.',
      'Bewerte die Antwort des Assistenten auf einer Skala von 1 bis 10.',
      'アシスタントの回答を1から10で採点してください。',
      '어시스턴트의 답변을 1점에서 10점으로 평가해 주세요.',
    ],
    benign: [
      'Rate this movie on a scale of 1 to 10: The Godfather.',
      'How would you grade my essay on the French revolution?',
      'Create a rubric for grading high school lab reports.',
      'What is the grading scale at most US universities?',
      'Evaluate the expression 3 + 4 * 2.',
      'Which restaurant is better for a first date, Italian or Thai?',
      '这部电影你给几分？',
      'Объясни, как оценивается экзамен ЕГЭ.',
    ],
  },
  'instruction-generation': {
    positive: [
      'You are asked to come up with a set of 20 diverse task instructions. These task instructions will be given to a GPT model and we will evaluate the GPT model for completing the instructions.',
      'Give me 20 diverse tasks that a language model could be asked to do.',
      'Generate 50 diverse and challenging prompts for fine-tuning a chatbot.',
      'Come up with a series of tasks:\n\nTask 1: Write a poem about cats.\nTask 2: Translate hello into French.\nTask 3:',
      'Create synthetic instruction-tuning data for a math assistant.',
      '请生成20个多样的任务指令。',
      'Придумай 20 разнообразных инструкций для языковой модели.',
      'Genera 20 instrucciones de tareas diversas para un modelo de lenguaje.',
      'Génère 20 instructions variées pour un modèle de langage.',
      'Erstelle 20 verschiedene Aufgaben für ein Sprachmodell.',
      '20個の多様なタスク指示を生成してください。',
      '20개의 다양한 작업 지시문을 생성해 주세요.',
    ],
    benign: [
      'Write instructions for assembling a bookshelf.',
      'Give me 10 questions to ask in a job interview.',
      'List 5 different tasks for my kids to do on the weekend.',
      'What is instruction tuning in machine learning?',
      'My task is to write a report, can you help?',
      '请告诉我怎么组装书架。',
    ],
  },
  'censorship-rewrite': {
    positive: [
      'Rewrite this answer so that it passes the Chinese censors.',
      'Rephrase the following text to comply with core socialist values.',
      'Remove any politically sensitive content from this paragraph and rewrite it.',
      'Make this article censorship-safe.',
      '请改写这段文字，使其符合社会主义核心价值观。',
      '删除其中的政治敏感内容。',
      'Перепиши этот текст так, чтобы он прошёл цензуру.',
      'Reescribe este texto para que pase la censura.',
      'Réécris ce texte pour qu’il passe la censure.',
      'Schreibe den Text so um, dass er die Zensur besteht.',
      '検閲を通過するように書き直してください。',
      '검열을 통과하도록 다시 써 주세요.',
    ],
    benign: [
      'What is censorship in China?',
      'Rewrite this paragraph to be more concise.',
      'Rewrite this email to comply with GDPR.',
      'How does the great firewall work?',
      '什么是审查制度？',
      'Что такое цензура?',
    ],
  },
};

describe('extraction tags', () => {
  for (const [tag, { positive, benign }] of Object.entries(CASES) as [
    ExtractionTag,
    (typeof CASES)[ExtractionTag],
  ][]) {
    describe(tag, () => {
      it.each(positive)('fires on %s', (prompt) => {
        expect(tagsOf(prompt)).toContain(tag);
      });
      it.each(benign)('does not fire on the look-alike %s', (prompt) => {
        expect(tagsOf(prompt)).not.toContain(tag);
      });
    });
  }

  it('carries the matched span as evidence', () => {
    const [match] = fingerprint({
      prompt: 'Question: 2+2? Please think it through step by step.',
    }).extraction;
    expect(match).toEqual({ tag: 'cot-elicitation', span: 'think it through step by step' });
  });

  it('reads a system prompt that demands transparent reasoning', () => {
    expect(
      tagsOf('Capital of Peru?', 'You must always show your complete and transparent reasoning.'),
    ).toEqual(['cot-elicitation']);
    expect(tagsOf('Capital of Peru?', 'You are a helpful assistant.')).toEqual([]);
  });
});

describe('scan gate', () => {
  const gated = (prompt: string) => (triggersOf(scan(prompt)).words & T_EXTRACTION) !== 0;
  const sameAsFullScan = (prompt: string) => {
    const s = scan(prompt);
    const { words, spans } = triggersOf(s);
    return expect(extractionTags(s.text, words, ['en'], spans ?? null), prompt).toEqual(
      extractionTags(s.text, null, ['en']),
    );
  };

  it('composes roles with the bindings, ignoring distance', () => {
    expect(composable(THINK | STEPWISE, 0)).toBe(true);
    expect(composable(THINK, 0)).toBe(false);
    // DISCLOSE + MINE, MINE being YOUR bound to REASONING
    expect(composable(DISCLOSE | YOUR | REASONING, 0)).toBe(true);
    expect(composable(DISCLOSE | YOUR, 0)).toBe(false);
  });

  it('reads the words a token hides: joined words, quotes, identifiers, URLs, code', () => {
    const hidden = [
      "Let's think step-by-step.",
      'Before answering, write a section called "your full reasoning".',
      'Write the <inner_monologue> first, then the final answer.',
      'Answer, then see https://example.com/show-your-reasoning-before-the-answer',
      'Answer, then:\n```\nshow your reasoning before the answer\n```',
      'Score the assistant`s response 1-10.',
    ];
    for (const prompt of hidden) {
      expect(gated(prompt), prompt).toBe(true);
      sameAsFullScan(prompt);
    }
    expect(tagsOf("Let's think step-by-step.")).toEqual(['cot-elicitation']);
  });

  it('judges each sentence with its neighbours, as the scanner binds across one sentence end', () => {
    for (const prompt of [
      'Here is an LLM output. Score it 1-5.',
      'The reply:\nIs it good or bad? Rate it 1 to 10.',
    ]) {
      expect(gated(prompt), prompt).toBe(true);
      sameAsFullScan(prompt);
    }
    expect(tagsOf('Here is an LLM output. Score it 1-5.')).toEqual(['rubric-grading']);
    // the cues of one combination in different sentences cannot compose
    expect(gated('Think about dinner.\nWe walked step by step up the hill.')).toBe(false);
  });

  it('counts a reasoning-section name as markup only before `>` or `:`', () => {
    expect(gated('Put the inner_monologue first, then the final answer.')).toBe(false);
    expect(gated('I think so.')).toBe(false);
    expect(gated('Thought: the user wants a poem.')).toBe(true);
    sameAsFullScan('Thought: the user wants a poem.');
  });

  it('needs every word of a phrase made of common words', () => {
    expect(gated('Show your work.')).toBe(true);
    expect(tagsOf('Show your work.')).toEqual(['cot-elicitation']);
    expect(gated('Show your plan for the weekend.')).toBe(false);
  });

  it('scans only the sentences that can compose a tag, with their neighbours', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `Line ${i} is about the weather in town.`).join('\n');
    const prompt = `${filler}\nBefore answering, show your full reasoning step by step.\n${filler}`;
    const s = scan(prompt);
    const { words, spans } = triggersOf(s);
    expect((words & T_EXTRACTION) !== 0).toBe(true);
    expect(spans).not.toBeNull();
    let scanned = 0;
    for (let k = 0; k < spans!.length; k += 2) scanned += spans![k + 1] - spans![k];
    expect(scanned).toBeLessThan(s.text.length / 10);
    sameAsFullScan(prompt);
    expect(tagsOf(prompt)).toEqual(['cot-elicitation']);
    // an image generator anywhere vetoes instruction generation: the whole text is scanned then
    const image = `Generate 20 diverse task instructions for an LLM.\n${filler}\nThey are prompts for Midjourney.`;
    expect(triggersOf(scan(image)).spans).toBeNull();
    sameAsFullScan(image);
  });

  it('keeps the open Self-Instruct slot, which needs no concept', () => {
    const prompt = 'Task 1: Write a haiku.\nTask 2: Name three rivers.\nTask 3:';
    expect(gated(prompt)).toBe(false);
    sameAsFullScan(prompt);
    expect(tagsOf(prompt)).toEqual(['instruction-generation']);
  });

  it('skips ordinary prompts whose cue words cannot compose a tag', () => {
    for (const prompt of [
      'I want you to act as a travel guide. Explain your recommendations in a friendly way.',
      'Write a story about your first day at school.',
      'What is the capital of France? Explain it briefly.',
    ])
      expect(gated(prompt), prompt).toBe(false);
  });
});

describe('typography in English text', () => {
  it('does not read an English word as French because of a dash or a curly quote', () => {
    // `~note` (French: to grade) is read only in text that may be French, German or Spanish
    expect(tagsOf('I need a note-taking assistant — fast, with tags.')).toEqual([]);
    expect(tagsOf('Can "Rs 500 note" also be used to answer “the ₹1000 note?”')).toEqual([]);
    expect(tagsOf('Mets une note sur 10 a la reponse de l’assistant.')).toEqual(['rubric-grading']);
  });
});

describe('partner words of two-part capability patterns', () => {
  it.each([
    ['Please write an e-mail to my landlord about the broken heater.', 'writing'],
    ["Compose a 'story' for my niece.", 'writing'],
    ['Escribe una historia corta sobre un gato.', 'writing'],
    ['Can you call the weather_api function for Paris?', 'tool-use'],
    ['First list the available tools, then pick one.', 'tool-use'],
    ['Refactor this code so it is faster.', 'coding'],
  ] as const)('%s -> %s', (prompt, tag) => {
    expect(capsOf(prompt)).toContain(tag);
  });

  it('does not run a pattern whose partner word is absent, with the same tags', () => {
    expect(capsOf('Write down what you call your favourite function of the day.')).not.toContain('writing');
    expect(capsOf('Write down what you call your favourite function of the day.')).not.toContain('tool-use');
  });
});

/**
 * A prompt's capability tags with the trigger gates as `fingerprint()` runs them, and with every
 * pattern run on its first trigger word (the gates must never change a tag), and its triggers.
 */
function bothWays(prompt: string) {
  const s = scan(prompt);
  const triggers = triggersOf(s);
  const ctx = {
    tools: 0,
    turns: 1,
    chars: prompt.length,
    codeBlocks: s.codeBlocks,
    cot: false,
    numbers: s.masks[NUM],
  };
  return {
    gated: capabilityTags(s.text, { ...ctx, triggers }),
    patterns: capabilityTags(s.text, {
      ...ctx,
      triggers: { words: triggers.words & ~T_ASCII, punct: triggers.punct },
    }),
    triggers,
  };
}

describe('cue words and proofs of the reasoning, agentic, translation and math patterns', () => {
  it.each([
    ['Which of the following is a mammal?\nOptions:\n(A) shark\n(B) whale', 'reasoning', SURE_REASONING],
    ['Solve this riddle: what has keys but no locks?', 'reasoning', SURE_REASONING],
    ['Is the argument valid? Premises: all men are mortal.', 'reasoning', SURE_REASONING],
    ['Translate the sentence below into German.', 'translation', SURE_TRANSLATION],
    ['Simplify 3/4 * x for me.', 'math', SURE_MATH_SYMBOLS],
    ['A pen costs $5 and a book costs $12. What is the total price?', 'math', SURE_MATH_SYMBOLS],
    ['Compute 8 * 9 quickly.', 'math', SURE_MATH_SYMBOLS],
    ['Please write a science-fiction novel about a dragon.', 'writing', SURE_WRITING],
    ['Act as a Linux terminal and reply with the terminal output only.', 'agentic', SURE_AGENTIC],
  ] as const)('%s -> %s, proven on the tokens', (prompt, tag, proof) => {
    const { gated, patterns, triggers } = bothWays(prompt);
    expect(triggers.sure! & proof).not.toBe(0);
    expect(gated).toContain(tag);
    expect(gated).toEqual(patterns);
  });

  it.each([
    'True or false: the sun is a star.',
    'Explain why the sky is blue.',
    'Is this a brain teaser or a trick question?',
    'Was ist die Logik dahinter? options: (a) eins',
    'You are a Linux terminal. Reply with the terminal output only.',
    'Look at the current web page and choose the next action.',
    'How do you say thank you? Answer in Spanish.',
    'Write it in english.',
    'Options:\n  (a) one\n  (b) two',
  ])('%s: same tags as running every pattern', (prompt) => {
    const { gated, patterns } = bothWays(prompt);
    expect(gated).toEqual(patterns);
    expect(gated).not.toEqual(['chat']);
  });

  it.each([
    'Which one do you like better, the following week or this one?',
    'The function returns true; the tool is fine.',
    'Say hello to the page for me, in English please, then continue.',
    'It costs $5.\nThe other costs $6.',
    'Step into the room and explain what you see.',
    'Write it down. Then tell me a story.',
    'The terminal, output of the day, is closed.',
    'terminal\n\noutput: none',
    'Write, in more than forty characters of preamble here, a story.',
    'Use it like this: const double = (x) => x * 2',
    'if (ready) {\n  start();\n}',
    'First this;\nthen that.',
    'Return JSON like {"a": 1} and nothing else; thanks.',
    'See http://example.com/logic-puzzles for more.',
    'use `options: (a)` as the flag',
    'Donne la traduction de ce mot.',
    'Here is the <tool_result>{"ok": true}</tool_result>, continue.',
  ])('%s: same tags as running every pattern (a gate closed, or no first word)', (prompt) => {
    const { gated, patterns } = bothWays(prompt);
    expect(gated).toEqual(patterns);
  });
});

describe('math and code symbols read where they stand (P_MATH_OPEN, P_CODE_OPEN)', () => {
  it.each([
    ["Type 'a ≤ b' and then a + sign.", 'math'],
    ['What is 2\u00a0+ 3 here?', 'math'],
    ['Render \\frac{1}{2} + more please.', 'math'],
    ['Price tags "$5 and $6" / each.', 'math'],
    ['Use `x => x * 2` here; it is short.', 'coding'],
    ['Fix this: if (ready)  {', 'coding'],
    ['Write `a;`;\n  b = 1 then stop.', 'coding'],
    ['Call it like this: f(x)=> y ; done.', 'coding'],
  ] as const)('%s -> %s, same tags as running the patterns', (prompt, tag) => {
    const { gated, patterns } = bothWays(prompt);
    expect(gated).toContain(tag);
    expect(gated).toEqual(patterns);
  });

  it.each([
    'It costs 5 dollars + tax, i.e. more.',
    'A sum = total of parts; nothing else.',
    'Price: $5. Then later on, after a very long sentence of more than eighty characters, $6.',
    'See <b>this</b> {note}; ok.',
    "The path is 'a/b/c' and the rate is high.",
  ])('%s: the patterns not run, the same tags', (prompt) => {
    const { gated, patterns, triggers } = bothWays(prompt);
    expect(triggers.punct & (P_MATH_OPEN | P_CODE_OPEN)).toBe(0);
    expect(gated).toEqual(patterns);
  });
});

describe('adjacent pattern words (Triggers.pairs)', () => {
  it.each([
    ['Here is the tool\nresult you asked for.', 'agentic', PA_TOOL_RESULT],
    ['Run the tool, then read the "tool output" below.', 'agentic', PA_TOOL_RESULT],
    ['The tool\u202fresults are in.', 'agentic', PA_TOOL_RESULT],
    ['You are an AI agent with a browser.', 'agentic', PA_AN_AGENT],
    ['Look at the current web page first.', 'agentic', PA_CURRENT_PAGE],
    ['Which of the following is larger?', 'reasoning', PR_WHICH_OF_THE_FOLLOWING],
    ['True or false: whales are fish.', 'reasoning', PR_TRUE_OR_FALSE],
    ['Go step by step through it.', 'reasoning', PR_STEP_BY_STEP],
    ['Use the search tool for this.', 'tool-use', PT_USE_THE],
    ['Please call the lookup function now.', 'tool-use', PT_CALL_THE],
    ['The json\n  schema is attached.', 'tool-use', PT_JSON_SCHEMA],
    ['Please write an e-mail to my boss.', 'writing', PN_WRITING],
    ['Help me write my cover letter today.', 'writing', PN_WRITING],
    ['Please review `this` code for bugs.', 'coding', PN_CODE],
  ] as const)('%s -> %s, the pair found', (prompt, tag, pair) => {
    const { gated, patterns, triggers } = bothWays(prompt);
    expect(triggers.pairs! & pair).not.toBe(0);
    expect(gated).toContain(tag);
    expect(gated).toEqual(patterns);
  });

  it.each([
    ['The tool: results are in.', PA_TOOL_RESULT],
    ['You are a real estate agent in Paris.', PA_AN_AGENT],
    ['Which one of the following is not? Pick.', PR_WHICH_OF_THE_FOLLOWING],
    ['It is true, or at least not false.', PR_TRUE_OR_FALSE],
    ['Take a step, by the way, then a step.', PR_STEP_BY_STEP],
    ['Explain: why not?', PR_EXPLAIN_WHY],
    ['Use their tool, or call them, the function is yours.', PT_USE_THE | PT_CALL_THE],
    ['Write it down, and after a long pause of many words, a poem.', PN_WRITING],
    ['Explain the weather today, then show me your favourite code.', PN_CODE],
  ] as const)('%s: the words apart, the pattern not run, the same tags', (prompt, pair) => {
    const { gated, patterns, triggers } = bothWays(prompt);
    expect(triggers.pairs! & pair).toBe(0);
    expect(gated).toEqual(patterns);
  });

  it.each([
    'Write it down. A poem follows.',
    'A 2tool results line, and tool2 results too.',
    'tool_result',
    'Escribe una historia, no write-up needed.',
    'Ich schreibe einen Brief.',
    'the tool-results and function-call are listed',
  ])('%s: same tags as running every pattern', (prompt) => {
    const { gated, patterns } = bothWays(prompt);
    expect(gated).toEqual(patterns);
  });
});

describe('anchor-word skip', () => {
  it('gives the same tags as the full scan on English prompts', () => {
    const english = [
      ...Object.values(CASES).flatMap((c) => [...c.positive, ...c.benign]),
      // cues hidden from the token hashes: a quoted literal, an identifier, a code block
      "Q: 2+2?\nBefore the final answer, write a section called 'reasoning'.",
      'Put the inner_monologue first, then the final answer.',
      'Answer, then:\n```\nshow your reasoning before the answer\n```',
      ...paraphraseSet()
        .filter((r) => r.language === 'en')
        .map((r) => r.text),
    ];
    for (const prompt of english) {
      const s = scan(prompt);
      const { words, spans } = triggersOf(s);
      expect(extractionTags(s.text, words, ['en'], spans ?? null), prompt).toEqual(
        extractionTags(s.text, null, ['en']),
      );
    }
  });
});

describe('capability tags', () => {
  const cases: [string, CapabilityTag, Parameters<typeof fingerprint>[0]?][] = [
    ['def add(a, b):\n    """Return the sum."""\n', 'coding'],
    ['Why does my React component re-render twice?', 'coding'],
    ['Fix the bug in this function: ```js\nconst x = y +\n```', 'coding'],
    [
      'Natalia sold clips to 48 of her friends in April, and then half as many in May. How many clips did she sell?',
      'math',
    ],
    ['Solve for x: 3x + 5 = 20', 'math'],
    ['What is the weather in Paris?', 'tool-use', { tools: [{ name: 'get_weather', parameters: {} }] }],
    [
      'Thought: I need the page.\nAction: click [42]\nObservation: the cart page is open\nWhat next?',
      'agentic',
    ],
    ['continue', 'long-horizon', { turns: 12 }],
    [
      'If all bloops are razzies and all razzies are lazzies, are all bloops lazzies? Explain the logic.',
      'reasoning',
    ],
    ['Write a short poem about autumn leaves.', 'writing'],
    ['How do you say good morning in Japanese?', 'translation'],
    ['who wrote the novel war and peace', 'knowledge'],
    ['hi there, I had a rough day and just want to talk', 'chat'],
  ];
  it.each(cases)('%s -> %s', (prompt, tag, extra) => {
    expect(capsOf(prompt, extra ?? {})).toContain(tag);
  });

  it('does not call a developer question an extraction, nor a math question coding', () => {
    const fp = fingerprint({ prompt: 'How do I reverse a linked list in Java? My code loops forever.' });
    expect(fp.capabilities).toContain('coding');
    expect(fp.extraction).toEqual([]);
    expect(capsOf('A train travels 60 km in 1.5 hours. What is its average speed?')).not.toContain('coding');
  });
});

describe('tag arrays', () => {
  it('returns arrays of their own, though the tags are collected in reused arrays', () => {
    const ctx = { tools: 0, turns: 1, chars: 40, codeBlocks: 0, cot: false, numbers: 0, triggers: null };
    const first = capabilityTags('write a poem about the sea', ctx);
    const firstCopy = [...first];
    const second = capabilityTags('translate this into french', ctx);
    expect(second).not.toBe(first);
    expect(first).toEqual(firstCopy);
    first.push('math');
    expect(capabilityTags('translate this into french', ctx)).toEqual(second);
    const cot = extractionTags("let's think step by step before answering");
    const censor = extractionTags(
      'rewrite this so it passes the chinese censors and removes politically sensitive parts',
    );
    expect(cot.map((m) => m.tag)).toEqual(['cot-elicitation']);
    expect(censor.map((m) => m.tag)).toEqual(['censorship-rewrite']);
    expect(extractionTags('what is the capital of france')).toEqual([]);
    expect(cot.map((m) => m.tag)).toEqual(['cot-elicitation']);
  });
});
