package io.syncer.core.library;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A partial change to a movie's details: only the fields that were set change.
 *
 * <p>Build with {@link #builder()}; for example {@code
 * MovieUpdate.builder().title("Alien").clearYear().build()}.
 *
 * <p>Thread-safety: immutable.
 */
public final class MovieUpdate {

  private final String title;
  private final String description;
  private final boolean yearSet;
  private final Integer year;
  private final List<String> tags;
  private final Integer fileIndex;

  private MovieUpdate(Builder b) {
    this.title = b.title;
    this.description = b.description;
    this.yearSet = b.yearSet;
    this.year = b.year;
    this.tags = b.tags;
    this.fileIndex = b.fileIndex;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The new title, if it changes. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** The new description, if it changes; empty text removes it. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * The new year, if it changes: {@code Optional.of(OptionalInt.empty())} removes it.
   */
  public Optional<OptionalInt> year() {
    if (!yearSet) {
      return Optional.empty();
    }
    return Optional.of(year == null ? OptionalInt.empty() : OptionalInt.of(year));
  }

  /** The new tags, replacing all old ones, if they change. */
  public Optional<List<String>> tags() {
    return Optional.ofNullable(tags);
  }

  /** The index of the file to play, if it changes. */
  public OptionalInt fileIndex() {
    return fileIndex == null ? OptionalInt.empty() : OptionalInt.of(fileIndex);
  }

  /**
   * Collects the fields of a {@link MovieUpdate}.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private String title;
    private String description;
    private boolean yearSet;
    private Integer year;
    private List<String> tags;
    private Integer fileIndex;

    private Builder() {}

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Empty text removes the description. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder year(int year) {
      this.yearSet = true;
      this.year = year;
      return this;
    }

    public Builder clearYear() {
      this.yearSet = true;
      this.year = null;
      return this;
    }

    /** Replaces all tags; an empty list removes them. */
    public Builder tags(List<String> tags) {
      this.tags = List.copyOf(tags);
      return this;
    }

    public Builder fileIndex(int fileIndex) {
      this.fileIndex = fileIndex;
      return this;
    }

    public MovieUpdate build() {
      return new MovieUpdate(this);
    }
  }
}
