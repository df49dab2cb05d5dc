package io.syncer.player.headless;

import io.syncer.core.schedule.TaskScheduler;
import java.util.Objects;

/**
 * Plays an {@link OwnerScript} against the room: each step at its time after {@link #start()},
 * measured on the scheduler's clock (the participant's own, emulated clock), one after the other
 * so steps at the same time keep their order. When the script is over — at its {@code end} step,
 * or {@link #settleMicros} after its last step so that the last command is carried out and seen
 * — {@code onEnd} runs.
 *
 * <p>Thread-safety: {@link #start} and {@link #cancel} may be called from any thread; steps and
 * {@code onEnd} run on the scheduler's thread, one at a time.
 */
final class ScriptRunner {

  /** What the script drives: the owner's controls of the room. */
  interface Controls {
    void play();

    void pause();

    void seek(long positionMicros);

    void setRate(double rate);
  }

  private final OwnerScript script;
  private final TaskScheduler scheduler;
  private final Controls controls;
  private final Runnable onEnd;
  private final long settleMicros;
  private long startMicros;
  private TaskScheduler.Cancellable next;
  private boolean cancelled;

  ScriptRunner(
      OwnerScript script,
      TaskScheduler scheduler,
      Controls controls,
      long settleMicros,
      Runnable onEnd) {
    this.script = Objects.requireNonNull(script, "script");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.controls = Objects.requireNonNull(controls, "controls");
    this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
    this.settleMicros = settleMicros;
  }

  /** Starts the script now; the first step runs at its time from now. Call once. */
  synchronized void start() {
    if (next != null) {
      throw new IllegalStateException("the script has already started");
    }
    startMicros = scheduler.clock().nowMicros();
    scheduleStep(0);
  }

  /** Stops the script: no further step, and no {@code onEnd}. */
  synchronized void cancel() {
    cancelled = true;
    if (next != null) {
      next.cancel();
    }
  }

  private synchronized void scheduleStep(int index) {
    if (cancelled) {
      return;
    }
    if (index == script.steps().size()) {
      next = scheduler.scheduleAt(startMicros + script.lastStepMicros() + settleMicros, this::end);
      return;
    }
    OwnerScript.Step step = script.steps().get(index);
    next = scheduler.scheduleAt(startMicros + step.atMicros(), () -> runStep(index));
  }

  private void runStep(int index) {
    synchronized (this) {
      if (cancelled) {
        return;
      }
    }
    OwnerScript.Action action = script.steps().get(index).action();
    if (action instanceof OwnerScript.Action.End) {
      end();
      return;
    }
    if (action instanceof OwnerScript.Action.Play) {
      controls.play();
    } else if (action instanceof OwnerScript.Action.Pause) {
      controls.pause();
    } else if (action instanceof OwnerScript.Action.Seek seek) {
      controls.seek(seek.positionMicros());
    } else if (action instanceof OwnerScript.Action.Rate rate) {
      controls.setRate(rate.rate());
    }
    scheduleStep(index + 1);
  }

  private void end() {
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
    }
    onEnd.run();
  }
}
