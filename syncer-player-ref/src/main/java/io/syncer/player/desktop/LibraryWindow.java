package io.syncer.player.desktop;

import io.syncer.player.api.LibraryMovie;
import io.syncer.player.api.MovieComment;
import io.syncer.player.api.MoviePage;
import io.syncer.player.api.SyncerApi;
import io.syncer.protocol.message.RoomCodes;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.datatransfer.DataFlavor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.ListSelectionModel;
import javax.swing.SpinnerNumberModel;
import javax.swing.TransferHandler;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.AbstractTableModel;

/**
 * The user's movie library: search by title and tag, add by magnet link or .torrent file (chosen
 * or dropped onto the window), edit a movie's title, description, tags and rating, read and write
 * its comments, and start watching it together or join a friend's room.
 *
 * <p>Thread-safety: a Swing component; use it on the event dispatch thread. Server calls run on
 * the {@link Background} worker.
 */
final class LibraryWindow extends JFrame {

  private static final long serialVersionUID = 1L;
  /** The API's limit for a .torrent upload. */
  private static final long MAX_TORRENT_BYTES = 4L * 1024 * 1024;
  private static final int PAGE_SIZE = 100;

  /** What the library asks of the app. */
  interface Actions {
    void watchTogether(LibraryMovie movie);

    void joinRoom(String code);

    void logOut();
  }

  private final transient Texts texts;
  private final transient Background background;
  private final transient SyncerApi api;
  private final transient Actions actions;
  private final MovieTableModel movies;
  private final JTable table;
  private final JTextField search = new JTextField(16);
  private final JTextField tag = new JTextField(10);
  private final JLabel status = new JLabel(" ");
  private final JTextField title = new JTextField(24);
  private final JTextArea description = new JTextArea(5, 24);
  private final JTextField tags = new JTextField(24);
  private final JSpinner rating = new JSpinner(new SpinnerNumberModel(0, 0, 10, 1));
  private final JLabel averageRating = new JLabel(" ");
  private final JButton save;
  private final JTextArea comments = new JTextArea(8, 24);
  private final JTextField newComment = new JTextField(24);
  private final JButton postComment;
  private transient LibraryMovie selected;

