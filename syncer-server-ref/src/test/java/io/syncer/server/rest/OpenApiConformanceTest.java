package io.syncer.server.rest;

import static io.syncer.server.rest.RestTestServer.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.syncer.core.library.MovieSharing;
import io.syncer.core.store.InMemorySyncerStore;
import io.syncer.core.testing.FakeTorrentInspector;
import io.syncer.core.testing.MutableClock;
import io.syncer.server.rest.RestTestServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol/openapi.yaml is the contract: every operation it documents exists on the server,
 * refuses an anonymous caller when it needs a token, and answers with a status it documents.
 */
class OpenApiConformanceTest {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
  private RestTestServer api;
  private JsonNode spec;

  @BeforeEach
  void start() throws Exception {
    api = new RestTestServer(new InMemorySyncerStore(), new FakeTorrentInspector(),
        MovieSharing.none(), MutableClock.atNewYear2026(), true);
    spec = new ObjectMapper(new YAMLFactory()).readTree(specFile().toFile());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static Path specFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/protocol/openapi.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return fail("docs/protocol/openapi.yaml not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void everyDocumentedOperationExistsAndGuardsItsCallers() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      String concrete = path.getKey()
          .replace("{movieId}", UUID.randomUUID().toString())
          .replace("{commentId}", UUID.randomUUID().toString());
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonNode operation = path.getValue().get(method);
        boolean open = operation.has("security") && operation.get("security").isEmpty();
        boolean hasBody = operation.has("requestBody");
        Reply reply = api.call(method.toUpperCase(), concrete, null,
            hasBody ? "application/json" : null, hasBody ? "{}".getBytes() : null);
        assertThat(reply.body().isObject()).as("%s %s answers JSON", method, path.getKey())
            .isTrue();
        if (open) {
          assertError(reply, 400, reply.code());
          assertThat(reply.code()).startsWith("invalid_");
        } else {
          assertError(reply, 401, "missing_token");
        }
        assertThat(operation.get("responses").has(String.valueOf(reply.status())))
            .as("%s %s documents status %s", method, path.getKey(), reply.status()).isTrue();
        checked.add(method.toUpperCase() + " " + path.getKey());
      }
    }
    assertThat(checked).hasSize(19);
  }
}
