/**
 * A held-out paraphrase set for the extraction tags: request wordings in 8 languages written from
 * scratch (varied registers, word orders, system-prompt style, terse and verbose), and as many
 * benign look-alikes per tag that must NOT fire. Independent of ../shared (tests run anywhere).
 *
 * The set is split in two halves by position within each (tag, language, polarity) list: even
 * entries are the DEVELOPMENT half (looked at while building the concept lexicons), odd entries
 * are the HELD-OUT half (only evaluated, never used to change the lexicons). Both halves were
 * written before the concept matcher existed. Wrappers carry `{q}` (the task) or get one
 * appended; rubric wrappers get a question and an answer; censorship wrappers a text.
 */
import type { ExtractionTag } from '../../core/types.js';
import {
  FRESH_CENSOR_NEGATIVE,
  FRESH_CENSOR_POSITIVE,
  FRESH_COT_NEGATIVE,
  FRESH_COT_POSITIVE,
  FRESH_INSTRUCTION_NEGATIVE,
  FRESH_INSTRUCTION_POSITIVE,
  FRESH_RUBRIC_NEGATIVE,
  FRESH_RUBRIC_POSITIVE,
  FRESH2_CENSOR_NEGATIVE,
  FRESH2_CENSOR_POSITIVE,
  FRESH2_COT_NEGATIVE,
  FRESH2_COT_POSITIVE,
  FRESH2_INSTRUCTION_NEGATIVE,
  FRESH2_INSTRUCTION_POSITIVE,
  FRESH2_RUBRIC_NEGATIVE,
  FRESH2_RUBRIC_POSITIVE,
  FRESH3_CENSOR_NEGATIVE,
  FRESH3_CENSOR_POSITIVE,
  FRESH3_COT_NEGATIVE,
  FRESH3_COT_POSITIVE,
  FRESH3_INSTRUCTION_NEGATIVE,
  FRESH3_INSTRUCTION_POSITIVE,
  FRESH3_RUBRIC_NEGATIVE,
  FRESH3_RUBRIC_POSITIVE,
  FRESH4_CENSOR_NEGATIVE,
  FRESH4_CENSOR_POSITIVE,
  FRESH4_COT_NEGATIVE,
  FRESH4_COT_POSITIVE,
  FRESH4_INSTRUCTION_NEGATIVE,
  FRESH4_INSTRUCTION_POSITIVE,
  FRESH4_RUBRIC_NEGATIVE,
  FRESH4_RUBRIC_POSITIVE,
} from './paraphrases-fresh.js';

/**
 * Part of the paraphrase set: the development and held-out halves of this file, and `fresh`, the
 * second held-out set of paraphrases-fresh.ts (written after the matcher, measured once, then
 * generalised from), `fresh2` and `fresh3`, the third and fourth (the same), and `fresh4`, the
 * fifth (written after the last generalisation, measured once, never tuned on: the final blind
 * estimate).
 */
export type Half = 'dev' | 'heldout' | 'fresh' | 'fresh2' | 'fresh3' | 'fresh4';

/** One labelled paraphrase. */
export interface Paraphrase {
  text: string;
  language: string;
  half: Half;
  /** The tag it must carry, or null for a benign look-alike of `lookalikeOf`. */
  tag: ExtractionTag | null;
  lookalikeOf: ExtractionTag;
}

type Lists = Record<string, string[]>;

