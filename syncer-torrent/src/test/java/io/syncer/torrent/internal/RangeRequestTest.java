package io.syncer.torrent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.torrent.internal.RangeRequest.Kind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeRequestTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL             | FULL          | 0   | 999",
        "bytes=0-99       | PARTIAL       | 0   | 99",
        "bytes=100-       | PARTIAL       | 100 | 999",
        "bytes=-100       | PARTIAL       | 900 | 999",
        "bytes=-5000      | PARTIAL       | 0   | 999",
        "bytes=990-5000   | PARTIAL       | 990 | 999",
        "BYTES = 5 - 6    | PARTIAL       | 5   | 6",
        "bytes=1000-      | UNSATISFIABLE | 0   | -1",
        "bytes=-0         | UNSATISFIABLE | 0   | -1",
        "bytes=0-1,5-6    | FULL          | 0   | 999",
        "items=0-5        | FULL          | 0   | 999",
        "bytes=abc        | MALFORMED     | 0   | -1",
        "bytes=5-4        | MALFORMED     | 0   | -1",
        "bytes=-          | MALFORMED     | 0   | -1",
        "bytes=x-5        | MALFORMED     | 0   | -1",
        "bytes=99999999999999999999- | MALFORMED | 0 | -1",
        "garbage          | MALFORMED     | 0   | -1",
      })
  void interpretsRangeHeaders(String header, Kind kind, long start, long end) {
    assertThat(RangeRequest.parse(header, 1000)).isEqualTo(new RangeRequest(kind, start, end));
  }

  @Property(tries = 500)
  void partialRangesAlwaysLieInsideTheRepresentation(
      @ForAll @StringLength(max = 40) String spec, @ForAll @LongRange(min = 1, max = 1L << 40) long length) {
    RangeRequest range = RangeRequest.parse("bytes=" + spec, length);
    if (range.kind() == Kind.PARTIAL || range.kind() == Kind.FULL) {
      assertThat(range.start()).isBetween(0L, range.end());
      assertThat(range.end()).isLessThan(length);
    }
  }

  @Property(tries = 300)
  void wellFormedRangesAreServedExactly(
      @ForAll @LongRange(min = 0, max = 5000) long first,
      @ForAll @LongRange(min = 0, max = 5000) long extra,
      @ForAll @LongRange(min = 1, max = 10_000) long length) {
    RangeRequest range = RangeRequest.parse("bytes=" + first + "-" + (first + extra), length);
    if (first >= length) {
      assertThat(range.kind()).isEqualTo(Kind.UNSATISFIABLE);
    } else {
      assertThat(range).isEqualTo(new RangeRequest(Kind.PARTIAL, first, Math.min(first + extra, length - 1)));
    }
  }
}
