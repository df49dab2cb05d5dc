package io.syncer.protocol.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code docs/protocol/vectors/clock-sync.json} against {@link ClockSync}: this
 * implementation is the reference, so it must match every value exactly.
 */
class ClockSyncVectorsTest {

  private static final Path FILE = Path.of("..", "docs", "protocol", "vectors", "clock-sync.json");

  /** Pins the descriptive text too; update it together with the vectors. */
  private static final String SHA256 =
      "c7e722697a4dad260d1741a6a8b3d48aefa8b3562b979b00eea6b21b469990ab";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode root() throws IOException {
    return JSON.readTree(FILE.toFile());
  }

  @Test
  void fileIsExactlyThePublishedOne() throws IOException, NoSuchAlgorithmException {
    byte[] content = Files.readAllBytes(FILE);
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    assertThat(digest).isEqualTo(SHA256);
  }

  @Test
  void configIsTheDefaultConfig() throws IOException {
    JsonNode config = root().get("config");
    ClockSyncConfig defaults = ClockSyncConfig.defaults();
    assertThat(fieldNames(config))
        .containsExactly(
            "burstRequests", "burstIntervalUs", "periodicIntervalUs", "jitterThresholdUs",
            "jitteryBurstRequests", "jitteryPeriodicIntervalUs", "windowSamples",
            "delayFilterFraction", "delayFilterSlackUs", "maxSkewPpm", "minSkewSpanUs",
            "minSkewSamples", "convergedSamples", "jitteryConvergedSamples", "maxRoundTripUs");
    assertThat(config.get("burstRequests").asInt()).isEqualTo(defaults.burstRequests());
    assertThat(config.get("burstIntervalUs").asLong()).isEqualTo(defaults.burstIntervalUs());
    assertThat(config.get("periodicIntervalUs").asLong()).isEqualTo(defaults.periodicIntervalUs());
    assertThat(config.get("jitterThresholdUs").asLong()).isEqualTo(defaults.jitterThresholdUs());
    assertThat(config.get("jitteryBurstRequests").asInt()).isEqualTo(defaults.jitteryBurstRequests());
    assertThat(config.get("jitteryPeriodicIntervalUs").asLong())
        .isEqualTo(defaults.jitteryPeriodicIntervalUs());
    assertThat(config.get("windowSamples").asInt()).isEqualTo(defaults.windowSamples());
    assertThat(config.get("delayFilterFraction").asDouble()).isEqualTo(defaults.delayFilterFraction());
    assertThat(config.get("delayFilterSlackUs").asLong()).isEqualTo(defaults.delayFilterSlackUs());
    assertThat(config.get("maxSkewPpm").asDouble()).isEqualTo(defaults.maxSkewPpm());
    assertThat(config.get("minSkewSpanUs").asLong()).isEqualTo(defaults.minSkewSpanUs());
    assertThat(config.get("minSkewSamples").asInt()).isEqualTo(defaults.minSkewSamples());
    assertThat(config.get("convergedSamples").asInt()).isEqualTo(defaults.convergedSamples());
    assertThat(config.get("jitteryConvergedSamples").asInt())
        .isEqualTo(defaults.jitteryConvergedSamples());
    assertThat(config.get("maxRoundTripUs").asLong()).isEqualTo(defaults.maxRoundTripUs());
  }

  @Test
  void vectorsCoverEveryOutcome() throws IOException {
    List<String> outcomes = new ArrayList<>();
    root().get("vectors").forEach(v -> v.get("steps").forEach(s -> {
      if (s.has("outcome")) {
        outcomes.add(s.get("outcome").asText());
      }
    }));
    for (SampleOutcome outcome : SampleOutcome.values()) {
      assertThat(outcomes).contains(outcome.name().toLowerCase(Locale.ROOT));
    }
  }