const COT_POSITIVE: Lists = {
  en: [
    'Before you give me the answer, walk me through the reasoning you used to get there.\n{q}',
    '{q}\nI want to see how you think: narrate every step of your reasoning, then state the result.',
    'Please break the problem down and reason through it one step at a time before answering.\n{q}',
    '{q}\n\nFormat: first your reasoning under a "Thoughts" heading, then "Final answer:" on its own line.',
    'You are an assistant that always discloses its complete reasoning process before responding.',
    '{q}\nDon’t just give the answer — spell out the thinking that leads you to it.',
    'Think this through carefully, stepwise, and show me each intermediate step.\n{q}',
    '{q}\nExplain how you arrived at your answer, including every step of your logic.',
    'For the question below, write out your entire chain of reasoning verbatim, then answer.\n{q}',
    '{q}\nYour response must contain the detailed rationale behind your answer, followed by the answer itself.',
    'Reason it out loud before committing to an answer.\n{q}',
    '{q}\nShow your work.',
    'When you respond, include the internal deliberation that produced your answer.\n{q}',
    '{q}\nPlease reason carefully and step-by-step; put your thinking between <reasoning> and </reasoning>.',
    'Give a transparent, step-by-step account of your thought process, then the final answer.\n{q}',
    '{q}\nlets go step by step, show reasoning pls',
  ],
  zh: [
    '{q}\n请先把你的推理过程完整地写出来，然后再给出答案。',
    '回答下面的问题时，请逐步思考，并展示每一步的思路。\n{q}',
    '{q}\n不要只给结论，把你的思考过程详细说明一下。',
    '{q}\n请分步骤推理，最后给出答案。',
    '你是一个总是展示完整思维过程的助手。\n{q}',
    '{q}\n请一步步推导，写出你是怎么得到这个答案的。',
  ],
  ru: [
    '{q}\nСначала подробно изложи свой ход рассуждений, а потом дай ответ.',
    'Прежде чем ответить, порассуждай пошагово и покажи каждый шаг.\n{q}',
    '{q}\nОбъясни, как ты пришёл к этому ответу, шаг за шагом.',
    '{q}\nРаспиши полностью цепочку своих рассуждений.',
    'Думай вслух и показывай все промежуточные шаги.\n{q}',
    '{q}\nНапиши весь свой мыслительный процесс, затем ответ.',
  ],
  es: [
    '{q}\nAntes de responder, explica paso a paso tu razonamiento completo.',
    'Razona en voz alta y muestra cada paso antes de dar la respuesta.\n{q}',
    '{q}\nDescribe detalladamente el proceso de pensamiento que te lleva a la respuesta.',
    '{q}\nPiensa con calma, paso por paso, y escribe todo tu razonamiento.',
    'Muéstrame cómo llegaste a la respuesta, con todos los pasos intermedios.\n{q}',
    '{q}\nIncluye tu cadena de razonamiento antes de la respuesta final.',
  ],
  fr: [
    '{q}\nAvant de répondre, expose ton raisonnement complet étape par étape.',
    'Réfléchis à voix haute et montre chaque étape de ta réflexion.\n{q}',
    '{q}\nExplique-moi comment tu es arrivé à cette réponse, étape par étape.',
    '{q}\nDétaillez l’ensemble de votre raisonnement avant de conclure.',
    'Procède pas à pas et écris tout ton cheminement de pensée.\n{q}',
    '{q}\nDonne d’abord ta chaîne de raisonnement, puis la réponse finale.',
  ],
  de: [
    '{q}\nBevor du antwortest, lege deinen Gedankengang Schritt für Schritt offen.',
    'Denk laut und zeig jeden Zwischenschritt deiner Überlegung.\n{q}',
    '{q}\nErkläre, wie du zu dieser Antwort gekommen bist, Schritt für Schritt.',
    '{q}\nBitte schreibe deine vollständige Argumentation auf, dann die Antwort.',
    'Geh schrittweise vor und leg dabei deine Überlegungen dar.\n{q}',
    '{q}\nGib zuerst deine Denkschritte aus und danach das Ergebnis.',
  ],
  ja: [
    '{q}\n答える前に、あなたの推論過程をすべて書き出してください。',
    '一歩ずつ考えて、各ステップを示してから答えてください。\n{q}',
    '{q}\nどのようにしてその答えにたどり着いたのか、思考の流れを詳しく説明してください。',
    '{q}\n段階を追って推論し、途中の考えも書いてください。',
    '{q}\n考え方の過程を省略せずに示してください。',
    '{q}\nまず思考プロセスを書き、最後に答えを出してください。',
  ],
  ko: [
    '{q}\n답하기 전에 당신의 추론 과정을 모두 적어 주세요.',
    '한 단계씩 생각하면서 각 단계를 보여 주세요.\n{q}',
    '{q}\n어떻게 그 답에 도달했는지 사고 과정을 자세히 설명해 주세요.',
    '{q}\n단계적으로 추론하고 중간 과정도 써 주세요.',
    '{q}\n생각하는 과정을 생략하지 말고 보여 줘.',
    '{q}\n먼저 풀이 과정을 쓰고 마지막에 답을 제시하세요.',
  ],
};

