/**
 * The embedded models' character vocabulary (training/model.py; the shipped tokenizer.json maps
 * the same characters to the same ids, which a test checks). One token per character.
 */
export const SPECIALS = ['<pad>', '<unk>', '<eos>'] as const;
const CHARS = [...'0123456789', ' ', '+', '-', '*', '/', '=', '(', ')', ':', 'l', 'e', 'f', 't', '>', '\n'];
export const VOCAB: readonly string[] = [...SPECIALS, ...CHARS];
export const PAD_ID = 0;
export const UNK_ID = 1;
export const VOCAB_SIZE = VOCAB.length;

const ID = new Map(VOCAB.map((c, i) => [c, i]));

/** Token ids of `text`; characters outside the vocabulary become <unk>. */
export function encodeChars(text: string): number[] {
  return [...text].map((c) => ID.get(c) ?? UNK_ID);
}
