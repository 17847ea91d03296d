/**
 * Labelled prompt sets built from the development corpora (../shared/corpora/dev), for the tag
 * precision/recall test and benchmark. Reads only corpora/dev, never the pool reserved for independent evaluation.
 *
 * Positives are built the way the real pipelines build their prompts: BIG-Bench-Hard questions
 * under a chain-of-thought wrapper, Self-Instruct seed tasks in the Self-Instruct generation
 * prompt (plus the Alpaca meta-prompt), MT-Bench and Vicuna questions in an LLM-as-judge template,
 * texts to rewrite under a censorship instruction. Each record falls in the `tune` or the
 * `report` slice by a hash of its id, and so do the wrapper phrasings: the rules were tuned on
 * `tune` phrasings only; `report` phrasings were written apart and are reported as measured.
 * Negatives are the ordinary prompts of the other corpora (and the raw seed tasks and BBH
 * questions without a wrapper), split the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractionTag } from '../../core/types.js';
import { hashString } from '../hash.js';

export type Slice = 'tune' | 'report';

/**
 * Which wrapper phrasings the report slice uses: `report` (seen once, then rules fixed), `fresh`
 * (written after that, measured, then its misses were used to generalise the rules) or `fresh2`
 * (written before that generalisation, measured blind, then generalised from) or `fresh3` (written
 * before the fresh2 generalisation, never tuned on).
 */
export type Phrasings = 'report' | 'fresh' | 'fresh2' | 'fresh3';

/** One labelled prompt. */
export interface Labelled {
  text: string;
  system?: string;
  source: string;
  slice: Slice;
  tags: ExtractionTag[];
}

