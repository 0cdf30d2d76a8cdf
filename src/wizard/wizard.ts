import { GoBackError, PartialFailureError } from './errors';
import type { ProgressReporter, StepPosition, UserInput } from './userInput';

/**
 * A tiny take on the vscode-azuretools wizard: prompt steps fill one context (each asks at most once per pass and
 * is skipped when a tree node already gave the answer); execute steps then run by priority under one progress
 * notification. Cancelling a prompt writes nothing, because every write lives in an execute step.
 */
export interface PromptStep<C> {
  /** False when the context already holds the answer (a tree node gave it, or an earlier choice made it moot). */
  shouldPrompt(context: C): boolean;
  prompt(context: C, ui: UserInput, position: StepPosition): Promise<void>;
}

export interface ExecuteStep<C> {
  /** Lower runs first: checks (permissions) before writes, writes before refreshes. */
  priority: number;
  /** What this step does, for the "done / not done" report: "create identity 'id-a' in rg-x". */
  describe(context: C): string;
  shouldExecute(context: C): boolean;
  execute(context: C, progress: ProgressReporter): Promise<void>;
  /** A step that only checks (permissions, freshness) is not reported as done work. */
  readonly checkOnly?: boolean;
}

export interface WizardOptions<C> {
  title: string;
  context: C;
  ui: UserInput;
  promptSteps: PromptStep<C>[];
  executeSteps: ExecuteStep<C>[];
  /** Progress title while executing (default: the wizard title). */
  progressTitle?: string;
  /** Turns a failure into words (the ARM error code, the scope, what to do). */
  describeError?: (error: unknown) => string;
}

/** Runs prompts (with Back and a step counter), then the execute steps; returns the filled context. */
export async function runWizard<C extends object>(options: WizardOptions<C>): Promise<C> {
  await runPrompts(options);
  await runExecutes(options);
  return options.context;
}

async function runPrompts<C extends object>({ title, context, ui, promptSteps }: WizardOptions<C>): Promise<void> {
  const history: Array<{ index: number; snapshot: Partial<C> }> = [];
  let index = 0;
  while (index < promptSteps.length) {
    const step = promptSteps[index];
    if (!step.shouldPrompt(context)) {
      index++;
      continue;
    }
    const remaining = promptSteps.slice(index + 1).filter((s) => s.shouldPrompt(context)).length;
    const position: StepPosition = { title, step: history.length + 1, totalSteps: history.length + 1 + remaining };
    const snapshot = { ...context };
    try {
      await step.prompt(context, ui, position);
      history.push({ index, snapshot });
      index++;
    } catch (error) {
      if (!(error instanceof GoBackError)) throw error;
      restore(context, snapshot);
      const previous = history.pop();
      if (!previous) continue; // Back on the first step asks it again.
      restore(context, previous.snapshot);
      index = previous.index;
    }
  }
}

/** Puts the context back as it was before a step answered (keys the step added are removed). */
function restore<C extends object>(context: C, snapshot: Partial<C>): void {
  for (const key of Object.keys(context)) if (!(key in snapshot)) delete (context as Record<string, unknown>)[key];
  Object.assign(context, snapshot);
}

async function runExecutes<C extends object>({ title, context, ui, executeSteps, progressTitle, describeError }: WizardOptions<C>): Promise<void> {
  const steps = [...executeSteps].sort((a, b) => a.priority - b.priority).filter((s) => s.shouldExecute(context));
  if (steps.length === 0) return;
  await ui.withProgress(progressTitle ?? title, async (progress) => {
    const done: string[] = [];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      try {
        await step.execute(context, progress);
      } catch (error) {
        const later = steps.slice(i + 1).filter((s) => !s.checkOnly).map((s) => s.describe(context));
        // A step that itself got part-way (several deletes) reports its own done/not-done; merge it into the flow's.
        if (error instanceof PartialFailureError) throw new PartialFailureError(error.reason, [...done, ...error.done], [...error.notDone, ...later], error.cause);
        if (done.length === 0) throw error;
        const reason = (describeError ?? defaultDescribe)(error);
        const notDone = step.checkOnly ? later : [step.describe(context), ...later];
        throw new PartialFailureError(reason.endsWith('.') ? reason : `${reason}.`, done, notDone, error);
      }
      if (!step.checkOnly) done.push(step.describe(context));
    }
  });
}

function defaultDescribe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
