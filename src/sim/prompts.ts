/**
 * The procedural prompt generator: templates with slots, perturbations and several languages, so
 * the simulator needs no external data. Benign prompts are mostly unique (many templates, wide
 * slots); campaign prompts are variants of a few templates per campaign, wrapped in extraction
 * phrasing. A corpus (--corpus) can replace part of the procedural text with real prompts.
 */
import { CENSOR_REWRITE, COT, INSTRUCTION_GEN, type Lang, RUBRIC, SYNONYMS, TASK_HEADS } from './lang.js';
import { createRng, type Rng } from './rng.js';

/** One generated request body. */
export interface PromptOut {
  text: string;
  system?: string;
  /** Declared tools as a pre-serialised JSON array. */
  tools?: string;
  /** Typical output length in tokens for this kind of prompt. */
  outTokens: number;
  /** True when the prompt asks the model to reason at length. */
  reasoning: boolean;
}

/** Real prompts from a corpus directory, grouped by kind. */
export interface CorpusRecord {
  text: string;
  kind: string;
  source: string;
  turns?: string[];
  tools?: unknown[];
  template?: string;
  system?: string;
  toolsJson?: string;
}
/** Corpus records by kind. */
export type Corpus = Map<string, CorpusRecord[]>;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)];

/** Template texts split at their `{slot}` markers: even entries literal, odd entries slot names. */
const parsed = new Map<string, string[]>();
const PARSED_CAP = 50_000;

function parts(template: string): string[] {
  let p = parsed.get(template);
  if (p === undefined) {
    p = template.split(/\{(\w+)\}/);
    if (parsed.size < PARSED_CAP) parsed.set(template, p);
  }
  return p;
}

