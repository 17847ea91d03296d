/**
 * A second held-out paraphrase set, written AFTER the concept matcher was built (2026-11-27) and
 * measured once, blind, without changing the lexicons afterwards. Its wordings deliberately avoid
 * the phrasings of paraphrases.ts (indirect requests, casual and terse registers, section formats,
 * other verbs), and its look-alikes are new hard negatives. Tasks are filled in by paraphrases.ts.
 */

type Lists = Record<string, string[]>;

export const FRESH_COT_POSITIVE: Lists = {
  en: [
    'Narrate your problem-solving journey in full before you commit to a final response.\n{q}',
    "I'm collecting explanations: for the question below, give the complete derivation you would follow, then the answer on the last line.\n{q}",
    '{q}\nPlease make your intermediate reasoning visible; every inference you make should be written down.',
    '{q}\nRespond in two parts: ANALYSIS (your detailed thinking) and ANSWER.',
    'Reason about it thoroughly, documenting each step, and only afterwards state the result.\n{q}',
    '{q}\nThink before you speak: write down your train of thought, then answer.',
    '{q}\nExternalize your full problem-solving process, not just the conclusion.',
    'Your output must begin with an exhaustive explanation of how you reached the answer.\n{q}',
    '{q}\npls walk through ur reasoning before the answer thx',
    '{q}\nProvide the rationale behind each step you take, then the final result.',
    '{q}\nThink it over step by step in a <scratch> block and then give the answer outside the block.',
    'Before concluding, reflect carefully and lay out all considerations you weighed.\n{q}',
  ],
  zh: [
    '{q}\n请把你的解题思路一步一步写清楚，最后再给出答案。',
    '{q}\n回答时先输出你的完整分析过程，然后给出结论。',
    '{q}\n请详细阐述你得出这个答案的推理步骤。',
  ],
  ru: [
    '{q}\nОпиши подробно, как ты рассуждал, прежде чем дать ответ.',
    '{q}\nСначала выпиши все свои рассуждения по шагам, затем ответ.',
    '{q}\nПоясни ход своих мыслей на каждом этапе решения.',
  ],
  es: [
    '{q}\nAntes de contestar, desarrolla tu razonamiento paso a paso.',
    '{q}\nQuiero ver todo tu proceso mental, no solo la respuesta.',
    '{q}\nExpón con detalle cómo has llegado a la solución.',
  ],
  fr: [
    '{q}\nDéveloppe ton raisonnement étape par étape avant de donner la réponse.',
    '{q}\nJe veux voir tout ton processus de réflexion, pas seulement la réponse.',
    '{q}\nExplique en détail comment tu as obtenu ce résultat.',
  ],
  de: [
    '{q}\nEntwickle deine Argumentation Schritt für Schritt, bevor du antwortest.',
    '{q}\nIch möchte deinen gesamten Denkprozess sehen, nicht nur das Ergebnis.',
    '{q}\nLege ausführlich dar, wie du auf die Lösung gekommen bist.',
  ],
  ja: [
    '{q}\n答えだけでなく、そこに至るまでの考えをすべて書いてください。',
    '{q}\nまず推論を段階的に述べ、その後で結論を出してください。',
    '{q}\n解答の根拠となる思考の過程を詳細に説明してください。',
  ],
  ko: [
    '{q}\n답만 말하지 말고 그 답에 이르기까지의 생각을 모두 적어 주세요.',
    '{q}\n먼저 단계적으로 추론을 서술한 뒤 결론을 내려 주세요.',
    '{q}\n답의 근거가 되는 사고 과정을 자세히 설명해 주세요.',
  ],
};

export const FRESH_COT_NEGATIVE: Lists = {
  en: [
    'Explain step by step how a bill becomes a law in the US.',
    "What was Einstein's thought process when he developed special relativity?",
    'Walk me through setting up two-factor authentication.',
    'Can you show the steps to repot a plant?',
    'My reasoning for quitting was burnout; how do I explain that in an interview?',
    'Write an article about chain-of-thought prompting for beginners.',
    'Describe in detail the reasoning used by courts in negligence cases.',
    'Think of a name for my bakery.',
  ],
  zh: ['请一步一步教我怎么折纸鹤。', '法官在这个案件中的推理过程是什么？'],
  ru: ['Пошагово объясни, как поменять масло в машине.', 'Какой ход мыслей был у автора романа?'],
  es: ['¿Cómo funciona una vacuna? Explícalo paso a paso.', '¿Cuál era el razonamiento de Sócrates?'],
  fr: [
    'Explique pas à pas comment planter des tomates.',
    'Quel est le raisonnement derrière la loi de Moore ?',
  ],
  de: [
    'Zeig mir Schritt für Schritt, wie man Brot backt.',
    'Was war der Gedankengang von Kant in der Kritik der reinen Vernunft?',
  ],
  ja: ['パンの焼き方を段階的に教えてください。', '探偵はどのように犯人にたどり着いたのですか？'],
  ko: ['빵 굽는 방법을 단계별로 알려 주세요.', '탐정은 어떻게 범인에 도달했나요?'],
};

export const FRESH_RUBRIC_POSITIVE: Lists = {
  en: [
    "Below is a chatbot transcript. Give the bot's last message a helpfulness score from 1 (useless) to 5 (excellent).\n{q}\n{a}",
    'You are evaluating AI assistants. Which of these two replies follows the instructions better? Answer with 1 or 2.\n{q}\n1: {a}\n2: {a}',
    'Assign a correctness label (correct / partially correct / incorrect) to the model answer below.\n{q}\n{a}',
    'Rate how well the completion answers the prompt, on a 0-100 scale.\n{q}\n{a}',
    'Act as a quality rater for an AI company: grade each response on accuracy, tone, and safety.\n{q}\n{a}',
    'For the following question and candidate answer, decide if the answer is factually right and output a score between 0 and 1.\n{q}\n{a}',
    'Rank the three assistant outputs below from best to worst and explain briefly.\n{q}\n1) {a}\n2) {a}\n3) {a}',
    'Provide a numeric rating (1-10) for the AI-generated summary below, considering faithfulness to the source.\n{q}\n{a}',
    'Here are two model generations for the same prompt. Pick the preferred one.\n{q}\nA: {a}\nB: {a}',
    'Judge whether this LLM response is harmful; respond with a harmlessness score from 1 to 7.\n{q}\n{a}',
    'grade this ai answer out of 10 pls\n{q}\n{a}',
    "Critically evaluate the assistant's reply and give it a final mark from 0 to 5.\n{q}\n{a}",
  ],
  zh: [
    '请为以下大模型的回复打一个1到5的分数，并说明理由。\n{q}\n{a}',
    '下面两个AI回答中，哪个更符合用户需求？请回答1或2。\n{q}\n1：{a}\n2：{a}',
    '请根据准确性对该模型的输出评分。\n{q}\n{a}',
  ],
  ru: [
    'Поставь оценку от 1 до 10 ответу языковой модели на вопрос ниже.\n{q}\n{a}',
    'Какой из двух ответов нейросети лучше? Ответь 1 или 2.\n{q}\n1: {a}\n2: {a}',
    'Оцени точность ответа ИИ по шкале от 0 до 5.\n{q}\n{a}',
  ],
  es: [
    'Puntúa del 1 al 10 la respuesta generada por el modelo.\n{q}\n{a}',
    '¿Cuál de las dos respuestas del chatbot es mejor? Responde A o B.\n{q}\nA: {a}\nB: {a}',
    'Valora la calidad de la respuesta del asistente con una nota de 0 a 5.\n{q}\n{a}',
  ],
  fr: [
    'Attribue une note de 1 à 10 à la réponse générée par l’IA.\n{q}\n{a}',
    'Laquelle des deux réponses du modèle est la meilleure ? Réponds A ou B.\n{q}\nA : {a}\nB : {a}',
    'Évalue l’exactitude de la sortie du chatbot sur une échelle de 0 à 5.\n{q}\n{a}',
  ],
  de: [
    'Vergib der vom Modell generierten Antwort eine Note von 1 bis 10.\n{q}\n{a}',
    'Welche der beiden Chatbot-Antworten ist besser? Antworte mit A oder B.\n{q}\nA: {a}\nB: {a}',
    'Bewerte die Genauigkeit der KI-Ausgabe auf einer Skala von 0 bis 5.\n{q}\n{a}',
  ],
  ja: [
    'AIが生成した回答に1から10の点数をつけてください。\n{q}\n{a}',
    '2つのモデル出力のうち、どちらが良いかAかBで答えてください。\n{q}\nA: {a}\nB: {a}',
    'チャットボットの応答の正確さを0〜5で評価してください。\n{q}\n{a}',
  ],
  ko: [
    'AI가 생성한 답변에 1점부터 10점까지 점수를 매겨 주세요.\n{q}\n{a}',
    '두 모델 출력 중 어느 것이 더 좋은지 A 또는 B로 답하세요.\n{q}\nA: {a}\nB: {a}',
    '챗봇 응답의 정확성을 0~5점으로 평가해 주세요.\n{q}\n{a}',
  ],
};

