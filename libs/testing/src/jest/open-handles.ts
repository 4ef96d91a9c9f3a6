// What a run leaves open keeps jest from exiting. The jest configs set forceExit as the last guard,
// so that a leak cannot hang CI; this names the leak, so that it gets fixed.
const STDIO = new Set(['TTYWrap', 'PipeWrap']);

/** Prints the kinds of handle still open at the end of a run, beyond standard input and output. */
export async function reportOpenHandles(run: string): Promise<void> {
  // A handle closed just now (the child process the teardown has awaited) finishes closing in the
  // event loop's close phase, after this turn: count what is still open in the next one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const left = process.getActiveResourcesInfo().filter((kind) => !STDIO.has(kind));
  if (left.length === 0) return;
  const counts = new Map<string, number>();
  for (const kind of left) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const list = [...counts].map(([kind, count]) => `${kind} x${count}`).join(', ');
  console.warn(`${run} left open: ${list}. Jest exits anyway (forceExit); close them in afterAll.`);
}
