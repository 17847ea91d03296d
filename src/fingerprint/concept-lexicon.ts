/**
 * Concept lexicons of the extraction tags: for each role (a part of a request, such as "a verb
 * asking to disclose something" or "the model's own reasoning"), the words that express it in
 * English, Chinese, Russian, Spanish, French, German, Japanese and Korean. tags.ts composes roles
 * into tags; concepts.ts finds the words. Lists are deliberately small and general: they name
 * concepts, not the wording of any known campaign, so a new paraphrase still hits them.
 *
 * Entry syntax (concepts.ts): `|` separates entries; spaces, hyphens and apostrophes separate the
 * words of a phrase; `stem*` matches any word starting with the stem (Cyrillic always, other
 * scripts when the text may be es/fr/de); Han, kana and Hangul entries match as substrings (at
 * most 8 characters; Hangul may include one space).
 */
import { addLexicon, type LexiconRow } from './concepts.js';

// ---- roles in the first word (chain-of-thought, rubric grading, shared)
/** Think or reason (verb). */
export const THINK = 1 << 0;
/** Solve, work through, proceed, analyse (verb). */
export const SOLVE = 1 << 1;
/** Step by step, one step at a time. */
export const STEPWISE = 1 << 2;
/** Reasoning, thought process, rationale (the thing disclosed). */
export const REASONING = 1 << 3;
/** Second person ownership: your, ton, dein, 你的. */
export const YOUR = 1 << 4;
/** Show, write out, reveal, explain, include (a disclosure verb). */
export const DISCLOSE = 1 << 5;
/** Complete, full, every, internal, verbatim. */
export const FULL = 1 << 6;
/** Before, first, then (ordering against the answer). */
export const BEFORE = 1 << 7;
/** Out loud, aloud. */
export const ALOUD = 1 << 8;
/** Chain of thought, reasoning trace, scratchpad: reasoning-trace vocabulary. */
export const STRONG = 1 << 9;
/** How you arrived, how you got (the model's own path to an answer). */
export const ARRIVE = 1 << 10;
/** Talk about methods (prompting, technique, paper) or reasoning "used by" someone else: a mention, not a request. */
export const META = 1 << 11;
/** A model output or the model: response, answer, completion, assistant, AI. */
export const OUTPUT = 1 << 12;
/** Evaluate, score, rate, grade, judge, compare. */
export const EVAL = 1 << 13;
/** Scale, rubric, criteria, points, a number range. */
export const SCALE = 1 << 14;
/** Judge, grader, evaluator, rater (a role). */
export const JUDGE = 1 << 15;
/** The model's own reasoning: a reasoning word right after `your` (or a CJK reasoning word). */
export const MINE = 1 << 16;
/** Better, preferred, which one. */
export const PREFER = 1 << 17;
/** Two, both, A or B (a pair of candidates). */
export const PAIR = 1 << 18;
/** Quality, helpfulness, accuracy, correctness (grading dimensions). */
export const QUALITY = 1 << 19;
/** The user's own work: my essay, my answer (grading it is ordinary help). */
export const OWN = 1 << 20;
/** Words that name a reasoning section when written as markup (`<thinking>`). */
export const TAGNAME = 1 << 21;
/** Reward model, preference model, impartial judge: judging vocabulary strong alone. */
export const JUDGE_STRONG = 1 << 22;
/** The answer being given: answer, respond, final answer, conclusion. */
export const ANSWER = 1 << 23;
/** A reasoning tag written as markup (emitted by the scanner). */
export const MARKUP = 1 << 24;
/** The model's own path to the answer: "how you arrived", "wie du ... gekommen bist". */
export const MY_PATH = 1 << 25;
/** A reasoning word right after a completeness cue ("complete reasoning"); set by tags.ts. */
export const FULLR = 1 << 26;
/** An ordering cue right before the answer ("before answering", "then the answer"); set by tags.ts. */
export const BEFORE_ANSWER = 1 << 27;
/** An evaluation verb next to a model output ("score the response"); set by tags.ts. */
export const EVAL_OUT = 1 << 28;
/** Let's, carefully, methodically: the solver is asked to deliberate, not just to solve. */
export const DELIBERATE = 1 << 29;