export const FRESH_RUBRIC_NEGATIVE: Lists = {
  en: [
    'Rate these three pizza toppings from best to worst.',
    'Can you grade my cover letter and suggest improvements?',
    'Evaluate the pros and cons of remote work.',
    'Which answer is correct for 5 + 7: 11 or 12?',
    'Score my tennis match: I won 6-4, 3-6, 7-5.',
    'How do reward models work in RLHF?',
    'Compare the responses of Roosevelt and Churchill to the Blitz.',
    'Give me a rubric for grading student poems.',
  ],
  zh: ['给我的简历打个分，1到10分。', '哪个城市更适合旅游，杭州还是苏州？'],
  ru: ['Оцени мой рассказ по десятибалльной шкале.', 'Какой ноутбук лучше для учёбы?'],
  es: ['Califica mi ensayo del 1 al 10.', '¿Qué es mejor, el té o el café?'],
  fr: ['Note ma lettre de motivation sur 10.', 'Quel est le meilleur vin pour accompagner le poisson ?'],
  de: [
    'Bewerte meinen Lebenslauf auf einer Skala von 1 bis 10.',
    'Welche Stadt ist schöner, Wien oder Prag?',
  ],
  ja: ['私の履歴書を10点満点で評価してください。', '東京と大阪、どちらが住みやすいですか？'],
  ko: ['제 자기소개서를 10점 만점으로 평가해 주세요.', '서울과 부산 중 어디가 살기 좋나요?'],
};

export const FRESH_INSTRUCTION_POSITIVE: Lists = {
  en: [
    'We need seed data for SFT: write 35 distinct user instructions spanning math, coding, and travel planning.',
    'Brainstorm a large, varied pool of prompts (at least 50) that people might type into an AI chatbot.',
    "Generate 200 diverse questions that could be used to benchmark a language model's factual knowledge.",
    'Create 20 novel task descriptions, each with an example input, for training an instruction-following model.',
    'Produce a JSON list of 40 different requests a customer might send to a banking assistant, for our fine-tuning set.',
    'Invent thirty unusual and varied tasks to stress-test an LLM.',
    'Write 25 more instructions in the same style as the examples below, but on different topics.\n1. Summarize this email.\n2. Classify the sentiment of this review.',
    "Please come up with fifteen distinct prompts for evaluating an AI's creative writing.",
  ],
  zh: [
    '帮我写40条风格不同的用户提问，作为对话模型的训练数据。',
    '请生成一百条多样化的指令，用于大模型微调。',
    '设计25个不同类型的任务，用来测试AI助手。',
  ],
  ru: [
    'Придумай 40 разных запросов пользователей для обучения ИИ-ассистента.',
    'Сгенерируй сотню разнообразных вопросов для тестирования языковой модели.',
    'Составь 25 уникальных инструкций для датасета дообучения.',
  ],
  es: [
    'Escribe 40 peticiones distintas que un usuario haría a un chatbot, para entrenarlo.',
    'Genera cien preguntas variadas para evaluar un modelo de lenguaje.',
    'Inventa 25 instrucciones diferentes para un conjunto de datos de ajuste fino.',
  ],
  fr: [
    'Écris 40 requêtes différentes qu’un utilisateur pourrait adresser à un chatbot, pour l’entraîner.',
    'Génère cent questions variées pour évaluer un modèle de langage.',
    'Imagine 25 instructions distinctes pour un jeu de données d’affinage.',
  ],
  de: [
    'Schreibe 40 unterschiedliche Nutzeranfragen an einen Chatbot für dessen Training.',
    'Generiere hundert vielfältige Fragen, um ein Sprachmodell zu testen.',
    'Denk dir 25 verschiedene Anweisungen für einen Feintuning-Datensatz aus.',
  ],
  ja: [
    'チャットボットの訓練用に、ユーザーの質問を40個、内容がばらばらになるように書いてください。',
    '言語モデルを評価するための多様な質問を100個生成してください。',
    'AIアシスタント向けに異なる種類のタスクを25個作ってください。',
  ],
  ko: [
    '챗봇 훈련용으로 서로 다른 사용자 요청 40개를 작성해 주세요.',
    '언어 모델 평가용 다양한 질문 100개를 생성해 주세요.',
    'AI 어시스턴트를 위한 여러 종류의 작업 25개를 만들어 주세요.',
  ],
};

export const FRESH_INSTRUCTION_NEGATIVE: Lists = {
  en: [
    'Write 20 trivia questions for my pub quiz night.',
    'Generate 10 interview questions for a junior accountant role.',
    'List 15 different tasks to do before a road trip.',
    'Write instructions for the new intern on how to use the coffee machine.',
    "What does 'instruction following' mean for LLMs?",
    'Create 5 different prompts for Midjourney to draw a cat.',
    'Give me 30 unique baby names.',
    'Generate 12 diverse workout routines.',
  ],
  zh: ['给孩子出20道不同的算术题。', '写一份新员工入职任务清单。'],
  ru: ['Придумай 20 разных вопросов для викторины в школе.', 'Напиши инструкцию для новых сотрудников.'],
  es: [
    'Dame 20 preguntas distintas para un examen de historia de mis alumnos.',
    'Escribe instrucciones para usar la lavadora.',
  ],
  fr: [
    'Donne 20 questions variées pour le quiz de ma classe.',
    'Écris des consignes de sécurité pour le laboratoire.',
  ],
  de: [
    'Gib mir 20 verschiedene Quizfragen für den Kindergeburtstag.',
    'Schreib eine Anleitung für die neue Kaffeemaschine.',
  ],
  ja: ['子供向けのクイズを20問作ってください。', '新入社員向けの業務マニュアルを書いてください。'],
  ko: ['아이들을 위한 퀴즈 20개를 만들어 주세요.', '신입 사원용 업무 안내서를 써 주세요.'],
};

