package io.syncer.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void allowsABurstThenTheRefillRate() {
    TokenBucket bucket = TokenBucket.perSecond(3, 2, 0);
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isFalse();
    assertThat(bucket.tryTake(499_999)).isFalse();
    assertThat(bucket.tryTake(500_000)).isTrue();
    assertThat(bucket.tryTake(500_000)).isFalse();
  }

  @Property(tries = 200)
  void neverPermitsMoreThanCapacityPlusRefill(
      @ForAll @IntRange(min = 1, max = 50) int capacity,
      @ForAll @IntRange(min = 1, max = 100) int perSecond,
      @ForAll @LongRange(min = 1, max = 50_000) long stepMicros) {
    TokenBucket bucket = TokenBucket.perSecond(capacity, perSecond, 0);
    long now = 0;
    int permitted = 0;
    for (int i = 0; i < 2_000; i++) {
      if (bucket.tryTake(now)) {
        permitted++;
      }
      now += stepMicros;
    }
    double bound = capacity + perSecond * (now / 1e6);
    assertThat((double) permitted).isLessThanOrEqualTo(bound);
  }

  @Test
  void perMinuteBucketsAndPeekingDoesNotSpend() {
    TokenBucket bucket = TokenBucket.perMinute(1, 6, 0);
    assertThat(bucket.hasToken(0)).isTrue();
    assertThat(bucket.hasToken(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.hasToken(9_999_999)).isFalse();
    assertThat(bucket.tryTake(10_000_000)).isTrue();
  }
}
