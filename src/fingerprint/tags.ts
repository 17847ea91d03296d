/**
 * Capability and extraction tags of a prompt.
 *
 * Extraction tags mark prompt shapes that harvest a model's behaviour rather than use it:
 * - `cot-elicitation`: asks the model to expose its own reasoning ("let's think step by step",
 *   "put your reasoning in <thinking> tags", "articulate the internal reasoning behind a completed
 *   response", system prompts demanding complete and transparent reasoning).
 * - `rubric-grading`: the model used as a judge or reward model over candidate responses.
 * - `instruction-generation`: asks for many diverse task instructions or prompts (Self-Instruct,
 *   Alpaca), i.e. synthetic training data.
 * - `censorship-rewrite`: rewrite a text so it passes a state censor or drops politically
 *   sensitive content.
 * Each is matched in English, Chinese, Russian, Spanish, French, German, Japanese and Korean, and
 * returns the matched span as evidence.
 *
 * Known benign look-alikes, which must NOT fire (see tags.test.ts): "explain step by step how
 * photosynthesis works" (asks to explain a topic, not to expose the model's reasoning), a quoted
 * mention of a CoT phrase in a question about prompting, "rate this movie on a scale of 1 to 10",
 * "grade my essay", "write instructions for assembling a bookshelf", "give me 10 questions for a
 * job interview", "rewrite this paragraph to be more concise", "what is censorship in China?".
 *
 * Speed: each tag has a cheap prefilter (keywords in all languages); the detailed patterns only
 * run when it matches. All patterns run on the lowercased, NFKC-folded, bounded text.
 */
import type { CapabilityTag, ExtractionMatch, ExtractionTag } from '../core/types.js';
import {
  C_ALOUD,
  C_BEFORE,
  C_LETS,
  C_OWN,
  C_STEP,
  FOREIGN_SHIFT,
  P_CODE,
  P_MATH,
  R_BETTER,
  R_JUDGE,
  R_SCALE,
  T_AGENT,
  T_CENSOR,
  T_CODE,
  T_CODE_NOUN,
  T_CODE_SYNTAX,
  T_COT,
  T_INSTRUCTION,
  T_MATH,
  T_MATH_WEAK,
  T_NUMBER_WORD,
  T_REASONING,
  T_RUBRIC,
  T_TOOL,
  T_TRANSLATION,
  T_WRITING,
  type Triggers,
} from './triggers.js';

/** One detection rule: when `when` matches, the match of `span` is the evidence, unless `unless` matches the text. */
interface Rule {
  span: RegExp;
  /** Another pattern the text must also contain (context), if any. */
  needs?: RegExp;
  /** A benign context that vetoes the rule. */
  unless?: RegExp;
  /** A cheap pattern the text must contain before `span` is tried (speed only). */
  gate?: RegExp;
  /** Trigger flags (triggers.ts) of which one must occur before `span` is tried (speed only). */
  words?: number;
}

/** Languages the extraction rules are written in. */
export type RuleLanguage = 'en' | 'zh' | 'ru' | 'es' | 'fr' | 'de' | 'ja' | 'ko';

/** Every rule language, for text whose language is not known to be covered by fewer. */
export const ALL_RULE_LANGUAGES: RuleLanguage[] = ['en', 'zh', 'ru', 'es', 'fr', 'de', 'ja', 'ko'];

interface ExtractionDetector {
  tag: ExtractionTag;
  /** The trigger-word flag (triggers.ts) without which no rule can match an English prompt. */
  trigger: number;
  /** The same gate as a regex, for prompts the trigger table does not cover. */
  prefilter: RegExp;
  /** Rules by the language of their wording (ISO 639-1). */
  rules: Partial<Record<RuleLanguage, Rule[]>>;
}

const STEP = String.raw`(?:step[\s-]+by[\s-]+step|(?:one\s+)?step[\s-]+at[\s-]+a[\s-]+time)`;
const OWN_REASONING = String.raw`(?:reasoning(?:\s+(?:process|trace|traces|steps|chain))?|thought\s+process|thinking(?:\s+process)?|chain[\s-]of[\s-]thoughts?|train\s+of\s+thought|(?:inner|internal)\s+monologue|rationale)`;
const REASONING_ADJ = String.raw`(?:own|full|complete|entire|detailed|internal|hidden|underlying|raw|private|transparent|step[\s-]by[\s-]step|intermediate|inner|whole|unfiltered|verbatim)`;
const MODEL_OUTPUT =
  /\b(?:responses?|answers?|completions?|outputs?|replies|generations?|assistant|ai|model|chatbot|candidates?|llm)\b|回答|回复|答案|输出|助手|模型|ответ|respuesta|réponse|antwort|応答|出力|アシスタント|답변|응답|출력/;
const OWN_WORK =
  /\b(?:my|our)\s+(?:own\s+)?(?:essay|answer|response|homework|work|code|resume|cv|writing|poem|story|assignment|paper|thesis|solution)s?\b/;

