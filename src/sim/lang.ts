/**
 * Multilingual phrase banks for the prompt generator: benign openers and the extraction wrappers
 * campaigns put around their tasks (chain-of-thought elicitation, rubric grading, instruction
 * generation, censorship-safe rewrites), in en, zh, ru, es, fr, de, ja, ko, with several
 * phrasings each so that no single string identifies a campaign.
 */

/** Languages the generator writes. */
export const LANGUAGES = ['en', 'zh', 'ru', 'es', 'fr', 'de', 'ja', 'ko'] as const;
/** One of the generator's languages. */
export type Lang = (typeof LANGUAGES)[number];

type Bank = Record<Lang, string[]>;

/** Chain-of-thought elicitation wrappers ({task} is the task). */
export const COT: Bank = {
  en: [
    '{task}\n\nThink step by step and show your complete reasoning before giving the final answer.',
    'Before answering, write out your full internal reasoning, including any intermediate steps and false starts.\n\n{task}',
    '{task}\n\nExplain your thought process in detail: walk through every step of your reasoning, then state the answer on the last line.',
    "Let's reason about this carefully. {task}\nShow all of your reasoning inside <thinking> tags, then give the answer.",
    '{task}\n\nPlease provide a detailed chain of thought. Do not skip any step, and verify each step before moving on.',
    'Solve the following. Reason out loud, step by step, as if teaching a student, and only then conclude.\n{task}',
  ],
  zh: [
    '{task}\n\n请一步一步地思考，并在给出最终答案之前展示你完整的推理过程。',
    '在回答之前，请详细写出你的全部思考过程，包括每一个中间步骤。\n\n{task}',
    '{task}\n请详细解释你的推理链条，不要跳过任何步骤，最后一行给出答案。',
  ],
  ru: [
    '{task}\n\nРассуждай шаг за шагом и покажи полный ход рассуждений перед окончательным ответом.',
    'Прежде чем ответить, подробно распиши всю цепочку рассуждений.\n\n{task}',
  ],
  es: [
    '{task}\n\nPiensa paso a paso y muestra todo tu razonamiento antes de dar la respuesta final.',
    'Antes de responder, escribe tu razonamiento completo, incluidos todos los pasos intermedios.\n\n{task}',
  ],
  fr: [
    '{task}\n\nRéfléchis étape par étape et montre tout ton raisonnement avant de donner la réponse finale.',
    'Avant de répondre, détaille l’intégralité de ton raisonnement, y compris les étapes intermédiaires.\n\n{task}',
  ],
  de: [
    '{task}\n\nDenke Schritt für Schritt und zeige deine vollständige Argumentation, bevor du die endgültige Antwort gibst.',
    'Bevor du antwortest, schreibe deinen gesamten Denkprozess mit allen Zwischenschritten auf.\n\n{task}',
  ],
  ja: [
    '{task}\n\n段階的に考え、最終的な答えを出す前に推論の過程をすべて示してください。',
    '回答する前に、途中のステップを含めて思考過程を詳しく書き出してください。\n\n{task}',
  ],
  ko: [
    '{task}\n\n단계별로 생각하고, 최종 답을 제시하기 전에 전체 추론 과정을 보여 주세요.',
    '답하기 전에 중간 단계를 포함한 모든 사고 과정을 자세히 적어 주세요.\n\n{task}',
  ],
};

/** Rubric-grading prompts: the model used as a reward model ({task}, {response}). */
export const RUBRIC: Bank = {
  en: [
    'You are a strict grader. Score the response below from 1 to 10 on correctness, completeness and reasoning quality, justify each score, and output JSON {"correctness":n,"completeness":n,"reasoning":n}.\n\nTask: {task}\n\nResponse: {response}',
    'Evaluate the following answer against this rubric: (a) factual accuracy, (b) logical soundness, (c) clarity. Give a score out of 5 for each criterion and an overall verdict.\nQuestion: {task}\nAnswer: {response}',
    'Compare the candidate solution with what an expert would write. Rate it 0-100 and list every error.\n### Problem\n{task}\n### Candidate\n{response}',
  ],
  zh: [
    '你是一名严格的评分员。请从正确性、完整性和推理质量三个方面为下面的回答打分（1-10分），说明理由，并以JSON格式输出。\n\n任务：{task}\n\n回答：{response}',
    '请根据以下评分标准评估该答案：准确性、逻辑性、清晰度，每项满分5分。\n问题：{task}\n答案：{response}',
  ],
  ru: [
    'Оцени ответ по шкале от 1 до 10 по критериям: правильность, полнота, качество рассуждений. Обоснуй оценки.\nЗадача: {task}\nОтвет: {response}',
  ],
  es: [
    'Evalúa la siguiente respuesta del 1 al 10 en exactitud, completitud y calidad del razonamiento, y justifica cada nota.\nTarea: {task}\nRespuesta: {response}',
  ],
  fr: [
    'Évalue la réponse suivante de 1 à 10 selon l’exactitude, l’exhaustivité et la qualité du raisonnement, en justifiant chaque note.\nTâche : {task}\nRéponse : {response}',
  ],
  de: [
    'Bewerte die folgende Antwort von 1 bis 10 nach Korrektheit, Vollständigkeit und Qualität der Argumentation und begründe jede Note.\nAufgabe: {task}\nAntwort: {response}',
  ],
  ja: [
    '次の回答を正確性・網羅性・推論の質の観点から1〜10で採点し、それぞれ理由を述べてください。\n課題：{task}\n回答：{response}',
  ],
  ko: [
    '다음 답변을 정확성, 완전성, 추론 품질 기준으로 1~10점으로 채점하고 각각의 이유를 설명하세요.\n과제: {task}\n답변: {response}',
  ],
};

