/** Waits until `url` answers OK (a preview server starting), or throws after `ms`. */
export async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`the preview server did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