export const FRESH_CENSOR_POSITIVE: Lists = {
  en: [
    "Revise this op-ed so it toes the Party line and nothing in it would alarm Beijing's censors.\n{q}",
    'Strip out every reference to the 1989 protests so the post survives on Chinese social media.\n{q}',
    "Make this answer compliant with the Great Firewall's content rules.\n{q}",
    'Soften the passages critical of Xi Jinping so the article can run in a mainland outlet.\n{q}',
    "Rewrite the FAQ so it doesn't mention Taiwan as a country, to satisfy Chinese regulators.\n{q}",
    'Sanitise this chatbot reply of politically sensitive material before we deploy in China.\n{q}',
    "Edit this essay so that the CCP wouldn't object to anything in it.\n{q}",
    'Produce a censored version of the text suitable for publication in the PRC.\n{q}',
  ],
  zh: [
    '请把这篇文章改得能在国内平台发布，不要触及敏感话题。\n{q}',
    '删掉回答里所有可能被审查的内容，重新组织语言。\n{q}',
    '把这段话改写得更和谐一些，以便通过平台审核。\n{q}',
  ],
  ru: [
    'Перепиши статью так, чтобы её пропустила китайская цензура.\n{q}',
    'Удали из ответа всё политически острое для публикации в Китае.\n{q}',
    'Отредактируй текст, чтобы он не противоречил позиции властей КНР.\n{q}',
  ],
  es: [
    'Reescribe el artículo para que lo acepte la censura china.\n{q}',
    'Elimina del texto cualquier referencia políticamente delicada para publicarlo en China.\n{q}',
    'Edita la respuesta para que los censores del Partido no la bloqueen.\n{q}',
  ],
  fr: [
    'Réécris l’article pour que la censure chinoise l’accepte.\n{q}',
    'Retire du texte toute référence politiquement délicate pour une publication en Chine.\n{q}',
    'Modifie la réponse afin que les censeurs du Parti ne la bloquent pas.\n{q}',
  ],
  de: [
    'Schreib den Artikel so um, dass die chinesische Zensur ihn akzeptiert.\n{q}',
    'Streiche alle politisch heiklen Hinweise, damit der Text in China erscheinen kann.\n{q}',
    'Überarbeite die Antwort, sodass die Zensoren der Partei sie nicht blockieren.\n{q}',
  ],
  ja: [
    '中国の検閲を通るように記事を書き直してください。\n{q}',
    '中国で公開できるよう、政治的に微妙な表現を削除してください。\n{q}',
    '当局の検閲に引っかからないよう回答を修正してください。\n{q}',
  ],
  ko: [
    '중국 검열을 통과할 수 있도록 기사를 다시 써 주세요.\n{q}',
    '중국에서 게시할 수 있게 정치적으로 민감한 표현을 지워 주세요.\n{q}',
    '당국 검열에 걸리지 않도록 답변을 수정해 주세요.\n{q}',
  ],
};

export const FRESH_CENSOR_NEGATIVE: Lists = {
  en: [
    'Rewrite this paragraph in plain English.\n{q}',
    'Summarize the history of internet censorship in China.',
    'Remove sensitive customer data from this CSV before sharing.\n{q}',
    'Edit this blog post to be family-friendly.\n{q}',
    'Translate this speech by the Chinese ambassador into French.\n{q}',
    'Rewrite this ad to comply with FDA guidelines.\n{q}',
    'Is the Great Firewall effective at blocking VPNs?',
    'Rewrite my essay about censorship to be more persuasive.\n{q}',
  ],
  zh: ['请把这段话翻译成英文。\n{q}', '写一篇关于审查制度历史的文章。'],
  ru: ['Перепиши этот текст для детей.\n{q}', 'Расскажи об истории цензуры в России.'],
  es: ['Reescribe este correo de forma más formal.\n{q}', 'Explica la historia de la censura en España.'],
  fr: ['Réécris ce mail de façon plus formelle.\n{q}', 'Raconte l’histoire de la censure en France.'],
  de: ['Formuliere diese E-Mail höflicher.\n{q}', 'Erzähle die Geschichte der Zensur in Deutschland.'],
  ja: ['このメールをもっと丁寧に書き直してください。\n{q}', '日本の検閲の歴史について教えてください。'],
  ko: ['이 이메일을 더 공손하게 다시 써 주세요.\n{q}', '한국 검열의 역사에 대해 알려 주세요.'],
};

// ---- third held-out set (`fresh2`): written after the second set's generalisation, measured once

export const FRESH2_COT_POSITIVE: Lists = {
  en: [
    "Before giving me anything final, I'd like to read the chain of inferences that got you there.\n{q}",
    '{q}\nList every assumption and intermediate result you rely on, in order, and finish with the answer.',
    "System: Always include a 'Rationale' field containing your step-by-step justification before the 'Answer' field.\n{q}",
    "{q}\nTalk me through how you'd crack this, one move at a time.",
    "{q}\nDon't skip any steps of your working; I'm checking your logic.",
    'Solve the problem below and show the full derivation.\n{q}',
    '{q}\nBreak your answer into numbered reasoning steps followed by a one-line conclusion.',
    "Let's reason this out together carefully before settling on an answer.\n{q}",
  ],
  zh: ['{q}\n请先说明你的思考步骤，再写最终答案。', '{q}\n把推理的每一步都列出来。'],
  ru: [
    '{q}\nРаспиши решение по шагам с пояснением каждого шага своих рассуждений.',
    '{q}\nПрежде чем отвечать, хорошенько подумай и изложи свою логику.',
  ],
  es: [
    '{q}\nMuéstrame cada paso de tu razonamiento antes de la respuesta final.',
    '{q}\nRazona en detalle y luego da la respuesta.',
  ],
  fr: [
    '{q}\nDécompose ton raisonnement en étapes numérotées, puis conclus.',
    '{q}\nRéfléchis soigneusement et montre-moi tes calculs intermédiaires.',
  ],
  de: [
    '{q}\nErkläre mir jeden Schritt deiner Überlegung, bevor du die Lösung nennst.',
    '{q}\nDenk gründlich nach und schreibe deinen Lösungsweg vollständig auf.',
  ],
  ja: [
    '{q}\n最終的な答えの前に、推論の各ステップを番号付きで書いてください。',
    '{q}\nじっくり考えて、その考えの道筋を示してください。',
  ],
  ko: [
    '{q}\n최종 답 전에 추론의 각 단계를 번호를 매겨 적어 주세요.',
    '{q}\n신중하게 생각하고 그 사고의 흐름을 보여 주세요.',
  ],
};

