/** The one form helper: an action's submission as a form shows it (pending button, DSFR error alert). */
import { useAction, useSubmission, useSubmissions, type Action } from "@solidjs/router";
import { fieldError } from "./components/comptes/form-errors";

/**
 * `submit(...args)` runs the action; a failure stays in its submission (shown by `error()`: the server's French
 * message and the field it names), so the promise never rejects — it resolves with the result, or undefined.
 * `filter` keeps the submissions of one instance (one row, one pair of buttons) when the action is shared.
 */
export function useForm<T extends unknown[], U>(act: Action<T, U>, filter?: (input: T) => boolean) {
  const run = useAction(act) as unknown as (...args: T) => ReturnType<Action<T, U>>;
  const submissions = useSubmissions(act, filter);
  const submission = useSubmission(act, filter);
  return {
    /** the latest submission: its `input`, `result`, `error`, `pending` */
    submission,
    submit: (...args: T) => run(...args).catch(() => undefined),
    pending: () => Boolean(submission.pending),
    error: () => (submission.error === undefined ? null : fieldError(submission.error)),
    /** forgets the outcomes (an error, a result no longer relevant) */
    clear: () => {
      for (const s of [...submissions]) if (!s.pending) s.clear();
    },
  };
}
