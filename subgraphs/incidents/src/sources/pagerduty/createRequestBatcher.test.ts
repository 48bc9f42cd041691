import { createBatchGate } from '../../../test/createBatchGate';
import { createRequestBatcher, type BatchWindow } from './createRequestBatcher';

/** A window the test closes by hand, to see exactly which keys went into which batch. */
function manualWindow() {
  const sends: (() => void)[] = [];
  const window: BatchWindow = { open: (send) => void sends.push(send) };
  return { window, close: () => sends.splice(0).forEach((send) => send()), opened: () => sends.length };
}

function setup(window: BatchWindow) {
  const batches: string[][] = [];
  const load = createRequestBatcher<string, string>(
    async (keys) => {
      batches.push([...keys]);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    },
    { window, keyOf: (k) => k, name: 'test.batcher' },
  );
  return { load, batches };
}

describe('createRequestBatcher', () => {
  it('sends every key asked while the window is open as one batch, answering each caller', async () => {
    const manual = manualWindow();
    const { load, batches } = setup(manual.window);
    const first = load('a');
    // A second "request" a few turns of the event loop later still joins the open batch.
    await new Promise((resolve) => setImmediate(resolve));
    const second = [load('b'), load('a')];
    expect(manual.opened()).toBe(1);
    expect(batches).toEqual([]);
    manual.close();
    await expect(Promise.all([first, ...second])).resolves.toEqual(['A', 'B', 'A']);
    expect(batches).toEqual([['a', 'b', 'a']]);
  });

  it('opens a new batch for keys asked after the window closed, and names a key without a result', async () => {
    const manual = manualWindow();
    const { load, batches } = setup(manual.window);
    const before = load('a');
    manual.close();
    await before;
    const after = load('missing');
    manual.close();
    await expect(after).rejects.toThrow('test.batcher: no result for missing');
    expect(batches).toEqual([['a'], ['missing']]);
  });

  it('holds batches behind a test gate until the expected keys are in', async () => {
    const gate = createBatchGate();
    const { load, batches } = setup(gate);
    gate.hold();
    const answers = [load('a'), load('b')];
    await gate.keysIn('test.batcher', 2);
    expect(batches).toEqual([]);
    gate.release();
    await expect(Promise.all(answers)).resolves.toEqual(['A', 'B']);
    // Released, the gate sends each batch on the next turn of the event loop.
    await expect(load('c')).resolves.toBe('C');
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });
});
