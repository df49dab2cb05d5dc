package io.syncer.server.storage;

import io.syncer.core.store.jdbc.JdbcSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the reference server keeps its data, as the operator chose it.
 *
 * <p>Without a database URL the server uses an embedded H2 database in the data directory. With
 * one (PostgreSQL in production) it uses that database through a connection pool. The token
 * signing key lives in the data directory either way, unless given explicitly.
 *
 * @param dataDirectory holds the H2 database ({@code syncer.mv.db}) and the signing key ({@code
 *     jwt-signing.key}); created if missing
 * @param databaseUrl JDBC URL, or {@code null} for the embedded H2 database
 * @param databaseUser database user, or {@code null}
 * @param databasePassword database password, or {@code null}; never logged or shown by {@link
 *     #toString()}
 * @param databaseSchema schema for the tables (created if missing), or {@code null} for the
 *     connection's default
 * @param signingKeyBase64 the token signing key (Base64, at least 32 bytes), or {@code null} to
 *     use (and on first start create) the key file in the data directory
 *     <p>Thread-safety: immutable.
 */
public record StorageOptions(
    Path dataDirectory,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String databaseSchema,
    String signingKeyBase64) {

  /** The data directory when the operator names none. */
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("syncer-data");
  /** Environment variables read by {@link #fromEnvironment}, next to the command-line flags. */
  public static final String ENV_DB_URL = "SYNCER_DB_URL";
  public static final String ENV_DB_USER = "SYNCER_DB_USER";
  public static final String ENV_DB_PASSWORD = "SYNCER_DB_PASSWORD";
  public static final String ENV_DB_SCHEMA = "SYNCER_DB_SCHEMA";
  public static final String ENV_JWT_KEY = "SYNCER_JWT_KEY";

  public StorageOptions {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    databaseUrl = blankToNull(databaseUrl);
    databaseUser = blankToNull(databaseUser);
    databasePassword = blankToNull(databasePassword);
    databaseSchema = blankToNull(databaseSchema);
    signingKeyBase64 = blankToNull(signingKeyBase64);
  }

  /** Embedded H2 in {@code dataDirectory}, key file there too. */
  public static StorageOptions embedded(Path dataDirectory) {
    return new StorageOptions(dataDirectory, null, null, null, null, null);
  }

  /**
   * Options from the environment variables {@code SYNCER_DB_URL}, {@code SYNCER_DB_USER},
   * {@code SYNCER_DB_PASSWORD}, {@code SYNCER_DB_SCHEMA} and {@code SYNCER_JWT_KEY}, for those
   * the command line did not give.
   */
  public static StorageOptions fromEnvironment(Path dataDirectory, Map<String, String> env) {
    return new StorageOptions(dataDirectory, env.get(ENV_DB_URL), env.get(ENV_DB_USER),
        env.get(ENV_DB_PASSWORD), env.get(ENV_DB_SCHEMA), env.get(ENV_JWT_KEY));
  }

  /** True when the embedded H2 database is used. */
  public boolean embeddedDatabase() {
    return databaseUrl == null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "StorageOptions[dataDirectory=" + dataDirectory + ", databaseUrl="
        + (databaseUrl == null ? "embedded H2" : JdbcSettings.redact(databaseUrl))
        + ", databaseUser=" + databaseUser
        + ", databasePassword=" + (databasePassword == null ? "none" : "(hidden)")
        + ", databaseSchema=" + databaseSchema + ", signingKey="
        + (signingKeyBase64 == null ? "key file in the data directory" : "(given, hidden)") + "]";
  }
}
