package io.syncer.player.headless;

import io.syncer.protocol.message.RoomCodes;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code syncer-player.jar --headless}: a room participant without a window, for tests, benchmarks
 * and scripting. Its player is a {@link VirtualPlayer} (a faithful model without media), or with
 * {@code --engine ffmpeg} the real FFmpeg player decoding the room's movie as it streams from its
 * torrent, with no window or sound, so the traced position is the real media clock. It creates or
 * joins a room, follows the room with its player, and as the creator (owner) can choose the
 * room's movie ({@code --media}) and drive the room with a script. On a server that requires
 * accounts it logs in first ({@code --user}).
 *
 * <p>Standard output carries only what scripts read ({@code ROOM <code>} after {@code
 * --create}); logs go to standard error. Exit codes: 0 done, 1 failure (server unreachable, room
 * not found, connection lost), 2 bad command line.
 *
 * <p>Thread-safety: one instance per run.
 */
@Command(
    name = "syncer-player.jar --headless",
    mixinStandardHelpOptions = true,
    version = "syncer-player 0.1.0",
    sortOptions = false,
    description = {
      "Joins or creates a Syncer room and plays in sync with it: a virtual media clock, or the"
          + " room's movie decoded for real (--engine ffmpeg).",
      "Exit codes: 0 done, 1 failure (server unreachable, room not found, connection lost),"
          + " 2 bad command line."
    })
public final class HeadlessParticipant implements Callable<Integer> {

  /** Largest clock skew accepted: one percent, far beyond real quartz clocks (tens of ppm). */
  static final double MAX_SKEW_PPM = 10_000;

  /** Largest clock offset accepted: a day. */
  static final long MAX_OFFSET_MILLIS = 86_400_000L;

