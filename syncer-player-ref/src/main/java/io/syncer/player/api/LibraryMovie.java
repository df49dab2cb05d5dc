package io.syncer.player.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A movie in the user's library, as the REST API shows it to its owner.
 *
 * <p>Thread-safety: immutable.
 *
 * @param id the movie's id
 * @param title its title
 * @param description its description, empty when none
 * @param infoHash the torrent's info-hash
 * @param magnet a magnet link for the torrent
 * @param hasTorrentFile whether a .torrent file was uploaded (then {@code files} are known)
 * @param files the torrent's files, empty for a movie added by magnet link
 * @param fileIndex the file to play, empty when the files are not known
 * @param tags sorted tags
 * @param myRating the user's rating 1..10, if any
 * @param averageRating the average rating, if anybody rated
 * @param ratingCount how many rated
 */
public record LibraryMovie(
    String id,
    String title,
    String description,
    String infoHash,
    String magnet,
    boolean hasTorrentFile,
    List<MovieFile> files,
    OptionalInt fileIndex,
    List<String> tags,
    OptionalInt myRating,
    OptionalDouble averageRating,
    int ratingCount) {

  public LibraryMovie {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    files = List.copyOf(files);
    tags = List.copyOf(tags);
  }

  /** The file the room plays: the chosen one, or the first when the files are not known yet. */
  public int playedFileIndex() {
    return fileIndex.orElse(0);
  }

  /** The length of the played file, if the files are known. */
  public OptionalLong playedFileLength() {
    return files.stream()
        .filter(f -> f.index() == playedFileIndex())
        .mapToLong(MovieFile::length)
        .findFirst();
  }

  /**
   * One file of the torrent.
   *
   * <p>Thread-safety: immutable.
   */
  public record MovieFile(int index, String path, long length) {}

}
