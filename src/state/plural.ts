/**
 * A count with its noun, singular or plural as the count needs: "1 child", "3 children". Teaching
 * text is read aloud in class; "1 visit(s)" is not how anyone speaks.
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
