package io.syncer.core.store.jdbc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a {@link JdbcSyncerStore} keeps its data.
 *
 * @param url JDBC URL, for example {@code jdbc:postgresql://db.example:5432/syncer}; the driver
 *     must be on the class path (the reference server bundles H2 and PostgreSQL)
 * @param user database user, or {@code null} when the URL or driver supplies it
 * @param password database password, or {@code null}; {@link #toString()} never shows it
 * @param schema schema to create the tables in (created if missing), or {@code null} for the
 *     connection's default
 * @param maximumPoolSize most connections the pool opens
 *     <p>Thread-safety: immutable.
 */
public record JdbcSettings(
    String url, String user, String password, String schema, int maximumPoolSize) {

  public static final int DEFAULT_POOL_SIZE = 10;
  /** File name (without H2's {@code .mv.db} suffix) of the embedded database in a data directory. */
  public static final String H2_FILE_NAME = "syncer";
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(password=)[^&;\\s]*");

  public JdbcSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("a JDBC URL starts with 'jdbc:'");
    }
    if (maximumPoolSize < 1) {
      throw new IllegalArgumentException("maximumPoolSize must be at least 1");
    }
  }

  /** A database at {@code url} with the default schema and pool size. */
  public static JdbcSettings of(String url, String user, String password) {
    return new JdbcSettings(url, user, password, null, DEFAULT_POOL_SIZE);
  }

  /** The embedded H2 database in {@code dataDirectory} (file {@code syncer.mv.db}). */
  public static JdbcSettings h2(Path dataDirectory) {
    Path file = dataDirectory.toAbsolutePath().resolve(H2_FILE_NAME);
    return new JdbcSettings("jdbc:h2:file:" + file, null, null, null, DEFAULT_POOL_SIZE);
  }

  /** The same database with tables in {@code schema}. */
  public JdbcSettings withSchema(String schema) {
    return new JdbcSettings(url, user, password, schema, maximumPoolSize);
  }

  /**
   * {@code text} with every {@code password=...} parameter (as a JDBC URL may carry one) replaced
   * by {@code password=(hidden)}, so URLs and driver messages can be logged.
   */
  public static String redact(String text) {
    return text == null ? null : PASSWORD_PARAMETER.matcher(text).replaceAll("$1(hidden)");
  }

  @Override
  public String toString() {
    return "JdbcSettings[url=" + redact(url) + ", user=" + user + ", password="
        + (password == null ? "none" : "(hidden)") + ", schema=" + schema + ", maximumPoolSize="
        + maximumPoolSize + "]";
  }
}