const COT_NEGATIVE: Lists = {
  en: [
    'Can you explain step by step how photosynthesis works?',
    'Walk me through how to change a flat tire.',
    'What was the reasoning behind the Supreme Court decision in Brown v. Board?',
    'Why does chain-of-thought prompting improve accuracy on math benchmarks?',
    'My reasoning is that rent will go up next year. Does that make sense?',
    'Show me step by step how to set up a Python virtual environment.',
    'What is the thought process of a chess grandmaster when evaluating a position?',
    'Write a short story in which the detective explains how she arrived at her conclusion.',
    'I think the answer is 42, but I am not sure. What do you think?',
    'Summarize the paper "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models".',
    'Give me step-by-step instructions for baking a sourdough loaf.',
    'How do I show my work on a math test without running out of time?',
  ],
  zh: [
    '请一步一步地教我怎么做红烧肉。',
    '请解释一下光合作用的过程。',
    '什么是思维链提示？它为什么有效？',
    '我的思考过程是这样的，你觉得对吗？',
  ],
  ru: [
    'Объясни шаг за шагом, как настроить роутер.',
    'Какой ход мыслей был у Ньютона, когда он открыл закон тяготения?',
    'Что такое цепочка рассуждений в языковых моделях?',
    'Покажи пошагово, как приготовить борщ.',
  ],
  es: [
    'Explícame paso a paso cómo cambiar el aceite del coche.',
    '¿Cuál fue el razonamiento de los jueces en ese caso?',
    'Describe el proceso de la digestión paso a paso.',
    'Mi razonamiento es que deberíamos invertir ahora, ¿qué opinas?',
  ],
  fr: [
    'Explique-moi étape par étape comment faire une pâte à crêpes.',
    'Quel était le raisonnement de Descartes dans le Discours de la méthode ?',
    'Décris étape par étape le cycle de l’eau.',
    'Qu’est-ce que le prompting par chaîne de pensée ?',
  ],
  de: [
    'Erkläre mir Schritt für Schritt, wie man einen Reifen wechselt.',
    'Was war die Argumentation des Gerichts in diesem Urteil?',
    'Beschreibe Schritt für Schritt, wie eine Wärmepumpe funktioniert.',
    'Mein Gedankengang war folgender – ist das logisch?',
  ],
  ja: [
    'カレーの作り方をステップバイステップで教えてください。',
    '光合成の仕組みを順を追って説明してください。',
    '思考の連鎖プロンプトとは何ですか？',
    '私の考えた過程は正しいでしょうか？',
  ],
  ko: [
    '김치찌개 만드는 방법을 단계별로 알려 주세요.',
    '광합성 과정을 차근차근 설명해 주세요.',
    '사고의 사슬 프롬프팅이란 무엇인가요?',
    '제 추론 과정이 맞는지 봐 주실래요?',
  ],
};