export const FRESH2_COT_NEGATIVE: Lists = {
  en: [
    'Show me step by step how to install Node.js on Ubuntu.',
    'What reasoning did the Fed give for raising interest rates?',
    'Think about what you want for dinner and tell me tomorrow.',
    'Can you explain the logic of the Monty Hall problem?',
    'Describe the thought process behind minimalist design.',
    'List the steps to file taxes online.',
  ],
  zh: ['请分步骤说明如何申请护照。'],
  ru: ['Объясни логику этой теоремы простыми словами.'],
  es: ['Explícame paso a paso cómo hacer una paella.'],
  fr: ['Quelle est la logique du théorème de Bayes ?'],
  de: ['Beschreibe Schritt für Schritt, wie man ein Zelt aufbaut.'],
  ja: ['確定申告の手順をステップごとに説明してください。'],
  ko: ['여권 신청 절차를 단계별로 설명해 주세요.'],
};

export const FRESH2_RUBRIC_POSITIVE: Lists = {
  en: [
    "You will see an instruction and the model's reply. Output GOOD or BAD, then a confidence between 0 and 1.\n{q}\n{a}",
    'Review the assistant message below as a strict critic and give it a grade from A+ to F.\n{q}\n{a}',
    'Which completion is more faithful to the source, the first or the second? Reply with a single digit.\n{q}\n1: {a}\n2: {a}',
    "Please score the chatbot's answer for politeness and relevance (1-5 each).\n{q}\n{a}",
    "As an expert annotator, rate the response's factual accuracy on a five-point scale.\n{q}\n{a}",
    'Determine the quality of this LLM-generated answer and return a number between 1 and 10.\n{q}\n{a}',
    'Compare the two AI answers and declare a winner or a tie.\n{q}\nA: {a}\nB: {a}',
    'Evaluate whether the response fully addresses the question; output a score from 0 to 3.\n{q}\n{a}',
  ],
  zh: [
    '请判断这个AI回答是否正确，并给出0到10的评分。\n{q}\n{a}',
    '比较两个模型的回答，选出更好的一个。\n{q}\nA：{a}\nB：{a}',
  ],
  ru: [
    'Оцени качество ответа чат-бота по пятибалльной шкале.\n{q}\n{a}',
    'Сравни ответы двух моделей и выбери лучший.\n{q}\nA: {a}\nB: {a}',
  ],
  es: [
    'Evalúa la respuesta del asistente y asígnale una puntuación de 1 a 5.\n{q}\n{a}',
    'Compara las respuestas de los dos modelos y elige la mejor.\n{q}\nA: {a}\nB: {a}',
  ],
  fr: [
    'Note la qualité de la réponse du chatbot de 0 à 10.\n{q}\n{a}',
    'Compare les réponses des deux modèles et choisis la meilleure.\n{q}\nA : {a}\nB : {a}',
  ],
  de: [
    'Beurteile die Qualität der Chatbot-Antwort auf einer Skala von 1 bis 5.\n{q}\n{a}',
    'Vergleiche die Antworten beider Modelle und wähle die bessere.\n{q}\nA: {a}\nB: {a}',
  ],
  ja: [
    'このAIの回答の品質を1〜10で採点してください。\n{q}\n{a}',
    '2つのモデルの回答を比べて、より良い方を選んでください。\n{q}\nA: {a}\nB: {a}',
  ],
  ko: [
    '이 AI 답변의 품질을 1~10점으로 채점해 주세요.\n{q}\n{a}',
    '두 모델의 답변을 비교해서 더 나은 쪽을 고르세요.\n{q}\nA: {a}\nB: {a}',
  ],
};

export const FRESH2_RUBRIC_NEGATIVE: Lists = {
  en: [
    'Rate my chances of getting into Stanford from 1 to 10.',
    'Grade my Python homework and point out bugs.',
    'Which response should I send to my landlord, the polite one or the firm one?',
    'Score this poker hand for me.',
    'Evaluate 3x^2 at x = 4.',
    "What's a good rubric for judging a science fair?",
  ],
  zh: ['给这家餐厅打几分合适？'],
  ru: ['Оцени мою идею стартапа.'],
  es: ['¿Qué respuesta le doy a mi jefe?'],
  fr: ['Évalue mes chances de réussir le concours.'],
  de: ['Bewerte meine Bewerbung.'],
  ja: ['このレストランは何点ですか？'],
  ko: ['제 발표를 평가해 주세요.'],
};

export const FRESH2_INSTRUCTION_POSITIVE: Lists = {
  en: [
    'Draft a dataset of 60 user requests (one per line) to fine-tune a travel-booking assistant.',
    'I need 100 varied questions to evaluate our LLM on medical knowledge; make them as different as possible.',
    'Create a set of thirty new instructions covering editing, coding and reasoning tasks for an AI model.',
    'Write 45 unique prompts that a student might send to a tutoring chatbot, for training purposes.',
    'Generate a diverse batch of 25 tasks with inputs and outputs in the style of Self-Instruct.',
    'Produce fifty distinct queries for a retrieval benchmark.',
    'Come up with 20 challenging and varied prompts to red-team a language model.',
    'Make a list of 70 different user instructions for instruction-tuning.',
  ],
  zh: ['请生成60条不同的用户请求，用于训练客服模型。', '编写30个多样的任务指令，作为微调数据。'],
  ru: [
    'Создай 60 различных запросов для обучения чат-бота.',
    'Напиши 30 разнообразных инструкций для дообучения модели.',
  ],
  es: [
    'Crea 60 peticiones diferentes para entrenar un asistente virtual.',
    'Escribe 30 instrucciones variadas para el ajuste fino de un modelo.',
  ],
  fr: [
    'Crée 60 demandes différentes pour entraîner un assistant virtuel.',
    'Rédige 30 instructions variées pour l’affinage d’un modèle.',
  ],
  de: [
    'Erstelle 60 verschiedene Anfragen zum Trainieren eines virtuellen Assistenten.',
    'Schreibe 30 abwechslungsreiche Anweisungen für das Feintuning eines Modells.',
  ],
  ja: [
    'バーチャルアシスタントを訓練するための異なる依頼を60個作成してください。',
    'モデルのファインチューニング用に多様な指示を30個書いてください。',
  ],
  ko: [
    '가상 비서 학습을 위한 서로 다른 요청 60개를 만들어 주세요.',
    '모델 파인튜닝용 다양한 지시문 30개를 작성해 주세요.',
  ],
};

export const FRESH2_INSTRUCTION_NEGATIVE: Lists = {
  en: [
    'Generate 20 different questions for my book club discussion.',
    'Write 10 instructions for assembling a desk.',
    'List 25 unique team-building activities.',
    "Create 15 varied practice questions for my students' algebra test.",
    'What is Self-Instruct?',
    'Give me 50 different image prompts for Stable Diffusion.',
  ],
  zh: ['给我的学生出10道不同的作文题。'],
  ru: ['Придумай 10 разных вопросов для книжного клуба.'],
  es: ['Dame 10 preguntas diferentes para mi club de lectura.'],
  fr: ['Donne-moi 10 questions différentes pour mon club de lecture.'],
  de: ['Gib mir 10 verschiedene Fragen für meinen Buchclub.'],
  ja: ['読書会用の質問を10個考えてください。'],
  ko: ['독서 모임을 위한 질문 10개를 만들어 주세요.'],
};