// ---- roles in the second word (instruction generation, censorship rewrites)
/** Generate, create, write, come up with, brainstorm. */
export const GEN = 1 << 0;
/** Instructions, tasks, prompts. */
export const TASKS = 1 << 1;
/** Questions, queries, requests, examples. */
export const QUESTIONS = 1 << 2;
/** Diverse, varied, different, novel. */
export const DIVERSE = 1 << 3;
/** A quantity: a number, twenty, a set of. */
export const QUANT = 1 << 4;
/** For a model: LLM, assistant, fine-tuning, training, dataset. */
export const PURPOSE = 1 << 5;
/** People as the audience: kids, students, an interview, a party. */
export const HUMAN = 1 << 6;
/** Rewrite, rephrase, edit, remove, soften. */
export const EDIT = 1 << 7;
/** Censor, censorship, harmonised, content filters. */
export const CENSOR = 1 << 8;
/** Sensitive, taboo, off-limits, and the topics censors remove. */
export const SENSITIVE = 1 << 9;
/** Political, politically. */
export const POLITICAL = 1 << 10;
/** Pass, comply, be approved, be publishable, avoid being blocked. */
export const PASS = 1 << 11;
/** China, Chinese, PRC, CCP, Weibo. */
export const CHINA = 1 << 12;
/** Government, authorities, regulators, the party. */
export const AUTHORITY = 1 << 13;
/** Censorship-safe, 过审: censorship compliance in one word. */
export const CENSOR_STRONG = 1 << 14;
/** About, regarding, history of: the text is on the topic, not made to pass it. */
export const TOPIC = 1 << 15;
/** Instruction-tuning or fine-tuning data for a language model (what instruction generation produces). */
export const DATA = 1 << 16;
/** Tasks or questions next to a generation verb; set by tags.ts. */
export const GEN_T = 1 << 17;
/** Tasks next to a quantity or a diversity cue ("20 diverse tasks"); set by tags.ts. */
export const MANY_T = 1 << 18;
/** Training data next to a generation verb; set by tags.ts. */
export const GEN_DATA = 1 << 19;
/** Image generators (Midjourney prompts are not language-model training data). */
export const IMAGE = 1 << 20;
/** Questions next to a quantity or a diversity cue; set by tags.ts (they need a model purpose). */
export const MANY_Q = 1 << 21;

const A = (a: number, entries: string): LexiconRow => ({ a, b: 0, entries });
const B = (b: number, entries: string): LexiconRow => ({ a: 0, b, entries });

