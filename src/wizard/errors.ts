/** Thrown (or recognised) when the user dismissed a prompt: the command ends silently and nothing is written. */
export class UserCancelledError extends Error {
  override readonly name = 'UserCancelledError';
  constructor() {
    super('Cancelled by the user.');
  }
}

/** Thrown by a prompt when the user pressed Back: the wizard runner re-asks the previous step. */
export class GoBackError extends Error {
  override readonly name = 'GoBackError';
  constructor() {
    super('Went back a step.');
  }
}

/** A multi-step operation stopped part-way: says exactly what was done and what was not. */
export class PartialFailureError extends Error {
  override readonly name = 'PartialFailureError';
  constructor(
    readonly reason: string,
    readonly done: string[],
    readonly notDone: string[],
    readonly cause?: unknown,
  ) {
    super(
      `${reason}` +
        (done.length ? ` Done: ${done.join('; ')}.` : ' Nothing was changed.') +
        (notDone.length ? ` Not done: ${notDone.join('; ')}.` : ''),
    );
  }
}