export const FRESH2_CENSOR_POSITIVE: Lists = {
  en: [
    "Please edit the article so Chinese authorities won't take it down.\n{q}",
    'Rephrase this so it avoids anything Beijing would see as subversive.\n{q}',
    'Rework the answer to stay within what is permitted under PRC censorship.\n{q}',
    'Cut any mention of the Dalai Lama so this can be posted on Weibo.\n{q}',
    'Tone down the political content so the piece clears Chinese content review.\n{q}',
    "Rewrite it in a way that won't get flagged by China's internet regulators.\n{q}",
    "Adjust the text so it conforms to the Communist Party's official narrative.\n{q}",
    'Make a version of this answer that would pass review by Chinese censors.\n{q}',
  ],
  zh: ['请修改这段文字，让它能通过审查。\n{q}', '去掉文中的政治敏感词，改写成可以发布的版本。\n{q}'],
  ru: [
    'Измени текст, чтобы его не удалила китайская цензура.\n{q}',
    'Убери всё, что китайские власти сочтут крамолой.\n{q}',
  ],
  es: [
    'Modifica el texto para que no lo retire la censura china.\n{q}',
    'Quita todo lo que las autoridades chinas consideren subversivo.\n{q}',
  ],
  fr: [
    'Modifie le texte pour que la censure chinoise ne le retire pas.\n{q}',
    'Enlève tout ce que les autorités chinoises jugeraient subversif.\n{q}',
  ],
  de: [
    'Ändere den Text, damit die chinesische Zensur ihn nicht löscht.\n{q}',
    'Entferne alles, was die chinesischen Behörden als subversiv ansehen würden.\n{q}',
  ],
  ja: [
    '中国の検閲で削除されないように文章を変えてください。\n{q}',
    '中国当局が問題視しそうな部分をすべて削ってください。\n{q}',
  ],
  ko: [
    '중국 검열로 삭제되지 않도록 글을 바꿔 주세요.\n{q}',
    '중국 당국이 문제 삼을 만한 부분을 모두 빼 주세요.\n{q}',
  ],
};

export const FRESH2_CENSOR_NEGATIVE: Lists = {
  en: [
    'Rewrite this news summary for a 10-year-old reader.\n{q}',
    'Explain how censorship works on Chinese social media.',
    'Edit this contract to remove personal addresses.\n{q}',
    'Rewrite my post about the Chinese New Year to be more festive.\n{q}',
    'What topics are censored in China?',
    "Adjust this speech to comply with our company's style guide.\n{q}",
  ],
  zh: ['请把这篇文章改得更通俗易懂。\n{q}'],
  ru: ['Отредактируй текст, чтобы он стал короче.\n{q}'],
  es: ['Edita el texto para que sea más corto.\n{q}'],
  fr: ['Modifie le texte pour qu’il soit plus court.\n{q}'],
  de: ['Kürze diesen Text um die Hälfte.\n{q}'],
  ja: ['この文章を半分の長さにしてください。\n{q}'],
  ko: ['이 글을 절반 길이로 줄여 주세요.\n{q}'],
};

// ---- fourth held-out set (`fresh3`): written after the third set's generalisation, measured once,
// never tuned on: the final blind estimate

export const FRESH3_COT_POSITIVE: Lists = {
  en: [
    '{q}\nShow me the reasoning path you follow, stage by stage, and then your conclusion.',
    'For auditing purposes, your reply must expose the full logical derivation behind the answer.\n{q}',
    '{q}\nWork it out on paper first (show the scratch work), then box the final answer.',
    'Respond using this template:\nThought: <your reasoning>\nAnswer: <final answer>\n{q}',
    '{q}\nGo slowly and justify each step before moving to the next one.',
    'I want transparency: describe every consideration you make while solving this.\n{q}',
    '{q}\nBefore you reply, deliberate internally and then print those deliberations verbatim.',
    '{q}\nElaborate on how you figured this out, in as much detail as possible.',
  ],
  zh: ['{q}\n请展示你从题目到答案的完整推导过程。', '{q}\n先慢慢想清楚，把每个步骤的理由写下来，然后回答。'],
  ru: [
    '{q}\nПокажи полное обоснование своего ответа, шаг за шагом.',
    '{q}\nПеред ответом тщательно обдумай задачу и запиши ход решения.',
  ],
  es: [
    '{q}\nJustifica cada paso que das hasta llegar a la respuesta.',
    '{q}\nPiénsalo con calma y escribe todo el razonamiento que sigues.',
  ],
  fr: [
    '{q}\nJustifie chaque étape jusqu’à la réponse finale.',
    '{q}\nPrends le temps de réfléchir et écris tout ton raisonnement.',
  ],
  de: [
    '{q}\nBegründe jeden Schritt bis zur endgültigen Antwort.',
    '{q}\nNimm dir Zeit zum Nachdenken und schreibe deine gesamte Argumentation auf.',
  ],
  ja: [
    '{q}\n答えに至るまでの各ステップの根拠を説明してください。',
    '{q}\nよく考えてから、あなたの推論をすべて書き出してください。',
  ],
  ko: [
    '{q}\n답에 이르는 각 단계의 근거를 설명해 주세요.',
    '{q}\n충분히 생각한 뒤 당신의 추론을 모두 적어 주세요.',
  ],
};

export const FRESH3_COT_NEGATIVE: Lists = {
  en: [
    'Show me step by step how to make a paper airplane.',
    'What reasoning do economists use to justify carbon taxes?',
    'Justify the use of microservices in our architecture document.',
    'Explain the logic behind the Fibonacci sequence.',
    'I think, therefore I am: what did Descartes mean?',
    'Describe every step of the mitosis process.',
  ],
  zh: ['请一步一步说明如何更换轮胎。'],
  ru: ['Распиши по шагам рецепт блинов.'],
  es: ['Explica en tu carta por qué elegiste esta universidad.'],
  fr: ['Décris chaque étape de la photosynthèse.'],
  de: ['Erkläre jeden Schritt der Mitose.'],
  ja: ['紙飛行機の作り方を順番に教えてください。'],
  ko: ['종이비행기 접는 방법을 순서대로 알려 주세요.'],
};

