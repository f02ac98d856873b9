// The Node host's dispatcher timer: set for the moment the next outbox row comes due (a 5 s retry, a
// rate-limit token, the end of a coalescing window), so those happen on time instead of at the next minute
// tick. Every dispatch reports its next due row (deps.wake); the timer keeps the earliest. The minute tick
// stays as the backstop. Clock and timers are injected so tests fire the timer by moving a manual clock.
export interface Timers {
  set: (fire: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

export const realTimers: Timers = {
  set: (fire, ms) => {
    const t = setTimeout(fire, ms);
    // The timer alone must not keep a stopping process alive.
    t.unref?.();
    return t;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface NextDueTimer {
  /** A row comes due at `at` (undefined: none pending): fire then, unless an earlier fire is set. */
  wake: (at: Date | undefined) => void;
  /** When the timer will fire next, if set. */
  armedFor: () => Date | undefined;
  stop: () => void;
}

export function nextDueTimer(opts: {
  clock: () => Date;
  timers?: Timers;
  /** Starts a dispatch (in the background). */
  run: () => void;
}): NextDueTimer {
  const timers = opts.timers ?? realTimers;
  let armed: { at: number; handle: unknown } | undefined;
  let stopped = false;
  return {
    wake(at) {
      if (stopped || at === undefined) return;
      const when = at.getTime();
      if (armed && armed.at <= when) return;
      if (armed) timers.clear(armed.handle);
      const handle = timers.set(
        () => {
          armed = undefined;
          opts.run();
        },
        Math.max(0, when - opts.clock().getTime()),
      );
      armed = { at: when, handle };
    },
    armedFor: () => (armed ? new Date(armed.at) : undefined),
    stop() {
      stopped = true;
      if (armed) timers.clear(armed.handle);
      armed = undefined;
    },
  };
}
