/**
 * The presenter view in the address: `presenter=1` opens the page in it, and the address keeps the
 * flag while it is on, so that a reload (or a bookmark made before class) comes back to it.
 */
export const PRESENTER_PARAM = 'presenter';

export function presenterFromQuery(query: string): boolean {
  return new URLSearchParams(query).get(PRESENTER_PARAM) === '1';
}

/** The query with the flag written (on) or removed (off); everything else is kept as it is. */
export function withPresenter(query: string, on: boolean): string {
  const params = new URLSearchParams(query);
  if (on) params.set(PRESENTER_PARAM, '1');
  else params.delete(PRESENTER_PARAM);
  // Keep commas readable in the address bar, as setupToQuery does.
  return params.toString().replace(/%2C/g, ',');
}
