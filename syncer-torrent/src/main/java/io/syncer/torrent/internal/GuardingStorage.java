package io.syncer.torrent.internal;

import bt.data.Storage;
import bt.data.StorageUnit;
import bt.data.file.FileSystemStorage;
import bt.metainfo.Torrent;
import bt.metainfo.TorrentFile;
import io.syncer.torrent.TorrentFileInfo;
import io.syncer.torrent.TorrentMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * bt storage in one directory that only creates files for metadata this library validated, and
 * hands the unit of the streamed file to the session for reading.
 *
 * <p>bt's {@link FileSystemStorage} already normalizes path elements; this wrapper refuses to
 * create anything unless the torrent's files are exactly the validated ones (no "..", no
 * separators, no NUL), so a hostile torrent never gets a file created at all.
 *
 * <p>Thread-safety: safe for concurrent use; bt calls it from its processing threads.
 */
public final class GuardingStorage implements Storage {

  /** What the session tells the storage, and learns from it. */
  public interface Session {
    /** The validated metadata, or null while unknown or after it was rejected. */
    TorrentMetadata acceptedMetadata();

    /** Index of the file being streamed. */
    int streamedFileIndex();

    void streamedFileUnit(StorageUnit unit);
  }

  private final Storage delegate;
  private final Supplier<Session> session;

  public GuardingStorage(Path directory, Supplier<Session> session) {
    this.delegate = new FileSystemStorage(directory);
    this.session = session;
  }

  @Override
  public StorageUnit getUnit(Torrent torrent, TorrentFile torrentFile) {
    Session owner = session.get();
    TorrentMetadata metadata = owner.acceptedMetadata();
    if (metadata == null) {
      throw new IllegalStateException("refusing to store data of unvalidated torrent metadata");
    }
    int index = identityIndex(torrent.getFiles(), torrentFile);
    if (index < 0 || index >= metadata.files().size()
        || !matches(metadata, metadata.files().get(index), torrent, torrentFile)) {
      throw new IllegalStateException("refusing to store a file that is not in the validated metadata");
    }
    StorageUnit unit = delegate.getUnit(torrent, torrentFile);
    if (index == owner.streamedFileIndex()) {
      owner.streamedFileUnit(unit);
    }
    return unit;
  }

  @Override
  public void flush() {
    delegate.flush();
  }

  private static boolean matches(
      TorrentMetadata metadata, TorrentFileInfo expected, Torrent torrent, TorrentFile actual) {
    return actual.getSize() == expected.length()
        && actual.getPathElements().equals(expected.path())
        && (metadata.files().size() == 1 || metadata.name().equals(torrent.getName()));
  }

  /**
   * The file's position in the torrent. bt's files have no equality, and a single-file torrent
   * makes a new file object on every {@code getFiles()} call.
   */
  private static int identityIndex(List<TorrentFile> files, TorrentFile file) {
    if (files.size() == 1) {
      return 0;
    }
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i) == file) {
        return i;
      }
    }
    return -1;
  }
}
