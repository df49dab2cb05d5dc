package io.syncer.core.library;

/**
 * The documented limits of the library; input beyond them is refused with an {@link
 * io.syncer.core.error.InvalidInputException} naming the field. Lengths count UTF-16 characters.
 *
 * <p>Thread-safety: constants only.
 */
public final class LibraryLimits {

  public static final int MAX_TITLE_LENGTH = 200;
  public static final int MAX_DESCRIPTION_LENGTH = 4000;
  public static final int MIN_YEAR = 1870;
  public static final int MAX_YEAR = 2100;
  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG_LENGTH = 32;
  public static final int MAX_COMMENT_LENGTH = 2000;
  public static final int MAX_SEARCH_LENGTH = 200;
  public static final int MAX_PAGE_SIZE = 100;
  public static final int MAX_MAGNET_LENGTH = 65_536;
  public static final int MAX_TORRENT_FILE_BYTES = 4 * 1024 * 1024;

  private LibraryLimits() {}
}
