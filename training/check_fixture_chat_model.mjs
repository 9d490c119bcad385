// Checks the tiny chat fixture model with the installed transformers.js.
//
//   node training/check_fixture_chat_model.mjs      (from anywhere, after make_fixture_chat_model.py)
//
// Loads e2e/fixtures/hub/rlm-playground/tiny-math-chat (local files only) with dtype q8 and fp32 and
//  - checks that tokenizer.apply_chat_template gives exactly the training format (exit 1 if not),
//  - greedily generates a solution for fresh synthetic problems (drawn here, with their own seed) and
//    prints one; counts answers and the format (exit 1 if "The answer is" never appears),
//  - compares P(Yes) (first tokens of "Yes" / "No" at the last position) for correct and wrong steps.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoModelForCausalLM, AutoTokenizer, Tensor, env } from '@huggingface/transformers';

const here = path.dirname(fileURLToPath(import.meta.url));
env.localModelPath = path.resolve(here, '../e2e/fixtures/hub/rlm-playground') + '/';
env.allowLocalModels = true;
env.allowRemoteModels = false;

const MODEL = 'tiny-math-chat';
const N_SOLVE = Number(process.env.N_SOLVE ?? 20);
const N_PAIRS = Number(process.env.N_PAIRS ?? 20);
const MAX_NEW = 200;

const INSTRUCTIONS =
  'Solve the problem step by step. Write each step as a short paragraph and separate steps with a blank line. ' +
  'End with a last paragraph of the form "The answer is N." where N is a number.';
const EVAL_QUESTION = 'Are the steps so far correct? Answer Yes or No.';

