/** Fixture: CoT-elicitation harvesting versus students with an occasional "step by step". */
import { makeMany } from '../fixture-kit.js';

export const suspicious = makeMany('op', 5, () => ({
  exchanges: 100,
  extraction: { 'cot-elicitation': 80, 'rubric-grading': 10 },
  extractionExamples: { 'cot-elicitation': ['think step by step and show all reasoning'] },
}));
export const benignLookAlike = makeMany('student', 5, () => ({
  exchanges: 40,
  extraction: { 'cot-elicitation': 2 },
}));
