/**
 * Everything a wizard asks the user, behind one interface: the VS Code adapter (vscodeUserInput.ts) is the only file
 * here that imports vscode; tests replay scripted answers (scriptedUserInput.ts). Dismissing any prompt throws
 * UserCancelledError; pressing Back throws GoBackError.
 */

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  /** What the step receives when this item is picked. */
  data: T;
  /** Shown first and pre-selected (the sensible default). */
  picked?: boolean;
}

/** A separator line between groups of items ("Least privilege", "Broad"). */
export interface PickSeparator {
  label: string;
  separator: true;
}

export type PickEntry<T> = PickItem<T> | PickSeparator;

export function isSeparator<T>(entry: PickEntry<T>): entry is PickSeparator {
  return 'separator' in entry && entry.separator === true;
}

/** Where the user is in a multi-step flow: shown as "title (step/total)" with a Back button after the first step. */
export interface StepPosition {
  title: string;
  step: number;
  totalSteps: number;
}

export interface QuickPickOptions extends Partial<StepPosition> {
  placeHolder?: string;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  /** Shows a message item instead of an empty list. */
  noItemsMessage?: string;
}

export type ValidationSeverity = 'error' | 'warning';

/** A validator's verdict: undefined = fine; warnings show but still let the user accept. */
export type Validation = { severity: ValidationSeverity; message: string } | undefined;

export interface InputBoxOptions extends Partial<StepPosition> {
  prompt?: string;
  value?: string;
  placeHolder?: string;
  /** Runs on every keystroke (sync format rules first, then any async check such as "is the name free"). */
  validate?: (value: string) => Validation | Promise<Validation>;
}

export interface WarningOptions {
  /** Longer text under the message (the impact list of a delete). */
  detail?: string;
}

export interface ProgressReporter {
  report(message: string): void;
}

export interface UserInput {
  showQuickPick<T>(entries: PickEntry<T>[] | Promise<PickEntry<T>[]>, options: QuickPickOptions): Promise<T>;
  showInputBox(options: InputBoxOptions): Promise<string>;
  /** A modal warning; returns the button pressed, throws UserCancelledError when dismissed. */
  showWarningMessage<B extends string>(message: string, options: WarningOptions, ...buttons: B[]): Promise<B>;
  /** A non-modal notice; returns the button pressed, or undefined when dismissed (never throws). */
  showInformationMessage<B extends string>(message: string, ...buttons: B[]): Promise<B | undefined>;
  withProgress<T>(title: string, task: (progress: ProgressReporter) => Promise<T>): Promise<T>;
}

/** Applies a validator the way VS Code does: only an error blocks accepting the value. */
export async function blockingMessage(validate: InputBoxOptions['validate'], value: string): Promise<string | undefined> {
  const verdict = validate ? await validate(value) : undefined;
  return verdict?.severity === 'error' ? verdict.message : undefined;
}
