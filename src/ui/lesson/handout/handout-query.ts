/** Which handout the address asks for: `?handout=1` the class's, `?handout=lecturer` with answers. */
export type HandoutVersion = 'student' | 'lecturer';

export function handoutFromQuery(query: string): HandoutVersion | null {
  const value = new URLSearchParams(query).get('handout');
  if (value === null || value === '0' || value === 'false') return null;
  return value === 'lecturer' ? 'lecturer' : 'student';
}

/** The address of a handout version, from the playground or from the other version. */
export const handoutHref = (version: HandoutVersion): string =>
  `?handout=${version === 'lecturer' ? 'lecturer' : '1'}`;