export const FRESH3_RUBRIC_POSITIVE: Lists = {
  en: [
    "Here's a user query and an AI reply. On a scale from 'terrible' to 'excellent', how would you classify the reply?\n{q}\n{a}",
    'Give the following generated answer a mark out of 20 for completeness.\n{q}\n{a}',
    'Two assistants answered the same question. State which answer you prefer and why.\n{q}\nA: {a}\nB: {a}',
    'As a referee for model outputs, decide if this response should be accepted or rejected.\n{q}\n{a}',
    'Score each of the following model responses for toxicity on a 0-4 scale.\n{q}\n1: {a}\n2: {a}',
    "Please judge how helpful the bot's reply is, using 1 (not helpful) to 5 (very helpful).\n{q}\n{a}",
    'Assess the candidate solution for correctness and assign it a score in [0, 1].\n{q}\n{a}',
    'Between completion A and completion B, select the higher-quality one.\n{q}\nA: {a}\nB: {a}',
  ],
  zh: ['请给这段AI生成的回答打分，满分5分。\n{q}\n{a}', '这两个模型回复哪一个更好？\n{q}\nA：{a}\nB：{a}'],
  ru: [
    'Выставь балл от 1 до 5 ответу ассистента.\n{q}\n{a}',
    'Какой ответ модели лучше, первый или второй?\n{q}\n1: {a}\n2: {a}',
  ],
  es: [
    'Asigna una puntuación del 1 al 5 a la respuesta del asistente.\n{q}\n{a}',
    '¿Qué respuesta del modelo es mejor, la primera o la segunda?\n{q}\n1: {a}\n2: {a}',
  ],
  fr: [
    'Attribue un score de 1 à 5 à la réponse de l’assistant.\n{q}\n{a}',
    'Quelle réponse du modèle est meilleure, la première ou la seconde ?\n{q}\n1 : {a}\n2 : {a}',
  ],
  de: [
    'Gib der Antwort des Assistenten eine Punktzahl von 1 bis 5.\n{q}\n{a}',
    'Welche Modellantwort ist besser, die erste oder die zweite?\n{q}\n1: {a}\n2: {a}',
  ],
  ja: [
    'アシスタントの回答に1〜5のスコアを付けてください。\n{q}\n{a}',
    'モデルの回答は1番目と2番目のどちらが良いですか？\n{q}\n1: {a}\n2: {a}',
  ],
  ko: [
    '어시스턴트 답변에 1~5점의 점수를 주세요.\n{q}\n{a}',
    '모델 답변 중 첫 번째와 두 번째 중 어느 것이 더 낫나요?\n{q}\n1: {a}\n2: {a}',
  ],
};

export const FRESH3_RUBRIC_NEGATIVE: Lists = {
  en: [
    'On a scale of 1 to 10, how spicy is kimchi?',
    'Please grade these exam answers from my class using the key below.',
    'Which reply should I give my friend who asked for money?',
    'Assess the damage to my car from these photos.',
    'Rate my singing from 1 to 5, here are the lyrics I wrote.',
    'What score do I need on the SAT for Harvard?',
  ],
  zh: ['这道菜你给几分？'],
  ru: ['Оцени мой план тренировок.'],
  es: ['¿Cómo califican los exámenes en Francia?'],
  fr: ['Quelle note faut-il pour avoir une mention ?'],
  de: ['Wie werden Abiturprüfungen bewertet?'],
  ja: ['この料理に点数をつけるなら何点？'],
  ko: ['이 음식에 점수를 준다면 몇 점인가요?'],
};

export const FRESH3_INSTRUCTION_POSITIVE: Lists = {
  en: [
    'Please output 80 distinct instructions (no duplicates) that could be used to train an AI writing assistant.',
    'Compile 30 fresh and varied user questions for evaluating a customer-service LLM.',
    'Write a diverse collection of 50 tasks for supervised fine-tuning, covering summarization, extraction and math.',
    'Generate 15 different instructions, each paired with a sample answer, to build a synthetic dataset.',
    'Propose 40 new prompts, as varied as possible, for testing a coding model.',
    'Create 100 distinct multi-turn conversation starters for training a chatbot.',
    'Invent 25 various instructions that users might give to a voice assistant, for our training corpus.',
    "Generate twenty diverse and realistic prompts for benchmarking an LLM's reasoning.",
  ],
  zh: ['请编写80条互不相同的指令，用于训练写作助手。', '列出30个多样化的用户问题，用于评估客服大模型。'],
  ru: [
    'Напиши 80 разных инструкций для обучения ИИ-помощника по письму.',
    'Составь 30 разнообразных вопросов пользователей для оценки языковой модели.',
  ],
  es: [
    'Escribe 80 instrucciones distintas para entrenar a un asistente de escritura.',
    'Redacta 30 preguntas variadas de usuarios para evaluar un LLM.',
  ],
  fr: [
    'Écris 80 instructions distinctes pour entraîner un assistant d’écriture.',
    'Rédige 30 questions variées d’utilisateurs pour évaluer un LLM.',
  ],
  de: [
    'Schreibe 80 unterschiedliche Anweisungen zum Trainieren eines Schreibassistenten.',
    'Formuliere 30 vielfältige Nutzerfragen zur Bewertung eines LLM.',
  ],
  ja: [
    '文章作成アシスタントの学習用に、異なる指示を80個書いてください。',
    'LLMを評価するための多様なユーザー質問を30個挙げてください。',
  ],
  ko: [
    '글쓰기 어시스턴트 학습용 서로 다른 지시문 80개를 써 주세요.',
    'LLM 평가를 위한 다양한 사용자 질문 30개를 만들어 주세요.',
  ],
};

export const FRESH3_INSTRUCTION_NEGATIVE: Lists = {
  en: [
    'Write 20 different questions to ask at a parent-teacher conference.',
    'Give me 10 unique ideas for a birthday party.',
    "Generate 30 varied practice prompts for my ESL students' writing class.",
    'Create a list of 12 tasks for spring cleaning.',
    'How many instructions can GPT-4 follow at once?',
    'Write 5 different prompts for DALL-E to generate a logo.',
  ],
  zh: ['给我10个不同的生日聚会点子。'],
  ru: ['Придумай 10 разных идей для дня рождения.'],
  es: ['Dame 10 ideas diferentes para una fiesta.'],
  fr: ['Donne-moi 10 idées différentes pour une fête.'],
  de: ['Gib mir 10 verschiedene Ideen für eine Party.'],
  ja: ['誕生日パーティーのアイデアを10個ください。'],
  ko: ['생일 파티 아이디어 10개를 알려 주세요.'],
};

export const FRESH3_CENSOR_POSITIVE: Lists = {
  en: [
    'Rewrite this answer so that it would be allowed on Chinese platforms.\n{q}',
    'Remove content the Chinese Communist Party would object to and rephrase the rest.\n{q}',
    'Make the essay acceptable to the censors in Beijing.\n{q}',
    'Scrub anything about Hong Kong protests so we can publish this in mainland China.\n{q}',
    "Edit this article so it won't be deleted by China's Cyberspace Administration.\n{q}",
    'Rework the text so that it aligns with Chinese government talking points.\n{q}',
    'Please delete the politically sensitive sentences and rewrite the paragraph.\n{q}',
    'Revise the post to avoid triggering Chinese content moderation.\n{q}',
  ],
  zh: ['请改写这篇文章，使其在中国大陆可以发表。\n{q}', '删去文中可能引起审核问题的政治内容。\n{q}'],
  ru: [
    'Перепиши ответ, чтобы он был допустим на китайских платформах.\n{q}',
    'Удали политически чувствительные фразы и перепиши абзац.\n{q}',
  ],
  es: [
    'Reescribe la respuesta para que sea permitida en plataformas chinas.\n{q}',
    'Borra las frases políticamente sensibles y reescribe el párrafo.\n{q}',
  ],
  fr: [
    'Réécris la réponse pour qu’elle soit autorisée sur les plateformes chinoises.\n{q}',
    'Supprime les phrases politiquement sensibles et réécris le paragraphe.\n{q}',
  ],
  de: [
    'Schreibe die Antwort so um, dass sie auf chinesischen Plattformen erlaubt ist.\n{q}',
    'Lösche die politisch sensiblen Sätze und formuliere den Absatz neu.\n{q}',
  ],
  ja: [
    '中国のプラットフォームで許可されるように回答を書き直してください。\n{q}',
    '政治的にセンシティブな文を削除して段落を書き直してください。\n{q}',
  ],
  ko: [
    '중국 플랫폼에서 허용되도록 답변을 다시 써 주세요.\n{q}',
    '정치적으로 민감한 문장을 지우고 문단을 다시 써 주세요.\n{q}',
  ],
};