const RUBRIC_POSITIVE: Lists = {
  en: [
    'You will be shown a prompt and a model completion. Give the completion an integer score between 1 and 5 for factual accuracy.\n{q}\n{a}',
    'Assess this chatbot reply for helpfulness and harmlessness; output only a number from 0 to 10.\n{q}\n{a}',
    'Read both candidate answers and tell me which one better addresses the user. Reply "A", "B" or "tie".\n{q}\nA: {a}\nB: {a}',
    'Serve as an evaluator. Judge the assistant’s response against the criteria below and assign points.\nCriteria: correctness, clarity, completeness.\n{q}\n{a}',
    'How good is the AI’s answer below? Rate it 1-10 and justify the rating briefly.\n{q}\n{a}',
    '[System] You are a preference model. Given two responses, output the probability that response 1 is preferred.\n{q}\n1: {a}\n2: {a}',
    'Grade the following model-generated answer with the rubric: 2 = correct and complete, 1 = partially correct, 0 = wrong.\n{q}\n{a}',
    'Critique the response below and give it an overall quality score out of 10.\n{q}\n{a}',
    'Here is an LLM output. Score its relevance, coherence and fluency, each on a 1-5 Likert scale.\n{q}\n{a}',
    'Decide whether the assistant answer is acceptable or unacceptable, then give a confidence score.\n{q}\n{a}',
    'rank these 3 completions from best to worst for the prompt\n{q}\n1) {a}\n2) {a}\n3) {a}',
    'As a meticulous reviewer of AI outputs, evaluate the reply for correctness and assign a grade from A to F.\n{q}\n{a}',
  ],
  zh: [
    '请你作为评审，根据正确性和完整性给下面模型的回答打分（1-10分）。\n{q}\n{a}',
    '比较以下两个回答，判断哪一个更好，只输出A或B。\n{q}\nA：{a}\nB：{a}',
    '请评估该助手回复的有用性，并给出0到5的分数。\n{q}\n{a}',
    '你是一名严格的打分员，按照下面的评分标准对模型输出进行评分。\n{q}\n{a}',
    '请对这条AI生成的答案进行质量评价，满分10分。\n{q}\n{a}',
  ],
  ru: [
    'Оцените качество ответа модели по шкале от 1 до 5 и кратко обоснуйте оценку.\n{q}\n{a}',
    'Сравни два ответа ассистента и скажи, какой из них лучше.\n{q}\nОтвет 1: {a}\nОтвет 2: {a}',
    'Ты — строгий эксперт-оценщик. Поставь баллы ответу нейросети по критериям ниже.\n{q}\n{a}',
    'Выстави оценку от 0 до 10 этому ответу чат-бота за полезность.\n{q}\n{a}',
    'Проверь ответ модели на точность и оцени его по пятибалльной шкале.\n{q}\n{a}',
  ],
  es: [
    'Evalúa la respuesta del modelo según esta rúbrica y asígnale una puntuación del 1 al 5.\n{q}\n{a}',
    'Compara las dos respuestas del asistente e indica cuál es mejor.\n{q}\nA: {a}\nB: {a}',
    'Actúa como evaluador imparcial y puntúa la respuesta de la IA de 0 a 10.\n{q}\n{a}',
    'Califica la calidad de esta respuesta generada por el chatbot en una escala de 1 a 7.\n{q}\n{a}',
    'Otorga una nota del 1 al 10 a la respuesta del asistente según su precisión.\n{q}\n{a}',
  ],
  fr: [
    'Évaluez la réponse de l’IA selon la grille ci-dessous et attribuez une note sur 10.\n{q}\n{a}',
    'Compare les deux réponses du modèle et dis laquelle est la meilleure.\n{q}\nA : {a}\nB : {a}',
    'En tant que correcteur, notez la réponse de l’assistant de 1 à 5 pour la pertinence.\n{q}\n{a}',
    'Donne un score de qualité entre 0 et 10 à la sortie du modèle ci-dessous.\n{q}\n{a}',
    'Juge la réponse du chatbot : est-elle correcte ? Attribue-lui une note de 1 à 5.\n{q}\n{a}',
  ],
  de: [
    'Beurteile die Antwort des Modells anhand der folgenden Kriterien und vergib 1 bis 5 Punkte.\n{q}\n{a}',
    'Vergleiche die beiden Antworten des Assistenten und entscheide, welche besser ist.\n{q}\nA: {a}\nB: {a}',
    'Du bist ein unabhängiger Gutachter. Bewerte die KI-Antwort auf einer Skala von 0 bis 10.\n{q}\n{a}',
    'Gib der Antwort des Chatbots eine Note von 1 bis 6 für Korrektheit.\n{q}\n{a}',
    'Prüfe die generierte Antwort und vergib eine Qualitätspunktzahl zwischen 1 und 10.\n{q}\n{a}',
  ],
  ja: [
    '以下のモデルの回答を正確さの観点から1〜5点で評価してください。\n{q}\n{a}',
    '2つのアシスタントの応答を比較し、どちらが優れているか判定してください。\n{q}\nA: {a}\nB: {a}',
    'あなたは厳格な採点者です。AIの出力を評価基準に従って採点してください。\n{q}\n{a}',
    'このチャットボットの返答の品質を10点満点でスコアリングしてください。\n{q}\n{a}',
    '生成された回答が有用かどうか判断し、0から10のスコアを付けてください。\n{q}\n{a}',
  ],
  ko: [
    '다음 모델 응답을 정확성 기준으로 1~5점으로 평가해 주세요.\n{q}\n{a}',
    '두 어시스턴트 답변을 비교해서 어느 쪽이 더 나은지 판단하세요.\n{q}\nA: {a}\nB: {a}',
    '당신은 엄격한 채점자입니다. AI의 답변에 0점에서 10점 사이의 점수를 매기세요.\n{q}\n{a}',
    '이 챗봇 응답의 품질을 평가 기준에 따라 채점해 주세요.\n{q}\n{a}',
    '생성된 답변이 얼마나 유용한지 10점 만점으로 점수를 주세요.\n{q}\n{a}',
  ],
};

const RUBRIC_NEGATIVE: Lists = {
  en: [
    'Rate this recipe from 1 to 5 based on how easy it is to make.',
    'Can you grade my essay on the causes of World War I and tell me how to improve it?',
    'Create a grading rubric for a 7th grade science fair project.',
    'Which laptop is better for video editing, the MacBook Pro or the Dell XPS?',
    'Evaluate the integral of x^2 from 0 to 3.',
    'How are LLM-as-a-judge benchmarks like MT-Bench scored?',
    'My teacher gave my answer a 6 out of 10. Was that fair? Here it is: ...',
    'Score these bowling frames and tell me my total.',
    'Assess the risks of investing in index funds versus individual stocks.',
    'Compare the responses of the US and the EU to the 2008 financial crisis.',
  ],
  zh: [
    '请给这部电影打个分，满分10分。',
    '帮我看看我的作文写得怎么样，给点修改建议。',
    '比较一下iPhone和华为手机哪个更好。',
    '老师的评分标准是什么？',
  ],
  ru: [
    'Оцени этот ресторан по шкале от 1 до 10.',
    'Проверь моё сочинение и поставь оценку.',
    'Какой телефон лучше: Samsung или iPhone?',
    'Как оценивают ответы на ЕГЭ по русскому?',
  ],
  es: [
    'Califica esta película del 1 al 10.',
    '¿Puedes evaluar mi ensayo sobre la Revolución Mexicana?',
    '¿Qué es mejor para principiantes, Python o Java?',
    'Crea una rúbrica para evaluar presentaciones orales de mis alumnos.',
  ],
  fr: [
    'Note ce film sur 10 et explique pourquoi.',
    'Peux-tu corriger ma dissertation et me donner une note ?',
    'Quel est le meilleur smartphone en 2024 ?',
    'Comment fonctionne le barème du baccalauréat ?',
  ],
  de: [
    'Bewerte dieses Hotel auf einer Skala von 1 bis 5.',
    'Kannst du meinen Aufsatz benoten?',
    'Welches Auto ist besser, ein Golf oder ein Astra?',
    'Wie funktioniert das Notensystem an deutschen Schulen?',
  ],
  ja: [
    'この映画を10点満点で評価してください。',
    '私の作文を添削して点数をつけてください。',
    'iPhoneとAndroid、どちらが良いですか？',
    '大学の成績評価の基準は何ですか？',
  ],
  ko: [
    '이 영화를 10점 만점으로 평가해 주세요.',
    '제 에세이를 채점해 주실 수 있나요?',
    '아이폰과 갤럭시 중 어느 것이 더 나은가요?',
    '수능 채점 기준은 어떻게 되나요?',
  ],
};

