package io.syncer.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.syncer.core.store.jdbc.JdbcSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server that {@code scripts/test-setup.d/20-postgresql.sh} starts, found through
 * the {@code target/test-env/postgresql.properties} file it writes at the repository root. Each
 * test gets its own schema, so runs never see each other's data.
 *
 * <p>Without that file the tests are skipped locally and fail when {@code CI=true}: CI must never
 * silently skip them.
 */
public final class PostgresTestDatabase {

  private static final String SETUP = "scripts/test-setup.d/20-postgresql.sh";

  private PostgresTestDatabase() {}

  /** Connection settings with a fresh, unique schema (created on first use by the store). */
  public static JdbcSettings freshSchema() {
    Properties properties = load();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    // Two connections are plenty for one test and keep the per-test pool start cheap.
    return new JdbcSettings(properties.getProperty("url"), properties.getProperty("user"),
        properties.getProperty("password"), schema, 2);
  }

  /** Drops the schema and everything in it. */
  public static void dropSchema(JdbcSettings settings) throws SQLException {
    try (Connection c = DriverManager.getConnection(settings.url(), settings.user(),
            settings.password());
        Statement s = c.createStatement()) {
      // The schema name is generated above from a UUID, never input.
      s.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
    }
  }

  private static Properties load() {
    Path root = repositoryRoot();
    Path file = root.resolve("target/test-env/postgresql.properties");
    if (!Files.isRegularFile(file)) {
      String message = "PostgreSQL test server not set up: " + file + " is missing; run "
          + SETUP + " as root (scripts/test does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + ". CI=true, so this is a failure, not a skip.");
      }
      Assumptions.abort(message);
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      fail("cannot read " + file, e);
    }
    return properties;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(SETUP))) {
        return dir;
      }
    }
    return fail("no " + SETUP + " above " + Path.of("").toAbsolutePath());
  }
}