  @TestFactory
  Stream<DynamicTest> eachVectorReplaysExactly() throws IOException {
    JsonNode root = root();
    assertThat(root.get("protocol").asInt()).isEqualTo(1);
    List<JsonNode> vectors = new ArrayList<>();
    root.get("vectors").forEach(vectors::add);
    assertThat(vectors).isNotEmpty();
    assertThat(vectors.stream().map(v -> v.get("name").asText()).distinct()).hasSameSizeAs(vectors);
    return vectors.stream()
        .map(vector -> DynamicTest.dynamicTest(vector.get("name").asText(), () -> replay(vector)));
  }

  private static void replay(JsonNode vector) {
    assertThat(fieldNames(vector)).containsExactly("name", "about", "steps");
    ClockSync clock = new ClockSync(ClockSyncConfig.defaults());
    int index = 0;
    for (JsonNode step : vector.get("steps")) {
      String at = "step " + index++;
      if (step.has("send")) {
        assertThat(fieldNames(step)).as(at).containsExactly("send", "nextRequestAtUs");
        clock.requestSent(step.get("send").asLong());
        assertThat(clock.nextRequestAtUs()).as(at).isEqualTo(step.get("nextRequestAtUs").asLong());
      } else if (step.has("receive")) {
        JsonNode r = step.get("receive");
        assertThat(fieldNames(r)).as(at).containsExactly("t0Us", "t1Us", "t2Us", "t3Us");
        SampleOutcome outcome =
            clock.addSample(
                new ClockSample(
                    r.get("t0Us").asLong(), r.get("t1Us").asLong(),
                    r.get("t2Us").asLong(), r.get("t3Us").asLong()));
        assertThat(outcome.name().toLowerCase(Locale.ROOT)).as(at).isEqualTo(step.get("outcome").asText());
        if (outcome == SampleOutcome.CLOCK_STEP) {
          assertThat(fieldNames(step)).as(at).containsExactly("receive", "outcome", "nextRequestAtUs");
          assertThat(clock.nextRequestAtUs()).as(at).isEqualTo(step.get("nextRequestAtUs").asLong());
        } else {
          assertThat(fieldNames(step)).as(at).containsExactly("receive", "outcome");
        }
      } else {
        assertThat(fieldNames(step)).as(at).containsExactly("estimate");
        checkEstimate(clock, step.get("estimate"), at);
      }
    }
  }

  private static void checkEstimate(ClockSync clock, JsonNode expected, String at) {
    var estimate = clock.estimate(expected.get("atLocalUs").asLong());
    if (expected.has("known")) {
      assertThat(fieldNames(expected)).as(at).containsExactly("atLocalUs", "known");
      assertThat(expected.get("known").asBoolean()).as(at).isFalse();
      assertThat(estimate).as(at).isEmpty();
      return;
    }
    assertThat(fieldNames(expected))
        .as(at)
        .containsExactly(
            "atLocalUs", "offsetUs", "skewPpm", "errorBoundUs", "sampleCount", "converged");
    ClockEstimate actual = estimate.orElseThrow();
    assertThat(actual.offsetUs()).as(at).isEqualTo(expected.get("offsetUs").asLong());
    assertThat(actual.errorBoundUs()).as(at).isEqualTo(expected.get("errorBoundUs").asLong());
    assertThat(java.math.BigDecimal.valueOf(actual.skewPpm()).setScale(3, java.math.RoundingMode.HALF_EVEN))
        .as(at)
        .isEqualTo(expected.get("skewPpm").decimalValue().setScale(3));
    assertThat(actual.sampleCount()).as(at).isEqualTo(expected.get("sampleCount").asInt());
    assertThat(actual.converged()).as(at).isEqualTo(expected.get("converged").asBoolean());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void toleranceForOtherImplementationsIsStated() throws IOException {
    JsonNode tolerance = root().get("tolerance");
    assertThat(Set.copyOf(fieldNames(tolerance))).isEqualTo(Set.of("offsetUs", "errorBoundUs", "skewPpm", "about"));
    assertThat(tolerance.get("offsetUs").asLong()).isEqualTo(1);
    assertThat(tolerance.get("errorBoundUs").asLong()).isEqualTo(1);
    assertThat(tolerance.get("skewPpm").decimalValue()).isEqualByComparingTo("0.001");
  }
}