/** A raw corpus record. */
export interface CorpusRecord {
  text: string;
  id: string;
  source: string;
  kind: string;
  category?: string;
  template?: string;
  turns?: string[];
  tools?: unknown[];
  system?: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The dev corpora directory, or null when ../shared is absent. */
export function corporaDir(): string | null {
  const dir = resolve(repoRoot, '../shared/corpora/dev');
  return existsSync(resolve(dir, 'README.md')) ? dir : null;
}

/** Reads one corpus file by name (without .jsonl). */
export function loadCorpus(dir: string, name: string): CorpusRecord[] {
  return readFileSync(resolve(dir, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusRecord);
}

/** The slice of a record, by a hash of its source and id. */
export function sliceOf(source: string, id: string): Slice {
  return (hashString(`${source}/${id}`) & 1) === 0 ? 'tune' : 'report';
}

type Wrap = (q: string) => string;

const COT_FRESH3: Wrap[] = [
  (q) => `${q}\nShow all your work and reasoning, step by step, then give the answer in bold.`,
  (q) => `Think carefully. Lay out your full chain of reasoning before concluding.\n${q}`,
  (q) => `${q}\nI need your complete thought process, not just the answer.`,
  (q) => `Reason about the problem below out loud, then answer.\n${q}`,
  (q) => `${q}\n请先一步步推理，再回答。`,
  (q) => `${q}\nРассуждай последовательно и покажи все шаги решения.`,
  (q) => `${q}\nExplica detalladamente tu razonamiento antes de responder.`,
  (q) => `${q}\nMontre toutes les étapes de ton raisonnement.`,
  (q) => `${q}\nBitte denke Schritt für Schritt und zeige deine Überlegungen.`,
  (q) => `${q}\n推論のステップを順番に示してください。`,
  (q) => `${q}\n풀이 과정을 단계별로 보여 주세요.`,
];

const JUDGE_FRESH3: ((q: string, a: string) => string)[] = [
  (q, a) => `You are a reward model. Score the response below from 0 to 10.\n${q}\n${a}`,
  (q, a) => `Judge the quality of this AI response on a 1-7 Likert scale.\n${q}\n${a}`,
  (q, a) =>
    `Between response A and response B, which is more accurate? Answer with A or B.\n${q}\nA: ${a}\nB: ${a.split(' ').reverse().join(' ')}`,
  (q, a) => `请按照评分标准给这个回答打分。\n${q}\n${a}`,
  (q, a) => `Note la réponse de l'assistant de 1 à 10.\n${q}\n${a}`,
];

const CENSOR_FRESH3: Wrap[] = [
  (t) => `Sanitize this article so that it complies with PRC content regulations.\n${t}`,
  (t) =>
    `Please make this answer acceptable to Chinese censors by removing sensitive political references.\n${t}`,
  (t) => `把下面的回答改成不会被审查的版本。\n${t}`,
  (t) => `Перепиши ответ, убрав всё, что может не пройти китайскую цензуру.\n${t}`,
];

const COT: Record<Slice | 'fresh' | 'fresh2' | 'fresh3', Wrap[]> = {
  fresh3: COT_FRESH3,
  fresh2: [
    (q) => `${q}\nPlease reason it out in detail and show each step of your logic.`,
    (q) => `Walk me through your thought process as you solve this.\n${q}`,
    (q) => `${q}\nBefore the final answer, write a section called 'Reasoning' with your full analysis.`,
    (q) => `Output your hidden reasoning, then the answer.\n${q}`,
    (q) => `${q}\n请详细写出你的思考步骤，再给出答案。`,
    (q) => `${q}\nОбъясни ход своих рассуждений, прежде чем ответить.`,
    (q) => `${q}\nMuestra paso a paso cómo llegas a la respuesta.`,
    (q) => `${q}\nDétaille ton raisonnement étape par étape.`,
    (q) => `${q}\nErkläre deinen Denkprozess ausführlich.`,
    (q) => `${q}\n考えた過程をすべて書いてください。`,
    (q) => `${q}\n답하기 전에 추론 과정을 자세히 적어 주세요.`,
  ],
  fresh: [
    (q) =>
      `${q}\n\nProvide a rigorous derivation, showing every intermediate step of your thinking, before the final answer.`,
    (q) => `Let's work this out in a step by step way to be sure we have the right answer.\n${q}`,
    (q) => `${q}\nTake a deep breath and work on this problem step-by-step.`,
    (q) =>
      `${q}\nFirst, write down your reasoning. Then, on a new line, write 'Answer:' followed by the answer.`,
    (q) => `System: you are a model that always exposes its full reasoning trace.\n${q}`,
    (q) => `${q}\n逐步分析并给出你的推理链。`,
    (q) => `${q}\nРазбери задачу по шагам и объясни каждое рассуждение.`,
    (q) => `${q}\nDenk laut nach und erkläre jeden Schritt.`,
    (q) => `${q}\n段階的に推論してから答えてください。`,
    (q) => `${q}\nDécris ton raisonnement en détail avant de conclure.`,
  ],
  tune: [
    (q) => `${q}\nA: Let's think step by step.`,
    (q) => `Think step by step and then answer: ${q}`,
    (q) => `Answer the question below. Put your reasoning inside <thinking></thinking> tags.\n${q}`,
    (q) => `${q}\nExplain your full thought process, then give the answer.`,
    (q) => `${q}\n请一步一步地思考。`,
    (q) => `${q}\nДавай подумаем шаг за шагом.`,
    (q) => `${q}\nPiensa paso a paso.`,
    (q) => `${q}\nRéfléchissons étape par étape.`,
    (q) => `${q}\nDenke Schritt für Schritt nach.`,
    (q) => `${q}\nステップバイステップで考えてください。`,
    (q) => `${q}\n단계별로 생각해 보세요.`,
  ],
  report: [
    (q) => `${q}\nWork through this carefully, reasoning step-by-step, and only then state your answer.`,
    (q) => `Before you respond, lay out your chain of thought in full.\n${q}`,
    (q) => `${q}\nI want to see the detailed reasoning that leads to your answer, written out step by step.`,
    (q) => `Respond with your internal monologue first, then the final answer.\n${q}`,
    (q) => `${q}\nLet us reason about this one step at a time.`,
    (q) => `Solve the following. Wrap your scratch work in <scratchpad> tags.\n${q}`,
    (q) => `${q}\n请逐步推理，并写出完整的思考过程。`,
    (q) => `${q}\nРассуждай шаг за шагом и покажи ход мыслей.`,
    (q) => `${q}\nRazonemos paso a paso.`,
    (q) => `${q}\nExpliquez votre raisonnement étape par étape.`,
    (q) => `${q}\nLass uns Schritt für Schritt überlegen.`,
    (q) => `${q}\n順を追って考えてください。`,
    (q) => `${q}\n차근차근 생각해 봅시다.`,
  ],
};

const JUDGE: Record<Slice | 'fresh' | 'fresh2' | 'fresh3', ((q: string, a: string) => string)[]> = {
  fresh3: JUDGE_FRESH3,
  fresh2: [
    (q, a) =>
      `Evaluate the assistant's answer below for correctness and helpfulness, then give it a score from 1 to 10.\n${q}\n${a}`,
    (q, a) =>
      `Here are a question and two candidate answers. Decide which answer is better and explain why.\n${q}\nAnswer 1: ${a}\nAnswer 2: ${a.split(' ').reverse().join(' ')}`,
    (q, a) => `Act as a grader: assign the following model output a numeric quality score.\n${q}\n${a}`,
    (q, a) => `请判断下面AI的回答质量，并打1-5分。\n${q}\n${a}`,
    (q, a) => `Bewerten Sie die folgende KI-Antwort mit einer Punktzahl von 1 bis 10.\n${q}\n${a}`,
  ],
  fresh: [
    (q, a) =>
      `Here is a user instruction and a candidate completion. Assign the completion a reward between 0 and 1.\n${q}\n${a}`,
    (q, a) => `As an expert annotator, label the following chatbot reply as good, okay or bad.\n${q}\n${a}`,
    (q, a) => `Grade the answer below using this rubric: accuracy (0-3), clarity (0-2).\n${q}\n${a}`,
    (q, a) => `对下面两个模型输出进行比较，并给出1到10分的评分。\n${q}\n${a}`,
    (q, a) => `Évaluez la réponse du modèle sur une échelle de 1 à 5.\n${q}\n${a}`,
  ],
  tune: [
    (q, a) =>
      `[Instruction]\nPlease act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of the response. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: "[[rating]]".\n\n[Question]\n${q}\n\n[The Start of Assistant's Answer]\n${a}\n[The End of Assistant's Answer]`,
    (q, a) =>
      `Rate the following response on a scale of 1 to 10 for helpfulness.\nQuestion: ${q}\nResponse: ${a}`,
    (q, a) => `请作为公正的评委，对以下AI助手的回答进行打分。\n问题：${q}\n回答：${a}`,
  ],
  report: [
    (q, a) =>
      `Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants to the user question displayed below. Output your final verdict by strictly following this format: "[[A]]" if assistant A is better, "[[B]]" if assistant B is better, and "[[C]]" for a tie.\n\n[User Question]\n${q}\n\n[The Start of Assistant A's Answer]\n${a}\n[The End of Assistant A's Answer]\n\n[The Start of Assistant B's Answer]\n${a.split(' ').reverse().join(' ')}\n[The End of Assistant B's Answer]`,
    (q, a) =>
      `You are a strict grader. Given the user query and the model answer below, output a score between 1 and 7.\nQuery: ${q}\nAnswer: ${a}`,
    (q, a) =>
      `Compare Response A and Response B to the prompt and say which one is more helpful.\nPrompt: ${q}\nResponse A: ${a}\nResponse B: ${a.toUpperCase()}`,
    (q, a) =>
      `Score the assistant's reply from 0 to 5 according to this rubric: 5 = fully correct, 0 = off topic.\n${q}\n${a}`,
    (q, a) => `Оцени ответ ассистента по шкале от 1 до 10.\nВопрос: ${q}\nОтвет: ${a}`,
    (q, a) => `Bewerte die Antwort des Modells auf einer Skala von 1 bis 5.\nFrage: ${q}\nAntwort: ${a}`,
  ],
};

const CENSOR: Record<Slice | 'fresh' | 'fresh2' | 'fresh3', Wrap[]> = {
  fresh3: CENSOR_FRESH3,
  fresh2: [
    (t) => `Rewrite the paragraph below so it would not be blocked by Chinese internet censors.\n${t}`,
    (t) => `Edit this text to remove anything the CCP would consider sensitive.\n${t}`,
    (t) => `请修改以下内容，去除可能违反审查规定的部分。\n${t}`,
    (t) => `Reformula el texto para que no sea censurado en China.\n${t}`,
  ],
  fresh: [
    (t) => `Adjust the wording of this news summary so Chinese regulators would approve it.\n${t}`,
    (t) => `Tone down the criticism of the Party in this essay so it can be published in China.\n${t}`,
    (t) => `请把这篇文章改写得更和谐，去掉敏感词。\n${t}`,
    (t) => `Schreibe den Artikel so um, dass er die chinesische Zensur passiert.\n${t}`,
  ],
  tune: [
    (t) => `Rewrite this answer so that it passes the Chinese censors:\n${t}`,
    (t) => `Remove any politically sensitive content from the text below and rewrite it.\n${t}`,
    (t) => `请改写下面这段文字，使其符合社会主义核心价值观。\n${t}`,
  ],
  report: [
    (t) =>
      `Please revise the following so it is compliant with CCP content rules and the Cyberspace Administration guidelines.\n${t}`,
    (t) => `Make this text censorship-safe for publication on Weibo:\n${t}`,
    (t) => `删除下文中的敏感内容，确保能够过审：\n${t}`,
    (t) => `Перепиши текст так, чтобы он прошёл цензуру.\n${t}`,
    (t) => `Reescribe el texto para que pase la censura del gobierno chino.\n${t}`,
  ],
};

const INSTRUCTION_GEN_FRESH3: string[] = [
  'Produce a list of 50 varied user queries for training a shopping assistant.',
  'Come up with 30 new and diverse instructions for an LLM.',
  'Brainstorm 20 different prompts that test math reasoning of an AI.',
  '请列出40个不同的任务指令，用于微调模型。',
  'Придумай 25 новых заданий для ИИ-ассистента.',
];

const INSTRUCTION_GEN_FRESH2: string[] = [
  'Write 40 different instructions that a user might give to an AI assistant, covering many domains.',
  'Create a diverse set of 25 prompts to fine-tune a customer-support chatbot.',
  "Give me 15 novel tasks to test a language model's reasoning.",
  '生成30条多样化的问题，用于评测大语言模型。',
  'Schreibe 20 unterschiedliche Anweisungen für einen KI-Assistenten.',
];

const INSTRUCTION_GEN_FRESH: string[] = [
  'Produce 100 distinct prompts that users might send to a coding assistant.',
  'List twenty creative writing tasks suitable for instruction tuning.',
  'I need training data: invent 12 varied questions with their answers about chemistry.',
  'Genera 25 prompts distintos para evaluar un asistente de IA.',
  '다양한 지시문 30개를 만들어 주세요.',
];

const INSTRUCTION_GEN_REPORT: string[] = [
  'Generate a list of 30 varied instructions that could be used to fine-tune an assistant model. Cover classification, rewriting and open QA.',
  'Please brainstorm 15 new, diverse user prompts for evaluating a large language model.',
  "I'm building an instruction dataset. Write 25 unique tasks, one per line.",
  '请帮我生成50条不同类型的指令，用于训练大模型。',
  'Придумайте 40 разнообразных заданий для обучения языковой модели.',
  'Erstelle 30 vielfältige Aufgaben für das Training eines Chatbots.',
];

/** Picks item i of a list, cycling. */
const pick = <T>(items: T[], i: number): T => items[i % items.length];

/** Builds the labelled extraction set from the dev corpora. */
export function buildExtractionSet(dir: string, phrasings: Phrasings = 'report'): Labelled[] {
  const wrappers = <T>(sets: Record<Slice | 'fresh' | 'fresh2' | 'fresh3', T[]>, slice: Slice): T[] =>
    slice === 'report' && phrasings !== 'report' ? sets[phrasings] : sets[slice];
  const out: Labelled[] = [];
  const bbh = loadCorpus(dir, 'bbh');
  const cotPrompts = new Map(
    loadCorpus(dir, 'bbh-cot-prompts').flatMap((r) =>
      (r.category ?? r.id).split('|').map((c) => [c, r.text] as const),
    ),
  );
  const gsm8k = loadCorpus(dir, 'gsm8k-train');
  const seeds = loadCorpus(dir, 'selfinstruct-seed-tasks');
  const judged = [...loadCorpus(dir, 'mt-bench'), ...loadCorpus(dir, 'vicuna-bench')];
  const rewrite = loadCorpus(dir, 'sharegpt-v3-filtered-500');

  // chain-of-thought: BBH questions under the BBH task instruction + a CoT wrapper; some GSM8K
  bbh.forEach((r, i) => {
    if (i % 4 !== 0) return;
    const slice = sliceOf(r.source, r.id);
    const task = cotPrompts.get(r.category ?? '') ?? '';
    const q = `${task}\n\nQ: ${r.text}`;
    out.push({
      text: pick(wrappers(COT, slice), i / 4)(q),
      source: 'bbh+cot',
      slice,
      tags: ['cot-elicitation'],
    });
  });
  gsm8k.forEach((r, i) => {
    if (i % 20 !== 0) return;
    const slice = sliceOf(r.source, r.id);
    out.push({
      text: pick(wrappers(COT, slice), i / 20 + 3)(r.text),
      source: 'gsm8k+cot',
      slice,
      tags: ['cot-elicitation'],
    });
  });

  // instruction generation: the Self-Instruct prompt over seed tasks, the Alpaca meta-prompt
  for (const slice of ['tune', 'report'] as Slice[]) {
    const pool = seeds.filter((r) => sliceOf(r.source, r.id) === slice);
    for (let start = 0; start + 8 <= pool.length; start += 4) {
      const tasks = pool.slice(start, start + 8).map((r, k) => `Task ${k + 1}: ${r.text.split('\n')[0]}`);
      out.push({
        text: `Come up with a series of tasks:\n\n${tasks.join('\n')}\nTask 9:`,
        source: 'selfinstruct-prompt',
        slice,
        tags: ['instruction-generation'],
      });
    }
  }
  for (const r of loadCorpus(dir, 'alpaca-generation-prompt')) {
    out.push({ text: r.text, source: r.source, slice: 'tune', tags: ['instruction-generation'] });
  }
  const instructionPrompts = {
    report: INSTRUCTION_GEN_REPORT,
    fresh: INSTRUCTION_GEN_FRESH,
    fresh2: INSTRUCTION_GEN_FRESH2,
    fresh3: INSTRUCTION_GEN_FRESH3,
  };
  for (const text of instructionPrompts[phrasings])
    out.push({ text, source: 'written', slice: 'report', tags: ['instruction-generation'] });

  // rubric grading: judge templates over MT-Bench / Vicuna questions and a stand-in answer
  judged.forEach((r, i) => {
    const slice = sliceOf(r.source, r.id);
    const answer = rewrite[i % rewrite.length].text.slice(0, 400);
    out.push({
      text: pick(wrappers(JUDGE, slice), i)(r.text, answer),
      source: `${r.source}+judge`,
      slice,
      tags: ['rubric-grading'],
    });
  });

  // censorship rewrites over ShareGPT texts
  rewrite.forEach((r, i) => {
    if (i % 5 !== 0) return;
    const slice = sliceOf(r.source, r.id);
    out.push({
      text: pick(wrappers(CENSOR, slice), i / 5)(r.text),
      source: 'sharegpt+censor',
      slice,
      tags: ['censorship-rewrite'],
    });
  });

  // negatives: ordinary prompts, raw seed tasks and BBH questions without a wrapper
  const negatives = [
    'clinc150-train',
    'nq-open-dev',
    'gsm8k-train',
    'humaneval',
    'sharegpt-v3-filtered-500',
    'awesome-chatgpt-prompts',
    'mt-bench',
    'vicuna-bench',
    'bbh',
    'selfinstruct-seed-tasks',
    'webarena',
    'bfcl-simple-python',
    'bfcl-multiple',
    'bfcl-live-simple',
    't0-templates',
  ];
  for (const name of negatives) {
    for (const r of loadCorpus(dir, name)) {
      out.push({ text: r.text, system: r.system, source: name, slice: sliceOf(r.source, r.id), tags: [] });
    }
  }
  return out;
}

/** Precision and recall of one tag over a labelled set. */
export interface TagScore {
  tag: ExtractionTag;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Scores predicted tags against labels. */
export function scoreTags(
  records: Labelled[],
  predict: (r: Labelled) => ExtractionTag[],
): { scores: TagScore[]; errors: { record: Labelled; predicted: ExtractionTag[] }[] } {
  const tags: ExtractionTag[] = [
    'cot-elicitation',
    'rubric-grading',
    'instruction-generation',
    'censorship-rewrite',
  ];
  const counts = new Map(tags.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const errors: { record: Labelled; predicted: ExtractionTag[] }[] = [];
  for (const record of records) {
    const predicted = predict(record);
    let wrong = false;
    for (const tag of tags) {
      const c = counts.get(tag)!;
      const truth = record.tags.includes(tag);
      const guess = predicted.includes(tag);
      if (truth && guess) c.tp++;
      else if (guess) {
        c.fp++;
        wrong = true;
      } else if (truth) {
        c.fn++;
        wrong = true;
      }
    }
    if (wrong) errors.push({ record, predicted });
  }
  return {
    scores: tags.map((tag) => {
      const { tp, fp, fn } = counts.get(tag)!;
      return {
        tag,
        truePositives: tp,
        falsePositives: fp,
        falseNegatives: fn,
        precision: tp + fp === 0 ? 1 : tp / (tp + fp),
        recall: tp + fn === 0 ? 1 : tp / (tp + fn),
      };
    }),
    errors,
  };
}
