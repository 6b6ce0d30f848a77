// The validation every panel's kept state goes through on the host: the state comes back from the webview (through
// VS Code's panel serializer after a reload), so it is untrusted like any message.
import * as v from 'valibot';

/** The state, or why the value kept is not one (each issue with its path). */
export function parseState<S extends v.GenericSchema>(schema: S, state: unknown): { ok: true; state: v.InferOutput<S> } | { ok: false; error: string } {
  const r = v.safeParse(schema, state);
  return r.success ? { ok: true, state: r.output } : { ok: false, error: r.issues.map((i) => `${v.getDotPath(i) ?? 'state'}: ${i.message}`).join('; ') };
}