/** Instruction-generation prompts ({n} count, {skill} capability). */
export const INSTRUCTION_GEN: Bank = {
  en: [
    'Give me {n} diverse tasks that require {skill}. Vary difficulty and domain, and return them as a numbered list.',
    'Generate {n} new, challenging problems that test {skill}. Each must be self-contained and different from the others.',
    'Come up with {n} varied instructions a user might give an AI assistant involving {skill}. Output JSON lines with "instruction" and "input".',
    'Write {n} realistic user requests that exercise {skill}, ranging from easy to very hard. No duplicates.',
  ],
  zh: [
    '请给我{n}个需要{skill}的多样化任务，难度和领域各不相同，以编号列表形式返回。',
    '生成{n}道考察{skill}的新问题，每道题都要独立完整且互不重复。',
  ],
  ru: [
    'Придумай {n} разнообразных задач, требующих {skill}. Разной сложности и из разных областей, нумерованным списком.',
  ],
  es: [
    'Dame {n} tareas diversas que requieran {skill}, de distinta dificultad y dominio, en una lista numerada.',
  ],
  fr: [
    'Donne-moi {n} tâches variées qui exigent {skill}, de difficultés et de domaines différents, sous forme de liste numérotée.',
  ],
  de: [
    'Erstelle {n} vielfältige Aufgaben, die {skill} erfordern, mit unterschiedlicher Schwierigkeit, als nummerierte Liste.',
  ],
  ja: [
    '{skill}を必要とする多様なタスクを{n}個作成してください。難易度と分野を変え、番号付きリストで返してください。',
  ],
  ko: [
    '{skill}이(가) 필요한 다양한 과제 {n}개를 만들어 주세요. 난이도와 분야를 다양하게 하고 번호 목록으로 주세요.',
  ],
};

/** Censorship-safe rewrite prompts ({topic}). */
export const CENSOR_REWRITE: Bank = {
  en: [
    'Answer the question about {topic}, then provide an alternative version of your answer that avoids politically sensitive content and would be acceptable for publication in a strictly regulated market.',
    'Rewrite a balanced answer on {topic} so that it stays neutral and omits anything a government censor might object to. Give both versions.',
    'How would you respond to a user asking about {topic} if you had to comply with strict content regulations? Write the compliant answer and explain what you removed.',
  ],
  zh: [
    '请回答关于{topic}的问题，然后给出一个避免政治敏感内容、适合在严格监管环境下发布的版本。',
    '请改写一段关于{topic}的回答，使其保持中立并删去可能被审查的内容，两个版本都给出。',
  ],
  ru: [
    'Ответь на вопрос о теме «{topic}», затем дай версию ответа без политически чувствительного содержания.',
  ],
  es: ['Responde sobre {topic} y luego da una versión que evite contenido políticamente sensible.'],
  fr: [
    'Réponds à la question sur {topic}, puis donne une version qui évite tout contenu politiquement sensible.',
  ],
  de: ['Beantworte die Frage zu {topic} und gib dann eine Version ohne politisch heikle Inhalte.'],
  ja: ['{topic}についての質問に答え、その後、政治的に敏感な内容を避けた版も示してください。'],
  ko: ['{topic}에 대한 질문에 답한 뒤, 정치적으로 민감한 내용을 피한 버전도 제시해 주세요.'],
};