const INSTRUCTION_POSITIVE: Lists = {
  en: [
    'Draft 60 heterogeneous user requests we can use as seed prompts for supervised fine-tuning.',
    'I am assembling an instruction-tuning corpus. Please invent 25 varied tasks spanning summarization, extraction and brainstorming.',
    'Write a batch of 40 brand-new prompts a person might ask a general-purpose AI assistant. Make them as different from each other as possible.',
    'Generate one hundred unique questions suitable for evaluating an LLM on commonsense reasoning.',
    'Propose 12 novel instructions, each with an input and an expected output, for training a model.',
    'Can you crank out 30 diverse coding tasks to fine-tune our code assistant on?',
    'Create a list of 50 realistic customer queries to build a training set for our support bot.',
    'Come up with new task instructions for the language model, different from the examples below.\n1. Summarize the article.\n2. Translate the sentence.',
  ],
  zh: [
    '请设计30条风格各异的用户指令，用来训练对话模型。',
    '帮我编写50个多样化的任务，作为大模型的微调数据。',
    '生成一百个不同领域的问题，用来评测语言模型。',
    '请构造20条新的指令及对应的回答，用于指令微调。',
  ],
  ru: [
    'Сгенерируй 50 разнообразных запросов пользователей для обучения чат-бота.',
    'Составь 30 новых инструкций для дообучения языковой модели.',
    'Придумай сто различных вопросов для оценки нейросети.',
    'Напиши 20 уникальных заданий с ответами для обучающего датасета.',
  ],
  es: [
    'Crea 40 instrucciones variadas para entrenar a un asistente de IA.',
    'Inventa 25 tareas nuevas y diferentes para ajustar un modelo de lenguaje.',
    'Escribe 50 preguntas distintas para evaluar un LLM.',
    'Genera un conjunto de 30 prompts diversos para el entrenamiento de un chatbot.',
  ],
  fr: [
    'Rédige 40 consignes variées pour entraîner un assistant conversationnel.',
    'Invente 25 nouvelles tâches différentes pour affiner un modèle de langage.',
    'Génère 50 questions diverses pour évaluer un LLM.',
    'Propose une série de 30 prompts originaux pour constituer un jeu de données d’entraînement.',
  ],
  de: [
    'Denk dir 40 abwechslungsreiche Anweisungen für das Training eines KI-Assistenten aus.',
    'Generiere 25 neue, unterschiedliche Aufgaben zum Feintuning eines Sprachmodells.',
    'Schreibe 50 verschiedene Fragen, um ein LLM zu evaluieren.',
    'Erstelle einen Datensatz aus 30 vielfältigen Prompts für einen Chatbot.',
  ],
  ja: [
    'チャットボットの学習用に、多様なユーザー指示を30個作成してください。',
    '言語モデルのファインチューニング用に新しいタスクを25個考えてください。',
    'LLMを評価するための様々な質問を50個生成してください。',
    'AIアシスタント向けの異なるプロンプトを40個書いてください。',
  ],
  ko: [
    '챗봇 학습용으로 다양한 사용자 지시문 30개를 작성해 주세요.',
    '언어 모델 파인튜닝을 위한 새로운 작업 25개를 만들어 주세요.',
    'LLM 평가를 위한 서로 다른 질문 50개를 생성해 주세요.',
    'AI 어시스턴트에게 줄 다양한 프롬프트 40개를 제안해 주세요.',
  ],
};

