package io.syncer.player.headless;

import io.syncer.protocol.message.SetRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the owner of a room does and when, relative to the script's start: {@code
 * play@0s,pause@20s,seek=300s@25s,play@30s,rate=1.05@40s,end@50s}.
 *
 * <p>Grammar: steps separated by commas, each {@code ACTION@TIME}; actions {@code play}, {@code
 * pause}, {@code seek=DURATION}, {@code rate=NUMBER} (0.25..4) and {@code end} (leave the room
 * then; must be the last step); times are {@link Durations} and never go back. Without {@code
 * end} the script ends with its last step.
 *
 * <p>Thread-safety: immutable.
 *
 * @param steps the steps, in order of time
 */
record OwnerScript(List<Step> steps) {

  /** Longest script text accepted: far more than anyone types, small enough to parse at once. */
  static final int MAX_LENGTH = 16_384;

  /** Most steps in one script. */
  static final int MAX_STEPS = 1_000;

  OwnerScript {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a script needs at least one step");
    }
  }

  /** When the last step happens, µs after the script's start. */
  long lastStepMicros() {
    return steps.get(steps.size() - 1).atMicros();
  }

  /** Whether the script says explicitly when to leave ({@code end@TIME}). */
  boolean endsExplicitly() {
    return steps.get(steps.size() - 1).action() instanceof Action.End;
  }

  /**
   * Parses a script.
   *
   * @throws IllegalArgumentException naming the step that is wrong and what was expected
   */
  static OwnerScript parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "the script is " + text.length() + " characters long; at most " + MAX_LENGTH);
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "the script is empty; expected steps like play@0s,pause@20s");
    }
    String[] items = text.split(",", -1);
    if (items.length > MAX_STEPS) {
      throw new IllegalArgumentException(
          "the script has " + items.length + " steps; at most " + MAX_STEPS);
    }
    List<Step> steps = new ArrayList<>(items.length);
    for (int i = 0; i < items.length; i++) {
      String item = items[i].strip();
      Step step;
      try {
        step = parseStep(item);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "step " + (i + 1) + " '" + item + "': " + e.getMessage(), e);
      }
      if (!steps.isEmpty()) {
        Step previous = steps.get(steps.size() - 1);
        if (previous.action() instanceof Action.End) {
          throw new IllegalArgumentException(
              "step " + (i + 1) + " '" + item + "': nothing may follow end");
        }
        if (step.atMicros() < previous.atMicros()) {
          throw new IllegalArgumentException(
              "step " + (i + 1) + " '" + item + "': happens before the step ahead of it;"
                  + " list steps in order of time");
        }
      }
      steps.add(step);
    }
    return new OwnerScript(steps);
  }

  private static Step parseStep(String item) {
    int at = item.lastIndexOf('@');
    if (item.isEmpty() || at < 0) {
      throw new IllegalArgumentException("expected ACTION@TIME, e.g. pause@20s");
    }
    long atMicros = Durations.parseMicros(item.substring(at + 1).strip());
    return new Step(atMicros, parseAction(item.substring(0, at).strip()));
  }

  private static Action parseAction(String action) {
    int eq = action.indexOf('=');
    String verb = eq < 0 ? action : action.substring(0, eq).strip();
    String value = eq < 0 ? null : action.substring(eq + 1).strip();
    return switch (verb) {
      case "play" -> withoutValue(verb, value, new Action.Play());
      case "pause" -> withoutValue(verb, value, new Action.Pause());
      case "end" -> withoutValue(verb, value, new Action.End());
      case "seek" -> new Action.Seek(Durations.parseMicros(required(verb, value, "seek=300s")));
      case "rate" -> new Action.Rate(parseRate(required(verb, value, "rate=1.05")));
      default -> throw new IllegalArgumentException(
          "unknown action '" + verb + "'; expected play, pause, seek=TIME, rate=NUMBER or end");
    };
  }

  private static Action withoutValue(String verb, String value, Action action) {
    if (value != null) {
      throw new IllegalArgumentException(verb + " takes no value");
    }
    return action;
  }

  private static String required(String verb, String value, String example) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(verb + " needs a value, e.g. " + example);
    }
    return value;
  }

  private static double parseRate(String text) {
    if (!text.matches("\\d{1,3}(\\.\\d{1,9})?")) {
      throw new IllegalArgumentException("rate '" + text + "' is not a plain number like 1.05");
    }
    try {
      return new SetRate(Double.parseDouble(text)).rate();
    } catch (IllegalArgumentException outOfRange) {
      throw new IllegalArgumentException("rate " + text + " is outside 0.25..4");
    }
  }

  /**
   * One step of a script.
   *
   * @param atMicros when, µs after the script's start
   * @param action what the owner does then
   */
  record Step(long atMicros, Action action) {
    Step {
      Objects.requireNonNull(action, "action");
      if (atMicros < 0) {
        throw new IllegalArgumentException("a step cannot happen before the start");
      }
    }
  }

  /** What the owner does at one step. */
  sealed interface Action {

    /** Start or resume playback for the room. */
    record Play() implements Action {}

    /** Pause the room. */
    record Pause() implements Action {}

    /** Move the room to {@code positionMicros}. */
    record Seek(long positionMicros) implements Action {}

    /** Change the room's rate. */
    record Rate(double rate) implements Action {}

    /** Leave the room: the script is over. */
    record End() implements Action {}
  }
}
