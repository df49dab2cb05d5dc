package io.syncer.server.examples;

import io.syncer.core.jakarta.JakartaClient;
import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.PlayerAdapter;
import io.syncer.protocol.message.PlayerState;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;

/**
 * "Embed Syncer", part 2: keep your own player in sync. Wrap it in a {@link PlayerAdapter}, give it
 * to a {@link ParticipantSession}, connect, join: from then on the session moves your player to the
 * room's timeline.
 */
public final class WatchTogether {

  private WatchTogether() {}

  /** Your player, whatever it is (times in milliseconds, say). */
  public interface MyVideoPlayer {
    long currentTimeMillis();

    void play();

    void pause();

    void seekMillis(long position);

    void setSpeed(double speed);

    double speed();

    boolean isStalled();

    long bufferedMillis();
  }

  /** The adapter: Syncer speaks microseconds. */
  static final class MyPlayerAdapter implements PlayerAdapter {
    private final MyVideoPlayer player;

    MyPlayerAdapter(MyVideoPlayer player) {
      this.player = player;
    }

    @Override
    public long positionUs() {
      return player.currentTimeMillis() * 1_000;
    }

    @Override
    public void play() {
      player.play();
    }

    @Override
    public void pause() {
      player.pause();
    }

    @Override
    public void seek(long positionUs) {
      player.seekMillis(positionUs / 1_000);
    }

    @Override
    public void setRate(double rate) {
      player.setSpeed(rate);
    }

    @Override
    public double rate() {
      return player.speed();
    }

    @Override
    public PlayerState state() {
      return player.isStalled() ? PlayerState.BUFFERING : PlayerState.READY;
    }

    @Override
    public long bufferedAheadUs() {
      return player.bufferedMillis() * 1_000;
    }

    @Override
    public long seekLatencyUs() {
      return 250_000;
    }
  }

  /** Joins room {@code code} on {@code server} (e.g. ws://127.0.0.1:8470/ws/v1) as {@code name}. */
  public static ParticipantSession join(
      WebSocketContainer container, URI server, String code, String name, MyVideoPlayer player)
      throws Exception {
    ParticipantSession session =
        ParticipantSession.builder(new MyPlayerAdapter(player)).name(name).build();
    JakartaClient.connect(container, server, session, JakartaOptions.defaults());
    session.joinRoom(code);
    return session;
  }
}