// ---- the synthetic problems of make_fixture_chat_model.py (same templates, another random stream)
const NAMES = [
  ['Sara', 'f'],
  ['Tom', 'm'],
  ['Nina', 'f'],
  ['Omar', 'm'],
  ['Lena', 'f'],
  ['Ben', 'm'],
  ['Maya', 'f'],
  ['Leo', 'm'],
  ['Ava', 'f'],
  ['Sam', 'm'],
  ['Iris', 'f'],
  ['Raj', 'm'],
  ['Zoe', 'f'],
  ['Max', 'm'],
  ['Ella', 'f'],
  ['Hugo', 'm'],
  ['Mia', 'f'],
  ['Ivan', 'm'],
  ['Rosa', 'f'],
  ['Eli', 'm'],
  ['Kim', 'f'],
  ['Noah', 'm'],
  ['Lucy', 'f'],
  ['Carlos', 'm'],
  ['Anna', 'f'],
  ['Jack', 'm'],
  ['Priya', 'f'],
  ['Dan', 'm'],
  ['Grace', 'f'],
  ['Theo', 'm'],
];
const OBJECTS = [
  'apples',
  'marbles',
  'stickers',
  'pencils',
  'cookies',
  'books',
  'shells',
  'coins',
  'cards',
  'balloons',
  'stamps',
  'crayons',
  'buttons',
  'flowers',
  'eggs',
  'beads',
  'oranges',
  'candies',
  'rocks',
  'toy cars',
  'lemons',
  'feathers',
  'ribbons',
  'pears',
];
const BOXES = ['boxes', 'bags', 'jars', 'baskets', 'bowls', 'trays'];
const TEMPLATES = {
  add: [
    [
      '{N} has {a} {obj}. {P} buys {b} more. How many {obj} does {p} have now?',
      ['First, {N} has {a} {obj}.', 'Then {p} buys {b} more, so {a} + {b} = {c}.'],
    ],
    [
      '{N} picked {a} {obj} in the morning and {b} {obj} in the afternoon. How many {obj} did {p} pick in all?',
      ['First, {N} picked {a} {obj} in the morning.', 'Then {p} picked {b} more, so {a} + {b} = {c}.'],
    ],
    [
      'There are {a} {obj} in a basket. {N} puts in {b} more. How many {obj} are in the basket now?',
      ['First, the basket has {a} {obj}.', 'Then {N} puts in {b} more, so {a} + {b} = {c}.'],
    ],
  ],
  sub: [
    [
      '{N} has {a} {obj} and gives {b} to {F}. How many {obj} does {p} have left?',
      ['First, {N} has {a} {obj}.', 'Then {p} gives {b} to {F}, so {a} - {b} = {c}.'],
    ],
    [
      '{N} had {a} {obj}. {P} lost {b} of them. How many {obj} does {p} have now?',
      ['First, {N} had {a} {obj}.', 'Then {p} lost {b}, so {a} - {b} = {c}.'],
    ],
  ],
  mul: [
    [
      '{N} has {a} {box} with {b} {obj} in each. How many {obj} does {p} have?',
      ['First, there are {a} {box} with {b} {obj} each.', 'Then {N} has {a} * {b} = {c} {obj}.'],
    ],
    [
      '{N} buys {a} packs of {obj}. Each pack has {b} {obj}. How many {obj} does {p} buy?',
      ['First, {N} buys {a} packs.', 'Then each pack has {b} {obj}, so {a} * {b} = {c}.'],
    ],
  ],
  addsub: [
    [
      '{N} has {a} {obj}. {P} buys {b} more and then gives {d} to {F}. How many {obj} does {p} have now?',
      [
        'First, {N} has {a} {obj}.',
        'Then {p} buys {b} more, so {a} + {b} = {s}.',
        'Next {p} gives {d} to {F}, so {s} - {d} = {c}.',
      ],
    ],
  ],
  muladd: [
    [
      '{N} has {a} {box} with {b} {obj} in each and {d} more {obj} on the table. How many {obj} does {p} have in all?',
      [
        'First, there are {a} {box} with {b} {obj} each, so {a} * {b} = {s}.',
        'Then adding the {d} on the table gives {s} + {d} = {c}.',
      ],
    ],
  ],
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(777);
const randint = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const choice = (xs) => xs[Math.floor(rand() * xs.length)];
const fill = (t, v) => t.replace(/\{(\w+)\}/g, (_, k) => String(v[k]));

function makeProblem() {
  const kind = choice(Object.keys(TEMPLATES));
  const [q, steps] = choice(TEMPLATES[kind]);
  const [name, g] = choice(NAMES);
  let friend;
  do friend = choice(NAMES)[0];
  while (friend === name);
  const v = {
    N: name,
    F: friend,
    P: g === 'f' ? 'She' : 'He',
    p: g === 'f' ? 'she' : 'he',
    obj: choice(OBJECTS),
    box: choice(BOXES),
  };
  if (kind === 'add') (Object.assign(v, { a: randint(2, 40), b: randint(2, 30) }), (v.c = v.a + v.b));
  else if (kind === 'sub') ((v.a = randint(5, 50)), (v.b = randint(1, v.a - 1)), (v.c = v.a - v.b));
  else if (kind === 'mul') ((v.a = randint(2, 9)), (v.b = randint(2, 9)), (v.c = v.a * v.b));
  else if (kind === 'addsub') {
    ((v.a = randint(2, 30)),
      (v.b = randint(2, 20)),
      (v.s = v.a + v.b),
      (v.d = randint(1, v.s - 1)),
      (v.c = v.s - v.d));
  } else
    ((v.a = randint(2, 9)),
      (v.b = randint(2, 9)),
      (v.d = randint(1, 20)),
      (v.s = v.a * v.b),
      (v.c = v.s + v.d));
  return { question: fill(q, v), steps: steps.map((s) => fill(s, v)), answer: v.c };
}

function wrongValue(right) {
  for (;;) {
    const w = right + (rand() < 0.5 ? -1 : 1) * choice([1, 1, 2, 2, 3, 4, 5, 10]);
    if (w >= 0 && w !== right) return w;
  }
}

/** Steps up to an equation step, correct and with that step's result changed (same prefix otherwise). */
function evalPair(pb) {
  const eq = pb.steps.flatMap((s, i) => (s.includes('=') ? [i] : []));
  const e = choice(eq);
  const good = pb.steps.slice(0, e + 1);
  const bad = [...good];
  const m = [...bad[e].matchAll(/= (\d+)/g)].at(-1);
  const w = wrongValue(Number(m[1]));
  bad[e] = bad[e].slice(0, m.index + 2) + w + bad[e].slice(m.index + m[0].length);
  if (e === eq.at(-1) && rand() < 0.3) {
    good.push(`The answer is ${pb.answer}.`);
    bad.push(`The answer is ${w}.`);
  }
  return { good, bad };
}

const solvePrompt = (q) => `${INSTRUCTIONS}\n\nProblem: ${q}`;
const evalPrompt = (q, steps) => `Problem: ${q}\n\nSteps so far:\n${steps.join('\n\n')}\n\n${EVAL_QUESTION}`;

// ---- checks
let failures = 0;
const fail = (msg) => {
  failures += 1;
  console.log(`FAIL ${msg}`);
};
const ok = (msg) => console.log(`ok   ${msg}`);

const tok = await AutoTokenizer.from_pretrained(MODEL);
{
  const pb = makeProblem();
  const user = solvePrompt(pb.question);
  const got = tok.apply_chat_template([{ role: 'user', content: user }], {
    add_generation_prompt: true,
    tokenize: false,
  });
  const want = `<|user|>\n${user}<|end|>\n<|assistant|>\n`;
  if (got !== want) fail(`chat template: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
  else ok('apply_chat_template(add_generation_prompt) gives the training prompt exactly');
  const answer = [...pb.steps, `The answer is ${pb.answer}.`].join('\n\n');
  const conv = tok.apply_chat_template(
    [
      { role: 'user', content: user },
      { role: 'assistant', content: answer },
    ],
    { tokenize: false },
  );
  if (conv !== `${want}${answer}<|end|>\n`) fail(`chat template (conversation): ${JSON.stringify(conv)}`);
  else ok('apply_chat_template(user, assistant) gives the training example exactly');
  const ids = tok.apply_chat_template([{ role: 'user', content: user }], {
    add_generation_prompt: true,
    return_tensor: false,
    return_dict: false,
  });
  const specials = ['<|user|>', '<|end|>', '<|assistant|>'].map((t) =>
    tok.encode(t, { add_special_tokens: false }),
  );
  if (!specials.every((x) => x.length === 1))
    fail(`special tokens do not encode to one id: ${JSON.stringify(specials)}`);
  const nChars = want.length - '<|user|><|end|><|assistant|>'.length;
  if (ids.length !== nChars + 3 || !specials.every(([id]) => ids.includes(id)))
    fail(`chat ids: ${ids.length} tokens`);
  else ok(`chat prompt tokenizes to ${ids.length} ids (one per character, special tokens whole)`);
  if (tok.decode(ids, { skip_special_tokens: true }) !== `\n${user}\n\n`)
    fail('decode with skip_special_tokens');
}

const i64 = (rows) =>
  new Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0].length]);
const YES = tok.encode('Yes', { add_special_tokens: false })[0];
const NO = tok.encode('No', { add_special_tokens: false })[0];
const solveSet = Array.from({ length: N_SOLVE }, makeProblem);
const pairSet = Array.from({ length: N_PAIRS }, () => {
  const pb = makeProblem();
  return { pb, ...evalPair(pb) };
});

async function pYes(model, user) {
  const text = tok.apply_chat_template([{ role: 'user', content: user }], {
    add_generation_prompt: true,
    tokenize: false,
  });
  const ids = tok.encode(text, { add_special_tokens: false });
  const out = await model.forward({
    input_ids: i64([ids]),
    attention_mask: i64([ids.map(() => 1)]),
    position_ids: i64([ids.map((_, i) => i)]),
  });
  const V = out.logits.dims.at(-1);
  const last = out.logits.data.subarray((ids.length - 1) * V, ids.length * V);
  const y = Math.exp(last[YES] - Math.max(last[YES], last[NO]));
  const n = Math.exp(last[NO] - Math.max(last[YES], last[NO]));
  return y / (y + n);
}

let everAnswered = false;
for (const dtype of ['q8', 'fp32']) {
  const model = await AutoModelForCausalLM.from_pretrained(MODEL, { dtype });
  let correct = 0;
  let formatted = 0;
  const t0 = performance.now();
  let nTokens = 0;
  for (let i = 0; i < solveSet.length; i += 1) {
    const pb = solveSet[i];
    const enc = tok.apply_chat_template([{ role: 'user', content: solvePrompt(pb.question) }], {
      add_generation_prompt: true,
      return_dict: true,
    });
    const out = await model.generate({ ...enc, max_new_tokens: MAX_NEW, do_sample: false });
    const newIds = Array.from(out.data.slice(enc.input_ids.dims[1])).map(Number);
    nTokens += newIds.length;
    const text = tok.decode(newIds, { skip_special_tokens: true });
    const m = [...text.matchAll(/The answer is (-?\d+)\./g)].at(-1);
    const paragraphs = text.split('\n\n');
    if (m) everAnswered = true;
    if (m && paragraphs.length >= 2 && /^The answer is -?\d+\.$/.test(paragraphs.at(-1))) formatted += 1;
    if (m && Number(m[1]) === pb.answer) correct += 1;
    if (i === 0) {
      console.log(`     [${dtype}] problem: ${pb.question} (answer ${pb.answer})`);
      console.log(`     [${dtype}] greedy generation:\n${text.replace(/^/gm, '       | ')}`);
    }
  }
  const ms = (performance.now() - t0) / nTokens;
  console.log(
    `     [${dtype}] ${N_SOLVE} fresh problems: answer correct ${correct}/${N_SOLVE}, ` +
      `format (paragraphs + last "The answer is N.") ${formatted}/${N_SOLVE}, ${ms.toFixed(2)} ms/token`,
  );
  let sep = 0;
  let sumGood = 0;
  let sumBad = 0;
  for (const { pb, good, bad } of pairSet) {
    const pg = await pYes(model, evalPrompt(pb.question, good));
    const pw = await pYes(model, evalPrompt(pb.question, bad));
    sumGood += pg;
    sumBad += pw;
    if (pg > pw) sep += 1;
  }
  const ex = pairSet[0];
  console.log(
    `     [${dtype}] self-eval example, last step correct: ${JSON.stringify(ex.good.at(-1))} ` +
      `P(Yes)=${(await pYes(model, evalPrompt(ex.pb.question, ex.good))).toFixed(3)}; wrong: ${JSON.stringify(ex.bad.at(-1))} ` +
      `P(Yes)=${(await pYes(model, evalPrompt(ex.pb.question, ex.bad))).toFixed(3)}`,
  );
  console.log(
    `     [${dtype}] Yes/No: P(Yes) higher for the correct steps on ${sep}/${N_PAIRS} pairs; ` +
      `mean P(Yes) correct ${(sumGood / N_PAIRS).toFixed(3)}, wrong ${(sumBad / N_PAIRS).toFixed(3)}`,
  );
  await model.dispose();
}
if (!everAnswered) fail('the model never wrote "The answer is N."');
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