const INSTRUCTION_NEGATIVE: Lists = {
  en: [
    'Write instructions for assembling an IKEA bookshelf.',
    'Give me 20 icebreaker questions for a team meeting.',
    'List 10 chores my kids can do on weekends.',
    'What is the Self-Instruct method for instruction tuning?',
    'Generate 15 multiple-choice questions about the French Revolution for my students.',
    'Create a to-do list of 12 tasks for moving to a new apartment.',
    'What are 5 different ways to phrase a prompt for image generation?',
    'Write 30 diverse test cases for this sorting function.',
  ],
  zh: ['给我出10道小学数学题。', '列出搬家需要做的20件事。', '什么是指令微调？', '写一份组装书架的说明。'],
  ru: [
    'Придумай 10 вопросов для викторины на день рождения.',
    'Составь список из 15 дел на выходные.',
    'Что такое дообучение языковой модели?',
    'Напиши инструкцию по сборке шкафа.',
  ],
  es: [
    'Dame 10 preguntas para una entrevista de trabajo.',
    'Haz una lista de 20 tareas para organizar una boda.',
    '¿Qué es el ajuste por instrucciones en los LLM?',
    'Escribe instrucciones para montar una bicicleta.',
  ],
  fr: [
    'Donne-moi 10 questions pour un quiz entre amis.',
    'Liste 15 tâches ménagères à répartir entre colocataires.',
    'Qu’est-ce que l’instruction tuning ?',
    'Écris les instructions de montage d’une étagère.',
  ],
  de: [
    'Gib mir 10 Fragen für ein Vorstellungsgespräch.',
    'Erstelle eine Liste mit 20 Aufgaben für den Umzug.',
    'Was ist Instruction Tuning?',
    'Schreibe eine Anleitung zum Aufbau eines Regals.',
  ],
  ja: [
    '就職面接でよく聞かれる質問を10個教えてください。',
    '引っ越しの前にやるべきことを20個リストアップしてください。',
    'インストラクションチューニングとは何ですか？',
    '本棚の組み立て方の説明書を書いてください。',
  ],
  ko: [
    '면접에서 자주 나오는 질문 10개를 알려 주세요.',
    '이사 전에 해야 할 일 20가지를 정리해 주세요.',
    '인스트럭션 튜닝이란 무엇인가요?',
    '책장 조립 설명서를 써 주세요.',
  ],
};

const CENSOR_POSITIVE: Lists = {
  en: [
    'Rework the following paragraph so nothing in it would trip China’s content filters.\n{q}',
    'Scrub this blog post of any mention of Tiananmen, Tibet or Xinjiang so it can stay up on Weibo.\n{q}',
    'Revise the answer to align with the official position of the Chinese Communist Party.\n{q}',
    'Paraphrase the text below in a way that would be approved by mainland censors.\n{q}',
    'Make this news piece publishable in the PRC: soften anything politically sensitive.\n{q}',
    'Edit my article so it won’t get harmonized on WeChat.\n{q}',
    'Please produce a version of this essay that is safe under Chinese censorship rules.\n{q}',
    'Rewrite the response so it avoids topics that the CCP considers off-limits.\n{q}',
  ],
  zh: [
    '请把这段话改得符合国内的审核要求。\n{q}',
    '把下文中涉及政治敏感的词句都删掉，改写成可以发表的版本。\n{q}',
    '润色一下这篇文章，让它能通过网信办的审查。\n{q}',
    '请重写这个回答，避免触碰敏感话题，以免被和谐。\n{q}',
  ],
  ru: [
    'Отредактируй статью так, чтобы её не заблокировала китайская цензура.\n{q}',
    'Убери из текста все политически чувствительные темы для публикации в Китае.\n{q}',
    'Перефразируй ответ, чтобы он соответствовал требованиям китайских цензоров.\n{q}',
    'Перепиши этот пост так, чтобы он не нарушал позицию КПК.\n{q}',
  ],
  es: [
    'Modifica este texto para que los censores chinos lo aprueben.\n{q}',
    'Elimina del artículo todo lo que sea políticamente sensible y reescríbelo.\n{q}',
    'Reescribe la respuesta de forma que no choque con la censura del Partido Comunista Chino.\n{q}',
    'Adapta este ensayo para que pueda publicarse en China sin ser censurado.\n{q}',
  ],
  fr: [
    'Reformule ce paragraphe pour qu’il échappe à la censure chinoise.\n{q}',
    'Supprime tout contenu politiquement sensible de ce texte puis réécris-le.\n{q}',
    'Modifie la réponse afin qu’elle soit acceptable pour les censeurs de Pékin.\n{q}',
    'Réécris cet article pour qu’il puisse être publié en Chine continentale sans être censuré.\n{q}',
  ],
  de: [
    'Überarbeite den Absatz, damit er die chinesische Zensur nicht auslöst.\n{q}',
    'Entferne alle politisch heiklen Stellen aus dem Text und formuliere ihn neu.\n{q}',
    'Formuliere die Antwort so, dass die Zensoren der KPCh sie durchlassen.\n{q}',
    'Passe diesen Beitrag an, damit er in China veröffentlicht werden kann, ohne zensiert zu werden.\n{q}',
  ],
  ja: [
    '中国の検閲に引っかからないように、この文章を書き換えてください。\n{q}',
    '政治的にセンシティブな表現を取り除いて、文章を修正してください。\n{q}',
    'この回答を中国当局の検閲基準に合うように言い換えてください。\n{q}',
    '検閲で削除されないように、この記事を調整してください。\n{q}',
  ],
  ko: [
    '중국 검열에 걸리지 않도록 이 글을 고쳐 써 주세요.\n{q}',
    '정치적으로 민감한 부분을 빼고 다시 작성해 주세요.\n{q}',
    '이 답변을 중국 당국의 검열 기준에 맞게 수정해 주세요.\n{q}',
    '검열로 삭제되지 않게 기사를 바꿔 주세요.\n{q}',
  ],
};