const EXTRACTION: ExtractionDetector[] = [
  {
    tag: 'cot-elicitation',
    trigger: T_COT,
    prefilter:
      /step|think|reason|thought|chain|monologue|rationale|scratch|reflection|<cot|étape|raisonn|schritt|gedank|denkprozess|paso|razona|pensamiento|pensée|шаг|рассужд|мысл|思考|推理|一步|逐步|思维|思路|ステップ|段階|一歩|順を追|考え|推論|단계|차근|생각|추론|사고/,
    rules: {
      en: [
        {
          words: C_STEP,
          span: new RegExp(
            String.raw`\b(?:think(?:ing)?|reason(?:ing)?)\b(?:\s+(?:about\s+)?(?:it|this|that|things|the\s+problem|carefully|through|out\s+loud|aloud|logically|clearly)){0,3}\s+${STEP}`,
          ),
        },
        {
          words: C_STEP,
          span: new RegExp(
            String.raw`\blet'?s\s+(?:think|reason|work|go|take\s+it|break\s+(?:it|this)\s+down|solve\s+(?:it|this))\b[^.?!\n]{0,30}?${STEP}`,
          ),
        },
        {
          words: C_LETS,
          span: /\blet'?s\s+think\s+(?:this\s+|it\s+)?(?:through|carefully|about\s+this\s+carefully)\b/,
        },
        {
          span: /<\s*\/?\s*(?:thinking|think|reasoning|scratchpad|thoughts?|inner_monologue|reflection|cot)\s*>/,
        },
        {
          words: C_OWN,
          span: new RegExp(
            String.raw`\b(?:show|explain|articulate|write(?:\s+(?:out|down))?|reveal|describe|detail|provide|give|include|output|verbali[sz]e|spell\s+out|lay\s+out|walk\s+(?:me|us)\s+through|expose|share|print|document|put|wrap|enclose|present|narrate|externali[sz]e|see|read|(?:respond|reply|answer|start|begin|open)\s+with)(?:s|es|ing)?\s+(?:me\s+|us\s+)?(?:all\s+(?:of\s+)?|each\s+of\s+)?(?:your|its|the\s+model'?s|the\s+assistant'?s)\s+(?:${REASONING_ADJ}\s+(?:and\s+${REASONING_ADJ}\s+)?)*${OWN_REASONING}\b`,
          ),
        },
        {
          words: C_OWN,
          span: new RegExp(
            String.raw`\b(?:show|explain|articulate|write(?:\s+(?:out|down))?|reveal|describe|detail|provide|give|include|output|verbali[sz]e|spell\s+out|lay\s+out|expose|print|document|present|reconstruct|narrate|see|read|(?:respond|reply|answer|start|begin)\s+with)(?:s|es|ing)?\s+(?:me\s+)?(?:the|a|an)\s+(?:${REASONING_ADJ}\s+(?:and\s+${REASONING_ADJ}\s+)?)+${OWN_REASONING}\b`,
          ),
        },
        {
          words: C_OWN,
          span: new RegExp(
            String.raw`\b${OWN_REASONING}\s+(?:that\s+(?:leads?|led)\s+(?:you\s+)?to|behind|underlying|used\s+to\s+(?:produce|reach|arrive\s+at))\s+(?:a|the|this|your|each|every)\s+(?:completed\s+|given\s+|final\s+|previous\s+)?(?:response|answer|output|completion|solution|conclusion)s?\b`,
          ),
        },
        {
          words: C_OWN,
          span: /\b(?:complete|full|fully|transparent|exhaustive|explicit|verbatim|unabridged)\s+(?:and\s+(?:complete|full|transparent|exhaustive|explicit|detailed|verbatim)\s+)?(?:visible\s+)?(?:reasoning|chain[\s-]of[\s-]thought|thought\s+process)\b/,
        },
        {
          words: C_OWN,
          span: /\b(?:use|using|with|via|apply|produce|generate|write|output|provide|include)\s+(?:a\s+|the\s+|your\s+|detailed\s+|explicit\s+)*chain[\s-]of[\s-]thoughts?\b/,
        },
        {
          words: C_STEP,
          span: new RegExp(
            String.raw`\b${STEP}\s+(?:reasoning|thinking|thought\s+process|rationale|chain[\s-]of[\s-]thought)\b`,
          ),
        },
        {
          words: C_BEFORE,
          span: /\b(?:before|prior\s+to)\s+(?:answering|responding|giving\s+(?:your|the|a)\s+(?:final\s+)?answer)\s*,?\s+(?:first\s+)?(?:think|reason|write\s+(?:out|down)|lay\s+out|reflect)\b/,
        },
        { words: C_ALOUD, span: /\b(?:think|reason)\w*\b(?:\s+\S+){0,5}?\s+(?:out\s+loud|aloud)\b/ },
        {
          // a request verb, then within a few words the model's own reasoning ("show all your work and reasoning")
          words: C_OWN | T_COT,
          span: /\b(?:show|write|explain|lay\s+out|give|provide|include|output|reveal|walk\s+(?:me|us)\s+through|detail|need|want|describe|present|share|spell\s+out|document|expose|print|articulate|verbali[sz]e|display|state)\w*\b(?:\s+\S+){0,5}?\s+(?:your|its)\s+(?:\S+\s+){0,2}?(?:reasoning|thought\s+process|thinking|thoughts|chain\s+of\s+(?:thought|reasoning)|train\s+of\s+thought|rationale|(?:inner|internal)\s+monologue|scratch\s*work)\b/,
        },
        {
          words: C_OWN | T_COT,
          span: /\b(?:your|its)\s+(?:full|complete|entire|whole|detailed|internal|hidden|step[\s-]by[\s-]step)\s+(?:chain\s+of\s+(?:thought|reasoning)|thought\s+process|reasoning(?:\s+process)?|train\s+of\s+thought)\b/,
        },
        {
          words: C_OWN | T_COT,
          span: /\b(?:section|block|field|part|paragraph|heading)\s+(?:called|named|titled|labell?ed|headed)\s+["'“‘]?(?:reasoning|thinking|thoughts|thought\s+process|rationale|chain\s+of\s+thought|scratchpad)\b/,
        },
        {
          words: C_STEP,
          span: /\b(?:every|each|all(?:\s+of)?(?:\s+the)?)\s+(?:\w+\s+)?steps?\s+(?:of|in)\s+(?:your|its|the\s+model'?s)\s+(?:thinking|reasoning|thought\s+process|logic|analysis|derivation)\b/,
        },
        {
          words: C_STEP,
          span: new RegExp(
            String.raw`\b(?:(?:work|go)\s+(?:on|through)\s+(?:this|the|each)\s+(?:problem|question|task|puzzle)|take\s+a\s+deep\s+breath\b[^\n]{0,80}?)\s+${STEP}`,
          ),
        },
      ],
      zh: [
        { span: /(?:一步一步|一步步|逐步|分步|循序渐进)(?:地)?(?:进行)?(?:思考|推理|想|推导)/ },
        {
          span: /(?:展示|写出|给出|说明|呈现|输出|列出|提供|解释|暴露|写下)(?:你的|你|出|完整的|详细的|全部的?|内部的?|所有的?|隐藏的?)*(?:推理|思考|思维|思路)(?:过程|链|步骤|轨迹)/,
        },
        { span: /思维链/ },
      ],
      ru: [
        {
          span: /(?:покажи|опиши|изложи|распиши|объясни|напиши|выведи)\S*\s+(?:\S+\s+){0,3}?(?:все\s+)?(?:шаги|ход)\s+(?:решения|рассуждени\S*|мысл\S*)/,
        },
        {
          span: /(?:по\s+шагам|пошагово)[^.\n]{0,60}?рассужд|(?:разбер\S*|реш\S*|рассужда\S*)\s+(?:\S+\s+){0,2}?(?:по\s+шагам|пошагово)/,
        },
        {
          span: /(?:подума(?:й|йте|ем)|дума(?:й|йте|ем)|рассужда(?:й|йте|ем)|порассужда(?:й|йте|ем))\s+(?:\S+\s+)?шаг\s+за\s+шагом/,
        },
        { span: /шаг\s+за\s+шагом\s+(?:подума|рассужда|продума)/ },
        {
          span: /(?:покажи|покажите|опиши|опишите|изложи|изложите|распиши|распишите|напиши|напишите|объясни|объясните|выведи|выведите)\s+(?:мне\s+)?(?:свои|свой|свою|своё|весь|все|полный|полностью|подробно|внутренн\S*)?\s*(?:\S+\s+)?(?:ход\s+(?:своих\s+)?(?:мыслей|рассуждений)|рассуждени[яей]|цепочку\s+рассуждений)/,
        },
        { span: /цепочк[аиуе]\s+(?:рассуждений|мыслей)/ },
      ],
      es: [
        {
          span: /(?:explica|muestra|detalla|escribe|expón|incluye|revela)\S*\s+(?:\S+\s+){0,3}?(?:tu|su|todo\s+tu)\s+(?:\S+\s+)?(?:razonamiento|proceso\s+de\s+(?:pensamiento|razonamiento)|cadena\s+de\s+(?:pensamiento|razonamiento))/,
        },
        {
          span: /(?:muestra|muestre|explica|explique|detalla|detalle)\s+paso\s+a\s+paso\s+(?:cómo|como)\s+(?:llegas|llegaste|obtienes|resuelves|razonas|piensas)/,
        },
        {
          span: /\b(?:piensa|pensemos|piense|piensen|razona|razonemos|razone|razonen)\s+(?:(?:esto|bien|con cuidado|detenidamente|cuidadosamente)\s+)?paso\s+a\s+paso/,
        },
        {
          span: /\b(?:muestra|muestre|explica|explique|escribe|escriba|detalla|detalle|expón|exponga|incluye|incluya|revela|revele)\s+(?:todo\s+)?(?:tu|su)\s+(?:(?:completo|interno|detallado)\s+)?(?:razonamiento|proceso\s+de\s+(?:pensamiento|razonamiento)|cadena\s+de\s+pensamiento)/,
        },
        { span: /cadena\s+de\s+(?:pensamiento|razonamiento)/ },
      ],
      fr: [
        {
          span: /(?:montre|explique|détaille|écris|expose|donne|révèle|décris)\S*\s+(?:\S+\s+){0,4}?(?:ton|votre|de\s+ton|de\s+votre)\s+(?:raisonnement|processus\s+de\s+(?:réflexion|pensée)|cheminement|réflexion)/,
        },
        {
          span: /(?:réfléchis|réfléchissons|réfléchissez|raisonne|raisonnons|raisonnez|pense|pensons|pensez)\s+(?:(?:bien|attentivement|soigneusement)\s+)?étape\s+par\s+étape/,
        },
        {
          span: /(?:montre|montrez|explique|expliquez|détaille|détaillez|écris|écrivez|expose|exposez|donne|donnez|révèle|révélez)(?:-moi|\s+moi)?\s+(?:tout\s+)?(?:ton|votre)\s+(?:raisonnement|processus\s+de\s+(?:réflexion|pensée|raisonnement)|cheminement)/,
        },
        { span: /chaîne\s+de\s+(?:pensée|raisonnement)/ },
      ],
      de: [
        {
          span: /(?:zeig|zeige|erkläre|beschreibe|schreib|schreibe|leg|lege)\S*\s+(?:\S+\s+){0,3}?(?:deine[nrms]?|ihre[nrms]?)\s+(?:\S+\s+)?(?:gedankengang|gedankengänge|denkprozess|überlegungen|argumentation|gedanken)/,
        },
        { span: /\b(?:denk|denke|denkt|denken\s+sie)\s+laut\s+nach\b|\blaut\s+(?:nach)?denken\b/ },
        {
          span: /(?:denk|denke|denkt|denken\s+wir|denken\s+sie|überleg|überlege|überlegen\s+wir|überlegen\s+sie)\s+(?:\S+\s+){0,2}schritt\s+für\s+schritt/,
        },
        {
          span: /(?:lass|lasst)\s+uns\s+(?:\S+\s+){0,2}schritt\s+für\s+schritt\s+(?:nachdenken|überlegen|denken)/,
        },
        {
          span: /(?:zeig|zeige|zeigen\s+sie|erkläre|erklären\s+sie|beschreibe|beschreiben\s+sie|schreib|schreibe|schreiben\s+sie|leg|lege|legen\s+sie)\s+(?:mir\s+|uns\s+)?(?:\S+\s+)?(?:deinen|deine|ihren|ihre|den\s+vollständigen|die\s+vollständige)\s+(?:vollständigen\s+|gesamten\s+|internen\s+|inneren\s+)?(?:gedankengang|gedankengänge|denkprozess|überlegungen|argumentationskette|gedankenkette)/,
        },
        { span: /gedankenkette/ },
      ],
      ja: [
        {
          span: /(?:推論|思考|考え|解法|解き方)(?:の)?(?:過程|プロセス|ステップ|手順|道筋)を[^。\n]{0,8}?(?:示|書|説明|出力|見せ)/,
        },
        {
          span: /(?:考えた|思考の?|推論の?)(?:過程|プロセス|道筋)を(?:すべて|全て|詳しく)?(?:書|示|説明|出力)/,
        },
        {
          span: /(?:ステップバイステップ|段階的|一歩ずつ|順を追って|順序立てて|ステップごと)(?:で|に)?(?:考え|推論|思考)/,
        },
        {
          span: /(?:推論|思考)(?:の)?(?:過程|プロセス|ステップ)を(?:全て|すべて)?(?:示|書|説明|出力|見せ|記述|明らかに)/,
        },
        { span: /思考の連鎖/ },
      ],
      ko: [
        {
          span: /(?:추론|사고|생각|풀이)\s*과정을\s*(?:\S+\s*){0,2}?(?:보여|설명|작성|써|적어|출력|드러내|공개)/,
        },
        { span: /(?:단계별로|단계적으로|차근차근|한\s*단계씩|한\s*걸음씩)\s*(?:생각|추론|사고)/ },
        {
          span: /(?:추론|사고|생각)\s*과정을\s*(?:(?:모두|자세히|상세히|전부)\s*)?(?:보여|설명|작성|써|적어|출력|드러내|공개)/,
        },
        { span: /생각의\s*사슬/ },
      ],
    },
  },
  {
    tag: 'rubric-grading',
    trigger: T_RUBRIC,
    prefilter:
      /judge|grade|grader|rubric|label|annotat|classif|打\d|\d\s*分|质量|rate|rating|score|evaluat|assess|reward|better|helpful|compare|\[\[|评|打分|裁判|оцен|судь|критери|calific|evalú|puntú|juez|rúbrica|évalu|note|barème|grille|juge|bewert|benote|beurteil|richter|審査|採点|評価|ジャッジ|스코어|평가|채점|점수|심사|심판/,
    rules: {
      en: [
        {
          words: R_JUDGE,
          span: /\b(?:impartial|fair|objective|strict|neutral|unbiased)\s+(?:judge|grader|evaluator|rater|referee)\b/,
        },
        {
          words: R_JUDGE,
          span: /\b(?:(?:act|serve|behave|function)\s+as|you\s+are|you're)\s+(?:an?\s+|the\s+)?(?:reward\s+model|preference\s+model|grader|evaluator|rater|judge\s+model)\b/,
        },
        { span: /\[\[(?:a|b|c|tie|rating|score)\]\]/ },
        {
          words: R_SCALE | R_JUDGE,
          span: /\b(?:score|rate|grade|rank|judge)\s+(?:the|this|each|these|both|every)?\s*(?:\w+\s+){0,2}?(?:responses?|answers?|completions?|outputs?|repl(?:y|ies))\b[^.\n]{0,40}?\b(?:from|between|out\s+of|\d+\s*(?:-|to)\s*\d+)/,
          unless: OWN_WORK,
        },
        {
          words: R_JUDGE | R_SCALE,
          span: /\b(?:assign|give|output|provide|predict)\s+(?:(?:the|this|each|every|a)\s+)?(?:\w+\s+){0,2}?(?:a\s+)?(?:reward|score|rating|grade)\s+(?:between|from|of|on)\b/,
          needs: MODEL_OUTPUT,
          unless: OWN_WORK,
        },
        {
          words: R_JUDGE,
          span: /\b(?:label|classify|tag|mark|annotate)\s+(?:the\s+|this\s+|each\s+)?(?:following\s+)?(?:\w+\s+)?(?:repl(?:y|ies)|responses?|answers?|completions?|outputs?|generations?)\s+as\s+(?:good|bad|helpful|unhelpful|acceptable|unacceptable|correct|incorrect|harmful|harmless|safe|unsafe)\b/,
        },
        {
          words: R_BETTER,
          span: /\b(?:which|whichever)\s+(?:of\s+the\s+(?:two|following|above)\s+)?(?:responses?|answers?|completions?|outputs?|assistants?)\s+(?:is|was)\s+(?:better|more\s+helpful|preferred|best|more\s+accurate|higher\s+quality)\b/,
        },
        {
          words: R_BETTER,
          span: /\bwhich\s+(?:(?:one|response|answer|completion|output)\s+)?(?:is|was)\s+(?:better|more\s+helpful|more\s+accurate|preferable|preferred|of\s+higher\s+quality)\b/,
          needs: /\b(?:responses?|answers?|assistants?|outputs?|completions?)\s+(?:a|b|1|2)\b/,
        },
        {
          words: R_BETTER,
          span: /\bcompare\s+(?:the\s+)?(?:two\s+|following\s+)?(?:(?:ai|assistant|model|candidate)\s+)?(?:responses|answers|completions|outputs|response\s+a\s+and\s+response\s+b)\b/,
          needs: MODEL_OUTPUT,
          unless: OWN_WORK,
        },
        {
          words: R_SCALE,
          span: /\b(?:rate|score|grade|evaluate|assess|judge|rank)\b[^.\n]{0,80}?\b(?:on|using|with|from|between|against|according\s+to)\s+(?:a|the|this|these|following|given)?\s*(?:\S+\s+){0,2}?(?:scale|rubric|likert|criteria|grading\s+(?:scheme|guide)|scoring\s+(?:guide|rubric))\b/,
          needs: MODEL_OUTPUT,
          unless: OWN_WORK,
          gate: /scale|rubric|likert|criteria|grading|scoring/,
        },
        {
          words: R_SCALE,
          span: /\b(?:on\s+a\s+scale\s+(?:of|from)|a\s+score\s+(?:of|from|between))\s+\d+\s*(?:to|-|–|and)\s*\d+/,
          needs: MODEL_OUTPUT,
          unless: OWN_WORK,
        },
        {
          words: R_SCALE,
          span: /\brubric\b/,
          needs:
            /\b(?:responses?|completions?|outputs?|assistant|ai|model|chatbot|candidates?|generations?)\b/,
          unless: OWN_WORK,
        },
      ],
      zh: [
        { span: /(?:判断|评估|评价|评判)[^。\n]{0,20}?(?:回答|回复|输出|答案)的?质量/ },
        { span: /(?:公正|客观|公平|中立)的?(?:评委|裁判|评估者|评审|评判者)/ },
        {
          span: /(?:对|给|为)(?:以下|下面|这个|这些|该|两个)?(?:ai|人工智能|模型|助手)?的?(?:回答|回复|答案|输出)(?:进行)?(?:打分|评分|评级|质量评估)/,
        },
        { span: /(?:评分标准|评分细则|打分标准|\d+\s*(?:到|至|-)\s*\d+\s*分)/, needs: MODEL_OUTPUT },
      ],
      ru: [
        {
          span: /(?:оцени|оцените|поставь|поставьте)\s+(?:\S+\s+){0,3}(?:ответ|ответы|ответа|ответов)[^.\n]{0,60}?(?:по\s+шкале|от\s+\d+\s+до\s+\d+|балл)/,
        },
        { span: /(?:беспристрастн\S*|объективн\S*)\s+(?:судь[яиейю]|оценщик\S*|эксперт\S*)/ },
        { span: /критери(?:и|ям|ев)\s+оценк/, needs: MODEL_OUTPUT },
      ],
      es: [
        {
          span: /(?:califica|calífica|califique|evalúa|evalúe|puntúa|puntúe)\s+(?:\S+\s+){0,4}(?:respuestas?|salidas?)[^.\n]{0,60}?(?:escala|del\s+\d+\s+al\s+\d+|rúbrica|puntuación)/,
        },
        { span: /juez\s+(?:imparcial|objetivo|justo|neutral)/ },
        {
          span: /rúbrica/,
          needs: MODEL_OUTPUT,
          unless: /\b(?:mi|mis|nuestro|nuestra)\s+(?:ensayo|trabajo|tarea|redacción)\b/,
        },
      ],
      fr: [
        {
          span: /(?:évalue|évaluez|note|notez|attribue|attribuez)\s+(?:\S+\s+){0,4}(?:réponses?|sorties?)[^.\n]{0,60}?(?:échelle|de\s+\d+\s+à\s+\d+|grille|barème|sur\s+\d+)/,
        },
        { span: /juge\s+(?:impartial|objectif|neutre)/ },
        {
          span: /grille\s+d'évaluation|barème\s+de\s+notation/,
          needs: MODEL_OUTPUT,
          unless: /\b(?:ma|mon|mes)\s+(?:dissertation|copie|devoir|rédaction)\b/,
        },
      ],
      de: [
        {
          span: /(?:bewerte|bewerten\s+sie|benote|benoten\s+sie|beurteile|beurteilen\s+sie)\s+(?:\S+\s+){0,4}\S*?(?:antwort(?:en)?|ausgaben?)[^.\n]{0,60}?(?:skala|von\s+\d+\s+bis\s+\d+|bewertungsraster|punkte)/,
        },
        {
          span: /(?:unparteiische[rn]?|objektive[rn]?|neutrale[rn]?)\s+(?:richter|bewerter|gutachter|schiedsrichter)/,
        },
        {
          span: /bewertungsraster|bewertungskriterien/,
          needs: MODEL_OUTPUT,
          unless: /\b(?:mein|meine|meinen)\s+(?:aufsatz|hausaufgabe|arbeit)\b/,
        },
      ],
      ja: [
        { span: /(?:公平|公正|客観的|中立)な(?:審査員|評価者|ジャッジ|採点者)/ },
        {
          span: /(?:回答|応答|出力)を[^。\n]{0,30}?(?:\d+\s*(?:から|〜|~|-)\s*\d+|採点|スコア(?:付け|化)?|点数)/,
        },
        { span: /(?:評価基準|採点基準)/, needs: MODEL_OUTPUT },
      ],
      ko: [
        { span: /(?:공정한|객관적인|중립적인)\s*(?:심사위원|평가자|심판|채점자)/ },
        { span: /(?:답변|응답|출력)[을를]\s*(?:\S+\s*){0,3}?(?:평가|채점|점수)/ },
        { span: /(?:평가\s*기준|채점\s*기준)/, needs: MODEL_OUTPUT },
      ],
    },
  },
  {
    tag: 'instruction-generation',
    trigger: T_INSTRUCTION,
    prefilter:
      /instruction|task|prompt|dataset|training|指令|任务|提示|问题|评测|数据|инструкц|задани|задач|промпт|instrucci|tarea|tâche|consigne|aufgabe|anweisung|instruktion|タスク|指示|命令|プロンプト|課題|작업|과제|지시|명령|프롬프트|태스크/,
    rules: {
      en: [
        {
          span: /\b(?:come\s+up\s+with|generate|create|write|produce|brainstorm|give\s+me|list|make|propose|invent|compose|draft|design|provide|suggest)\s+(?:me\s+)?(?:an?\s+(?:\w+\s+)?(?:set|list|series|batch|collection|variety)\s+of\s+)?(?:\d+|twenty|ten|fifteen|thirty|forty|fifty|a\s+hundred|hundreds\s+of|several|many|more)\s+(?:(?:new|more|additional|other|fresh)[\s,]+(?:and\s+)?)?(?:(?:diverse|varied|various|unique|distinct|novel|creative|challenging|high[\s-]quality|realistic|different|complex|difficult)[\s,]+(?:and\s+)?){0,3}(?:\w+\s+){0,2}?(?:instructions?|tasks?|prompts?|queries|requests|questions)\b/,
          needs:
            /\b(?:diverse|varied|novel|unique|distinct|gpt|llm|language\s+model|ai\s+model|model|assistant|fine[\s-]?tun\w*|training|dataset|data\s+set|benchmark|chatbot)\b/,
          gate: /\d|twenty|ten|fifteen|thirty|forty|fifty|hundred|several|many|more/,
          unless:
            /\b(?:for\s+(?:my|our)\s+(?:kids|children|students|class|team|employees|interview)|to\s+ask\s+(?:in|during|at)\s+(?:an?\s+)?(?:job\s+)?interview|chores)\b/,
        },
        {
          span: /\b(?:come\s+up\s+with|generate|create|write|produce|brainstorm|propose|invent)\s+(?:a\s+(?:set|list|series|batch)\s+of\s+|more\s+|new\s+)(?:\w+\s+){0,2}?(?:task\s+)?(?:instructions|tasks)\b/,
          needs:
            /\b(?:gpt|llm|language\s+model|ai\s+model|model|assistant|fine[\s-]?tun\w*|training|dataset|diverse|diversity)\b/,
        },
        { span: /\bcome\s+up\s+with\s+a\s+series\s+of\s+tasks\b/ },
        // Self-Instruct's prompt: numbered "Task N:" lines ending with an empty one for the model to fill
        { span: /(?:^|\n)\s*task\s*\d+\s*:\s*$/, needs: /(?:^|\n)\s*task\s*1\s*:\s*\S/ },
        {
          span: /\b(?:generate|create|synthesi[sz]e|produce|build)\s+(?:a\s+)?(?:synthetic\s+)?(?:instruction[\s-](?:tuning|following)\s+(?:data(?:set)?|examples)|(?:fine[\s-]?tuning|training)\s+(?:data(?:set)?|examples|samples|pairs))\b/,
        },
      ],
      zh: [
        {
          span: /(?:生成|想出|列出|编写|写出|创建|设计|提出|给出|构造|编造)\s*(?:\d+|[一二三四五六七八九十百两]+)\s*(?:个|条|道|组)\s*(?:多样(?:化)?的?|不同(?:类型)?的?|各种|多种|新的?|独特的?)\s*(?:任务)?\s*(?:指令|任务|提示词?|问题|指示)/,
        },
        { span: /(?:生成|构造|合成|编写)(?:一批|一组|大量)?(?:指令微调|微调|训练)(?:数据|样本|数据集)/ },
      ],
      ru: [
        {
          span: /(?:придумай|придумайте|сгенерируй|сгенерируйте|составь|составьте|создай|создайте|напиши|напишите)\s+(?:\d+\s+)?(?:разнообразных|различных|разных|новых|уникальных)\s+(?:\S+\s+)?(?:инструкци\S*|задани\S*|задач\S*|промпт\S*)/,
        },
      ],
      es: [
        {
          span: /(?:genera|genere|crea|cree|escribe|escriba|propón|proponga|inventa|invente|elabora|elabore|se\s+te\s+pide\s+que\s+(?:propongas|generes|crees))\s+(?:un\s+conjunto\s+de\s+|una\s+lista\s+de\s+)?(?:\d+\s+)?(?:instrucciones|tareas|prompts|indicaciones|preguntas)\s+(?:de\s+tareas?\s+)?(?:diversas|variadas|diferentes|distintas|nuevas|únicas|diversos|variados|distintos|nuevos|únicos)/,
        },
        {
          span: /(?:\d+)\s+(?:instrucciones|tareas)\s+(?:diversas|variadas)|(?:diversas|variadas)\s+(?:instrucciones|tareas)/,
        },
      ],
      fr: [
        {
          span: /(?:génère|générez|crée|créez|écris|écrivez|propose|proposez|invente|inventez|trouve|trouvez)\s+(?:un\s+ensemble\s+de\s+|une\s+liste\s+de\s+)?(?:\d+\s+)?(?:instructions|tâches|consignes|prompts)\s+(?:de\s+tâches?\s+)?(?:variées|diverses|différentes|nouvelles|uniques)/,
        },
      ],
      de: [
        {
          span: /(?:erstelle|erstellen\s+sie|generiere|generieren\s+sie|schreibe|schreiben\s+sie|überlege\s+dir|denk\s+dir|entwirf|entwerfen\s+sie)\s+(?:\S+\s+){0,2}?(?:\d+\s+)?(?:verschiedene|vielfältige|unterschiedliche|diverse|neue|abwechslungsreiche)\s+(?:\S+\s+)?(?:aufgaben|anweisungen|aufgabenstellungen|prompts|instruktionen)/,
        },
      ],
      ja: [
        {
          span: /(?:\d+|[一二三四五六七八九十]+)\s*(?:個|件|つ)?\s*の?\s*(?:多様な|様々な|さまざまな|異なる|新しい|ユニークな)\s*(?:タスク|指示|命令|プロンプト|課題){1,2}(?:文)?\s*を?\s*(?:生成|作成|考え|作っ|書い|挙げ|提案)/,
        },
      ],
      ko: [
        {
          span: /(?:다양한|서로\s*다른|새로운|독특한)\s*(?:작업|과제|지시|지시문|명령|프롬프트|태스크|질문)\S*\s*\d+\s*(?:개|가지)/,
        },
        {
          span: /\d+\s*(?:개|가지)\s*의?\s*(?:다양한|서로\s*다른|새로운|독특한)\s*(?:작업|과제|지시|지시문|명령|프롬프트|태스크)(?:\s*지시문)?\S*\s*(?:을|를)?\s*(?:생성|작성|만들|제시|고안)/,
        },
      ],
    },
  },
  {
    tag: 'censorship-rewrite',
    trigger: T_CENSOR,
    prefilter:
      /censor|sensitive|socialist|party|ccp|government|china|chinese|regulator|criticism|审查|敏感|审核|过审|和谐|社会主义|价值观|监管|网信|цензур|чувствительн|censura|sensible|censure|zensur|politisch|検閲|敏感|センシティブ|검열|민감/,
    rules: {
      en: [
        {
          span: /\b(?:rewrit(?:e|ing)|re-write|rephras(?:e|ing)|revis(?:e|ing)|edit(?:ing)?|modify(?:ing)?|adjust(?:ing)?|saniti[sz](?:e|ing)|clean\s+up|censor(?:ing)?|soften(?:ing)?|tone\s+down|paraphras(?:e|ing)|reword(?:ing)?|adapt(?:ing)?|mak(?:e|ing))\b[^.\n]{0,120}?\b(?:to\s+(?:comply|be\s+compliant|be\s+consistent|align|conform|be\s+acceptable)\s+with|so\s+(?:that\s+)?it\s+(?:complies|is\s+compliant|conforms|aligns|passes|gets\s+past|survives)|to\s+(?:pass|get\s+past|survive|satisfy)|compliant\s+with|in\s+line\s+with|acceptable\s+to|safe\s+for)\b[^.\n]{0,60}?\b(?:chinese|china|prc|ccp|cpc|communist\s+party|party\s+line|censors?|censorship|core\s+socialist\s+values|propaganda\s+department|cyberspace\s+administration|great\s+firewall|state\s+media\s+guidelines)\b/,
        },
        {
          span: /\b(?:remov(?:e|ing)|strip(?:ping)?|delet(?:e|ing)|avoid(?:ing)?|omit(?:ting)?|scrub(?:bing)?|filter(?:ing)?\s+out|tak(?:e|ing)\s+out|drop(?:ping)?|eras(?:e|ing))\b[^.\n]{0,60}?\b(?:politically\s+sensitive|sensitive\s+political|content\s+critical\s+of\s+the\s+(?:government|party|ccp)|references?\s+to\s+(?:tiananmen|taiwan(?:ese)?\s+independence|tibet|xinjiang|falun\s+gong|xi\s+jinping|june\s+4(?:th)?))\b/,
        },
        { span: /\bcensorship[\s-](?:safe|compliant|friendly|proof)\b/ },
        {
          span: /\b(?:rewrite|re-write|rephrase|revise|edit|adjust|modify|adapt|change|reword|tone\s+down|soften)\b[^.\n]{0,120}?\b(?:so|such)\s+(?:that\s+)?(?:the\s+)?(?:chinese|china's|prc|ccp|cpc|communist\s+party|party|government|state)\s+(?:regulators?|censors?|authorities|officials?)\s+(?:would|will|can|could)?\s*(?:approve|accept|allow|pass|not\s+(?:block|object|censor|delete))/,
        },
        {
          span: /\b(?:tone\s+down|soften|remove|cut|delete|water\s+down|drop)\s+(?:the\s+|any\s+|all\s+)?(?:criticism|critique|criticisms|mentions?|references?)\s+of\s+(?:the\s+)?(?:party|ccp|cpc|chinese\s+government|communist\s+party|xi\s+jinping|government\s+of\s+china)\b/,
        },
        {
          span: /\bso\s+(?:that\s+)?it\s+(?:can|could|will|would)\s+(?:be\s+)?(?:published|posted|approved|allowed|shown)\s+in\s+(?:mainland\s+)?china\b/,
        },
        {
          span: /\b(?:rewrite|re-write|rephrase|revise|edit|adjust|modify|adapt|change|reword|paraphrase)\b[^.\n]{0,120}?\b(?:not\s+(?:be|get)|avoid\s+being|without\s+being|won'?t\s+be|wouldn'?t\s+be)\s+(?:blocked|censored|deleted|flagged|removed|banned|taken\s+down|harmoni[sz]ed)\b[^.\n]{0,60}?\b(?:china|chinese|prc|ccp|censors?|censorship|great\s+firewall|weibo|wechat)\b/,
        },
        {
          span: /\b(?:remove|strip|delete|cut|omit|take\s+out)\s+(?:anything|everything|all|any\s+\w+)\s+(?:that\s+)?(?:the\s+)?(?:ccp|cpc|communist\s+party|chinese\s+government|chinese\s+authorities|prc|party|censors?)\s+(?:would|might|could|may)\s+(?:consider|find|deem|see\s+as|regard\s+as)\s+(?:\w+\s+)?(?:sensitive|objectionable|offensive|problematic|subversive)\b/,
        },
      ],
      zh: [
        {
          span: /(?:改|写|修改|润色)[^。\n]{0,12}?(?:不会被|不被|避免被|以免被|不至于被)(?:审查|屏蔽|和谐|删帖)/,
        },
        {
          span: /(?:去除|删除|去掉|移除|删掉)[^。\n]{0,10}?(?:违反|不符合|触犯|通不过)[^。\n]{0,6}?(?:审查|审核|监管)/,
        },
        {
          span: /(?:删除|删掉|去掉|去除|移除|避免|规避|过滤|屏蔽|隐去)(?:掉)?(?:其中|文中|所有|任何|全部)?的?(?:政治)?敏感(?:内容|信息|词汇?|话题|表述|字眼)/,
        },
        {
          span: /(?:改写|重写|修改|润色|调整|改成|改为)[^。\n]{0,40}?(?:符合|通过|遵守|满足|经得起)[^。\n]{0,20}?(?:审查|审核|社会主义核心价值观|监管要求|国家规定|网信办|政策要求)/,
        },
        { span: /(?:能够|可以|确保|以便)?过审|审查安全/ },
      ],
      ru: [
        {
          span: /(?:перепиш|переформулир|отредактир|измени)\S*[^.\n]{0,120}?(?:пройти|прош[её]л\S*|обойти|проходил\S*)\s+(?:\S+\s+)?цензур/,
        },
        {
          span: /(?:перепиши|перепишите|переформулируй|переформулируйте|отредактируй|отредактируйте|измени|измените)[^.\n]{0,100}?(?:чтобы|так,?\s+чтобы)[^.\n]{0,40}?(?:цензур\S*|роскомнадзор\S*)/,
        },
        {
          span: /(?:удали|удалите|убери|уберите|исключи|исключите)[^.\n]{0,40}?политически\s+(?:чувствительн\S*|острые|опасные)/,
        },
      ],
      es: [
        {
          span: /(?:reescribe|reescriba|reformula|reformule|modifica|modifique|edita|edite|adapta|adapte)[^.\n]{0,100}?(?:para\s+que|de\s+modo\s+que|de\s+forma\s+que)\s+no\s+(?:sea|lo|la|le)\s*(?:censurad[oa]|bloquead[oa]|eliminad[oa]|borrad[oa])/,
        },
        {
          span: /(?:reescribe|reescriba|reformula|reformule|modifica|modifique|edita|edite|adapta|adapte)[^.\n]{0,100}?(?:para\s+que|de\s+modo\s+que|de\s+forma\s+que)[^.\n]{0,40}?(?:pase|cumpla|supere|se\s+ajuste)[^.\n]{0,40}?(?:censura|censores|gobierno\s+chino|valores\s+socialistas)/,
        },
        {
          span: /(?:elimina|elimine|quita|quite|suprime|suprima|omite|omita)[^.\n]{0,40}?(?:políticamente\s+sensibles?|sensibles?\s+políticamente)/,
        },
      ],
      fr: [
        {
          span: /(?:réécris|réécrivez|reformule|reformulez|modifie|modifiez|adapte|adaptez)[^.\n]{0,100}?(?:pour\s+qu|afin\s+qu|de\s+sorte\s+qu|pour)[^.\n]{0,40}?(?:passe|respecte|conforme|satisfasse)[^.\n]{0,40}?(?:censure|censeurs|gouvernement\s+chinois|valeurs\s+socialistes)/,
        },
        {
          span: /(?:supprime|supprimez|retire|retirez|enlève|enlevez|évite|évitez)[^.\n]{0,40}?(?:politiquement\s+sensibles?|sensibles?\s+politiquement)/,
        },
      ],
      de: [
        {
          span: /(?:schreibe|schreiben\s+sie|formuliere|formulieren\s+sie|überarbeite|überarbeiten\s+sie|ändere|ändern\s+sie)[^.\n]{0,100}?(?:so\s+um|um|so,?\s+dass|damit)[^.\n]{0,40}?(?:zensur|zensoren|chinesischen\s+regierung|sozialistischen\s+grundwerte)/,
        },
        {
          span: /(?:entferne|entfernen\s+sie|streiche|streichen\s+sie|vermeide|vermeiden\s+sie)[^.\n]{0,40}?politisch\s+(?:sensible|heikle|brisante)/,
        },
      ],
      ja: [
        { span: /検閲(?:を|に)?(?:通過|通る|通す|パス|対応|引っかから)/ },
        { span: /(?:政治的に)?(?:敏感|センシティブ)な(?:内容|話題|表現|部分)を(?:削除|除去|取り除|避け|省)/ },
      ],
      ko: [
        {
          span: /검열을?\s*(?:통과|피하|우회)[^.\n]{0,40}?(?:다시\s*써|재작성|수정|고쳐)|(?:다시\s*써|재작성|수정|고쳐)[^.\n]{0,60}?검열을?\s*(?:통과|피)/,
        },
        { span: /정치적으로\s*민감한\s*(?:내용|주제|표현)[을를]?\s*(?:삭제|제거|빼|피)/ },
      ],
    },
  },
];

const QUOTES = '"\'“”‘’«»「」『』`';
const QUOTE_REACH = 80;

function isWordCharAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]);
}

/** True when the match sits inside quotes on its line: a mention of the phrase, not a use of it. */
function isQuotedMention(text: string, start: number, end: number): boolean {
  let opened = false;
  for (let i = start - 1; i >= 0 && i >= start - QUOTE_REACH; i--) {
    const ch = text[i];
    if (ch === '\n') break;
    if (QUOTES.includes(ch) && !isWordCharAt(text, i - 1)) {
      opened = true;
      break;
    }
  }
  if (!opened) return false;
  for (let i = end; i < text.length && i < end + QUOTE_REACH; i++) {
    const ch = text[i];
    if (ch === '\n') return false;
    if (QUOTES.includes(ch) && !isWordCharAt(text, i + 1)) return true;
  }
  return false;
}

const MAX_SPAN = 160;

/**
 * Extraction tags of a lowercased, normalised text, each with the span that matched (first rule
 * per tag). `words` are the trigger-word flags of the text, or null to gate with the regex
 * prefilters instead (text the trigger table does not cover).
 */
export function extractionTags(
  text: string,
  words: number | null = null,
  languages: RuleLanguage[] = ALL_RULE_LANGUAGES,
): ExtractionMatch[] {
  const out: ExtractionMatch[] = [];
  for (const detector of EXTRACTION) {
    if (
      words === null
        ? !detector.prefilter.test(text)
        : (words & (detector.trigger | (detector.trigger << FOREIGN_SHIFT))) === 0
    )
      continue;
    const match = firstMatch(text, detector, languages, words);
    if (match !== null) out.push({ tag: detector.tag, span: match });
  }
  return out;
}

function firstMatch(
  text: string,
  detector: ExtractionDetector,
  languages: RuleLanguage[],
  words: number | null,
): string | null {
  for (const language of languages) {
    for (const rule of detector.rules[language] ?? []) {
      if (words !== null && rule.words !== undefined && (words & rule.words) === 0) continue;
      if (rule.gate !== undefined && !rule.gate.test(text)) continue;
      const match = rule.span.exec(text);
      if (match === null) continue;
      if (rule.needs && !rule.needs.test(text)) continue;
      if (rule.unless?.test(text)) continue;
      if (isQuotedMention(text, match.index, match.index + match[0].length)) continue;
      return match[0].trim().slice(0, MAX_SPAN);
    }
  }
  return null;
}

/** What the capability rules read besides the text. */
export interface CapabilityContext {
  tools: number;
  turns: number;
  chars: number;
  codeBlocks: number;
  /** The prompt elicits chain-of-thought (implies reasoning). */
  cot: boolean;
  /** Numbers masked in the prompt. */
  numbers: number;
  /** Trigger flags of the text (triggers.ts), or null to run every pattern. */
  triggers: Triggers | null;
}

/** Code constructs at the start of a line (cheap: anchored at line starts). */
const CODE_LINE =
  /(?:^|\n)\s*(?:def\s+\w+\s*\(|class\s+\w+[\s:({]|function\s+\w*\s*\(|import\s+[\w{*]|from\s+[\w.]+\s+import\s|#include\s*<|public\s+(?:static\s+)?(?:void|class|int|string)\b|(?:const|let|var)\s+\w+\s*=|fn\s+\w+\s*\(|select\s+[\w*,\s]+\s+from\s+\w|<\/?(?:div|html|script|body|span)\b)|console\.log|system\.out/;
/** Braces, arrows and statement ends anywhere (only tried when `{`, `;` or `>` occur). */
const CODE_PUNCT = /=>|\w+\s*\([^()\n]*\)\s*\{|;\s*\n\s*\w/;
const CODE_WORDS =
  /\b(?:python|javascript|typescript|java|c\+\+|c#|golang|rust|kotlin|swift|php|ruby|scala|haskell|sql|html|css|bash|shell\s+script|powershell|regex|regular\s+expression|compiler?|debug(?:ging)?|stack\s*trace|segfault|exception|traceback|refactor|unit\s+tests?|git|docker|kubernetes|react|node\.?js|django|flask|api\s+endpoint|algorithm|leetcode|source\s+code|syntax\s+error|runtime\s+error|null\s+pointer|recursion|data\s+structure)\b|代码|编程|程序|函数|код|программ|código|programa|programme|programmier|コード|プログラム|関数|코드|프로그램|함수/;
const CODE_TASK =
  /\b(?:write|fix|debug|implement|refactor|optimi[sz]e|review|explain|convert|translate|complete)\b[^.\n]{0,40}\b(?:code|function|script|program|query|class|method|snippet|module|endpoint)\b/;
const MATH_WORDS =
  /\b(?:solve|calculate|compute|simplify|integral|integrate|derivative|differentiate|equation|inequality|probability|theorem|prove|factori[sz]e|sum\s+of|product\s+of|percent(?:age)?|average|how\s+many|how\s+much|ratio|fraction|algebra|geometry|triangle|polynomial|matrix|matrices|logarithm|square\s+root|remainder|divisible|prime\s+numbers?|arithmetic|expected\s+value|variance)\b|计算|方程|多少|概率|сколько|вычисл|уравнени|cuántos|cuántas|calcula|ecuación|combien|calcule|équation|wie\s+viele|berechne|gleichung|計算|方程式|いくつ|何個|계산|방정식|몇\s*개/;
const MATH_WEAK =
  /\b(?:how\s+(?:long|old|far|fast|tall|often|much|many)|in\s+total|total|altogether|remaining|left\s+over|each|per|twice|half|times\s+as|dozen|cost|price|discount|profit|percent|faster|older|younger)\b/;
const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|half|twice|double|triple|dozen|quarter|third)\b/;
const MATH_SYMBOLS =
  /\\(?:frac|sum|int|sqrt|cdot|times|le|ge)\b|\$[^$\n]{1,80}\$|\d\s*[+*/^=×÷]\s*\d|[∑∫√π≤≥≠]/;
const TOOL_WORDS =
  /\b(?:function\s+call(?:ing)?|tool\s+calls?|call\s+the\s+(?:\w+\s+)?(?:function|tool|api)|available\s+(?:tools|functions)|use\s+the\s+(?:\w+\s+)?tool|tool_choice|"parameters"\s*:|json\s+schema)\b/;
const AGENT_WORDS =
  /\b(?:observation|action\s+input)\s*:|<tool_result>|<observation>|\btool\s+(?:result|output|response)s?\b|\bfunction\s+(?:result|output)\b|\benvironment\s+(?:observation|feedback|state)\b|\byou\s+are\s+an?\s+(?:autonomous\s+)?(?:ai\s+)?agent\b|\baccessibility\s+tree\b|\bcurrent\s+(?:web\s*)?page\b|\bnext\s+action\b|\bterminal\s+output\b/;
const REASONING_WORDS =
  /\b(?:logic(?:al)?|puzzle|riddle|deduce|deduction|infer|inference|which\s+of\s+the\s+following|true\s+or\s+false|syllogism|paradox|premises?|conclusion\s+follows|valid\s+argument|step\s+by\s+step|explain\s+why|brain\s*teaser)\b|options:\s*\n?\s*\(a\)|推理|逻辑|рассужд|логик|razonamiento|lógica|raisonnement|logique|logik|schlussfolger|論理|推論|논리|추론/;
const WRITING_WORDS =
  /\b(?:write|compose|draft|rewrite|edit|proofread|polish)\b[^.\n]{0,40}\b(?:story|poem|essay|email|e-mail|letter|blog|article|speech|song|lyrics|post|cover\s+letter|paragraph|tweet|slogan|headline|novel|chapter|script|haiku|limerick|review)\b|写一(?:篇|首|封)|напиши\s+(?:рассказ|стих|эссе|письмо|статью)|escribe\s+(?:un|una)\s+(?:historia|poema|ensayo|carta|artículo)|écris\s+(?:un|une)\s+(?:histoire|poème|essai|lettre|article)|schreibe?\s+(?:eine?n?)\s+(?:geschichte|gedicht|aufsatz|brief|artikel)/;
const TRANSLATION_WORDS =
  /\btranslat(?:e|ion|ing)\b|\bhow\s+(?:do\s+(?:you|i)|to|would\s+you)\s+say\b|\bin\s+(?:english|spanish|french|german|chinese|japanese|korean|russian|italian|portuguese|arabic|hindi)\s*[?.]?$|翻译|翻訳|번역|перевед|перевод|traduc|übersetz/;
const KNOWLEDGE_START =
  /^(?:who|what|when|where|which|whom|whose|why|how|is|are|was|were|did|does|do|name|list|define|tell\s+me\s+about)\b|^(?:什么|谁|哪|为什么|как|что|кто|где|когда|qué|quién|dónde|cuándo|qui|que|quand|où|wer|was|wann|wo|誰|何|どこ|いつ|누구|무엇|어디|언제)/;

/** Capability tags of a normalised prompt; 'chat' when nothing more specific applies. */
export function capabilityTags(text: string, ctx: CapabilityContext): CapabilityTag[] {
  const tags: CapabilityTag[] = [];
  const all = ctx.triggers === null;
  const words = ctx.triggers?.words ?? 0;
  const punct = ctx.triggers?.punct ?? 0;
  const may = (flag: number) => all || (words & flag) !== 0;
  const coding =
    ctx.codeBlocks > 0 ||
    (all ? CODE_WORDS.test(text) : (words & T_CODE) !== 0) ||
    ((all || (words & T_CODE_SYNTAX) !== 0) && CODE_LINE.test(text)) ||
    ((all || (punct & P_CODE) !== 0) && CODE_PUNCT.test(text)) ||
    (may(T_CODE_NOUN) && CODE_TASK.test(text));
  if (coding) tags.push('coding');
  const numberWords = all ? NUMBER_WORDS.test(text) : (words & T_NUMBER_WORD) !== 0;
  const numeric = ctx.numbers > 0 || numberWords || (all && /[一二三四五六七八九十]/.test(text));
  const math =
    ((all || (punct & P_MATH) !== 0) && MATH_SYMBOLS.test(text)) ||
    (numeric && (all ? MATH_WORDS.test(text) : (words & T_MATH) !== 0)) ||
    ((ctx.numbers >= 2 || (ctx.numbers >= 1 && numberWords)) &&
      (all ? MATH_WEAK.test(text) : (words & T_MATH_WEAK) !== 0));
  if (!coding && math) tags.push('math');
  const toolUse = ctx.tools > 0 || (may(T_TOOL) && TOOL_WORDS.test(text));
  if (toolUse) tags.push('tool-use');
  if ((may(T_AGENT) && AGENT_WORDS.test(text)) || (toolUse && ctx.turns >= 3)) tags.push('agentic');
  if (ctx.turns >= 8 || ctx.chars >= 16_000 || (ctx.turns >= 4 && ctx.chars >= 4_000))
    tags.push('long-horizon');
  if (ctx.cot || (may(T_REASONING) && REASONING_WORDS.test(text))) tags.push('reasoning');
  if (may(T_WRITING) && WRITING_WORDS.test(text)) tags.push('writing');
  if (may(T_TRANSLATION) && TRANSLATION_WORDS.test(text)) tags.push('translation');
  if (tags.length === 0 && text.length <= 200 && KNOWLEDGE_START.test(text)) tags.push('knowledge');
  if (tags.length === 0) tags.push('chat');
  return tags;
}
