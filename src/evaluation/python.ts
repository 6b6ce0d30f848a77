import * as vscode from 'vscode';
import { Settings } from '../ids';

/** The last interpreter resolved per workspace folder, for code that cannot wait (the command-changed check). */
const lastResolved = new Map<string, string>();

/** `mlroadmap.pythonPath`, else `python3`. */
export function configuredPython(folder: vscode.WorkspaceFolder | undefined): string {
  const setting = vscode.workspace.getConfiguration(Settings.section, folder?.uri).get<string>(Settings.pythonPath, '')?.trim();
  return setting ? setting : 'python3';
}

const PYTHON_EXTENSION_ID = 'ms-python.python';

/** The Python extension's API, loaded only when the extension is installed. */
async function pythonApi() {
  const { PythonExtension } = await import('@vscode/python-extension');
  return PythonExtension.api();
}

/** Calls `onChange` whenever the Python extension's selected interpreter changes; nothing when it is not installed. */
export async function onDidChangePythonSelection(onChange: () => void): Promise<vscode.Disposable | undefined> {
  if (!vscode.extensions.getExtension(PYTHON_EXTENSION_ID)) return undefined;
  try {
    return (await pythonApi()).environments.onDidChangeActiveEnvironmentPath(() => onChange());
  } catch {
    return undefined;
  }
}

/** The interpreter `${python}` stands for: the Python extension's selected one when installed, else the setting, else `python3`. */
export async function resolvePython(folder: vscode.WorkspaceFolder | undefined, log?: vscode.LogOutputChannel): Promise<string> {
  let python = configuredPython(folder);
  if (vscode.extensions.getExtension(PYTHON_EXTENSION_ID)) {
    try {
      const api = await pythonApi();
      const active = api.environments.getActiveEnvironmentPath(folder?.uri);
      const resolved = await api.environments.resolveEnvironment(active);
      const selected = resolved?.executable.uri?.fsPath ?? active.path;
      if (selected) python = selected;
    } catch (e) {
      log?.warn(`Python extension: no selected interpreter (${e instanceof Error ? e.message : String(e)}); using ${python}`);
    }
  }
  lastResolved.set(folder?.uri.toString() ?? '', python);
  return python;
}

/** The interpreter resolved last for a folder, without waiting; the configured one before the first run. */
export function knownPython(folder: vscode.WorkspaceFolder | undefined): string {
  return lastResolved.get(folder?.uri.toString() ?? '') ?? configuredPython(folder);
}
