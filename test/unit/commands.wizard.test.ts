import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PartialFailureError } from '../../src/wizard/errors';
import { ScriptedUserInput } from '../../src/wizard/scriptedUserInput';
import { runWizard, type ExecuteStep, type PromptStep } from '../../src/wizard/wizard';

interface Ctx {
  a?: string;
  b?: string;
  c?: string;
  log?: string[];
}

const ask = (key: 'a' | 'b' | 'c'): PromptStep<Ctx> => ({
  shouldPrompt: (c) => c[key] === undefined,
  async prompt(c, ui, position) {
    c[key] = await ui.showInputBox({ ...position, prompt: key });
  },
});

const write = (name: string, priority: number, fail = false): ExecuteStep<Ctx> => ({
  priority,
  describe: () => name,
  shouldExecute: () => true,
  async execute(c) {
    if (fail) throw new Error(`${name} failed`);
    (c.log ??= []).push(name);
  },
});

describe('wizard runner', () => {
  it('counts steps, skips answered ones, and Back restores the previous answer before asking again', async () => {
    const ui = new ScriptedUserInput([{ input: '1' }, { input: '2' }, 'back', { input: '2b' }, { input: '3' }]);
    const c = await runWizard<Ctx>({ title: 'T', context: {}, ui, promptSteps: [ask('a'), ask('b'), ask('c')], executeSteps: [] });
    assert.deepEqual({ a: c.a, b: c.b, c: c.c }, { a: '1', b: '2b', c: '3' });
    assert.deepEqual(ui.prompts.map((p) => `${p.text}${p.step}/${p.totalSteps}`), ['a1/3', 'b2/3', 'c3/3', 'b2/3', 'c3/3']);
    const skipped = await runWizard<Ctx>({ title: 'T', context: { b: 'given' }, ui: new ScriptedUserInput([{ input: 'x' }, { input: 'y' }]), promptSteps: [ask('a'), ask('b'), ask('c')], executeSteps: [] });
    assert.equal(skipped.b, 'given');
  });

  it('runs execute steps by priority and cancelling a prompt runs none', async () => {
    const c = await runWizard<Ctx>({ title: 'T', context: {}, ui: new ScriptedUserInput([{ input: '1' }]), promptSteps: [ask('a')], executeSteps: [write('second', 20), write('first', 10)] });
    assert.deepEqual(c.log, ['first', 'second']);
    const cancelled: Ctx = {};
    await assert.rejects(runWizard<Ctx>({ title: 'T', context: cancelled, ui: new ScriptedUserInput(['cancel']), promptSteps: [ask('a')], executeSteps: [write('w', 10)] }), { name: 'UserCancelledError' });
    assert.equal(cancelled.log, undefined);
  });

  it('says exactly what was done and what was not when a later step fails', async () => {
    await assert.rejects(
      runWizard<Ctx>({ title: 'T', context: {}, ui: new ScriptedUserInput([]), promptSteps: [], executeSteps: [write('create group', 10), write('create identity', 20, true), write('grant role', 30)] }),
      (e: unknown) => {
        assert.ok(e instanceof PartialFailureError);
        assert.deepEqual(e.done, ['create group']);
        assert.deepEqual(e.notDone, ['create identity', 'grant role']);
        assert.match(e.message, /^create identity failed\. Done: create group\. Not done: create identity; grant role\.$/);
        return true;
      },
    );
  });

  it('fails a test on an unexpected prompt or an answer of the wrong kind', async () => {
    await assert.rejects(runWizard<Ctx>({ title: 'T', context: {}, ui: new ScriptedUserInput([]), promptSteps: [ask('a')], executeSteps: [] }), /Unexpected prompt/);
    await assert.rejects(runWizard<Ctx>({ title: 'T', context: {}, ui: new ScriptedUserInput([{ pick: 'x' }]), promptSteps: [ask('a')], executeSteps: [] }), /Expected an input answer/);
  });
});
