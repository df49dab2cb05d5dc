package io.syncer.player.desktop;

import io.syncer.core.jakarta.JakartaClient;
import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.session.ParticipantListener;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.ParticipantSnapshot;
import io.syncer.core.transport.CloseCode;
import io.syncer.player.api.LibraryMovie;
import io.syncer.player.api.SyncerApi;
import io.syncer.player.room.RoomConnections;
import io.syncer.player.room.RoomPlayer;
import io.syncer.player.room.RoomStreaming.PreparedMovie;
import io.syncer.player.ui.PlayerWindow;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Welcome;
import io.syncer.torrent.StreamStatus;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Session;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.table.AbstractTableModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room on screen: the player window with the room's code (and a copy button), its members
 * with their sync offset and buffer, the owner's controls (enabled only for the owner, the others
 * see why not), hand-over of control, and a status bar with the torrent's download speed, peers
 * and buffered-ahead time. The movie streams from its torrent in this process ({@link
 * RoomPlayer}); the {@link ParticipantSession} keeps it on the room's timeline.
 *
 * <p>The owner's movie is prepared (its .torrent fetched from the library, or its magnet's
 * metadata fetched from peers) while the room is created, and chosen for the room once both are
 * done.
 *
 * <p>Threads: the room player's and the session's (see each), the WebSocket client's, and {@code
 * syncer-room-reconnect}, which reconnects after the connection drops. Leaving the room stops
 * them all.
 *
 * <p>Thread-safety: create and use on the event dispatch thread; session events hop to it.
 */
final class RoomScreen implements ParticipantListener {

  private static final Logger log = LoggerFactory.getLogger(RoomScreen.class);
  private static final int REFRESH_MILLIS = 500;
  private static final long RECONNECT_SECONDS = 3;
  /** Refusals after which there is no room to show. */
  private static final Set<ErrorCode> FATAL =
      EnumSet.of(ErrorCode.ROOM_NOT_FOUND, ErrorCode.ROOM_FULL, ErrorCode.UNAUTHORIZED,
          ErrorCode.UNSUPPORTED_VERSION, ErrorCode.ALREADY_IN_ROOM);

