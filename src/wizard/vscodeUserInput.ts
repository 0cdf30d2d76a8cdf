import * as vscode from 'vscode';
import { GoBackError, UserCancelledError } from './errors';
import { isSeparator, type InputBoxOptions, type PickEntry, type ProgressReporter, type QuickPickOptions, type UserInput, type WarningOptions } from './userInput';

/** The one vscode adapter of the wizard: quick picks and input boxes with a step counter, Back and live validation. */
export class VsCodeUserInput implements UserInput {
  showQuickPick<T>(entries: PickEntry<T>[] | Promise<PickEntry<T>[]>, options: QuickPickOptions): Promise<T> {
    type Item = vscode.QuickPickItem & { data?: T };
    const pick = vscode.window.createQuickPick<Item>();
    applyPosition(pick, options);
    pick.placeholder = options.placeHolder;
    pick.matchOnDescription = options.matchOnDescription ?? true;
    pick.matchOnDetail = options.matchOnDetail ?? false;
    pick.ignoreFocusOut = true;
    pick.busy = true;
    return new Promise<T>((resolve, reject) => {
      const { disposables, finish } = settleOnce(pick);
      disposables.push(
        pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(() => reject(new GoBackError()))),
        pick.onDidAccept(() => {
          const chosen = pick.selectedItems[0];
          if (chosen && 'data' in chosen) finish(() => resolve(chosen.data as T));
        }),
        pick.onDidHide(() => finish(() => reject(new UserCancelledError()))),
      );
      pick.show();
      Promise.resolve(entries).then(
        (loaded) => {
          const items: Item[] = loaded.map((e) =>
            isSeparator(e)
              ? { label: e.label, kind: vscode.QuickPickItemKind.Separator }
              : { label: e.label, description: e.description, detail: e.detail, data: e.data },
          );
          pick.items = items.length || !options.noItemsMessage ? items : [{ label: options.noItemsMessage }];
          const preferred = items.find((_, i) => !isSeparator(loaded[i]) && (loaded[i] as { picked?: boolean }).picked);
          if (preferred) pick.activeItems = [preferred];
          pick.busy = false;
        },
        (error) => finish(() => reject(error)),
      );
    });
  }

  showInputBox(options: InputBoxOptions): Promise<string> {
    const box = vscode.window.createInputBox();
    applyPosition(box, options);
    box.prompt = options.prompt;
    box.placeholder = options.placeHolder;
    box.value = options.value ?? '';
    box.ignoreFocusOut = true;
    let latest = 0;
    const validate = async (value: string): Promise<boolean> => {
      const ticket = ++latest;
      const verdict = options.validate ? await options.validate(value) : undefined;
      if (ticket !== latest) return false;
      box.validationMessage = verdict
        ? { message: verdict.message, severity: verdict.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning }
        : undefined;
      return verdict?.severity !== 'error';
    };
    return new Promise<string>((resolve, reject) => {
      const { disposables, finish } = settleOnce(box);
      disposables.push(
        box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(() => reject(new GoBackError()))),
        box.onDidChangeValue((value) => void validate(value)),
        box.onDidAccept(async () => {
          const value = box.value;
          box.busy = true;
          const valid = await validate(value);
          box.busy = false;
          if (valid && value === box.value) finish(() => resolve(value));
        }),
        box.onDidHide(() => finish(() => reject(new UserCancelledError()))),
      );
      box.show();
      if (box.value) void validate(box.value);
    });
  }

  async showWarningMessage<B extends string>(message: string, options: WarningOptions, ...buttons: B[]): Promise<B> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, ...buttons);
    if (choice === undefined) throw new UserCancelledError();
    return choice;
  }

  async showInformationMessage<B extends string>(message: string, ...buttons: B[]): Promise<B | undefined> {
    return vscode.window.showInformationMessage(message, ...buttons);
  }

  withProgress<T>(title: string, task: (progress: ProgressReporter) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) =>
        task({ report: (message) => progress.report({ message }) }),
      ),
    );
  }
}

/** Settles a prompt once; settles before disposing, because disposing hides the input and hiding reads as a cancel. */
function settleOnce(input: vscode.Disposable): { disposables: vscode.Disposable[]; finish: (action: () => void) => void } {
  const disposables: vscode.Disposable[] = [input];
  let settled = false;
  return {
    disposables,
    finish(action) {
      if (settled) return;
      settled = true;
      action();
      disposables.reverse().forEach((d) => d.dispose());
    },
  };
}

function applyPosition(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, options: QuickPickOptions | InputBoxOptions): void {
  input.title = options.title;
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.buttons = options.step && options.step > 1 ? [vscode.QuickInputButtons.Back] : [];
}