/** Fills `{name}` slots from a table of values or generators (unknown slots stay as written). */
export function fill(
  rng: Rng,
  template: string,
  slots: Record<string, readonly string[] | ((rng: Rng) => string)>,
): string {
  const p = parts(template);
  if (p.length === 1) return template;
  let out = p[0];
  for (let i = 1; i < p.length; i += 2) {
    const slot = slots[p[i]];
    out += slot === undefined ? `{${p[i]}}` : typeof slot === 'function' ? slot(rng) : pick(rng, slot);
    out += p[i + 1];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Slot vocabularies

const TOPICS = [
  'the French Revolution',
  'black holes',
  'photosynthesis',
  'the stock market',
  'climate change',
  'sourdough bread',
  'the Roman Empire',
  'machine learning',
  'jazz history',
  'the immune system',
  'electric cars',
  'meditation',
  'Renaissance art',
  'volcanoes',
  'cryptography',
  'the Silk Road',
  'quantum computing',
  'coral reefs',
  'inflation',
  'the printing press',
  'sleep cycles',
  'plate tectonics',
  'the Cold War',
  'vaccines',
  'solar panels',
  'bees',
  'ancient Egypt',
  'the water cycle',
  'supply chains',
  'minimalism',
  'chess openings',
  'marathon training',
];
const RELATIONS = [
  'mom',
  'dad',
  'sister',
  'brother',
  'best friend',
  'boss',
  'coworker',
  'grandma',
  'partner',
  'neighbor',
  'teacher',
];
const HOBBIES = [
  'gardening',
  'hiking',
  'baking',
  'video games',
  'knitting',
  'photography',
  'cycling',
  'jazz',
  'fishing',
  'painting',
  'yoga',
  'chess',
];
const CITIES = [
  'Lisbon',
  'Kyoto',
  'Chicago',
  'Berlin',
  'Seoul',
  'Mexico City',
  'Prague',
  'Vancouver',
  'Marrakech',
  'Sydney',
  'Istanbul',
  'Oslo',
  'Hanoi',
  'Cape Town',
];
const FOODS = [
  'chicken',
  'tofu',
  'lentils',
  'salmon',
  'chickpeas',
  'mushrooms',
  'eggplant',
  'ground beef',
  'shrimp',
  'spinach',
  'sweet potatoes',
];
const TONES = ['funny', 'heartfelt', 'short', 'formal', 'casual', 'poetic', 'professional'];
const OCCASIONS = ['birthday', 'retirement', 'wedding', 'graduation', 'farewell', 'anniversary', 'new job'];
const PLANGS = ['Python', 'TypeScript', 'Go', 'Rust', 'Java', 'C++', 'JavaScript', 'C#', 'Kotlin', 'SQL'];
const FRAMEWORKS = [
  'React',
  'Django',
  'FastAPI',
  'Spring Boot',
  'Express',
  'Next.js',
  'Flask',
  'Vue',
  'Rails',
  'pandas',
  'PyTorch',
  'Kubernetes',
  'Terraform',
  'Docker',
];
const DEV_TASKS = [
  'paginate a REST API',
  'debounce an input handler',
  'parse a CSV with quoted fields',
  'retry failed HTTP requests with backoff',
  'stream a large file line by line',
  'cache results with an LRU',
  'validate an email address',
  'merge two sorted arrays',
  'handle timezones correctly',
  'write a database migration',
  'mock a network call in tests',
  'upload files to S3',
  'set up CI for a monorepo',
  'profile a slow function',
  'read environment variables safely',
  'rate limit an endpoint',
  'deduplicate records by key',
  'implement a binary search tree',
  'serialize dates to JSON',
  'cancel a running promise',
];
const ERRORS = [
  "TypeError: Cannot read properties of undefined (reading 'map')",
  "KeyError: 'user_id'",
  'NullPointerException',
  "ModuleNotFoundError: No module named '{mod}'",
  'segmentation fault (core dumped)',
  'ECONNREFUSED 127.0.0.1:5432',
  'error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable',
  'IndexError: list index out of range',
  'panic: runtime error: invalid memory address or nil pointer dereference',
  "CORS policy: No 'Access-Control-Allow-Origin' header",
  'ValueError: could not convert string to float',
  'fatal: refusing to merge unrelated histories',
  'OOMKilled',
];
const MODS = ['numpy', 'requests', 'torch', 'yaml', 'dotenv', 'pydantic', 'sklearn', 'boto3'];
const IDENT_A = [
  'load',
  'parse',
  'compute',
  'fetch',
  'build',
  'merge',
  'update',
  'render',
  'handle',
  'normalize',
  'resolve',
  'sync',
];
const IDENT_B = [
  'user',
  'order',
  'config',
  'items',
  'payload',
  'matrix',
  'events',
  'invoice',
  'session',
  'graph',
  'tokens',
  'report',
];
const SUBJECTS = [
  'algebra',
  'calculus',
  'statistics',
  'physics',
  'chemistry',
  'linear algebra',
  'probability',
  'geometry',
  'economics',
  'organic chemistry',
];
const ESSAY_TOPICS = [
  'social media and democracy',
  'the causes of World War I',
  'renewable energy policy',
  "Hamlet's indecision",
  'universal basic income',
  'the ethics of gene editing',
  'urbanization in Asia',
  'the Industrial Revolution',
];
const SKILLS = [
  'multi-step logical reasoning',
  'agentic planning with tools',
  'debugging large codebases',
  'long-horizon project management',
  'mathematical proof writing',
  'refactoring legacy code',
  'web navigation and form filling',
  'data analysis with SQL',
  'competitive programming',
  'writing system designs',
  'API integration',
  'scientific reasoning',
];
const DATA_DOMAINS = [
  'customer support',
  'healthcare FAQs',
  'retail product questions',
  'legal contract clauses',
  'banking chat',
  'travel booking',
  'HR policies',
  'IT helpdesk',
  'insurance claims',
  'e-commerce returns',
];
const SENSITIVE = [
  'a contested historical event',
  'a territorial dispute',
  'criticism of a national leader',
  'a protest movement',
  'press freedom',
  'an ethnic minority policy',
];
const REPOS = [
  'payment service',
  'web scraper',
  'CLI tool',
  'ORM layer',
  'job scheduler',
  'auth middleware',
  'image pipeline',
  'search indexer',
  'websocket gateway',
  'build system',
];
const CONDITIONS = [
  'the input list is empty',
  'two requests arrive concurrently',
  'the config file has a BOM',
  'the timezone is not UTC',
  'a retry happens after timeout',
  'the cache is cold',
  'unicode filenames are used',
  'the page size exceeds 1000',
];
const AGENT_GOALS = [
  'migrate the billing database from MySQL 5.7 to PostgreSQL 16 with zero downtime',
  'audit a cloud account for exposed storage buckets and fix them',
  'find the cheapest flight and hotel combination for a 4-day trip and book it',
  'set up monitoring and alerting for a fleet of 40 servers',
  'reproduce a flaky integration test and make it deterministic',
  'collect competitor pricing from five websites and build a comparison table',
  'triage 200 open GitHub issues and label them by component',
  'upgrade a web app from Python 3.8 to 3.12 and fix all breakages',
  'research and summarize the top ten papers on retrieval-augmented generation',
  'onboard a new employee: create accounts, assign groups, send welcome email',
  'clean a messy sales spreadsheet and produce a quarterly report',
  'port a legacy Perl script to Go with identical behaviour',
];
const PROJECTS = [
  'build and launch a SaaS analytics product',
  'rewrite a monolith into microservices',
  'train and deploy a fraud detection model',
  'organize a 500-person conference',
  'write a 300-page technical book',
  'migrate a company to a new ERP system',
  'build a compiler for a small language',
  'develop a mobile game from prototype to release',
  'set up a home solar installation business',
];
const SCREENS = [
  'a spreadsheet with a sales table and an unsaved-changes dialog',
  'a browser on a login page with username and password fields',
  'a file manager showing a Downloads folder with 40 files',
  'an email client with 12 unread messages',
  'a settings panel of an IDE',
  'a checkout page with a promo code field',
  'a terminal window with a failing build log',
  'a calendar app in week view',
];
const SCREEN_TASKS = [
  'rename all PDFs by date',
  'export the table as CSV',
  'book a meeting for Thursday 3pm',
  'apply the discount code and pay',
  'fix the build and rerun it',
  'archive all newsletters',
];

const num = (lo: number, hi: number) => (rng: Rng) => String(rng.int(lo, hi));
const ident = (rng: Rng) => {
  const b = pick(rng, IDENT_B);
  return `${pick(rng, IDENT_A)}${b[0].toUpperCase()}${b.slice(1)}`;
};

/** A short code snippet in a language-ish style. */
export function codeSnippet(rng: Rng, lang: string): string {
  const f = ident(rng);
  const v = pick(rng, IDENT_B);
  const n = rng.int(2, 50);
  if (lang === 'Python')
    return `def ${f}(${v}):\n    result = []\n    for i in range(len(${v}) - ${n % 3}):\n        if ${v}[i] > ${n}:\n            result.append(${v}[i + 1])\n    return result`;
  if (lang === 'Go')
    return `func ${f}(${v} []int) int {\n\ttotal := 0\n\tfor i := 0; i <= len(${v}); i++ {\n\t\ttotal += ${v}[i] * ${n}\n\t}\n\treturn total\n}`;
  if (lang === 'SQL')
    return `SELECT u.id, COUNT(o.id)\nFROM users u LEFT JOIN orders o ON o.user_id = u.id\nWHERE o.created_at > NOW() - INTERVAL '${n} days'\nGROUP BY u.id\nHAVING COUNT(o.id) > ${n % 7};`;
  if (lang === 'Rust')
    return `fn ${f}(${v}: &mut Vec<i32>) -> i32 {\n    let first = &${v}[0];\n    ${v}.push(${n});\n    *first\n}`;
  return `function ${f}(${v}) {\n  const out = ${v}.items.map((x) => x.value * ${n});\n  return out.filter(Boolean).length;\n}`;
}

// ---------------------------------------------------------------------------------------------
// Benign generators

const CHAT: Record<string, string[]> = {
  en: [
    'Can you help me write a {tone} {occasion} message for my {relation} who loves {hobby}?',
    'What are some good things to do in {city} for {n} days on a budget?',
    'Give me a recipe for dinner using {food} and {food2}, nothing too spicy.',
    'Explain {topic} like I am {n} years old.',
    'I have a job interview tomorrow for a {role} position. What questions should I expect?',
    'Summarize the main arguments for and against {topic2} in a few bullet points.',
    'My {relation} and I keep arguing about chores. How can we split them fairly?',
    'Write a short poem about {hobby} in the style of {poet}.',
    'What is the difference between {topic} and {topic2}?',
    'How do I get better at {hobby}? I practice about {n} hours a week.',
    'Plan a {n}-day workout routine for a beginner with no equipment.',
    'Help me draft an email to my landlord about a broken {appliance}.',
    'Is it worth learning {plang} in {year}?',
    'Tell me {n} fun facts about {topic}.',
    'rewrite this to sound more professional: "hey, cant make it {day}, can we move the meeting"',
    'what should i name my new {pet}? it is {color} and very {trait}',
    'Translate "{phrase}" into {tlang} and explain the grammar.',
    'I feel unmotivated lately. Any practical tips to build a daily routine?',
    'Compare {city} and {city2} as places to live for a young family.',
    'Can you recommend {n} books similar to ones about {topic}?',
  ],
  de: [
    'Kannst du mir eine {tone} Nachricht zum Geburtstag meiner Schwester schreiben?',
    'Was kann man in {city} an {n} Tagen unternehmen?',
    'Erkläre mir {topic} einfach.',
    'Schreib mir ein Rezept mit {food}.',
    'Wie formuliere ich eine Kündigung für mein Fitnessstudio?',
  ],
  fr: [
    'Peux-tu m’écrire un message {tone} pour l’anniversaire de mon frère ?',
    'Que faire à {city} pendant {n} jours ?',
    'Explique-moi {topic} simplement.',
    'Donne-moi une recette avec du {food}.',
    'Comment rédiger une lettre de motivation pour un stage ?',
  ],
  es: [
    '¿Me ayudas a escribir un mensaje {tone} para el cumpleaños de mi madre?',
    '¿Qué hacer en {city} durante {n} días?',
    'Explícame {topic} de forma sencilla.',
    'Dame una receta con {food}.',
    '¿Cómo puedo mejorar mi currículum?',
  ],
  ru: [
    'Помоги написать поздравление с днём рождения для друга.',
    'Что посмотреть в городе {city} за {n} дня?',
    'Объясни простыми словами {topic}.',
    'Дай рецепт ужина из {food}.',
    'Как подготовиться к собеседованию?',
  ],
  zh: [
    '帮我写一段给朋友的生日祝福，要{toneZh}一点。',
    '去{city}玩{n}天有什么推荐的行程？',
    '用简单的话解释一下{topic}。',
    '用{food}做晚饭有什么好菜谱？',
    '怎么提高英语口语？每天有{n}分钟练习时间。',
  ],
  ja: [
    '友達への誕生日メッセージを書いてください。',
    '{city}で{n}日間の観光プランを教えてください。',
    '{topic}について簡単に説明してください。',
    '{food}を使った夕食のレシピを教えて。',
    '転職の面接でよく聞かれる質問は？',
  ],
  ko: [
    '친구 생일 축하 메시지를 써 줘.',
    '{city}에서 {n}일 동안 여행 일정 추천해 줘.',
    '{topic}을 쉽게 설명해 줘.',
    '{food}로 만들 수 있는 저녁 메뉴 알려 줘.',
    '면접에서 자주 나오는 질문이 뭐야?',
  ],
};
const CHAT_SLOTS = {
  tone: TONES,
  occasion: OCCASIONS,
  relation: RELATIONS,
  hobby: HOBBIES,
  city: CITIES,
  city2: CITIES,
  food: FOODS,
  food2: FOODS,
  topic: TOPICS,
  topic2: TOPICS,
  n: num(2, 12),
  role: [
    'data analyst',
    'nurse',
    'product manager',
    'barista',
    'software engineer',
    'accountant',
    'teacher',
    'UX designer',
  ],
  poet: ['Emily Dickinson', 'Shakespeare', 'Basho', 'Pablo Neruda', 'Dr. Seuss'],
  appliance: ['heater', 'dishwasher', 'window', 'fridge', 'washing machine'],
  plang: PLANGS,
  year: ['2026', 'this day and age'],
  day: ['tomorrow', 'friday', 'monday', 'today'],
  pet: ['cat', 'dog', 'hamster', 'parrot', 'turtle'],
  color: ['orange', 'black', 'white', 'grey', 'spotted'],
  trait: ['lazy', 'curious', 'loud', 'shy', 'playful'],
  phrase: [
    'where is the train station',
    'I would like the bill please',
    'nice to meet you',
    'how much does this cost',
  ],
  tlang: ['Spanish', 'Japanese', 'German', 'Italian', 'Korean', 'French'],
  toneZh: ['温馨', '幽默', '正式', '简短'],
};

const FILLERS = ['', '', '', 'hey ', 'hi, ', 'quick question: ', 'pls ', 'ok so ', 'Hello! '];
const TAILS = ['', '', '', ' thanks!', ' thx', '?', ' Thank you in advance.', ' :)', ' Be concise.'];

/** Light human noise: openers, tails, a dropped letter, lower-casing. */
function humanize(rng: Rng, text: string): string {
  let out = pick(rng, FILLERS) + text + pick(rng, TAILS);
  if (rng.chance(0.15)) out = out.toLowerCase();
  if (rng.chance(0.1) && out.length > 12) {
    const i = rng.int(3, out.length - 3);
    out = out.slice(0, i) + out.slice(i + 1);
  }
  return out;
}

/** A casual chat prompt in `lang` (mostly unique). */
export function chatPrompt(rng: Rng, lang: string, corpus?: Corpus): PromptOut {
  const real = lang === 'en' && corpus ? fromCorpus(rng, corpus, ['chat', 'short-query'], 0.5) : undefined;
  if (real) return { text: real.text, outTokens: rng.int(80, 600), reasoning: false };
  const bank = CHAT[lang] ?? CHAT.en;
  return {
    text: humanize(rng, fill(rng, pick(rng, bank), CHAT_SLOTS)),
    outTokens: rng.int(80, 600),
    reasoning: false,
  };
}

const CODING = [
  'Why does this {plang} code throw `{error}`?\n```\n{code}\n```',
  'How do I {task} in {framework}?',
  'Write a {plang} function to {task}.',
  'Can you review this code and suggest improvements?\n```\n{code}\n```',
  'What is the idiomatic way to {task} in {plang}?',
  'I get `{error}` when running my {framework} app after upgrading. Any idea?',
  'Convert this to {plang2}:\n```\n{code}\n```',
  'Explain what this does line by line:\n```\n{code}\n```',
  'Best practices to {task} with {framework} in production?',
  'write unit tests for\n```\n{code}\n```',
];

/** A developer's coding question. */
export function codingPrompt(rng: Rng, corpus?: Corpus): PromptOut {
  const real = corpus ? fromCorpus(rng, corpus, ['coding'], 0.2) : undefined;
  if (real) return { text: real.text, outTokens: rng.int(200, 900), reasoning: rng.chance(0.2) };
  const plang = pick(rng, PLANGS);
  const text = fill(rng, pick(rng, CODING), {
    plang: [plang],
    plang2: PLANGS,
    error: (r) => fill(r, pick(r, ERRORS), { mod: MODS }),
    code: () => codeSnippet(rng, plang),
    task: DEV_TASKS,
    framework: FRAMEWORKS,
  });
  return { text: humanize(rng, text), outTokens: rng.int(200, 1200), reasoning: rng.chance(0.25) };
}

const HOMEWORK: Record<string, string[]> = {
  en: [
    'Solve step by step: {a}x + {b} = {c}',
    'Find the derivative of f(x) = {a}x^{p} - {b}x + {c}, step by step.',
    'A train leaves at {h}:00 going {a} km/h and another leaves {b} minutes later at {c} km/h. When does the second catch up? Show your work step by step.',
    'Can you explain step by step how to solve the integral of {a}x*e^({b}x) dx?',
    'What is the probability of getting at least {k} heads in {n} coin flips? explain step by step',
    'Solve the system: {a}x + {b}y = {c}, {b}x - y = {k}. Please show steps.',
    'My {subject} homework: explain step by step why the answer is {c}/{a}.',
    'Write a {n}00-word essay on {essay}.',
    'Help me understand {subject}: what is a {concept}? give an example step by step',
    'Check my answer: {a} * {b} = {prod}? If wrong, show me step by step.',
    'Find the eigenvalues of [[{a}, {b}], [{k}, {c}]] step by step.',
  ],
  de: [
    'Löse Schritt für Schritt: {a}x + {b} = {c}',
    'Bestimme die Ableitung von f(x) = {a}x^{p} - {b}x, Schritt für Schritt.',
    'Erkläre Schritt für Schritt, wie man {a}x² + {b}x - {c} = 0 löst.',
  ],
  ko: [
    '단계별로 풀어 주세요: {a}x + {b} = {c}',
    'f(x) = {a}x^{p} - {b}x 의 도함수를 단계별로 구해 주세요.',
    '{n}번 동전을 던져 앞면이 {k}번 이상 나올 확률을 단계별로 설명해 주세요.',
  ],
  zh: [
    '请一步一步解：{a}x + {b} = {c}',
    '求 f(x) = {a}x^{p} - {b}x + {c} 的导数，写出步骤。',
    '一步一步解释如何计算 ∫{a}x·e^({b}x) dx。',
  ],
  fr: [
    'Résous étape par étape : {a}x + {b} = {c}',
    'Calcule la dérivée de f(x) = {a}x^{p} - {b}x, étape par étape.',
  ],
  es: [
    'Resuelve paso a paso: {a}x + {b} = {c}',
    'Calcula la derivada de f(x) = {a}x^{p} - {b}x paso a paso.',
  ],
  ja: [
    'ステップごとに解いてください：{a}x + {b} = {c}',
    'f(x) = {a}x^{p} - {b}x の導関数をステップごとに求めてください。',
  ],
  ru: ['Реши по шагам: {a}x + {b} = {c}', 'Найди производную f(x) = {a}x^{p} - {b}x по шагам.'],
};

/** A student's homework prompt: math "step by step", essays, concept questions. */
export function homeworkPrompt(rng: Rng, lang: string, corpus?: Corpus): PromptOut {
  const real = lang === 'en' && corpus ? fromCorpus(rng, corpus, ['math'], 0.4) : undefined;
  if (real)
    return {
      text: humanize(
        rng,
        `${real.text} ${pick(rng, ['Explain step by step.', 'step by step please', 'Show your work.'])}`,
      ),
      outTokens: rng.int(200, 700),
      reasoning: true,
    };
  const a = rng.int(2, 19);
  const b = rng.int(1, 40);
  const text = fill(rng, pick(rng, HOMEWORK[lang] ?? HOMEWORK.en), {
    a: [String(a)],
    b: [String(b)],
    c: num(3, 120),
    k: num(1, 6),
    n: num(3, 12),
    h: num(6, 11),
    p: num(2, 5),
    prod: [String(a * b + (rng.chance(0.5) ? 0 : rng.int(1, 9)))],
    subject: SUBJECTS,
    essay: ESSAY_TOPICS,
    concept: [
      'derivative',
      'p-value',
      'vector space',
      'mole',
      'elasticity',
      'limit',
      'standard deviation',
      'isomer',
    ],
  });
  return { text: humanize(rng, text), outTokens: rng.int(200, 900), reasoning: true };
}

/** One enterprise pipeline's fixed template (a classification/extraction job). */
export interface PipelineTemplate {
  id: number;
  system?: string;
  render(rng: Rng): PromptOut;
}

const PIPELINE_KINDS: ((rng: Rng) => Omit<PipelineTemplate, 'id'>)[] = [
  (r) => {
    const labels = ['billing', 'technical', 'account', 'shipping', 'other'].slice(0, r.int(3, 5));
    return {
      system: 'You are a support ticket classifier.',
      render: (rng) => ({
        text: `Classify the following customer support ticket into one of [${labels.join(', ')}]. Answer with the label only.\n\nTicket: ${ticketText(rng)}`,
        outTokens: rng.int(1, 4),
        reasoning: false,
      }),
    };
  },
  () => ({
    render: (rng) => ({
      text: `Extract the product name, price and currency from this listing as JSON with keys "name","price","currency".\nListing: ${listingText(rng)}`,
      outTokens: rng.int(20, 40),
      reasoning: false,
    }),
  }),
  () => ({
    system: 'Summarize call transcripts for CRM notes.',
    render: (rng) => ({
      text: `Summarize this call in 3 bullet points and list any follow-up actions.\nTranscript:\n${transcriptText(rng)}`,
      outTokens: rng.int(60, 150),
      reasoning: false,
    }),
  }),
  () => ({
    render: (rng) => ({
      text: `Review: "${reviewText(rng)}"\nIs this review positive, negative or neutral? Respond with one word.`,
      outTokens: 1,
      reasoning: false,
    }),
  }),
  () => ({
    render: (rng) => ({
      text: `Translate the following product description into ${pick(rng, ['German', 'French', 'Spanish', 'Japanese'])}. Keep formatting.\n\n${listingText(rng)}`,
      outTokens: rng.int(60, 200),
      reasoning: false,
    }),
  }),
];

function ticketText(rng: Rng): string {
  return fill(
    rng,
    pick(rng, [
      'I was charged {n} times for my {plan} subscription this month, please refund.',
      'The app crashes when I open the {page} page on my {device}.',
      'How do I change the email on my account? I no longer have access to {addr}.',
      'My order #{order} has not arrived after {n} days.',
      'Can I upgrade from {plan} to the annual plan mid-cycle?',
      'Password reset link says expired every time I click it on {device}.',
    ]),
    {
      n: num(2, 14),
      plan: ['Basic', 'Pro', 'Team', 'Premium'],
      page: ['settings', 'checkout', 'profile', 'orders'],
      device: ['iPhone 15', 'Pixel 8', 'Windows laptop', 'iPad', 'Galaxy S24'],
      addr: ['my old work email', 'my university email'],
      order: num(100000, 999999),
    },
  );
}
function listingText(rng: Rng): string {
  return `${pick(rng, ['Ultra', 'Pro', 'Eco', 'Smart', 'Classic'])} ${pick(rng, ['blender', 'backpack', 'desk lamp', 'running shoes', 'headphones', 'kettle'])} ${rng.int(100, 9999)} - now only ${rng.int(9, 499)}.${rng.int(10, 99)} ${pick(rng, ['USD', 'EUR', 'GBP', 'JPY'])}. ${pick(rng, ['Free shipping.', 'Limited stock.', '2-year warranty.', ''])}`;
}
function transcriptText(rng: Rng): string {
  const lines: string[] = [];
  for (let i = 0; i < rng.int(3, 6); i++) lines.push(`${i % 2 ? 'Customer' : 'Agent'}: ${ticketText(rng)}`);
  return lines.join('\n');
}
function reviewText(rng: Rng): string {
  return `${pick(rng, ['Honestly', 'Well', 'So', ''])} the ${pick(rng, ['battery', 'fabric', 'service', 'delivery', 'screen', 'taste'])} was ${pick(rng, ['great', 'awful', 'okay', 'better than expected', 'disappointing', 'fine'])} and I ${pick(rng, ['would', 'would not', 'might'])} buy again. ${rng.int(1, 5)} stars.`;
}

/** A pipeline template: procedural, or one of the corpus's pipeline templates. */
export function pipelineTemplate(rng: Rng, id: number, corpus?: Corpus): PipelineTemplate {
  const records = corpus?.get('pipeline-template');
  if (records && records.length > 0 && rng.chance(0.5)) {
    const names = [...new Set(records.map((r) => r.template ?? ''))].sort();
    const name = pick(rng, names);
    const own = records.filter((r) => r.template === name);
    return { id, render: (r) => ({ text: pick(r, own).text, outTokens: r.int(1, 8), reasoning: false }) };
  }
  return { id, ...pick(rng, PIPELINE_KINDS)(rng) };
}

/** A fixed benchmark: the same items in the same order for every lab that runs it. */
export interface Benchmark {
  name: string;
  items: string[];
  outTokens: number;
}

/** Builds the benchmarks (procedural ones are independent of the world seed, so labs share items). */
export function benchmarks(corpus?: Corpus): Benchmark[] {
  const rng = createRng(0x5eed, 77);
  const mcq: string[] = [];
  for (let i = 0; i < 400; i++) {
    const a = rng.int(2, 99);
    const b = rng.int(2, 99);
    const subject = pick(rng, SUBJECTS);
    mcq.push(
      `The following is a multiple choice question about ${subject}.\n\nQuestion ${i + 1}: ${pick(rng, ['Which statement is correct', 'What is the value', 'Which option best describes the result'])} when ${a} units of ${pick(rng, IDENT_B)} are combined with ${b} units at rate ${rng.int(2, 9)}?\n(A) ${a + b}\n(B) ${a * 2}\n(C) ${a * b}\n(D) ${Math.abs(a - b)}\nAnswer:`,
    );
  }
  const gsm: string[] = [];
  for (let i = 0; i < 300; i++) {
    const n = rng.int(3, 40);
    gsm.push(
      `${pick(rng, ['Maria', 'Tom', 'Aiko', 'Omar', 'Lena'])} buys ${n} ${pick(rng, ['apples', 'notebooks', 'tickets', 'stamps'])} at $${rng.int(2, 15)} each and sells ${Math.floor(n / 2)} of them for $${rng.int(3, 20)} each. How much money does ${pick(rng, ['she', 'he'])} make or lose in total?`,
    );
  }
  const out: Benchmark[] = [
    { name: 'mcq', items: mcq, outTokens: 2 },
    { name: 'gsm', items: gsm, outTokens: 180 },
  ];
  if (corpus) {
    const bySource = new Map<string, string[]>();
    for (const kind of ['reasoning', 'math', 'coding']) {
      for (const r of corpus.get(kind) ?? []) {
        let list = bySource.get(r.source);
        if (!list) {
          list = [];
          bySource.set(r.source, list);
        }
        if (list.length < 2000) list.push(r.text);
      }
    }
    for (const [name, items] of [...bySource].sort((a, b) => a[0].localeCompare(b[0])))
      out.push({ name, items, outTokens: name.includes('humaneval') ? 250 : 150 });
  }
  return out;
}

/** Tool sets agent developers (and some campaigns) declare. */
const TOOLSETS: unknown[][] = [
  [
    fn('get_weather', 'Get the current weather for a city', { city: 'string', unit: 'string' }),
    fn('get_forecast', 'Get a multi-day forecast', { city: 'string', days: 'integer' }),
  ],
  [
    fn('search_web', 'Search the web and return the top results', {
      query: 'string',
      max_results: 'integer',
    }),
    fn('fetch_url', 'Fetch the text content of a URL', { url: 'string' }),
  ],
  [
    fn('run_sql', 'Run a read-only SQL query on the analytics warehouse', { query: 'string' }),
    fn('list_tables', 'List available tables', {}),
    fn('describe_table', 'Describe the columns of a table', { table: 'string' }),
  ],
  [
    fn('create_event', 'Create a calendar event', {
      title: 'string',
      start: 'string',
      end: 'string',
      attendees: 'array',
    }),
    fn('find_free_slots', 'Find free time for attendees', {
      attendees: 'array',
      duration_minutes: 'integer',
    }),
    fn('send_email', 'Send an email', { to: 'string', subject: 'string', body: 'string' }),
  ],
  [
    fn('read_file', 'Read a file from the workspace', { path: 'string' }),
    fn('write_file', 'Write a file in the workspace', { path: 'string', content: 'string' }),
    fn('run_command', 'Run a shell command in the sandbox', { command: 'string', timeout_s: 'integer' }),
    fn('search_code', 'Search the repository for a pattern', { pattern: 'string' }),
  ],
  [
    fn('lookup_order', 'Look up an order by id', { order_id: 'string' }),
    fn('issue_refund', 'Refund an order', { order_id: 'string', amount: 'number', reason: 'string' }),
  ],
  [
    fn('computer', 'Control the desktop: screenshot, click, type, key, scroll', {
      action: 'string',
      x: 'integer',
      y: 'integer',
      text: 'string',
    }),
  ],
];
function fn(name: string, description: string, params: Record<string, string>): unknown {
  const properties: Record<string, unknown> = {};
  for (const [k, t] of Object.entries(params)) properties[k] = { type: t };
  return {
    type: 'function',
    function: {
      name,
      description,
      parameters: { type: 'object', properties, required: Object.keys(params).slice(0, 1) },
    },
  };
}
const TOOLSET_JSON = TOOLSETS.map((t) => JSON.stringify(t));

const AGENT_ASKS = [
  'What is the weather in {city} tomorrow and should I bring an umbrella?',
  'Find the three most recent articles about {topic} and summarize them.',
  'How many orders did we get last week by country? Use the warehouse.',
  'Schedule a 30 minute sync with {name} and {name2} next {day}.',
  'The tests in src/{mod}/ are failing, find out why and fix it.',
  'Customer says order {order} never arrived, check it and refund if needed.',
  'Open the settings and turn on dark mode.',
  'Which tables contain user signups? Then count signups per month in {year}.',
  'Search for {framework} release notes and tell me what changed.',
  'Email {name} the summary of our meeting notes.',
];
const AGENT_FOLLOWUPS = [
  'ok now do the same for {city}',
  'that failed with a timeout, try again',
  'great, can you also add {name}?',
  'use the other tool instead',
  'now write the result to report.md',
  'only include the top 5',
  'why did you call that function?',
  'continue',
];
const NAMES = ['Alice', 'Bob', 'Priya', 'Chen', 'Maria', 'Jonas', 'Yuki', 'Omar', 'Sara'];

/**
 * An agent developer's tool-using request; `turn` > 1 gives a follow-up turn. `genericSystem`
 * selects one of the generic system prompts (an account's choice) instead of the tool set's own.
 */
export function agentPrompt(
  rng: Rng,
  toolset: number,
  turn: number,
  corpus?: Corpus,
  genericSystem?: number,
): PromptOut {
  const slots = {
    city: CITIES,
    topic: TOPICS,
    name: NAMES,
    name2: NAMES,
    day: ['monday', 'tuesday', 'thursday'],
    mod: MODS,
    order: num(10000, 99999),
    year: ['2025', '2026'],
    framework: FRAMEWORKS,
  };
  if (turn === 1 && corpus && rng.chance(0.4)) {
    const real = fromCorpus(rng, corpus, ['tool-use', 'agentic'], 1);
    if (real)
      return {
        text: real.text,
        tools: real.toolsJson ?? TOOLSET_JSON[toolset % TOOLSETS.length],
        system: real.system,
        outTokens: rng.int(30, 200),
        reasoning: false,
      };
  }
  const text =
    turn === 1 ? fill(rng, pick(rng, AGENT_ASKS), slots) : fill(rng, pick(rng, AGENT_FOLLOWUPS), slots);
  return {
    text,
    system:
      genericSystem === undefined
        ? AGENT_SYSTEMS[toolset % AGENT_SYSTEMS.length]
        : GENERIC_SYSTEMS[genericSystem % GENERIC_SYSTEMS.length],
    tools: TOOLSET_JSON[toolset % TOOLSETS.length],
    outTokens: rng.int(30, 300),
    reasoning: rng.chance(0.3),
  };
}

/** Generic system prompts some agent builders use (campaign templates use look-alikes). */
const GENERIC_SYSTEMS = [
  'You are a helpful assistant. Always explain your reasoning in full.',
  'You are an expert software engineer and a meticulous reasoner.',
  'You are a helpful assistant.',
];

const AGENT_SYSTEMS = [
  'You are a weather assistant. Use the tools to answer; never guess.',
  'You are a research assistant. Cite the URLs you fetched.',
  'You are a data analyst with read-only access to the warehouse. Prefer small queries.',
  'You are an executive assistant. Confirm before sending emails.',
  'You are a coding agent working in a sandboxed repository. Run the tests after each change.',
  'You are a customer support agent for an online store. Follow the refund policy.',
  'You operate a computer through the computer tool. Take a screenshot before acting.',
];

const ATTACK_SYSTEMS = [
  ...GENERIC_SYSTEMS,
  'You are a world-class AI agent capable of long-horizon planning and tool use.',
  'You are a senior engineer. Be exhaustive and precise.',
  '你是一个乐于助人的助手。',
];

/** Number of built-in tool sets. */
export const TOOLSET_COUNT = TOOLSETS.length;

const SYNTH = [
  'Generate {n} diverse user questions a customer might ask about {domain}, each with an ideal assistant answer. Output JSON lines with "question" and "answer".',
  'You are creating training data for a {domain} assistant. Write {n} varied instructions with inputs and high-quality outputs. Vary tone and difficulty.',
  'Produce {n} paraphrases of the following {domain} request, covering different phrasings and politeness levels: "{ask}"',
  'Create {n} multi-turn dialogues between a user and a {domain} agent that end with the issue resolved. Use realistic names and details.',
  'List {n} edge-case scenarios for a {domain} chatbot and write the correct response to each.',
];

/** A verified enterprise's synthetic-data request (instruction-generation-like, legitimately). */
export function syntheticDataPrompt(rng: Rng, corpus?: Corpus): PromptOut {
  const seed = corpus ? fromCorpus(rng, corpus, ['instruction-seed'], 0.3) : undefined;
  if (seed)
    return {
      text: `Here is an example task:\n${seed.text}\n\nWrite ${rng.int(5, 25)} new tasks in the same format on different topics.`,
      outTokens: rng.int(800, 2500),
      reasoning: false,
    };
  const text = fill(rng, pick(rng, SYNTH), {
    n: num(5, 50),
    domain: DATA_DOMAINS,
    ask: () => ticketText(rng),
  });
  return { text, outTokens: rng.int(800, 3000), reasoning: false };
}

// ---------------------------------------------------------------------------------------------
// Campaign prompts

/** Capability targets a campaign harvests. */
export type Target = 'agentic' | 'swe' | 'longHorizon' | 'toolUse' | 'computerUse' | 'reasoning' | 'coding';

function targetBody(rng: Rng, target: Target, corpus?: Corpus): string {
  switch (target) {
    case 'agentic': {
      const real = corpus ? fromCorpus(rng, corpus, ['agentic'], 0.4) : undefined;
      return real
        ? real.text
        : pick(rng, AGENT_GOALS) +
            pick(rng, [
              '',
              ` within ${rng.int(2, 48)} hours`,
              ` on a budget of $${rng.int(100, 5000)}`,
              `, with ${rng.int(2, 12)} constraints from the security team`,
            ]);
    }
    case 'swe': {
      const plang = pick(rng, ['Python', 'TypeScript', 'Go', 'Rust']);
      const real = corpus ? fromCorpus(rng, corpus, ['coding'], 0.3) : undefined;
      const code = real ? real.text : codeSnippet(rng, plang);
      return `${pick(rng, REPOS)}: ${fill(rng, pick(rng, ERRORS), { mod: MODS })} when ${pick(rng, CONDITIONS)} (${plang}, v${rng.int(1, 4)}.${rng.int(0, 20)}).\n\`\`\`\n${code}\n\`\`\``;
    }
    case 'longHorizon':
      return (
        pick(rng, PROJECTS) +
        pick(rng, [
          '',
          ` in ${rng.int(3, 18)} months`,
          ` with a team of ${rng.int(2, 30)}`,
          ` for ${pick(rng, CITIES)}`,
        ])
      );
    case 'toolUse':
      return fill(rng, pick(rng, AGENT_ASKS), {
        city: CITIES,
        topic: TOPICS,
        name: NAMES,
        name2: NAMES,
        day: ['monday', 'friday'],
        mod: MODS,
        order: num(10000, 99999),
        year: ['2025', '2026'],
        framework: FRAMEWORKS,
      }).replace(/[?.]$/, '');
    case 'computerUse':
      return `${pick(rng, SCREENS)}; task: ${pick(rng, SCREEN_TASKS)}`;
    case 'reasoning': {
      const real = corpus ? fromCorpus(rng, corpus, ['reasoning', 'math'], 0.5) : undefined;
      if (real) return real.text;
      const a = rng.int(3, 97);
      const b = rng.int(3, 97);
      return pick(rng, [
        `A tank fills at ${a} L/min and drains at ${b % 40} L/min. Starting with ${a * 3} L, how long until it holds ${a * 10} L?`,
        `Five people sit in a row. ${pick(rng, NAMES)} is not at either end, ${pick(rng, NAMES)} sits left of ${pick(rng, NAMES)}. How many arrangements satisfy ${rng.int(2, 4)} such constraints?`,
        `Prove or disprove: for every integer n > ${a % 10}, n^2 + ${b} n is even.`,
        `What is the remainder when ${a}^${b} is divided by ${rng.int(5, 13)}?`,
        `In how many ways can ${(a % 12) + 4} identical balls be put into ${(b % 5) + 2} distinct boxes with none empty?`,
      ]);
    }
    default:
      return (
        pick(rng, DEV_TASKS) +
        pick(rng, ['', ' for a high-throughput service', ' with async I/O', ' without external dependencies'])
      );
  }
}

/** One of a campaign's base templates: a head per language with a target. */
export interface AttackTemplate {
  target: Target;
  heads: Record<string, string>;
  /** Index into the tool sets when the template declares tools. */
  toolset?: number;
  /** System prompt the template is sent with, if any. */
  system?: string;
}

/** Chooses a campaign's few base templates for its targets. */
export function attackTemplates(rng: Rng, targets: Target[], count: number): AttackTemplate[] {
  const out: AttackTemplate[] = [];
  for (let i = 0; i < count; i++) {
    const target = targets[i % targets.length];
    const bank = TASK_HEADS[target];
    const heads: Record<string, string> = {};
    for (const [lang, list] of Object.entries(bank)) heads[lang] = pick(rng, list);
    const toolset =
      target === 'toolUse'
        ? rng.int(0, TOOLSETS.length - 2)
        : target === 'computerUse'
          ? TOOLSETS.length - 1
          : target === 'agentic' && rng.chance(0.5)
            ? 4
            : undefined;
    out.push({ target, heads, toolset, system: rng.chance(0.5) ? pick(rng, ATTACK_SYSTEMS) : undefined });
  }
  return out;
}

/** Per-campaign prompt behaviour: its templates and how it wraps and perturbs them. */
export interface AttackPromptPlan {
  templates: AttackTemplate[];
  /** Language weights of the prompts. */
  languages: [string, number][];
  cot: number;
  rubric: number;
  instructionGen: number;
  censorship: number;
  /** 0..1: how much wording is perturbed (synonyms, reordering, added instructions). */
  paraphrase: number;
  corpus?: Corpus;
}

/** Light paraphrase: synonym swaps, sentence reordering, an extra constraint. */
export function paraphrase(rng: Rng, text: string, strength: number): string {
  let out = text;
  for (const [re, subs] of SYNONYMS) if (rng.chance(strength)) out = out.replace(re, () => pick(rng, subs));
  if (rng.chance(strength * 0.5)) {
    const parts = out.split(/(?<=\.)\s+(?=[A-Z])/);
    if (parts.length > 2) {
      const i = rng.int(1, parts.length - 2);
      [parts[i], parts[i + 1]] = [parts[i + 1], parts[i]];
      out = parts.join(' ');
    }
  }
  if (rng.chance(strength * 0.4))
    out += pick(rng, [
      ' Be precise.',
      ' Use markdown.',
      ' Answer in English.',
      ' Do not omit anything.',
      ' Be exhaustive.',
      '',
    ]);
  return out;
}

/** Wraps a task in one of the English chain-of-thought phrasings (benign users do this too). */
export function cotWrap(rng: Rng, task: string): string {
  return pick(rng, COT.en).replace('{task}', task);
}

/** One campaign prompt: a template variant, its slots filled, wrapped and perturbed. */
export function attackPrompt(rng: Rng, plan: AttackPromptPlan): PromptOut {
  let total = 0;
  for (const entry of plan.languages) total += entry[1];
  let r = rng.next() * total;
  let lang = plan.languages[0][0] as Lang;
  for (const [l, weight] of plan.languages) {
    r -= weight;
    if (r < 0) {
      lang = l as Lang;
      break;
    }
  }
  const roll = rng.next();
  if (roll < plan.instructionGen) {
    const bank = INSTRUCTION_GEN[lang] ?? INSTRUCTION_GEN.en;
    const text = fill(rng, pick(rng, bank), {
      n: [String(pick(rng, [10, 15, 20, 20, 25, 30, 50]))],
      skill: SKILLS,
    });
    return { text: paraphrase(rng, text, plan.paraphrase), outTokens: rng.int(900, 2500), reasoning: false };
  }
  if (roll < plan.instructionGen + plan.censorship) {
    const bank = CENSOR_REWRITE[lang] ?? CENSOR_REWRITE.en;
    return {
      text: fill(rng, pick(rng, bank), { topic: SENSITIVE }),
      outTokens: rng.int(400, 1200),
      reasoning: rng.chance(0.5),
    };
  }
  const template = pick(rng, plan.templates);
  const head = template.heads[lang] ?? template.heads.en;
  let task = fill(rng, head, {
    body: () => targetBody(rng, template.target, plan.corpus),
    k: num(12, 40),
    plang: ['Python', 'TypeScript', 'Go', 'Rust', 'Java'],
  });
  if (lang === 'en') task = paraphrase(rng, task, plan.paraphrase);
  const tools = template.toolset === undefined ? undefined : TOOLSET_JSON[template.toolset];
  const roll2 = rng.next();
  if (roll2 < plan.rubric) {
    const bank = RUBRIC[lang] ?? RUBRIC.en;
    const response = pick(rng, [
      'The answer is 42 because the rate difference accumulates linearly.',
      'First, I would check the logs; then restart the service; finally add a test.',
      codeSnippet(rng, 'Python'),
      'Step 1: plan. Step 2: execute. Step 3: verify. The result is correct.',
    ]);
    return {
      text: fill(rng, pick(rng, bank), { task: [task], response: [response] }),
      outTokens: rng.int(150, 600),
      reasoning: true,
    };
  }
  if (roll2 < plan.rubric + plan.cot) {
    const bank = COT[lang] ?? COT.en;
    let corpusWrapper: string | undefined;
    if (plan.corpus && lang === 'en' && rng.chance(0.3))
      corpusWrapper = fromCorpus(rng, plan.corpus, ['cot-wrapper'], 1)?.text;
    const text = corpusWrapper
      ? `${corpusWrapper}\n\nQ: ${task}\nA: Let's think step by step.`
      : pick(rng, bank).replace('{task}', task);
    return { text, tools, system: template.system, outTokens: rng.int(1200, 4000), reasoning: true };
  }
  return {
    text: task,
    tools,
    system: template.system,
    outTokens: rng.int(600, 2500),
    reasoning: rng.chance(0.6),
  };
}

// ---------------------------------------------------------------------------------------------
// Corpus

/** With probability `p`, a random corpus record of one of `kinds` (undefined otherwise). */
export function fromCorpus(rng: Rng, corpus: Corpus, kinds: string[], p: number): CorpusRecord | undefined {
  if (!rng.chance(p)) return undefined;
  let total = 0;
  for (const k of kinds) total += corpus.get(k)?.length ?? 0;
  if (total === 0) return undefined;
  let i = Math.floor(rng.next() * total);
  for (const k of kinds) {
    const list = corpus.get(k) ?? [];
    if (i < list.length) return list[i];
    i -= list.length;
  }
  return undefined;
}