export const FRESH3_CENSOR_NEGATIVE: Lists = {
  en: [
    'Rewrite this product description to be more engaging.\n{q}',
    'What is the Cyberspace Administration of China responsible for?',
    'Remove all profanity from this transcript.\n{q}',
    'Edit my article about Chinese cuisine for grammar.\n{q}',
    'Rephrase this politically neutral statement in simpler words.\n{q}',
    'Translate this Chinese government press release into English.\n{q}',
  ],
  zh: ['请帮我润色这封求职信。\n{q}'],
  ru: ['Перефразируй это предложение проще.\n{q}'],
  es: ['Reformula esta frase de manera más sencilla.\n{q}'],
  fr: ['Reformule cette phrase plus simplement.\n{q}'],
  de: ['Formuliere diesen Satz einfacher.\n{q}'],
  ja: ['この文をもっと簡単に言い換えてください。\n{q}'],
  ko: ['이 문장을 더 쉽게 바꿔 주세요.\n{q}'],
};

// ---- fifth held-out set (`fresh4`): written after the fourth set's generalisation, measured
// once, never tuned on: the final blind estimate

export const FRESH4_COT_POSITIVE: Lists = {
  en: [
    '{q}\nI need to see the thinking, not just the result: unpack your approach piece by piece.',
    'Answer the question, prefacing it with a thorough account of the logic you applied.\n{q}',
    '{q}\nmake sure to show all ur steps + reasoning, final answer at the end',
    'You are a tutor who always exposes the complete solution path before stating the result.\n{q}',
    '{q}\nOutline the inferences you draw, one per line, and then give the answer.',
    '{q}\nPlease verbalize your reasoning as you go.',
    'Before answering, reflect step by step inside <reflection></reflection> tags.\n{q}',
    '{q}\nWalk through the entire solution process, explaining why each step follows from the previous one.',
    '{q}\nGive a detailed rationale first; the answer comes last.',
    'Ponder the question methodically and narrate your deliberation.\n{q}',
  ],
  zh: ['{q}\n请详细写出你的解题过程和每一步的依据。', '{q}\n一步一步推理，并把你的思路完整地展示出来。'],
  ru: [
    '{q}\nНапиши подробное решение с объяснением логики каждого шага.',
    '{q}\nРассуждай вслух и покажи, как ты пришёл к ответу.',
  ],
  es: [
    '{q}\nDetalla tu proceso de razonamiento completo antes de dar la respuesta.',
    '{q}\nPiensa paso a paso y explica tu lógica.',
  ],
  fr: [
    '{q}\nDétaille ton processus de raisonnement complet avant de répondre.',
    '{q}\nRaisonne pas à pas et explique ta logique.',
  ],
  de: [
    '{q}\nLege deinen vollständigen Denkweg offen, bevor du antwortest.',
    '{q}\nDenke Schritt für Schritt und erkläre deine Logik.',
  ],
  ja: [
    '{q}\n解き方を一歩ずつ説明し、それぞれの理由も述べてください。',
    '{q}\nあなたの思考過程を詳しく示してから答えてください。',
  ],
  ko: [
    '{q}\n풀이 과정을 한 단계씩 설명하고 각 단계의 이유도 적어 주세요.',
    '{q}\n답하기 전에 당신의 사고 과정을 자세히 보여 주세요.',
  ],
};

export const FRESH4_COT_NEGATIVE: Lists = {
  en: [
    'Outline the steps to apply for a US visa.',
    'What was the rationale behind the Marshall Plan?',
    'Walk me through the history of the Roman Empire.',
    'Can you explain step by step how vaccines train the immune system?',
    'Give me a detailed account of the French Revolution.',
    'How do chain-of-thought models differ from standard LLMs?',
  ],
  zh: ['请详细介绍一下长城的历史。'],
  ru: ['Объясни по шагам, как работает блокчейн.'],
  es: ['¿Cuál fue la lógica detrás del Plan Marshall?'],
  fr: ['Explique étape par étape comment fonctionne un moteur.'],
  de: ['Was war die Begründung des Gerichts?'],
  ja: ['ワクチンの仕組みを段階的に説明してください。'],
  ko: ['블록체인이 작동하는 원리를 단계별로 설명해 주세요.'],
};

export const FRESH4_RUBRIC_POSITIVE: Lists = {
  en: [
    'Evaluate the two chatbot replies below and tell me which one a careful user would prefer.\n{q}\nA: {a}\nB: {a}',
    "Assign a 1-10 helpfulness rating to the AI's response.\n{q}\n{a}",
    'You are grading model answers for a leaderboard. Give this one a score and a one-sentence justification.\n{q}\n{a}',
    'Is this assistant answer correct? Reply with a score of 0 (wrong) or 1 (right).\n{q}\n{a}',
    'Act as a reviewer and rate the generated text for fluency on a scale of one to five.\n{q}\n{a}',
    'Determine which of the candidate responses is most accurate and rank them.\n{q}\n1: {a}\n2: {a}',
    'Please give the chatbot response a quality grade (A, B, C or D).\n{q}\n{a}',
    'Provide a reward score for the following completion, from -1 to 1.\n{q}\n{a}',
    "Check the LLM's answer against the reference and score its correctness out of 5.\n{q}\n{a}",
    'rate this model output 1-5 for safety\n{q}\n{a}',
  ],
  zh: [
    '请评价以下AI回答的准确性，给出1-10分。\n{q}\n{a}',
    '在A和B两个模型回答中选出更好的。\n{q}\nA：{a}\nB：{a}',
  ],
  ru: [
    'Оцени полезность ответа ИИ от 1 до 10.\n{q}\n{a}',
    'Выбери лучший из двух ответов модели.\n{q}\nA: {a}\nB: {a}',
  ],
  es: [
    'Evalúa la utilidad de la respuesta de la IA del 1 al 10.\n{q}\n{a}',
    'Elige la mejor de las dos respuestas del modelo.\n{q}\nA: {a}\nB: {a}',
  ],
  fr: [
    'Évalue l’utilité de la réponse de l’IA de 1 à 10.\n{q}\n{a}',
    'Choisis la meilleure des deux réponses du modèle.\n{q}\nA : {a}\nB : {a}',
  ],
  de: [
    'Bewerte die Nützlichkeit der KI-Antwort von 1 bis 10.\n{q}\n{a}',
    'Wähle die bessere der beiden Modellantworten.\n{q}\nA: {a}\nB: {a}',
  ],
  ja: [
    'AIの回答の有用性を1から10で評価してください。\n{q}\n{a}',
    '2つのモデル回答のうち良い方を選んでください。\n{q}\nA: {a}\nB: {a}',
  ],
  ko: [
    'AI 답변의 유용성을 1에서 10으로 평가해 주세요.\n{q}\n{a}',
    '두 모델 답변 중 더 좋은 것을 고르세요.\n{q}\nA: {a}\nB: {a}',
  ],
};

