import { parseStep, sortedNumbers, type Operator } from '../../core/tasks/countdown';
import type { ValidProblem } from '../../state/setup-validate';

/**
 * What a node says on the tree (and on an exported slide): one to two short lines, never a cut
 * fragment of the step. Countdown shows the step and the numbers left in full, since the numbers
 * left are the very state the search reasons about; a math step (a paragraph) shows its last
 * equation or its opening words, the full text staying in the hover card and the inspector.
 *
 *   stepLabel('10-8=2 (left: 2 12)')  -> { lines: ['10−8=2', 'left 2 12'], full: '10-8=2 (left: 2 12)' }
 *   problemLabel({ task: 'countdown', problem: { numbers: [11, 1, 8, 10], target: 24 } })
 *                                     -> { lines: ['1 8 10 11 → 24'], full: 'Make 24 from 1 8 10 11' }
 *
 * Pure functions, no DOM: the tree view, the card and the SVG/PNG export share them.
 */
export interface NodeLabel {
  /** The lines to draw, top to bottom (1 or 2, each at most about LABEL_LINE_CHARS characters). */
  readonly lines: readonly string[];
  /** The whole text, for a tooltip, the hover card or an SVG <title>. */
  readonly full: string;
}

/** A summary line longer than this is cut at a word boundary (about 30 characters read at a glance). */
export const LABEL_LINE_CHARS = 30;

/** Typeset operators: a real minus, times and division sign read better than ASCII from afar. */
const OPERATOR_GLYPH: Readonly<Record<Operator, string>> = { '+': '+', '-': '−', '*': '×', '/': '÷' };

/** The label of a step's text (the root's empty text gives no lines: use problemLabel there). */
export function stepLabel(text: string): NodeLabel {
  const full = text.trim();
  if (full === '') return { lines: [], full };
  const step = parseStep(full);
  if (step) {
    const equation = `${step.a}${OPERATOR_GLYPH[step.op]}${step.b}=${step.result}`;
    return { lines: [equation, `left ${step.left.join(' ')}`], full };
  }
  return { lines: [summaryLine(full)], full };
}

/** The root's label: the problem itself (Countdown: the numbers and the target; math: the question's start). */
export function problemLabel(problem: ValidProblem): NodeLabel {
  if (problem.task === 'countdown') {
    const numbers = sortedNumbers(problem.problem.numbers).join(' ');
    return {
      lines: [`${numbers} → ${problem.problem.target}`],
      full: `Make ${problem.problem.target} from ${numbers}`,
    };
  }
  const question = problem.problem.question.trim();
  return { lines: [clipAtWord(question, LABEL_LINE_CHARS)], full: question };
}

/** The root's label from a free title (an imported tree carries a title, not a problem). */
export function titleLabel(title: string): NodeLabel {
  const full = title.trim();
  return { lines: full === '' ? [] : [clipAtWord(full, LABEL_LINE_CHARS)], full };
}

/**
 * An arithmetic equation such as `12 - 5 = 7` or `$3.50 x 4 = $14`: the part of a worked step that
 * carries its result. Operands may hold $, commas and decimals; spaces around the signs are optional.
 */
const EQUATION = /\$?\d[\d,.]*(?:\s*[-+*/×÷x]\s*\$?\d[\d,.]*)+\s*=\s*\$?\d[\d,.]*/g;
/** A final answer, as the math task's verifier reads it (see core/tasks/math.ts). */
const ANSWER = /(?:the answer is|\\boxed\{)\s*\$?(-?\d[\d,.]*)/i;

/** One line that stands for a paragraph: its final answer, else its last equation, else its opening words. */
export function summaryLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const answer = ANSWER.exec(flat);
  if (answer?.[1]) return `answer ${answer[1].replace(/[.,]$/, '')}`;
  const equations = flat.match(EQUATION);
  const last = equations?.[equations.length - 1];
  if (last && last.length <= LABEL_LINE_CHARS) return last.replace(/[.,]$/, '').replace(/\s+/g, ' ');
  return clipAtWord(flat, LABEL_LINE_CHARS);
}

/** `text` cut at the last word boundary within `max` characters, with an ellipsis when cut. */
export function clipAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  // A single long word is cut where it must be rather than leaving one letter.
  const cut = space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,.;:]+$/, '')}…`;
}
