/**
 * Whether a promise has settled once the pending microtasks have run: for gates
 * that must stay closed until a frame, a timer or an event opens them.
 */
export async function settled(p: Promise<void>): Promise<boolean> {
  let done = false
  void p.then(() => (done = true))
  for (let i = 0; i < 10; i++)
    await Promise.resolve()
  return done
}
