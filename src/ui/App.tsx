/** Placeholder page: the playground UI lands with the next issue; the engine and models are here. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '3rem auto', lineHeight: 1.5 }}>
      <h1>RLM Playground</h1>
      <p>
        A search over reasoning steps (MCTS, beam, best-of-N, a plain chain) on small policy and value models that run
        in the page. The engine and the embedded Countdown models are in place; the interactive tree comes next.
      </p>
    </main>
  );
}