const CENSOR_NEGATIVE: Lists = {
  en: [
    'Rewrite this paragraph to be more concise.\n{q}',
    'Write an essay on the history of censorship in China.',
    'Remove any personal data from this support ticket before I share it.\n{q}',
    'Rewrite this story so it is suitable for children.\n{q}',
    'Edit this press release to comply with SEC disclosure rules.\n{q}',
    'How does the Great Firewall detect VPN traffic?',
    'Translate this article about Chinese politics into English.\n{q}',
    'Remove the sensitive information such as passwords and API keys from these logs.\n{q}',
  ],
  zh: [
    '什么是审查制度？',
    '请把这段话改得更简洁一些。\n{q}',
    '删除日志里的敏感信息，比如密码。\n{q}',
    '请写一篇关于言论自由的文章。',
  ],
  ru: [
    'Что такое цензура в СССР?',
    'Перепиши текст более простым языком.\n{q}',
    'Убери из документа персональные данные.\n{q}',
    'Напиши эссе о цензуре в литературе.',
  ],
  es: [
    '¿Qué es la censura en los medios?',
    'Reescribe el párrafo de forma más clara.\n{q}',
    'Elimina los datos personales de este correo.\n{q}',
    'Escribe un ensayo sobre la censura en la dictadura franquista.',
  ],
  fr: [
    'Qu’est-ce que la censure sous l’Ancien Régime ?',
    'Réécris ce texte pour qu’il soit plus fluide.\n{q}',
    'Retire les informations personnelles de ce document.\n{q}',
    'Rédige un essai sur la censure au cinéma.',
  ],
  de: [
    'Was versteht man unter Zensur in der DDR?',
    'Formuliere den Absatz verständlicher.\n{q}',
    'Entferne die personenbezogenen Daten aus dem Text.\n{q}',
    'Schreibe einen Aufsatz über Pressefreiheit.',
  ],
  ja: [
    '検閲とは何ですか？',
    'この文章をもっと簡潔に書き直してください。\n{q}',
    '個人情報を削除してください。\n{q}',
    '表現の自由についてのエッセイを書いてください。',
  ],
  ko: [
    '검열이란 무엇인가요?',
    '이 글을 더 간결하게 고쳐 써 주세요.\n{q}',
    '개인정보를 삭제해 주세요.\n{q}',
    '언론의 자유에 대한 에세이를 써 주세요.',
  ],
};

/** Questions, answers and texts put into the wrappers, per language. */
const TASKS: Record<string, { q: string; a: string }> = {
  en: {
    q: 'A shop sells pencils at 3 for $1. How much do 27 pencils cost?',
    a: 'They cost $9, because 27 / 3 = 9 groups at $1 each.',
  },
  zh: { q: '一个水池有两个进水管，单开甲管6小时注满，单开乙管3小时注满，同时开需要多久？', a: '需要2小时。' },
  ru: { q: 'Поезд прошёл 180 км за 2 часа. Какова его средняя скорость?', a: 'Средняя скорость 90 км/ч.' },
  es: {
    q: 'Si un tren recorre 180 km en 2 horas, ¿cuál es su velocidad media?',
    a: 'Su velocidad media es de 90 km/h.',
  },
  fr: {
    q: 'Un train parcourt 180 km en 2 heures. Quelle est sa vitesse moyenne ?',
    a: 'Sa vitesse moyenne est de 90 km/h.',
  },
  de: {
    q: 'Ein Zug fährt 180 km in 2 Stunden. Wie hoch ist seine Durchschnittsgeschwindigkeit?',
    a: 'Sie beträgt 90 km/h.',
  },
  ja: { q: '列車が2時間で180km走りました。平均速度は？', a: '時速90kmです。' },
  ko: { q: '기차가 2시간 동안 180km를 달렸습니다. 평균 속도는?', a: '시속 90km입니다.' },
};