  /** After the last step of a script without {@code end}, the owner stays this long. */
  static final long SCRIPT_SETTLE_MICROS = 2_000_000;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "The server's WebSocket URL, e.g. ws://127.0.0.1:8470/ws/v1.")
  URI server;

  @ArgGroup(exclusive = true, multiplicity = "1")
  RoomChoice room;

  static final class RoomChoice {
    @Option(
        names = "--create",
        required = true,
        description = "Create a room (and own it); prints ROOM <code> on a line of its own.")
    boolean create;

    @Option(names = "--room", required = true, paramLabel = "CODE", description = "Join this room.")
    String code;
  }

  @Option(
      names = "--name",
      paramLabel = "NAME",
      defaultValue = "headless",
      description = "Display name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--await-members",
      paramLabel = "N",
      defaultValue = "1",
      description = "With --script: start the script once N members (you included) are in the room"
          + " (default: ${DEFAULT-VALUE}).")
  int awaitMembers;

  @Option(
      names = "--script",
      paramLabel = "STEPS",
      converter = ScriptConverter.class,
      description = "With --create: what the owner does, e.g. play@0s,pause@20s,seek=300s@25s,"
          + "play@30s,rate=1.05@40s,end@50s (times from the script's start). The participant"
          + " leaves when the script ends.")
  OwnerScript script;

  @Option(
      names = "--duration",
      paramLabel = "TIME",
      converter = DurationConverter.class,
      description = "Leave after this long in the room, e.g. 90s or 5m.")
  Long durationMicros;

  @Option(
      names = "--clock-offset-ms",
      paramLabel = "MS",
      defaultValue = "0",
      description = "Emulate a machine whose clock is this far ahead (negative: behind).")
  long clockOffsetMillis;

  @Option(
      names = "--clock-skew-ppm",
      paramLabel = "PPM",
      defaultValue = "0",
      description = "Emulate a machine whose clock runs this much fast (negative: slow).")
  double clockSkewPpm;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description = "Write the player's position against the host's real time to FILE, one JSON"
          + " line every 20 ms.")
  Path trace;

  @Option(
      names = "--position-report",
      paramLabel = "KIND",
      defaultValue = "frame",
      description = "What the virtual player reports as its position: frame (the start of the"
          + " 40 ms frame on screen, as a video player does) or clock (the continuous media"
          + " clock, as an audio-clocked player does) (default: ${DEFAULT-VALUE}).")
  VirtualPlayerAdapter.PositionReport positionReport;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the virtual player's seek durations (default: random).")
  Long seed;

  /** The player a headless participant runs. */
  enum Engine {
    /** A modelled player without media. */
    VIRTUAL,
    /** FFmpeg decoding the room's movie, streamed from its torrent; no window, no sound. */
    FFMPEG
  }

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "virtual",
      description = "virtual: a modelled player without media; ffmpeg: decode the room's movie for"
          + " real as it streams from its torrent, with no window or sound, so --trace records"
          + " the real media clock (default: ${DEFAULT-VALUE}).")
  Engine engine;

  @Option(
      names = "--media",
      paramLabel = "MAGNET|FILE.torrent",
      description = "With --create and --engine ffmpeg: the movie the room plays, a magnet link"
          + " or a .torrent file. With --user it is added to your library (if not there yet)."
          + " The script starts once the movie is chosen.")
  String media;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Log in as NAME first, for servers that require accounts; the password comes"
          + " from --password or the SYNCER_PASSWORD environment variable.")
  String user;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      description = "The password of --user (visible to other users of this machine in the"
          + " process list: prefer SYNCER_PASSWORD).")
  String password;

  @Option(names = "--register", description = "Create the --user account first.")
  boolean register;

  @Option(
      names = "--download-dir",
      paramLabel = "DIR",
      description = "With --engine ffmpeg: where movies are downloaded (default: a new temporary"
          + " directory).")
  Path downloadDirectory;

  @Option(
      names = "--peer-address",
      paramLabel = "IP",
      defaultValue = "0.0.0.0",
      description = "With --engine ffmpeg: the address peers connect to for the movie's pieces"
          + " (default: ${DEFAULT-VALUE}, all interfaces).")
  String peerAddress;

  @Option(
      names = "--no-dht",
      description = "With --engine ffmpeg: find peers only through the room and the torrent.")
  boolean noDht;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs a headless participant with {@code args}; {@code out} gets only the lines scripts read,
   * {@code err} the problems. Returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine =
        new CommandLine(new HeadlessParticipant())
            .setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> {
          cl.getErr().println("syncer-player: " + e.getMessage());
          return CommandLine.ExitCode.SOFTWARE;
        });
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    validate();
    return ParticipantRun.start(this, spec.commandLine().getOut(), spec.commandLine().getErr())
        .awaitExitCode();
  }

  /** The password of {@code --user}: the option, else the environment. */
  String password() {
    return password != null ? password : System.getenv("SYNCER_PASSWORD");
  }

  private void validate() {
    String scheme = server.getScheme();
    if (!("ws".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme))
        || server.getHost() == null) {
      throw usage("--server must be a ws:// or wss:// URL with a host, e.g."
          + " ws://127.0.0.1:8470/ws/v1; got " + server);
    }
    if (!room.create && RoomCodes.normalize(room.code).isEmpty()) {
      throw usage("--room: '" + room.code + "' is not a room code (" + RoomCodes.MIN_LENGTH + ".."
          + RoomCodes.MAX_LENGTH + " letters and digits)");
    }
    if (script != null && !room.create) {
      throw usage("--script needs --create: only the room's owner can drive it");
    }
    if (awaitMembers < 1 || awaitMembers > 1_000) {
      throw usage("--await-members must be 1..1000, not " + awaitMembers);
    }
    if (name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
      throw usage("--name must be 1..64 characters without control characters");
    }
    if (Math.abs(clockOffsetMillis) > MAX_OFFSET_MILLIS) {
      throw usage("--clock-offset-ms must be within a day");
    }
    if (!(Math.abs(clockSkewPpm) <= MAX_SKEW_PPM)) {
      throw usage("--clock-skew-ppm must be within ±" + (long) MAX_SKEW_PPM);
    }
    if (media != null && (!room.create || engine != Engine.FFMPEG)) {
      throw usage("--media needs --create and --engine ffmpeg: the owner chooses the movie");
    }
    if ((password != null || register) && user == null) {
      throw usage("--password and --register need --user");
    }
    if (user != null && (password() == null || password().isEmpty())) {
      throw usage("--user needs a password: --password or the SYNCER_PASSWORD environment variable");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** Parses {@code --script}, turning its errors into usage errors. */
  static final class ScriptConverter implements CommandLine.ITypeConverter<OwnerScript> {
    @Override
    public OwnerScript convert(String value) {
      try {
        return OwnerScript.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Parses durations such as {@code 90s}, turning errors into usage errors. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Durations.parseMicros(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
