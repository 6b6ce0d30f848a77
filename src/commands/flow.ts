// Multi-step QuickPick/InputBox flows: a numbered sequence of steps with a Back button, validation on
// every keystroke and defaults. Steps whose answer is already known (given as a command argument) are
// skipped both forward and backward, and the step count shows only the steps really asked.
import * as vscode from 'vscode';

/** Thrown by a step's prompt when the user presses Back. */
class Back extends Error {}
/** Thrown by a step's prompt when the user presses Escape or the prompt loses focus. */
class Cancelled extends Error {}

export interface FlowPickItem<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/** A separator row in a pick list (e.g. a Discovery stage heading). */
export function separator<T>(label: string): FlowPickItem<T> {
  return { label, kind: vscode.QuickPickItemKind.Separator, value: undefined as T };
}

export interface PickOptions<T> {
  readonly placeholder: string;
  readonly items: readonly FlowPickItem<T>[];
  /** The value whose item is highlighted first (the current value, or a sensible default). */
  readonly active?: T;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

export interface PickManyOptions<T> extends Omit<PickOptions<T>, 'active'> {
  readonly selected?: readonly T[];
}

export interface InputOptions {
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value?: string;
  /** Returns a message when the text is not acceptable, undefined when it is. */
  readonly validate?: (text: string) => string | undefined;
  readonly password?: false;
}

/** A QuickPick or InputBox a flow step has just shown. */
export interface ShownPrompt {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly kind: 'pick' | 'pickMany' | 'input';
}

const promptShown = new vscode.EventEmitter<ShownPrompt>();
/** Fires each time a flow step shows its prompt (tests wait on it before answering through the real quick input). */
export const onDidShowPrompt = promptShown.event;

/** What a step uses to ask the user. */
export interface FlowPrompts {
  pick<T>(options: PickOptions<T>): Promise<T>;
  pickMany<T>(options: PickManyOptions<T>): Promise<T[]>;
  input(options: InputOptions): Promise<string>;
}

export interface FlowStep<S> {
  /** True when this step has nothing to ask (its answer came with the command's arguments). */
  readonly skip?: (state: S) => boolean;
  readonly run: (prompts: FlowPrompts, state: S) => Promise<void>;
}

/**
 * Runs `steps` in order on `state`, which each step fills in. Returns the filled state, or undefined
 * when the user cancelled. Back returns to the previous step that was asked, keeping its answer as
 * the default.
 */
export async function runFlow<S>(title: string, state: S, steps: readonly FlowStep<S>[]): Promise<S | undefined> {
  let index = 0;
  const asked: number[] = [];
  while (index < steps.length) {
    const step = steps[index];
    if (step.skip?.(state)) {
      index++;
      continue;
    }
    const remaining = steps.slice(index + 1).filter((s) => !s.skip?.(state)).length;
    const prompts = createPrompts(title, asked.length + 1, asked.length + 1 + remaining, asked.length > 0);
    try {
      await step.run(prompts, state);
      asked.push(index);
      index++;
    } catch (e) {
      if (e instanceof Back) {
        index = asked.pop() ?? 0;
      } else if (e instanceof Cancelled) {
        return undefined;
      } else {
        throw e;
      }
    }
  }
  return state;
}

function createPrompts(title: string, step: number, totalSteps: number, canGoBack: boolean): FlowPrompts {
  const buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  return {
    pick: <T>(options: PickOptions<T>) =>
      showPick<T>(title, step, totalSteps, buttons, options, false).then((picked) => picked[0]),
    pickMany: <T>(options: PickManyOptions<T>) => showPick<T>(title, step, totalSteps, buttons, options, true),
    input: (options: InputOptions) => showInput(title, step, totalSteps, buttons, options),
  };
}

function showPick<T>(
  title: string,
  step: number,
  totalSteps: number,
  buttons: vscode.QuickInputButton[],
  options: PickOptions<T> | PickManyOptions<T>,
  many: boolean,
): Promise<T[]> {
  const disposables: vscode.Disposable[] = [];
  const pick = vscode.window.createQuickPick<FlowPickItem<T>>();
  disposables.push(pick);
  pick.title = title;
  pick.step = step;
  pick.totalSteps = totalSteps;
  pick.buttons = buttons;
  pick.placeholder = options.placeholder;
  pick.canSelectMany = many;
  pick.matchOnDescription = options.matchOnDescription ?? true;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.items = options.items;
  pick.ignoreFocusOut = false;
  const selectable = options.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
  if (many) {
    const selected = (options as PickManyOptions<T>).selected ?? [];
    pick.selectedItems = selectable.filter((i) => selected.includes(i.value));
  } else {
    const active = (options as PickOptions<T>).active;
    const first = selectable.find((i) => active !== undefined && i.value === active);
    if (first) pick.activeItems = [first];
  }
  return new Promise<T[]>((resolve, reject) => {
    const finish = settleOnce(disposables);
    disposables.push(
      onBack(pick, () => finish(() => reject(new Back()))),
      pick.onDidAccept(() => {
        const chosen = many ? [...pick.selectedItems] : pick.activeItems.slice(0, 1);
        if (!many && chosen.length === 0) return;
        finish(() => resolve(chosen.map((i) => i.value)));
      }),
      pick.onDidHide(() => finish(() => reject(new Cancelled()))),
    );
    pick.show();
    promptShown.fire({ title, step, totalSteps, kind: many ? 'pickMany' : 'pick' });
  });
}

/** Runs the first action it is given, then disposes `disposables`; later calls do nothing. */
function settleOnce(disposables: readonly vscode.Disposable[]): (action: () => void) => void {
  let settled = false;
  return (action) => {
    if (settled) return;
    settled = true;
    action();
    for (const d of disposables) d.dispose();
  };
}

function onBack(input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox, back: () => void): vscode.Disposable {
  return input.onDidTriggerButton((button) => {
    if (button === vscode.QuickInputButtons.Back) back();
  });
}

function showInput(
  title: string,
  step: number,
  totalSteps: number,
  buttons: vscode.QuickInputButton[],
  options: InputOptions,
): Promise<string> {
  const disposables: vscode.Disposable[] = [];
  const box = vscode.window.createInputBox();
  disposables.push(box);
  box.title = title;
  box.step = step;
  box.totalSteps = totalSteps;
  box.buttons = buttons;
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.value = options.value ?? '';
  box.ignoreFocusOut = false;
  const validate = (text: string): string | undefined => options.validate?.(text);
  box.validationMessage = box.value ? validate(box.value) : undefined;
  return new Promise<string>((resolve, reject) => {
    const finish = settleOnce(disposables);
    disposables.push(
      onBack(box, () => finish(() => reject(new Back()))),
      box.onDidChangeValue((text) => {
        box.validationMessage = validate(text);
      }),
      box.onDidAccept(() => {
        const message = validate(box.value);
        box.validationMessage = message;
        if (message) return;
        const value = box.value;
        finish(() => resolve(value));
      }),
      box.onDidHide(() => finish(() => reject(new Cancelled()))),
    );
    box.show();
    promptShown.fire({ title, step, totalSteps, kind: 'input' });
  });
}