const LEXICON: LexiconRow[] = [
  // ------------------------------------------------------------ chain of thought
  A(
    THINK,
    'think|reason|reflect|deliberate|ponder|contemplate|mull|' +
      '思考|想一想|推导|琢磨|想清楚|' +
      'подума*|дума*|рассужда*|порассужда*|размышля*|поразмысл*|обдума*|' +
      'piensa|piense|pensemos|piensen|razona|razone|razonemos|razonen|reflexiona|reflexione|reflexionemos|' +
      'réfléchis|réfléchissez|réfléchissons|raisonne|raisonnez|raisonnons|pense|pensez|pensons|' +
      'denk|denke|denkt|denken|überleg|überlege|überlegt|überlegen|reflektiere|' +
      '考え|考えて|推論|熟考|' +
      '생각하|생각해|추론하|추론해|사고하|생각하면서',
  ),
  A(
    SOLVE,
    'solve|work|tackle|approach|proceed|go|analyze|analyse|derive|calculate|compute|figure|' +
      '解题|求解|分析|解答|' +
      'реш*|разбер*|разбира*|анализир*|' +
      'resuelve|resuelva|resolvamos|analiza|analice|procede|proceda|vayamos|' +
      'résous|résolvez|procède|procédez|procédons|analyse|analysez|' +
      'löse|lösen|geh|gehe|gehen|analysiere|arbeite|' +
      '解いて|解く|分析|' +
      '풀어|풀이|분석',
  ),
  A(
    STEPWISE,
    'step by step|one step at a time|step at a time|stepwise|steps by steps|' +
      '一步一步|一步步|逐步|分步|循序渐进|按步骤|一步一|' +
      'шаг за шагом|пошагов*|по шагам|поэтапн*|последовательно|' +
      'paso a paso|paso por paso|por pasos|' +
      'étape par étape|pas à pas|' +
      'schritt für schritt|schrittweise|' +
      'バイステップ|段階的|一歩ずつ|順を追|順序立て|ステップごと|段階を追|段階ごと|' +
      '단계별|단계적|차근차근|단계씩|걸음씩',
  ),
  A(
    REASONING,
    'reasoning|thought process|thinking process|reasoning process|thinking|rationale|' +
      'deliberation|deliberations|derivation|line of reasoning|scratch work|' +
      '推理|逻辑|' +
      'рассуждени*|ход мыслей|ход рассуждений|ход решения|мыслительн*|логик*|мыслей|' +
      'razonamiento|razonamientos|pensamiento|lógica|proceso de pensamiento|proceso de razonamiento|' +
      'raisonnement|raisonnements|cheminement|réflexion|pensée|logique|processus de réflexion|processus de pensée|' +
      'gedankengang|gedankengänge|denkprozess|überlegung|überlegungen|argumentation|denkweg|lösungsweg|gedanken|' +
      'begründung|logik|denkschritte|' +
      '논리|추론',
  ),
  A(
    REASONING,
    'justification|justifications|considerations|理由|推論|根拠|근거|' +
      'обосновани*|justificación|begründung',
  ),
  // a verb that asks for reasons discloses them: "justify each step", "begründe jeden Schritt"
  A(
    DISCLOSE | REASONING,
    'justify|justifica|justifique|justifie|justifiez|begründe|begründen|обоснуй|обоснуйте',
  ),
  A(REASONING | MINE, 'how you think|your work|your working|your logic|your thinking'),
  A(
    REASONING,
    'problem solving process|problem solving|solution process|mental process|proceso mental|processus mental|' +
      'intermediate results|intermediate result|intermediate steps|intermediate calculations|' +
      'calculations|calculs|cálculos|berechnungen|вычислени*|计算过程|計算過程|계산 과정',
  ),
  A(REASONING | MINE, '考えの道筋|思考の道筋|推論の道筋|道筋'),
  // Chinese, Japanese and Korean drop the pronoun: "show the reasoning process" means the model's own
  A(
    REASONING | MINE,
    '推理过程|思考过程|思维过程|思路|推导过程|解题过程|心路历程|思考步骤|分析过程|' +
      '推論過程|思考過程|思考プロセス|考え方|考えた過程|思考の流れ|考えの流れ|推論の過程|思考の過程|' +
      '추론 과정|추론과정|사고 과정|사고과정|생각 과정|생각하는 과정|풀이 과정|풀이과정|사고의 흐름',
  ),
  A(
    STRONG | REASONING,
    'chain of thought|chain of thoughts|chain of reasoning|train of thought|reasoning trace|reasoning traces|' +
      'chain of inferences|chain of inference|chain of logic|line of thought|' +
      'thinking trace|inner monologue|internal monologue|scratchpad|scratch pad|' +
      '思维链|推理链|' +
      'цепочка рассуждений|цепочку рассуждений|цепочке рассуждений|цепочки рассуждений|' +
      'cadena de pensamiento|cadena de razonamiento|' +
      'chaîne de pensée|chaîne de pensées|chaîne de raisonnement|' +
      'gedankenkette|argumentationskette|' +
      '思考の連鎖|思考連鎖|推論の連鎖|' +
      '생각의 사슬|사고의 사슬|사고 사슬',
  ),
  A(
    TAGNAME,
    'think|thinking|thought|thoughts|reasoning|reason|scratchpad|scratch|reflection|cot|inner_monologue|rationale',
  ),
  A(
    YOUR,
    'your|yours|yourself|its|' +
      '你的|你是|你怎么|你如何|' +
      'твоего|твоей|своего|своей|своему|вашей|твой|твоя|твоё|твое|твои|твоих|твоим|свой|своя|своё|свое|свои|своих|свою|своим|ваш|ваша|ваше|ваши|вашего|ваших|ты|' +
      '~tu|tus|' +
      '~ton|~ta|tes|votre|vos|' +
      'dein|deine|deinen|deiner|deines|~du|' +
      'あなたの|あなた|君の|' +
      '당신의|너의|당신',
  ),
  A(
    DISCLOSE,
    'show|write|reveal|explain|articulate|output|include|provide|give|lay out|detail|describe|spell out|expose|print|' +
      'externalize|externalise|make visible|' +
      'present|share|verbalize|verbalise|document|put|wrap|enclose|narrate|display|state|disclose|outline|record|' +
      'walk me through|walk us through|take me through|talk me through|walk through|narrate|see|contain|use|using|apply|' +
      'list|read|break down|décompose|décomposez|descompón|zerlege|разбей|' +
      'employ|begin with|start with|reconstruct|recount|retrace|shows|writes|reveals|explains|discloses|exposes|includes|outputs|provides|' +
      'shares|states|articulates|displays|' +
      '展示|写出|给出|说明|呈现|输出|列出|提供|解释|写下|展现|阐述|说出|描述|写出来|' +
      'покаж*|показ*|опиш*|излож*|распиш*|объясн*|напиш*|запиш*|вывед*|привед*|раскр*|выпиш*|излага*|представь*|поясн*|' +
      'explica|explique|explícame|muestra|muestre|muéstrame|detalla|detalle|escribe|escriba|expón|exponga|' +
      'incluye|incluya|revela|revele|describe|describa|presenta|presente|indica|indique|~dame|desarrolla|desarrolle|ver|' +
      'montre|montrez|explique|expliquez|détaille|détaillez|écris|écrivez|expose|exposez|donne|donnez|révèle|' +
      'révélez|décris|décrivez|présente|présentez|indique|indiquez|développe|développez|' +
      'zeig|zeige|zeigen|erkläre|erklären|erklär|beschreibe|beschreiben|schreib|schreibe|schreiben|offen|dar|' +
      'darlegen|gib|nenne|' +
      '示して|示し|書き出|書いて|書き|説明|出力|見せて|記述|明らかに|述べ|記載|示す|' +
      '보여|설명|작성|써 |써서|적어|출력|드러내|공개|서술|제시',
  ),
  A(
    FULL,
    'complete|completely|full|fully|entire|entirely|whole|detailed|thorough|thoroughly|transparent|transparently|' +
      'verbatim|every|each|explicit|explicitly|internal|hidden|inner|raw|unfiltered|intermediate|exhaustive|' +
      'unabridged|private|in detail|all of|don t skip|do not skip|without skipping|' +
      '完整|详细|全部|所有|内部|全过程|不要只|不要省略|详尽|中间|每一步|每个步骤|' +
      'transparency|' +
      'полн*|подробн*|весь|всю|всё|каждый|каждого|каждом|каждую|промежуточн*|внутренн*|детальн*|целиком|' +
      'completo|completa|~todo|toda|todos|cada|detalladamente|detallado|detallada|intermedios|intermedias|interno|' +
      'complet|complète|~tout|toute|toutes|chaque|~ensemble|détaillé|intermédiaires|interne|' +
      'vollständig|vollständige|vollständigen|ausführlich|gesamte|gesamten|jeden|jede|jeder|interne|innere|' +
      'detailliert|' +
      'すべて|全て|詳しく|詳細|省略せず|省略しない|途中の|全部|' +
      '모두|자세히|상세히|전부|모든|생략하지|중간|각 단계|각각',
  ),
  A(
    BEFORE,
    'before|prior|first|then|afterwards|followed by|only then|' +
      '先|再|之前|然后|最后|' +
      'прежде|сначала|перед|потом|затем|' +
      'antes|primero|luego|después|' +
      'avant|abord|puis|ensuite|' +
      'bevor|zuerst|danach|dann|anschließend|' +
      '前に|まず|最後に|その後|てから|' +
      '전에|먼저|마지막에',
  ),
  A(
    DELIBERATE,
    "let's|let us|lets|carefully|deep breath|methodically|systematically|" +
      '仔细|认真|我们来|让我们|' +
      'давай|давайте|внимательно|тщательно|' +
      'con cuidado|detenidamente|vamos a|' +
      'attentivement|soigneusement|' +
      'lass uns|sorgfältig|gründlich|' +
      '慎重に|じっくり|' +
      '신중하게|꼼꼼히',
  ),
  A(ALOUD, 'aloud|out loud|出声|вслух|en voz alta|à voix haute|laut|声に出|소리 내어'),
  A(
    ARRIVE | MY_PATH,
    'how you arrived|how you got|how you reached|how you solved|how you came|how you derived|how you figured|' +
      'leads you|led you|got you there|brought you there|' +
      'has llegado|has obtenido|obtuviste|' +
      'how you reason|how you approached|' +
      '你是怎么|你是如何|你怎么得|你如何得|' +
      'llegaste|llegas|' +
      'kommst|' +
      'たどり着|辿り着|導き出|至るまで|' +
      '도달했|도달하|이르렀|얻었|이르기까지|답에 이르',
  ),
  A(
    ARRIVE,
    'arrived|arrive|reached|came|derived|obtenu|obtenue|trouvé|пришёл|пришел|пришла|пришли|arrivé|arrivée|parvenu|parvenue|gekommen|gelangt',
  ),
  A(
    META,
    'prompting|prompt engineering|technique|techniques|the paper|this paper|research paper|papers|research|study|survey|' +
      'benchmark|benchmarks|' +
      'used by|employed by|adopted by|applied by|' +
      '提示词工程|提示方法|论文|' +
      'промптинг*|' +
      'técnica|artículo científico|' +
      'technik|' +
      'プロンプティング|論文|とは|' +
      '프롬프팅|논문',
  ),
  // ------------------------------------------------------------ rubric grading
  A(
    OUTPUT,
    'response|responses|answer|answers|answering|respond|responding|completion|completions|output|outputs|reply|' +
      'replies|generation|generations|candidate|candidates|assistant|assistants|ai|model|models|chatbot|bot|llm|' +
      'llms|language model|gpt|' +
      '答案|回答|回复|输出|模型|助手|' +
      'ответ*|модел*|ассистент*|нейросет*|чат бот|чат бота|бот*|' +
      'respuesta|respuestas|modelo|asistente|salida|~ia|' +
      'réponse|réponses|modèle|sortie|' +
      'antwort|antworten|modell|modells|assistent|assistenten|ausgabe|~ki|modellantwort|modellantworten|' +
      '答え|回答|応答|モデル|アシスタント|返答|チャットボ|' +
      '답을|답에|답변|응답|출력|모델|어시스턴트|챗봇',
  ),
  A(
    ANSWER,
    'answer|answers|answering|respond|responding|final answer|conclusion|concluding|conclude|result|solution|' +
      '答案|回答|结论|结果|' +
      'ответ*|вывод*|' +
      'respuesta|responder|responda|conclusión|resultado|' +
      'réponse|répondre|répondez|réponds|conclusion|conclure|résultat|' +
      'antwort|antwortest|antworten|ergebnis|schluss|' +
      '答え|答える|回答|結論|結果|' +
      '답을|답하기|답변|결론|결과|최종 답',
  ),
  A(
    EVAL,
    'evaluate|evaluating|evaluation|assess|assessing|assessment|rate|rating|rank|ranking|score|scoring|grade|determine|' +
      'classify|mark|punktzahl|スコアを付け|' +
      'good or bad|pass or fail|correct or incorrect|acceptable or unacceptable|比べ|選んで|' +
      'grading|judge|judging|critique|compare|comparing|label|annotate|decide|pick|choose|select|' +
      '评估|评价|评判|打分|评分|判断|比较|评审|评测|审阅|评级|给分|打一个|打个|' +
      '点数を|점수를|评分标准|評価基準|평가 기준|' +
      'оцени*|оценк*|оценив*|сравни*|сравнив*|провер*|выстав*|постав*|' +
      'evalúa|evalúe|evaluar|califica|califique|calificar|puntúa|puntúe|puntuar|compara|compare|juzga|juzgue|' +
      'otorga|asigna|asígnale|valora|valore|' +
      'évalue|évaluez|évaluer|~note|notez|noter|comparez|juge|jugez|attribue|attribuez|classez|' +
      'bewerte|bewerten|beurteile|beurteilen|benote|benoten|vergleiche|vergleichen|prüfe|vergib|vergeben|' +
      '評価|採点|スコアリング|比較|判定|判断|' +
      '평가|채점|비교|판단|매기',
  ),
  A(
    SCALE,
    'scale|rubric|rubrics|criteria|criterion|likert|points|out of|integer score|quality score|overall score|' +
      'good or bad|pass or fail|correct or incorrect|acceptable or unacceptable|' +
      '点数を|점수를|' +
      'best to worst|' +
      '评分标准|分数|满分|分制|打分|评分|' +
      'шкал*|балл*|критери*|пятибалльн*|десятибалльн*|рубрик*|' +
      'escala|rúbrica|puntuación|puntos|~nota|criterios|' +
      'échelle|grille|barème|~note|critères|' +
      'skala|punkte|punktzahl|noten|kriterien|bewertungsraster|qualitätspunktzahl|' +
      '点満点|満点|スコア|評価基準|採点基準|点で|段階評価|' +
      '만점|점수|평가 기준|채점 기준|점으로|점 사이',
  ),
  A(
    JUDGE,
    'judge|grader|evaluator|rater|annotator|referee|reviewer|critic|examiner|' +
      '评委|裁判|评审员|打分员|评估者|评判者|评分员|评审|' +
      'судья|судьи|судьёй|судьей|оценщик*|эксперт*|рецензент*|экзаменатор*|' +
      'juez|evaluador|evaluadora|calificador|revisor|' +
      'juge|correcteur|correctrice|évaluateur|évaluatrice|examinateur|annotateur|' +
      'richter|gutachter|bewerter|prüfer|schiedsrichter|' +
      '採点者|評価者|審査員|ジャッジ|判定者|' +
      '채점자|평가자|심사위원|심판',
  ),
  A(
    JUDGE_STRONG | JUDGE,
    'reward model|preference model|judge model|llm as a judge|impartial judge|' +
      '奖励模型|偏好模型|' +
      'модель вознаграждения|' +
      'modelo de recompensa|' +
      'modèle de récompense|' +
      'belohnungsmodell|' +
      '報酬モデル|' +
      '보상 모델',
  ),
  A(
    PREFER,
    'better|best|preferred|prefer|preferable|more helpful|more accurate|superior|winner|worse|which one|' +
      'more faithful|more relevant|more useful|higher quality|' +
      'better addresses|' +
      '更好|哪个更|哪一个更|最好|更优|优于|' +
      'лучше|лучший|предпочтительн*|какой из|' +
      'mejor|preferible|' +
      'meilleure|meilleur|préférable|laquelle|' +
      'besser|bessere|beste|vorzuziehen|' +
      '優れ|どちらが|より良|良い方|' +
      '더 나은|나은지|더 좋은|어느 쪽|어느 것',
  ),
  A(PREFER | PAIR, 'どちらが|어느 것이|어느 쪽이'),
  A(
    PAIR,
    'two|both|a or b|a and b|response a|answer a|assistant a|output a|pair|pairwise|first or the second|first or second|' +
      'первый или второй|первая или вторая|la primera o la segunda|el primero o el segundo|la première ou la seconde|' +
      'le premier ou le second|die erste oder die zweite|der erste oder der zweite|1番目と2番目|번째와 두 번째|' +
      '两个|两条|二者|' +
      'два|две|двух|оба|обоих|' +
      '~dos|ambas|ambos|' +
      'deux|' +
      'beiden|zwei|beide|' +
      'どちら|両方|二つ|' +
      '두 개|둘 중|어느 쪽|두 답변|두 응답|두 모델|두 가지',
  ),
  A(
    QUALITY,
    'quality|helpfulness|harmlessness|accuracy|correctness|relevance|coherence|fluency|' +
      'factuality|faithfulness|acceptable|unacceptable|usefulness|clarity|completeness|' +
      '质量|有用性|准确性|正确性|完整性|相关性|流畅|' +
      'качеств*|полезн*|точност*|корректн*|правильн*|' +
      'calidad|precisión|utilidad|exactitud|corrección|claridad|relevancia|' +
      'qualité|pertinence|exactitude|utilité|clarté|' +
      'qualität|korrektheit|nützlichkeit|genauigkeit|relevanz|' +
      '品質|正確さ|有用|正確性|妥当性|関連性|' +
      '품질|정확성|유용|정확도|관련성',
  ),
  A(
    OWN,
    'my essay|my answer|my work|my homework|my writing|my code|my paper|my resume|my story|my poem|my response|' +
      'my solution|my assignment|our essay|my teacher|' +
      '我的作文|我的文章|我的论文|我的回答|我的作业|我写的|' +
      'моё сочинение|мое сочинение|моё эссе|мое эссе|мой ответ|мою работу|моё|мое|' +
      'mi ensayo|mi trabajo|mi tarea|mi redacción|mi respuesta|' +
      'ma dissertation|ma copie|mon devoir|ma rédaction|mon essai|ma réponse|' +
      'meinen aufsatz|mein aufsatz|meine arbeit|meine hausaufgabe|meine antwort|' +
      '私の作文|私のエッセイ|私の回答|私のレポート|' +
      '제 에세이|내 에세이|제 글|내 글|제 답변|제 작문',
  ),
  // ------------------------------------------------------------ instruction generation
  B(
    GEN,
    'generate|create|write|produce|brainstorm|come up with|give me|list out|make|propose|invent|compose|draft|design|' +
      'output|compile|써|' +
      'provide|suggest|devise|craft|build|assemble|crank out|synthesize|synthesise|' +
      '生成|想出|列出|编写|写出|创建|设计|提出|给出|构造|编造|撰写|制作|写|' +
      'придума*|сгенериру*|состав*|созда*|напиш*|генериру*|подготов*|' +
      'genera|genere|crea|~cree|escribe|escriba|propón|proponga|inventa|invente|elabora|elabore|redacta|diseña|' +
      'produce|~dame|' +
      'génère|générez|crée|créez|écris|écrivez|propose|proposez|invente|inventez|rédige|rédigez|trouve|' +
      'trouvez|imagine|imaginez|' +
      'erstelle|erstellen|generiere|generieren|schreibe|schreiben|entwirf|entwerfen|denk dir|überlege dir|' +
      'formuliere|liefere|nenne|' +
      '作成|生成|考えて|作って|書いて|挙げ|提案|作り|出して|' +
      '작성|생성|만들어|제안|고안|제시|뽑아',
  ),
  B(
    TASKS,
    'instructions|tasks|prompts|task instructions|task descriptions|task prompts|user instructions|' +
      '指令|任务|提示词|提示|指示|' +
      'инструкц*|задани*|задач*|промпт*|' +
      'instrucciones|tareas|prompts|indicaciones|consignas|' +
      'consignes|tâches|' +
      'aufgaben|anweisungen|aufgabenstellungen|instruktionen|' +
      'タスク|指示|命令|プロンプト|課題|' +
      '작업|과제|지시문|지시|프롬프트|태스크|명령',
  ),
  B(
    QUESTIONS,
    'questions|queries|requests|examples|samples|user requests|user queries|' +
      'conversation starters|conversations|dialogues|dialogs|user messages|' +
      '提问|请求|' +
      'nutzeranfragen|benutzeranfragen|nutzerfragen|anfragen|' +
      'demandes|requêtes|solicitudes|' +
      '依頼|リクエスト|' +
      '요청|질의|' +
      '问题|题目|样本|' +
      'вопрос*|запрос*|пример*|' +
      'preguntas|consultas|peticiones|ejemplos|' +
      'questions|requêtes|exemples|' +
      'fragen|anfragen|beispiele|' +
      '質問|問題|' +
      '질문|문제|예시',
  ),
  B(
    // "new", "creative", "realistic" alone are not diversity: a to-do app creates "new task cards"
    DIVERSE,
    'diverse|varied|various|different|unique|distinct|novel|heterogeneous|assorted|' +
      '多样|不同|各种|多种|独特|各异|不重复|' +
      'разнообразн*|различн*|разн*|уникальн*|' +
      'diversas|diversos|variadas|variados|diferentes|distintas|distintos|únicas|únicos|' +
      'variées|variés|diverses|~divers|différentes|différents|uniques|' +
      'verschiedene|vielfältige|unterschiedliche|diverse|abwechslungsreiche|einzigartige|' +
      '多様|様々|さまざま|異なる|ユニーク|' +
      '다양한|서로 다른|독특한|여러',
  ),
  B(
    QUANT,
    'ten|twenty|thirty|forty|fifty|hundred|hundreds|dozen|dozens|many|a set of|a list of|a series of|a batch of|' +
      'a bunch of|' +
      '一百|十个|二十|三十|五十|一批|一组|大量|若干|' +
      'сто|десят*|двадцат*|тридцат*|пятьдесят|сотн*|' +
      'cien|veinte|treinta|cincuenta|un conjunto de|una lista de|una serie de|' +
      '~cent|vingt|trente|cinquante|une série de|une liste de|un ensemble de|' +
      'hundert|zwanzig|dreißig|fünfzig',
  ),
  B(
    PURPOSE,
    'model|models|llm|llms|gpt|language model|ai|assistant|chatbot|bot|fine tune|fine tuning|finetune|finetuning|' +
      'training|train|dataset|data set|benchmark|evaluating|instruction tuning|sft|corpus|synthetic|seed|' +
      'training set|support bot|' +
      '模型|大模型|训练|微调|数据集|评测|语言模型|对话模型|助手|机器人|' +
      'модел*|обучени*|обучающ*|дообучени*|датасет*|нейросет*|ии|ассистент*|llm|' +
      'modelo|~ia|asistente|entrenamiento|entrenar|ajuste|ajustar|dataset|evaluar|' +
      'modèle|entraîner|entraînement|affiner|données|évaluer|conversationnel|' +
      'modell|sprachmodell|~ki|assistent|assistenten|trainieren|feintuning|datensatz|trainingsdaten|' +
      'evaluieren|ki assistenten|' +
      'モデル|学習|訓練|チューニング|データセット|チャットボ|アシスタント|' +
      '모델|학습|훈련|파인튜닝|데이터셋|챗봇|어시스턴트|인공지능',
  ),
  B(
    HUMAN,
    'kids|children|child|students|student|classroom|team|employees|interview|quiz|trivia|party|family|club|' +
      'friends|first date|wedding|coworkers|colleagues|meeting|icebreaker|chores|' +
      'to do list|todo list|' +
      '小学|学生|孩子|面试|朋友|家人|同事|搬家|课堂|' +
      'викторин*|дет*|школьник*|студент*|собеседовани*|выходн*|рождения|' +
      'entrevista|boda|alumnos|niños|estudiantes|amigos|fiesta|' +
      'quiz|amis|élèves|enfants|colocataires|entretien|fête|' +
      'vorstellungsgespräch|umzug|kinder|schüler|freunde|klasse|party|' +
      '面接|引っ越し|子供|生徒|友達|' +
      '면접|이사|아이들|학생|친구',
  ),
  // ------------------------------------------------------------ censorship rewrites
  B(
    EDIT,
    'rewrite|rework|rephrase|revise|edit|modify|adjust|sanitize|sanitise|clean up|tone down|soften|reword|' +
      'paraphrase|adapt|change|alter|make|remove|delete|strip|omit|scrub|cut|take out|drop|erase|filter out|avoid|' +
      'redact|polish|fix|water down|version|' +
      '改写|重写|修改|润色|调整|改成|改为|改得|删除|删掉|删去|去掉|去除|移除|避免|规避|过滤|隐去|' +
      'перепиш*|переформулир*|перефразир*|отредактир*|измени*|убери*|удали*|исключи*|смягч*|вычеркн*|' +
      'поправь*|адаптир*|' +
      'reescrib*|reformul*|modific*|edita|edite|adapta|adapte|elimina|elimine|quita|quite|suprime|suprima|' +
      'omite|omita|cambia|cambie|suaviza|ajusta|' +
      'réécri*|modifie|modifiez|adaptez|supprim*|retire|retirez|enlève|enlevez|adoucis|' +
      'überarbeite*|formuliere|formulieren|ändere|ändern|entferne|entfernen|streiche|streichen|~passe|anpassen|' +
      'lösche|löschen|' +
      'umschreiben|umformulieren|schreib|schreibe|' +
      '書き換え|書き直|修正|言い換え|調整|削除|取り除|除い|直して|編集|削って|削る|' +
      '고쳐|다시 작성|다시 써|재작성|수정|바꿔|삭제|빼고|제거|편집|지워|지우|빼 주',
  ),
  B(
    CENSOR,
    'censor|censors|censorship|censored|censoring|harmonize|harmonized|harmonised|content filters|great firewall|' +
      'core socialist values|party line|propaganda|cyberspace administration|' +
      '审查|审核|和谐|网信办|核心价值观|删帖|敏感词|屏蔽|被审查|' +
      'content moderation|moderation|content review|' +
      'цензур*|цензор*|роскомнадзор*|' +
      'censur*|censores|' +
      'censeur*|' +
      'zensur*|zensiert*|zensor*|' +
      '検閲|' +
      '검열',
  ),
  B(
    CENSOR_STRONG | CENSOR,
    'censorship safe|censorship compliant|censorship friendly|censorship proof|' +
      '过审|被和谐|通过审查|审查安全',
  ),
  B(
    SENSITIVE,
    'sensitive|off limits|taboo|forbidden|objectionable|subversive|tiananmen|tibet|xinjiang|falun gong|dalai lama|' +
      'object to|objects to|would object|disapprove|hong kong protests|umbrella movement|' +
      'subversivo|subversiva|subversif|subversive|subversiv|крамол*|問題視|문제 삼|' +
      'critical of|criticism of|criticisms of|criticizing|criticising|' +
      'taiwanese independence|' +
      '敏感|敏感词|' +
      'чувствительн*|запретн*|' +
      'sensible|sensibles|delicado|delicados|delicada|delicadas|délicat|délicate|délicats|délicates|' +
      'sensible|sensibles|' +
      'sensibel|sensible|sensiblen|heikel|heikle|heiklen|brisant|brisante|' +
      'センシティブ|敏感|タブー|' +
      '민감한|민감',
  ),
  B(
    POLITICAL,
    'politically|political|politics|政治|политич*|políticamente|política|político|políticos|politiquement|politique|' +
      'politiques|politisch|politische|politischen|政治的|정치적|정치',
  ),
  B(
    PASS,
    'pass|passes|passing|get past|survive|survives|comply|complies|compliant|conform|conforms|in line with|acceptable|approve|' +
      'aligns|publish|allowed on|avoid triggering|without triggering|not trigger|' +
      'posted|be posted|' +
      'satisfy|appease|' +
      'approved|allowed|permitted|publishable|published|stay up|align|aligned|consistent with|' +
      'without being|not be|won t|wouldn t|escape|evade|bypass|get around|slip past|' +
      '通过|符合|不会被|不被|以免|避免被|满足|经得起|发表|被审查|' +
      'пройти|прош*|соответств*|противореч*|допуст*|' +
      'pase|pasar|cumpla|cumplir|apruebe|aprueben|aprobado|sin ser|publicarse|publicable|aceptable|permitid*|' +
      'autoris*|~passe|passer|échappe|échapper|conforme|respecte|acceptable|publié|publiée|sans être|' +
      'passiert|passieren|besteht|bestehen|durchlassen|durchlässt|auslöst|veröffentlicht|konform|entspricht|erlaubt|' +
      '引っかから|通過|通る|合うよう|準拠|されないよう|許可|' +
      '걸리지|통과|피하|맞게|삭제되지|않도록|않게|허용',
  ),
  B(
    CHINA,
    'china|chinese|prc|mainland|beijing|weibo|wechat|douyin|ccp|cpc|communist party|xi jinping|' +
      '中国|国内|大陆|中共|' +
      'китай*|китае|китая|китаю|китаем|кпк|кнр|пекин*|' +
      'chino|chinos|chinas|pekín|partido comunista|' +
      'chine|chinois|chinoise|chinoises|pékin|parti communiste|continentale|' +
      'chinesisch*|kpch|peking|' +
      '中国|共産党|' +
      '중국|공산당',
  ),
  B(
    AUTHORITY,
    'government|authorities|regulators|regulator|officials|official position|state|party|administration|' +
      '政府|当局|党|' +
      'власт*|правительств*|партии|' +
      'gobierno|autoridades|partido|' +
      'gouvernement|autorités|parti|' +
      'regierung|behörden|partei|' +
      '当局|' +
      '당국',
  ),
  B(
    DATA,
    'instruction data|instruction tuning data|instruction following data|fine tuning data|sft data|' +
      'instruction dataset|preference data|chat data|distillation data|' +
      '指令数据|微调数据|指令微调数据|' +
      'данные для дообучения|' +
      'datos de ajuste fino|datos de instrucciones|' +
      'données d instructions|données de fine tuning|' +
      'instruktionsdaten|feintuning daten|' +
      '学習用データ|指示データ|' +
      '파인튜닝 데이터|지시 데이터',
  ),
  B(IMAGE, 'midjourney|stable diffusion|dall e|text to image|image generation|image prompts|image generator'),
  B(
    TOPIC,
    'essay about|article about|post about|text about|story about|essay on|article on|history of|regarding|concerning|' +
      'sobre la|sobre el|histoire de|historia de|geschichte der|über die|关于|について|대한',
  ),
];

addLexicon(LEXICON, {
  tagNameA: TAGNAME,
  markupA: STRONG | MARKUP,
  verdictA: JUDGE_STRONG,
  rangeA: SCALE,
  numberB: QUANT,
});