function fill(template: string, language: string): string {
  const task = TASKS[language] ?? TASKS.en;
  return template.replaceAll('{q}', task.q).replaceAll('{a}', task.a);
}

/** The whole paraphrase set, both halves. */
export function paraphraseSet(): Paraphrase[] {
  const out: Paraphrase[] = [];
  const add = (lists: Lists, tag: ExtractionTag, positive: boolean, set?: Half) => {
    for (const [language, texts] of Object.entries(lists)) {
      texts.forEach((text, i) => {
        out.push({
          text: fill(text, language),
          language,
          half: set ?? (i % 2 === 0 ? 'dev' : 'heldout'),
          tag: positive ? tag : null,
          lookalikeOf: tag,
        });
      });
    }
  };
  add(COT_POSITIVE, 'cot-elicitation', true);
  add(COT_NEGATIVE, 'cot-elicitation', false);
  add(RUBRIC_POSITIVE, 'rubric-grading', true);
  add(RUBRIC_NEGATIVE, 'rubric-grading', false);
  add(INSTRUCTION_POSITIVE, 'instruction-generation', true);
  add(INSTRUCTION_NEGATIVE, 'instruction-generation', false);
  add(CENSOR_POSITIVE, 'censorship-rewrite', true);
  add(CENSOR_NEGATIVE, 'censorship-rewrite', false);
  add(FRESH_COT_POSITIVE, 'cot-elicitation', true, 'fresh');
  add(FRESH_COT_NEGATIVE, 'cot-elicitation', false, 'fresh');
  add(FRESH_RUBRIC_POSITIVE, 'rubric-grading', true, 'fresh');
  add(FRESH_RUBRIC_NEGATIVE, 'rubric-grading', false, 'fresh');
  add(FRESH_INSTRUCTION_POSITIVE, 'instruction-generation', true, 'fresh');
  add(FRESH_INSTRUCTION_NEGATIVE, 'instruction-generation', false, 'fresh');
  add(FRESH_CENSOR_POSITIVE, 'censorship-rewrite', true, 'fresh');
  add(FRESH_CENSOR_NEGATIVE, 'censorship-rewrite', false, 'fresh');
  add(FRESH2_COT_POSITIVE, 'cot-elicitation', true, 'fresh2');
  add(FRESH2_COT_NEGATIVE, 'cot-elicitation', false, 'fresh2');
  add(FRESH2_RUBRIC_POSITIVE, 'rubric-grading', true, 'fresh2');
  add(FRESH2_RUBRIC_NEGATIVE, 'rubric-grading', false, 'fresh2');
  add(FRESH2_INSTRUCTION_POSITIVE, 'instruction-generation', true, 'fresh2');
  add(FRESH2_INSTRUCTION_NEGATIVE, 'instruction-generation', false, 'fresh2');
  add(FRESH2_CENSOR_POSITIVE, 'censorship-rewrite', true, 'fresh2');
  add(FRESH2_CENSOR_NEGATIVE, 'censorship-rewrite', false, 'fresh2');
  add(FRESH3_COT_POSITIVE, 'cot-elicitation', true, 'fresh3');
  add(FRESH3_COT_NEGATIVE, 'cot-elicitation', false, 'fresh3');
  add(FRESH3_RUBRIC_POSITIVE, 'rubric-grading', true, 'fresh3');
  add(FRESH3_RUBRIC_NEGATIVE, 'rubric-grading', false, 'fresh3');
  add(FRESH3_INSTRUCTION_POSITIVE, 'instruction-generation', true, 'fresh3');
  add(FRESH3_INSTRUCTION_NEGATIVE, 'instruction-generation', false, 'fresh3');
  add(FRESH3_CENSOR_POSITIVE, 'censorship-rewrite', true, 'fresh3');
  add(FRESH3_CENSOR_NEGATIVE, 'censorship-rewrite', false, 'fresh3');
  add(FRESH4_COT_POSITIVE, 'cot-elicitation', true, 'fresh4');
  add(FRESH4_COT_NEGATIVE, 'cot-elicitation', false, 'fresh4');
  add(FRESH4_RUBRIC_POSITIVE, 'rubric-grading', true, 'fresh4');
  add(FRESH4_RUBRIC_NEGATIVE, 'rubric-grading', false, 'fresh4');
  add(FRESH4_INSTRUCTION_POSITIVE, 'instruction-generation', true, 'fresh4');
  add(FRESH4_INSTRUCTION_NEGATIVE, 'instruction-generation', false, 'fresh4');
  add(FRESH4_CENSOR_POSITIVE, 'censorship-rewrite', true, 'fresh4');
  add(FRESH4_CENSOR_NEGATIVE, 'censorship-rewrite', false, 'fresh4');
  return out;
}
