/**
 * A promise that resolves in a new task of the event loop, so that messages waiting in the queue
 * (a heartbeat, a cancel) are handled first. A MessageChannel, not setTimeout: nested timeouts
 * are clamped to 4 ms, which a thousand forward passes would feel.
 */
const waiting: (() => void)[] = [];
let channel: MessageChannel | undefined;

export function nextTask(): Promise<void> {
  channel ??= (() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => waiting.shift()?.();
    return c;
  })();
  const port = channel.port2;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