  LibraryWindow(Texts texts, Background background, SyncerApi api, String username, Actions actions) {
    super(texts.format("library.title", username));
    this.texts = texts;
    this.background = background;
    this.api = api;
    this.actions = actions;
    this.movies = new MovieTableModel(texts);
    this.table = new JTable(movies);
    this.save = new JButton(texts.get("library.details.save"));
    this.postComment = new JButton(texts.get("library.comment.post"));
    setDefaultCloseOperation(DISPOSE_ON_CLOSE);

    table.setName("library.table");
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setFillsViewportHeight(true);
    table.getSelectionModel().addListSelectionListener(e -> {
      if (!e.getValueIsAdjusting()) {
        select(table.getSelectedRow() < 0 ? null : movies.at(table.getSelectedRow()));
      }
    });
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(table), details());
    split.setResizeWeight(0.6);
    add(toolbar(), BorderLayout.NORTH);
    add(split, BorderLayout.CENTER);
    status.setName("library.status");
    status.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    status.setText(texts.get("library.hint"));
    add(status, BorderLayout.SOUTH);
    TransferHandler dropTorrents = new TorrentDrop();
    getRootPane().setTransferHandler(dropTorrents);
    table.setTransferHandler(dropTorrents);
    select(null);
    setPreferredSize(new Dimension(1000, 620));
    pack();
    setLocationRelativeTo(null);
    refresh();
  }

  private JToolBar toolbar() {
    JToolBar bar = new JToolBar();
    bar.setFloatable(false);
    search.setName("library.search");
    tag.setName("library.tag");
    JButton find = button("library.find", e -> refresh());
    search.addActionListener(e -> refresh());
    tag.addActionListener(e -> refresh());
    bar.add(new JLabel(texts.get("library.search") + " "));
    bar.add(search);
    bar.add(new JLabel("  " + texts.get("library.tag") + " "));
    bar.add(tag);
    bar.add(find);
    bar.addSeparator();
    bar.add(button("library.addMagnet", e -> askForMagnet()));
    bar.add(button("library.addTorrent", e -> chooseTorrents()));
    bar.addSeparator();
    bar.add(button("library.createRoom", e -> watchSelected()));
    bar.add(button("library.joinRoom", e -> askForRoomCode()));
    bar.addSeparator();
    bar.add(button("library.logOut", e -> actions.logOut()));
    return bar;
  }

  private JButton button(String key, java.awt.event.ActionListener action) {
    JButton button = new JButton(texts.get(key));
    button.setName(key);
    button.addActionListener(action);
    return button;
  }

  private JPanel details() {
    JPanel panel = new JPanel(new GridBagLayout());
    panel.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
    title.setName("details.title");
    description.setName("details.description");
    description.setLineWrap(true);
    description.setWrapStyleWord(true);
    tags.setName("details.tags");
    rating.setName("details.rating");
    save.setName("details.save");
    save.addActionListener(e -> saveDetails());
    comments.setName("details.comments");
    comments.setEditable(false);
    comments.setLineWrap(true);
    comments.setWrapStyleWord(true);
    newComment.setName("details.newComment");
    postComment.setName("details.postComment");
    postComment.addActionListener(e -> post());
    newComment.addActionListener(e -> post());

    int row = 0;
    row = labelled(panel, row, "library.details.title", title, 0);
    row = labelled(panel, row, "library.details.description", new JScrollPane(description), 0.3);
    row = labelled(panel, row, "library.details.tags", tags, 0);
    JPanel ratingRow = new JPanel(new BorderLayout(8, 0));
    ratingRow.add(rating, BorderLayout.WEST);
    ratingRow.add(averageRating, BorderLayout.CENTER);
    ratingRow.add(save, BorderLayout.EAST);
    row = labelled(panel, row, "library.details.rating", ratingRow, 0);
    row = labelled(panel, row, "library.comments", new JScrollPane(comments), 0.7);
    JPanel commentRow = new JPanel(new BorderLayout(8, 0));
    commentRow.add(newComment, BorderLayout.CENTER);
    commentRow.add(postComment, BorderLayout.EAST);
    GridBagConstraints c = fill(row, 0);
    panel.add(commentRow, c);
    return panel;
  }

  private int labelled(JPanel panel, int row, String key, java.awt.Component field, double weight) {
    GridBagConstraints label = fill(row, 0);
    label.insets = new Insets(6, 0, 2, 0);
    panel.add(new JLabel(texts.get(key)), label);
    panel.add(field, fill(row + 1, weight));
    return row + 2;
  }

  private static GridBagConstraints fill(int row, double weight) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.gridy = row;
    c.weightx = 1;
    c.weighty = weight;
    c.fill = weight > 0 ? GridBagConstraints.BOTH : GridBagConstraints.HORIZONTAL;
    return c;
  }

  // ---- library ----

  /** Loads the library again with the current search and tag. */
  void refresh() {
    String query = search.getText();
    String tagFilter = tag.getText();
    String keep = selected == null ? null : selected.id();
    background.run(
        () -> api.movies(query, tagFilter, 0, PAGE_SIZE),
        (MoviePage page) -> {
          movies.show(page.items());
          status.setText(texts.format("library.count", page.totalItems()) + "  ·  " + texts.get("library.hint"));
          reselect(keep);
        },
        this::showProblem);
  }

  private void reselect(String id) {
    for (int row = 0; row < movies.getRowCount(); row++) {
      if (movies.at(row).id().equals(id)) {
        table.setRowSelectionInterval(row, row);
        return;
      }
    }
    if (movies.getRowCount() > 0) {
      table.setRowSelectionInterval(0, 0);
    } else {
      select(null);
    }
  }

  private void askForMagnet() {
    String magnet = JOptionPane.showInputDialog(this, texts.get("library.magnetPrompt"),
        texts.get("library.addMagnet"), JOptionPane.PLAIN_MESSAGE);
    if (magnet != null && !magnet.isBlank()) {
      add(() -> api.addMagnet(magnet));
    }
  }

  private void chooseTorrents() {
    JFileChooser chooser = new JFileChooser();
    chooser.setMultiSelectionEnabled(true);
    chooser.setFileFilter(new FileNameExtensionFilter(texts.get("library.torrentFilter"), "torrent"));
    if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
      addTorrentFiles(Arrays.stream(chooser.getSelectedFiles()).map(File::toPath).toList());
    }
  }

  /** Adds .torrent files, one server call each. */
  void addTorrentFiles(List<Path> files) {
    for (Path file : files) {
      add(() -> api.addTorrentFile(readTorrent(file)));
    }
  }

  private byte[] readTorrent(Path file) throws IOException {
    long size;
    byte[] bytes;
    try {
      size = Files.size(file);
      bytes = size > MAX_TORRENT_BYTES ? null : Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException(texts.format("error.cannotRead", file), e);
    }
    if (bytes == null) {
      throw new IOException(texts.format("error.fileTooLarge", file.getFileName()));
    }
    return bytes;
  }

  private void add(Background.Work<LibraryMovie> adding) {
    background.run(adding, movie -> {
      status.setText(texts.format("library.added", movie.title()));
      selected = movie;
      refreshKeeping(movie.id());
    }, this::showProblem);
  }

  private void refreshKeeping(String id) {
    background.run(() -> api.movies(search.getText(), tag.getText(), 0, PAGE_SIZE), (MoviePage page) -> {
      movies.show(page.items());
      reselect(id);
    }, this::showProblem);
  }

  // ---- details ----

  private void select(LibraryMovie movie) {
    selected = movie;
    boolean any = movie != null;
    for (java.awt.Component field : new java.awt.Component[] {title, description, tags, rating, save, newComment, postComment}) {
      field.setEnabled(any);
    }
    title.setText(any ? movie.title() : "");
    description.setText(any ? movie.description() : "");
    tags.setText(any ? String.join(", ", movie.tags()) : "");
    rating.setValue(any ? movie.myRating().orElse(0) : 0);
    averageRating.setText(any ? MovieTableModel.rating(texts, movie) : " ");
    comments.setText("");
    if (any) {
      String id = movie.id();
      background.run(() -> api.comments(id), list -> {
        if (selected != null && selected.id().equals(id)) {
          comments.setText(commentText(list));
        }
      }, this::showProblem);
    }
  }

  private String commentText(List<MovieComment> list) {
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
    StringBuilder text = new StringBuilder();
    for (MovieComment comment : list) {
      text.append(comment.author()).append(" · ").append(when.format(comment.createdAt())).append('\n')
          .append(comment.text()).append("\n\n");
    }
    return text.toString();
  }

  private void saveDetails() {
    LibraryMovie movie = selected;
    if (movie == null) {
      return;
    }
    String newTitle = title.getText();
    String newDescription = description.getText();
    List<String> newTags = new ArrayList<>();
    for (String part : tags.getText().split(",")) {
      if (!part.isBlank()) {
        newTags.add(part.strip());
      }
    }
    int stars = (Integer) rating.getValue();
    background.run(() -> {
      LibraryMovie edited = api.edit(movie.id(), newTitle, newDescription, newTags);
      if (stars > 0 && edited.myRating().orElse(0) != stars) {
        api.rate(movie.id(), stars);
      }
      return edited;
    }, edited -> {
      status.setText(texts.get("library.details.saved"));
      refreshKeeping(edited.id());
    }, this::showProblem);
  }

  private void post() {
    LibraryMovie movie = selected;
    String text = newComment.getText();
    if (movie == null || text.isBlank()) {
      return;
    }
    background.run(() -> {
      api.addComment(movie.id(), text);
      return api.comments(movie.id());
    }, list -> {
      newComment.setText("");
      if (selected != null && selected.id().equals(movie.id())) {
        comments.setText(commentText(list));
      }
    }, this::showProblem);
  }

  // ---- rooms ----

  private void watchSelected() {
    if (selected == null) {
      DesktopApp.showError(this, texts, texts.get("library.selectMovie"));
      return;
    }
    actions.watchTogether(selected);
  }

  private void askForRoomCode() {
    String typed = JOptionPane.showInputDialog(this, texts.get("room.joinPrompt"),
        texts.get("library.joinRoom"), JOptionPane.PLAIN_MESSAGE);
    if (typed == null || typed.isBlank()) {
      return;
    }
    Optional<String> code = RoomCodes.normalize(typed);
    if (code.isEmpty()) {
      DesktopApp.showError(this, texts, texts.format("error.notRoomCode", typed.strip()));
      return;
    }
    actions.joinRoom(code.get());
  }

  private void showProblem(Exception e) {
    DesktopApp.showError(this, texts, texts.problem(e, api.server()));
  }

  /** Accepts .torrent files dropped onto the window. */
  private final class TorrentDrop extends TransferHandler {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean canImport(TransferSupport support) {
      return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
    }

    @Override
    public boolean importData(TransferSupport support) {
      if (!canImport(support)) {
        return false;
      }
      try {
        @SuppressWarnings("unchecked")
        List<File> files = (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
        addTorrentFiles(files.stream().map(File::toPath).toList());
        return true;
      } catch (java.awt.datatransfer.UnsupportedFlavorException | IOException e) {
        return false;
      }
    }
  }

  /** The library's rows: title, tags, rating. */
  private static final class MovieTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private final transient Texts texts;
    private transient List<LibraryMovie> rows = List.of();

    MovieTableModel(Texts texts) {
      this.texts = texts;
    }

    void show(List<LibraryMovie> movies) {
      rows = List.copyOf(movies);
      fireTableDataChanged();
    }

    LibraryMovie at(int row) {
      return rows.get(row);
    }

    @Override
    public int getRowCount() {
      return rows.size();
    }

    @Override
    public int getColumnCount() {
      return 3;
    }

    @Override
    public String getColumnName(int column) {
      return texts.get(switch (column) {
        case 0 -> "library.column.title";
        case 1 -> "library.column.tags";
        default -> "library.column.rating";
      });
    }

    @Override
    public Object getValueAt(int row, int column) {
      LibraryMovie movie = rows.get(row);
      return switch (column) {
        case 0 -> movie.title();
        case 1 -> String.join(", ", movie.tags());
        default -> rating(texts, movie);
      };
    }

    static String rating(Texts texts, LibraryMovie movie) {
      return movie.averageRating().isPresent()
          ? texts.format("library.rating", String.format(java.util.Locale.ROOT, "%.1f", movie.averageRating().getAsDouble()), movie.ratingCount())
          : texts.get("library.noRating");
    }
  }

}
