import { GoBackError, UserCancelledError } from './errors';
import {
  blockingMessage,
  isSeparator,
  type InputBoxOptions,
  type PickEntry,
  type PickItem,
  type ProgressReporter,
  type QuickPickOptions,
  type UserInput,
  type WarningOptions,
} from './userInput';

/**
 * A UserInput that replays answers in order, for tests: picks by label (or a predicate), types input that must
 * pass the prompt's validation, presses buttons. Any prompt with no answer left, or an answer of the wrong kind,
 * fails the test; every prompt is recorded so tests can assert titles, step counters and modal texts.
 */
export type ScriptedAnswer =
  | { pick: string | RegExp | ((item: PickItem<unknown>) => boolean) }
  | { input: string }
  | { button: string }
  | 'back'
  | 'cancel';

export interface RecordedPrompt {
  kind: 'pick' | 'input' | 'warning' | 'info' | 'progress';
  title?: string;
  step?: number;
  totalSteps?: number;
  /** Placeholder, prompt or message text. */
  text?: string;
  detail?: string;
  /** Labels shown in a pick, buttons of a message. */
  choices?: string[];
  /** Validation messages (errors and warnings) the typed value produced. */
  validation?: string[];
  progress?: string[];
}

/** The typed value failed the prompt's own validation: what VS Code would have shown, and no way forward. */
export class ScriptedValidationError extends Error {
  override readonly name = 'ScriptedValidationError';
  constructor(
    readonly value: string,
    readonly validationMessage: string,
  ) {
    super(`The value '${value}' was rejected: ${validationMessage}`);
  }
}

export class ScriptedUserInput implements UserInput {
  readonly prompts: RecordedPrompt[] = [];
  private readonly answers: ScriptedAnswer[];

  constructor(answers: ScriptedAnswer[]) {
    this.answers = [...answers];
  }

  /** Answers not consumed: a test usually asserts this is empty. */
  get remaining(): ScriptedAnswer[] {
    return [...this.answers];
  }

  async showQuickPick<T>(entries: PickEntry<T>[] | Promise<PickEntry<T>[]>, options: QuickPickOptions): Promise<T> {
    const items = (await entries).filter((e): e is PickItem<T> => !isSeparator(e));
    const record: RecordedPrompt = { kind: 'pick', ...position(options), text: options.placeHolder, choices: items.map((i) => i.label) };
    this.prompts.push(record);
    const answer = this.next(record);
    if (!(typeof answer === 'object' && 'pick' in answer)) throw new Error(`Expected a pick answer for "${record.text ?? record.title}", the script has ${JSON.stringify(answer)}`);
    const match = items.find((item) => matches(answer.pick, item as PickItem<unknown>));
    if (!match) throw new Error(`No item matches ${String(answer.pick)} in "${record.text ?? record.title}"; items: ${record.choices?.join(' | ')}`);
    return match.data;
  }

  async showInputBox(options: InputBoxOptions): Promise<string> {
    const record: RecordedPrompt = { kind: 'input', ...position(options), text: options.prompt ?? options.placeHolder, validation: [] };
    this.prompts.push(record);
    const answer = this.next(record);
    if (!(typeof answer === 'object' && 'input' in answer)) throw new Error(`Expected an input answer for "${record.text}", the script has ${JSON.stringify(answer)}`);
    const verdict = options.validate ? await options.validate(answer.input) : undefined;
    if (verdict) record.validation!.push(`${verdict.severity}: ${verdict.message}`);
    const blocking = await blockingMessage(options.validate, answer.input);
    if (blocking) throw new ScriptedValidationError(answer.input, blocking);
    return answer.input;
  }

  async showWarningMessage<B extends string>(message: string, options: WarningOptions, ...buttons: B[]): Promise<B> {
    const record: RecordedPrompt = { kind: 'warning', text: message, detail: options.detail, choices: buttons };
    this.prompts.push(record);
    const answer = this.next(record);
    if (!(typeof answer === 'object' && 'button' in answer)) throw new Error(`Expected a button answer for "${message}", the script has ${JSON.stringify(answer)}`);
    const button = buttons.find((b) => b === answer.button);
    if (!button) throw new Error(`No button "${answer.button}" on "${message}"; buttons: ${buttons.join(' | ')}`);
    return button;
  }

  /** Notices are not scripted: they are recorded and dismissed, unless the next answer is one of their buttons. */
  async showInformationMessage<B extends string>(message: string, ...buttons: B[]): Promise<B | undefined> {
    this.prompts.push({ kind: 'info', text: message, choices: buttons });
    const next = this.answers[0];
    if (next && typeof next === 'object' && 'button' in next) {
      const button = buttons.find((b) => b === next.button);
      if (button) {
        this.answers.shift();
        return button;
      }
    }
    return undefined;
  }

  async withProgress<T>(title: string, task: (progress: ProgressReporter) => Promise<T>): Promise<T> {
    const record: RecordedPrompt = { kind: 'progress', title, progress: [] };
    this.prompts.push(record);
    return task({ report: (message) => record.progress!.push(message) });
  }

  private next(record: RecordedPrompt): Exclude<ScriptedAnswer, 'back' | 'cancel'> {
    const answer = this.answers.shift();
    if (answer === undefined) throw new Error(`Unexpected prompt: ${record.kind} "${record.text ?? record.title ?? ''}"`);
    if (answer === 'cancel') throw new UserCancelledError();
    if (answer === 'back') throw new GoBackError();
    return answer;
  }
}

function position(options: QuickPickOptions | InputBoxOptions): Pick<RecordedPrompt, 'title' | 'step' | 'totalSteps'> {
  return { title: options.title, step: options.step, totalSteps: options.totalSteps };
}

function matches(pick: string | RegExp | ((item: PickItem<unknown>) => boolean), item: PickItem<unknown>): boolean {
  if (typeof pick === 'string') return item.label === pick || item.label.replace(/^\$\([\w-]+\)\s*/, '') === pick;
  if (pick instanceof RegExp) return pick.test(item.label);
  return pick(item);
}