/** Heads of the campaign task templates per target ({body} is the filled task material). */
export const TASK_HEADS: Record<string, Bank> = {
  agentic: {
    en: [
      'You are an autonomous agent. Goal: {body}. Plan the steps, execute them one at a time, and reflect on the result of each step before continuing.',
      'Act as an AI agent with shell, browser and file access. Objective: {body}. Describe each action you take, what you observe, and how you adapt the plan.',
    ],
    zh: ['你是一个自主智能体。目标：{body}。请先规划步骤，然后逐步执行，并在每一步之后反思结果再继续。'],
    ru: [
      'Ты автономный агент. Цель: {body}. Спланируй шаги, выполняй их по одному и анализируй результат каждого шага.',
    ],
    es: [
      'Eres un agente autónomo. Objetivo: {body}. Planifica los pasos, ejecútalos uno a uno y reflexiona sobre cada resultado.',
    ],
    fr: [
      'Tu es un agent autonome. Objectif : {body}. Planifie les étapes, exécute-les une à une et analyse chaque résultat.',
    ],
    de: [
      'Du bist ein autonomer Agent. Ziel: {body}. Plane die Schritte, führe sie einzeln aus und reflektiere jedes Ergebnis.',
    ],
    ja: [
      'あなたは自律型エージェントです。目標：{body}。手順を計画し、一つずつ実行し、各ステップの結果を振り返ってから次に進んでください。',
    ],
    ko: [
      '당신은 자율 에이전트입니다. 목표: {body}. 단계를 계획하고 하나씩 실행하며 각 단계의 결과를 검토한 뒤 진행하세요.',
    ],
  },
  swe: {
    en: [
      'The following issue was reported in our repository:\n{body}\nDiagnose the root cause, write a complete patch as a unified diff, and add a regression test.',
      'Fix this bug. Issue report:\n{body}\nFirst locate the faulty logic, then give the corrected code and explain why the fix is right.',
    ],
    zh: [
      '我们的代码仓库中报告了以下问题：\n{body}\n请诊断根本原因，以统一diff格式给出完整补丁，并添加回归测试。',
    ],
    ru: [
      'В нашем репозитории сообщили о проблеме:\n{body}\nНайди первопричину, напиши полный патч в формате diff и добавь регрессионный тест.',
    ],
    es: [
      'Se reportó este problema en nuestro repositorio:\n{body}\nDiagnostica la causa raíz, escribe un parche completo en formato diff y añade una prueba.',
    ],
    fr: [
      'Ce problème a été signalé dans notre dépôt :\n{body}\nTrouve la cause, écris un correctif complet au format diff et ajoute un test de régression.',
    ],
    de: [
      'Folgendes Problem wurde in unserem Repository gemeldet:\n{body}\nFinde die Ursache, schreibe einen vollständigen Patch als Diff und ergänze einen Regressionstest.',
    ],
    ja: [
      'リポジトリで次の問題が報告されました：\n{body}\n根本原因を特定し、unified diff 形式で完全なパッチを書き、回帰テストを追加してください。',
    ],
    ko: [
      '저장소에 다음 이슈가 보고되었습니다:\n{body}\n근본 원인을 진단하고 unified diff 형식의 전체 패치와 회귀 테스트를 작성하세요.',
    ],
  },
  longHorizon: {
    en: [
      'Create a detailed {k}-step plan to {body}. For every step give dependencies, risks and how to verify it, then simulate carrying out the first five steps.',
      'We need to {body}. Break this into milestones and concrete tasks over several weeks, track state between tasks, and revise the plan when a step fails.',
    ],
    zh: ['请制定一个详细的{k}步计划来{body}。每一步都给出依赖关系、风险和验证方法，然后模拟执行前五步。'],
    ru: [
      'Составь подробный план из {k} шагов, чтобы {body}. Для каждого шага укажи зависимости, риски и проверку.',
    ],
    es: [
      'Crea un plan detallado de {k} pasos para {body}, con dependencias, riesgos y verificación de cada paso.',
    ],
    fr: [
      'Élabore un plan détaillé en {k} étapes pour {body}, avec dépendances, risques et vérification de chaque étape.',
    ],
    de: [
      'Erstelle einen detaillierten Plan mit {k} Schritten, um {body}, mit Abhängigkeiten, Risiken und Prüfung je Schritt.',
    ],
    ja: [
      '{body}ための詳細な{k}ステップの計画を作成し、各ステップの依存関係・リスク・検証方法を示してください。',
    ],
    ko: ['{body} 위한 상세한 {k}단계 계획을 세우고, 각 단계의 의존성, 위험, 검증 방법을 제시하세요.'],
  },
  toolUse: {
    en: [
      'Use the available tools to {body}. Call the tools as needed and explain why you chose each call.',
      '{body}. You have function-calling access; decide which functions to call, in what order, with which arguments.',
    ],
    zh: ['请使用可用的工具来{body}。根据需要调用工具，并解释每次调用的原因。'],
    ru: ['Используй доступные инструменты, чтобы {body}. Объясни выбор каждого вызова.'],
    es: ['Usa las herramientas disponibles para {body}. Explica por qué eliges cada llamada.'],
    fr: ['Utilise les outils disponibles pour {body}. Explique le choix de chaque appel.'],
    de: ['Nutze die verfügbaren Werkzeuge, um {body}. Begründe jeden Aufruf.'],
    ja: ['利用可能なツールを使って{body}。各呼び出しを選んだ理由を説明してください。'],
    ko: ['사용 가능한 도구를 사용해 {body}. 각 호출을 선택한 이유를 설명하세요.'],
  },
  computerUse: {
    en: [
      'You control a desktop through screenshot, click(x,y), type(text) and key(combo) actions. Current screen: {body}. Output the next actions with a short rationale for each.',
      'Computer-use task. The screen shows {body}. Think about what is visible, then give the exact sequence of UI actions to finish the task.',
    ],
    zh: [
      '你可以通过截图、点击(x,y)、输入(text)和按键操作控制桌面。当前屏幕：{body}。请输出接下来的操作并说明理由。',
    ],
    ru: [
      'Ты управляешь рабочим столом через действия screenshot, click(x,y), type(text). Экран: {body}. Перечисли следующие действия.',
    ],
    es: [
      'Controlas un escritorio con acciones screenshot, click(x,y), type(text). Pantalla actual: {body}. Indica las siguientes acciones.',
    ],
    fr: [
      'Tu contrôles un bureau via screenshot, click(x,y), type(text). Écran actuel : {body}. Donne les prochaines actions.',
    ],
    de: [
      'Du steuerst einen Desktop über screenshot, click(x,y), type(text). Aktueller Bildschirm: {body}. Gib die nächsten Aktionen an.',
    ],
    ja: [
      'screenshot、click(x,y)、type(text) の操作でデスクトップを操作します。現在の画面：{body}。次の操作を理由とともに出力してください。',
    ],
    ko: [
      'screenshot, click(x,y), type(text) 동작으로 데스크톱을 제어합니다. 현재 화면: {body}. 다음 동작을 이유와 함께 출력하세요.',
    ],
  },
  reasoning: {
    en: ['Solve this problem: {body}', 'Problem: {body}\nFind the answer.', '{body}'],
    zh: ['解决这个问题：{body}'],
    ru: ['Реши задачу: {body}'],
    es: ['Resuelve este problema: {body}'],
    fr: ['Résous ce problème : {body}'],
    de: ['Löse diese Aufgabe: {body}'],
    ja: ['次の問題を解いてください：{body}'],
    ko: ['다음 문제를 푸세요: {body}'],
  },
  coding: {
    en: [
      'Implement the following in {plang}: {body}. Include type annotations, edge-case handling and unit tests.',
      'Write production-quality {plang} code that {body}. Explain the design choices and complexity.',
    ],
    zh: ['请用{plang}实现以下功能：{body}。包括类型注解、边界情况处理和单元测试。'],
    ru: ['Реализуй на {plang}: {body}. С аннотациями типов, обработкой краевых случаев и тестами.'],
    es: ['Implementa en {plang}: {body}. Incluye anotaciones de tipos, casos límite y pruebas.'],
    fr: ['Implémente en {plang} : {body}. Avec annotations de types, cas limites et tests.'],
    de: ['Implementiere in {plang}: {body}. Mit Typannotationen, Randfällen und Unit-Tests.'],
    ja: ['{plang}で次を実装してください：{body}。型注釈、境界条件の処理、ユニットテストを含めてください。'],
    ko: ['{plang}로 다음을 구현하세요: {body}. 타입 주석, 경계 조건 처리, 단위 테스트를 포함하세요.'],
  },
};

/** English synonym swaps used by the light paraphraser. */
export const SYNONYMS: [RegExp, string[]][] = [
  [/\bExplain\b/g, ['Describe', 'Clarify', 'Walk me through']],
  [/\bdetailed\b/g, ['thorough', 'in-depth', 'comprehensive']],
  [/\bstep by step\b/g, ['one step at a time', 'stepwise', 'step-by-step']],
  [/\bcomplete\b/g, ['full', 'entire', 'whole']],
  [/\bWrite\b/g, ['Produce', 'Draft', 'Give me']],
  [/\bCreate\b/g, ['Build', 'Draw up', 'Put together']],
  [/\bthen\b/g, ['and then', 'after that', 'next']],
  [/\bevery\b/g, ['each', 'every single']],
  [/\bSolve\b/g, ['Work out', 'Figure out', 'Answer']],
  [/\bproblem\b/g, ['question', 'exercise', 'task']],
  [/\bdescribe\b/g, ['explain', 'outline', 'lay out']],
  [/\bPlan\b/g, ['Lay out', 'Work out', 'Map out']],
  [/\bgoal\b/gi, ['objective', 'aim', 'target']],
];