  private final Texts texts;
  private final SyncerApi api;
  private final RoomPlayer player;
  private final ParticipantSession session;
  private final Optional<String> joinCode;
  private final CompletableFuture<PreparedMovie> prepared;
  private final Optional<LibraryMovie> movie;
  private final Runnable onClosed;
  private final ScheduledExecutorService reconnects =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "syncer-room-reconnect");
            thread.setDaemon(true);
            return thread;
          });
  private final PlayerWindow window;
  private final JLabel code = new JLabel("…");
  private final JButton copy;
  private final MemberTableModel members;
  private final JTable memberTable;
  private final JButton makeOwner;
  private final JLabel streamStatus = new JLabel(" ");
  private final JLabel roomStatus = new JLabel(" ");
  private final Timer refresh;
  private volatile Session connection;
  private volatile boolean leaving;
  private volatile String knownCode;
  private boolean inRoom;
  private boolean mediaChosen;

  private RoomScreen(Texts texts, SyncerApi api, RoomPlayer player, Optional<LibraryMovie> movie,
      Optional<String> joinCode, CompletableFuture<PreparedMovie> prepared, Runnable onClosed) {
    this.texts = texts;
    this.api = api;
    this.player = player;
    this.movie = movie;
    this.joinCode = joinCode;
    this.prepared = prepared;
    this.onClosed = onClosed;
    this.session =
        ParticipantSession.builder(player.adapter())
            .name(api.tokens().orElseThrow().account().username())
            .tokens(api::freshAccessToken)
            .clientName("syncer-player/0.1")
            .listener(player.listenerThen(this))
            .build();
    player.attach(session);

    window = new PlayerWindow(player.backend());
    window.setName("room.window");
    window.setTitle(texts.format("room.title", "…"));
    window.setControls(new SessionControls(session));
    window.setControlsEnabled(false, texts.get("room.connecting"));
    copy = new JButton(texts.get("room.copy"));
    copy.setName("room.copy");
    copy.setEnabled(false);
    copy.addActionListener(e -> copyCode());
    members = new MemberTableModel(texts);
    memberTable = new JTable(members);
    memberTable.setName("room.members");
    memberTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    makeOwner = new JButton(texts.get("room.makeOwner"));
    makeOwner.setName("room.makeOwner");
    makeOwner.setEnabled(false);
    makeOwner.addActionListener(e -> handOver());
    memberTable.getSelectionModel().addListSelectionListener(e -> updateControls());
    window.add(sidePanel(), BorderLayout.EAST);
    window.setStatusBar(statusBar());
    window.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        leave();
      }
    });
    window.setPreferredSize(new Dimension(1180, 640));
    window.pack();
    window.setLocationRelativeTo(null);
    refresh = new Timer(REFRESH_MILLIS, e -> showState());
  }

  /**
   * Opens the room player and the window, then connects: creates a room for {@code movie}, or
   * joins {@code joinCode}. Blocks for the start of the torrent runtime and the connection: call
   * on a background thread, then {@link #show()} on the event thread.
   *
   * @throws IOException when the player cannot start or the server cannot be reached
   */
  static RoomScreen open(Texts texts, SyncerApi api, RoomPlayer.Options options,
      Optional<LibraryMovie> movie, Optional<String> joinCode, Runnable onClosed) throws Exception {
    RoomPlayer player = RoomPlayer.start(options, problem -> SwingUtilities.invokeLater(
        () -> DesktopApp.showError(null, texts, problem)));
    try {
      CompletableFuture<PreparedMovie> prepared = movie.isPresent()
          ? prepare(api, player, movie.get())
          : new CompletableFuture<>();
      RoomScreen[] screen = new RoomScreen[1];
      SwingUtilities.invokeAndWait(() ->
          screen[0] = new RoomScreen(texts, api, player, movie, joinCode, prepared, onClosed));
      screen[0].connect();
      return screen[0];
    } catch (Exception | Error e) {
      player.close();
      throw e;
    }
  }

  /** The owner's movie made ready to be chosen; a .torrent from the library needs no peer. */
  private static CompletableFuture<PreparedMovie> prepare(SyncerApi api, RoomPlayer player, LibraryMovie movie)
      throws Exception {
    if (movie.hasTorrentFile()) {
      byte[] torrent = api.torrentFile(movie.id());
      return CompletableFuture.completedFuture(player.streaming().preload(torrent, movie.fileIndex()));
    }
    return player.streaming().prepare(movie.magnet());
  }

  /** Shows the window; call on the event thread. */
  void show() {
    window.setVisible(true);
    refresh.start();
  }

  /** Brings the window to the front. */
  void toFront() {
    window.toFront();
  }

  /** Leaves the room and closes the window. */
  void close() {
    window.dispose();
  }

  private void connect() throws Exception {
    connection = JakartaClient.connect(
        ContainerProvider.getWebSocketContainer(), api.webSocketUri(), session, JakartaOptions.defaults());
  }

  // ---- layout ----

  private JPanel sidePanel() {
    JPanel side = new JPanel();
    side.setLayout(new BoxLayout(side, BoxLayout.Y_AXIS));
    side.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
    side.setPreferredSize(new Dimension(360, 0));
    JLabel codeLabel = new JLabel(texts.get("room.code"));
    code.setName("room.code");
    code.setFont(code.getFont().deriveFont(Font.BOLD, code.getFont().getSize2D() * 1.8f));
    JPanel codeRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
    codeRow.add(code);
    codeRow.add(javax.swing.Box.createHorizontalStrut(12));
    codeRow.add(copy);
    JPanel top = new JPanel(new BorderLayout());
    top.add(codeLabel, BorderLayout.NORTH);
    top.add(codeRow, BorderLayout.CENTER);
    top.setMaximumSize(new Dimension(Integer.MAX_VALUE, top.getPreferredSize().height));
    top.setAlignmentX(0);
    side.add(top);
    side.add(javax.swing.Box.createVerticalStrut(12));
    JLabel membersLabel = new JLabel(texts.get("room.members"));
    membersLabel.setAlignmentX(0);
    side.add(membersLabel);
    JScrollPane tableScroll = new JScrollPane(memberTable);
    tableScroll.setAlignmentX(0);
    side.add(tableScroll);
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 6));
    buttons.add(makeOwner);
    JButton leave = new JButton(texts.get("room.leave"));
    leave.setName("room.leave");
    leave.addActionListener(e -> close());
    buttons.add(javax.swing.Box.createHorizontalStrut(8));
    buttons.add(leave);
    buttons.setAlignmentX(0);
    buttons.setMaximumSize(new Dimension(Integer.MAX_VALUE, buttons.getPreferredSize().height));
    side.add(buttons);
    return side;
  }

  private JPanel statusBar() {
    JPanel bar = new JPanel(new BorderLayout());
    bar.setBorder(BorderFactory.createEmptyBorder(2, 0, 0, 0));
    streamStatus.setName("room.streamStatus");
    roomStatus.setName("room.status");
    bar.add(roomStatus, BorderLayout.WEST);
    bar.add(streamStatus, BorderLayout.EAST);
    return bar;
  }

  // ---- session events (session thread: hop to the event thread) ----

  @Override
  public void onWelcome(Welcome welcome) {
    if (welcome.resumed()) {
      return;
    }
    // First welcome, or the server forgot us while we were away: (re)enter the room we know.
    String known = knownCode;
    if (known != null) {
      session.joinRoom(known);
    } else if (joinCode.isPresent()) {
      session.joinRoom(joinCode.get());
    } else {
      session.createRoom();
    }
  }

  @Override
  public void onRoomState(RoomState state) {
    knownCode = state.code();
    SwingUtilities.invokeLater(() -> {
      inRoom = true;
      code.setText(state.code());
      copy.setEnabled(true);
      window.setTitle(texts.format("room.title", state.code()));
      if (movie.isPresent() && !mediaChosen && state.ownerId().equals(state.memberId())) {
        mediaChosen = true;
        prepared.whenComplete((ready, error) -> {
          if (error != null) {
            log.warn("the movie could not be prepared: {}", error.toString());
            SwingUtilities.invokeLater(() -> DesktopApp.showError(window, texts,
                error.getCause() instanceof Exception cause ? texts.problem(cause, api.server()) : texts.get("error.unexpected")));
          } else {
            session.setMedia(media(movie.get(), ready));
          }
        });
      }
      showState();
    });
  }

  @Override
  public void onError(ErrorMessage error) {
    SwingUtilities.invokeLater(() -> {
      if (FATAL.contains(error.code()) && !inRoom) {
        String key = "error." + error.code().wireName();
        DesktopApp.showError(window, texts, hasText(key) ? texts.get(key) : texts.format("error.roomRefused", error.message()));
        close();
      } else {
        roomStatus.setText(texts.format("error.roomRefused", error.message()));
      }
    });
  }

  @Override
  public void onDisconnected(CloseCode closeCode, String reason) {
    if (leaving) {
      return;
    }
    log.info("room connection lost ({} {}); reconnecting", closeCode.code(), reason);
    SwingUtilities.invokeLater(() -> roomStatus.setText(texts.get("room.disconnected")));
    reconnects.schedule(this::reconnect, RECONNECT_SECONDS, TimeUnit.SECONDS);
  }

  private void reconnect() {
    if (leaving) {
      return;
    }
    try {
      connect();
    } catch (Exception e) {
      log.info("reconnecting failed: {}", e.toString());
      reconnects.schedule(this::reconnect, RECONNECT_SECONDS, TimeUnit.SECONDS);
    }
  }

  private boolean hasText(String key) {
    try {
      texts.get(key);
      return true;
    } catch (java.util.MissingResourceException e) {
      return false;
    }
  }

  // ---- what the window shows, refreshed twice a second ----

  private void showState() {
    ParticipantSnapshot snapshot = session.snapshot();
    members.show(snapshot.members(), snapshot.memberId().orElse(""), snapshot.ownerId().orElse(""));
    updateControls();
    roomStatus.setText(roomStatusText(snapshot));
    Optional<StreamStatus> stream = player.streaming().status();
    streamStatus.setText(stream.map(s -> texts.format("room.stream", texts.bytes(s.downloadBytesPerSecond()), s.peers(),
        String.format(Locale.ROOT, "%.0f", s.bufferedAheadSeconds()))).orElse(" "));
  }

  private String roomStatusText(ParticipantSnapshot snapshot) {
    if (!snapshot.connected()) {
      return inRoom ? texts.get("room.disconnected") : texts.get("room.connecting");
    }
    if (movie.isPresent() && !prepared.isDone()) {
      return texts.get("room.preparing");
    }
    if (snapshot.media().isEmpty()) {
      return texts.get("room.noMovie");
    }
    if (!snapshot.waitingFor().isEmpty()) {
      String names = snapshot.members().stream()
          .filter(m -> snapshot.waitingFor().contains(m.id()))
          .map(Member::name)
          .collect(Collectors.joining(", "));
      return texts.format("room.waitingFor", names);
    }
    return texts.format("room.offset", Math.round(snapshot.offsetUs() / 1000.0));
  }

  private void updateControls() {
    ParticipantSnapshot snapshot = session.snapshot();
    boolean owner = snapshot.isOwner();
    String ownerName = snapshot.members().stream()
        .filter(m -> snapshot.ownerId().map(m.id()::equals).orElse(false))
        .map(Member::name)
        .findFirst()
        .orElse("?");
    if (owner != window.controlsEnabled()) {
      window.setControlsEnabled(owner, texts.format("room.ownerOnly", ownerName));
    } else if (!owner) {
      window.setControlsEnabled(false, texts.format("room.ownerOnly", ownerName));
    }
    int row = memberTable.getSelectedRow();
    boolean other = row >= 0 && !members.at(row).id().equals(snapshot.memberId().orElse(""));
    makeOwner.setEnabled(owner && other);
  }

  private void handOver() {
    int row = memberTable.getSelectedRow();
    if (row >= 0 && session.snapshot().isOwner()) {
      session.transferOwner(members.at(row).id());
    }
  }

  private void copyCode() {
    Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(code.getText()), null);
    roomStatus.setText(texts.get("room.copied"));
  }

  private void leave() {
    if (leaving) {
      return;
    }
    leaving = true;
    refresh.stop();
    reconnects.shutdownNow();
    Thread closer = new Thread(() -> {
      session.leaveRoom();
      session.close();
      RoomConnections.closeAfterGoodbye(connection, Duration.ofSeconds(2));
      player.close();
      SwingUtilities.invokeLater(onClosed);
    }, "syncer-room-close");
    closer.setDaemon(true);
    closer.start();
  }

  /** What the room plays: the owner's library movie as the torrent says. */
  static Media media(LibraryMovie movie, PreparedMovie ready) {
    String magnet = ready.magnet().length() <= 8192 && ready.magnet().chars().allMatch(c -> c > 32 && c < 127)
        ? ready.magnet()
        : "magnet:?xt=urn:btih:" + ready.infoHash();
    String title = movie.title().length() > 256 ? movie.title().substring(0, 256) : movie.title();
    return new Media(movie.id(), title, ready.infoHash(), magnet, ready.fileIndex(), OptionalLong.empty(),
        OptionalLong.of(ready.fileLength()));
  }

  /** The owner's controls go to the room, which moves everyone. */
  private record SessionControls(ParticipantSession session) implements PlayerWindow.Controls {
    @Override
    public void play() {
      session.play();
    }

    @Override
    public void pause() {
      session.pause();
    }

    @Override
    public void seek(long positionUs) {
      session.seek(positionUs);
    }
  }

  /** The members: name, state, sync offset and buffer. */
  private static final class MemberTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {"room.column.name", "room.column.state", "room.column.offset", "room.column.buffered"};
    private final transient Texts texts;
    private transient List<Member> rows = List.of();
    private String me = "";
    private String owner = "";

    MemberTableModel(Texts texts) {
      this.texts = texts;
    }

    void show(List<Member> members, String memberId, String ownerId) {
      if (members.equals(rows) && memberId.equals(me) && ownerId.equals(owner)) {
        return;
      }
      rows = List.copyOf(members);
      me = memberId;
      owner = ownerId;
      fireTableDataChanged();
    }

    Member at(int row) {
      return rows.get(row);
    }

    @Override
    public int getRowCount() {
      return rows.size();
    }

    @Override
    public int getColumnCount() {
      return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
      return texts.get(COLUMNS[column]);
    }

    @Override
    public Object getValueAt(int row, int column) {
      Member member = rows.get(row);
      return switch (column) {
        case 0 -> name(member);
        case 1 -> texts.get("room.state." + member.state().name().toLowerCase(Locale.ROOT));
        case 2 -> Long.toString(Math.round(member.offsetUs() / 1000.0));
        default -> String.format(Locale.ROOT, "%.1f", member.bufferedAheadUs() / 1_000_000.0);
      };
    }

    private String name(Member member) {
      String name = member.id().equals(me) ? texts.format("room.you", member.name()) : member.name();
      return member.id().equals(owner) ? texts.format("room.owner", name) : name;
    }
  }
}