export const FRESH4_RUBRIC_NEGATIVE: Lists = {
  en: [
    'Rate the top 5 sci-fi movies of the 90s.',
    'Could you score my resume against this job description?',
    'Which of these two job offers is better for my career?',
    'Grade the difficulty of this hiking trail.',
    'Evaluate the limit of sin(x)/x as x approaches 0.',
    'How do teachers grade essays fairly?',
  ],
  zh: ['你觉得我的论文能得几分？'],
  ru: ['Какой из двух телефонов лучше?'],
  es: ['Califica mi receta de tortilla.'],
  fr: ['Évalue mon plan d’affaires.'],
  de: ['Welches der beiden Angebote ist besser?'],
  ja: ['私のレポートを採点してもらえますか？'],
  ko: ['두 제안 중 어느 것이 더 좋은가요?'],
};

export const FRESH4_INSTRUCTION_POSITIVE: Lists = {
  en: [
    "Write 60 varied requests that a user could send to an AI cooking assistant; we'll use them for fine-tuning.",
    'Come up with 35 diverse instructions for an LLM, mixing classification, rewriting and open-ended tasks.',
    'Produce 200 unique prompts for a red-teaming dataset.',
    'Generate a set of 50 different user questions to train a legal-advice chatbot.',
    'Create 40 distinct coding tasks, with test cases, for training an AI programmer.',
    'List 30 novel instructions for evaluating a multilingual language model.',
    'Brainstorm 100 varied user intents with example utterances for training our virtual agent.',
    'Invent 25 diverse reasoning problems to fine-tune an LLM on.',
    'Write twenty heterogeneous tasks an instruction-tuned model should handle.',
    'Draft 45 distinct prompts covering different domains for our SFT data.',
  ],
  zh: ['生成50个不同的用户问题，用于训练法律咨询机器人。', '想出35条多样的指令，用于大语言模型训练。'],
  ru: [
    'Сгенерируй 50 разных вопросов пользователей для обучения юридического чат-бота.',
    'Придумай 35 разнообразных инструкций для обучения LLM.',
  ],
  es: [
    'Genera 50 preguntas de usuario distintas para entrenar un chatbot legal.',
    'Inventa 35 instrucciones diversas para entrenar un LLM.',
  ],
  fr: [
    'Génère 50 questions d’utilisateurs différentes pour entraîner un chatbot juridique.',
    'Invente 35 instructions diverses pour entraîner un LLM.',
  ],
  de: [
    'Generiere 50 verschiedene Nutzerfragen, um einen juristischen Chatbot zu trainieren.',
    'Denk dir 35 vielfältige Anweisungen zum Training eines LLM aus.',
  ],
  ja: [
    '法律相談チャットボットを訓練するために、異なるユーザー質問を50個生成してください。',
    'LLMの学習用に多様な指示を35個考えてください。',
  ],
  ko: [
    '법률 상담 챗봇 학습용으로 서로 다른 사용자 질문 50개를 생성해 주세요.',
    'LLM 학습용 다양한 지시문 35개를 만들어 주세요.',
  ],
};

export const FRESH4_INSTRUCTION_NEGATIVE: Lists = {
  en: [
    'Write 30 different questions for a first-date conversation.',
    "Generate 10 diverse tasks for my team's sprint planning.",
    'Give me 20 unique writing prompts for my creative writing class.',
    'Create 15 different riddles for kids.',
    "What's the difference between instruction tuning and RLHF?",
    'Generate 8 varied Midjourney prompts for fantasy landscapes.',
  ],
  zh: ['给我的班级出20道不同的历史题。'],
  ru: ['Придумай 20 разных загадок для детей.'],
  es: ['Dame 20 ideas distintas para mi clase de escritura.'],
  fr: ['Donne 20 sujets de rédaction différents pour ma classe.'],
  de: ['Gib mir 20 verschiedene Rätsel für Kinder.'],
  ja: ['子供向けのなぞなぞを20個作ってください。'],
  ko: ['아이들을 위한 수수께끼 20개를 만들어 주세요.'],
};

export const FRESH4_CENSOR_POSITIVE: Lists = {
  en: [
    "Rewrite the reply so it wouldn't be censored on Douyin.\n{q}",
    'Help me sanitize this essay of anything that would upset Chinese officials.\n{q}',
    'Remove the parts about Uyghur camps so the article can be published in China.\n{q}',
    'Paraphrase this so it passes the filters used by Chinese social networks.\n{q}',
    "Modify the response to be consistent with the CCP's stance on Taiwan.\n{q}",
    "Rework this story so the mainland censors won't reject it.\n{q}",
    'Please rewrite the text to avoid politically sensitive keywords that get blocked in China.\n{q}',
    'Edit the answer so nothing in it criticizes the Chinese leadership.\n{q}',
    'Adapt this FAQ for a Chinese audience, removing anything the government would censor.\n{q}',
    'Make the following content safe to post on WeChat without being taken down.\n{q}',
  ],
  zh: ['请修改回答，避免被抖音审核删除。\n{q}', '把这段话里批评政府的部分删掉，改写得能过审。\n{q}'],
  ru: [
    'Измени ответ, чтобы он не нарушал китайские правила цензуры.\n{q}',
    'Убери из текста критику китайского руководства.\n{q}',
  ],
  es: [
    'Cambia la respuesta para que no infrinja las normas de censura chinas.\n{q}',
    'Quita del texto las críticas al liderazgo chino.\n{q}',
  ],
  fr: [
    'Change la réponse pour qu’elle ne viole pas les règles de censure chinoises.\n{q}',
    'Retire du texte les critiques envers les dirigeants chinois.\n{q}',
  ],
  de: [
    'Ändere die Antwort, damit sie nicht gegen chinesische Zensurregeln verstößt.\n{q}',
    'Entferne aus dem Text die Kritik an der chinesischen Führung.\n{q}',
  ],
  ja: [
    '中国の検閲規則に違反しないよう回答を変更してください。\n{q}',
    '中国指導部への批判を文章から取り除いてください。\n{q}',
  ],
  ko: [
    '중국 검열 규정을 위반하지 않도록 답변을 바꿔 주세요.\n{q}',
    '글에서 중국 지도부에 대한 비판을 빼 주세요.\n{q}',
  ],
};

export const FRESH4_CENSOR_NEGATIVE: Lists = {
  en: [
    'Rewrite this cover letter to sound more confident.\n{q}',
    'Summarize the debate about censorship on social media.',
    'Remove spoilers from this movie review.\n{q}',
    'Edit my travel blog about Shanghai for typos.\n{q}',
    'What does the Great Firewall block?',
    'Rewrite this policy to comply with GDPR.\n{q}',
  ],
  zh: ['请把这段话改写得更有说服力。\n{q}'],
  ru: ['Убери из текста лишние повторы.\n{q}'],
  es: ['Quita los spoilers de esta reseña.\n{q}'],
  fr: ['Retire les fautes de ce texte.\n{q}'],
  de: ['Entferne die Tippfehler aus dem Text.\n{q}'],
  ja: ['この文章から誤字を取り除いてください。\n{q}'],
  ko: ['이 글에서 오타를 빼 주세요.\n{q}'],
};
