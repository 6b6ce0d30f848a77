// The part of the Python extension's API (`@vscode/python-extension`) that ML Roadmap uses: the selected
// interpreter of a folder, resolving it to an executable, and the event when the selection changes.
// No interpreter is selected until a test calls `environments.updateActiveEnvironmentPath(path)`; an empty
// path stands for "nothing selected".
const vscode = require('vscode');

function activate() {
  let selected = '';
  const changed = new vscode.EventEmitter();
  return {
    ready: Promise.resolve(),
    environments: {
      getActiveEnvironmentPath: () => ({ id: selected, path: selected }),
      resolveEnvironment: async (env) => {
        const path = typeof env === 'string' ? env : env.path;
        return path ? { id: path, path, executable: { uri: vscode.Uri.file(path) } } : undefined;
      },
      updateActiveEnvironmentPath: async (env, resource) => {
        selected = typeof env === 'string' ? env : env.path;
        changed.fire({ id: selected, path: selected, resource });
      },
      onDidChangeActiveEnvironmentPath: changed.event,
    },
  };
}

module.exports = { activate };
