package io.syncer.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

  @Test
  void tasksFromManyThreadsNeverOverlapAndAllRun() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      SerialExecutor serial = new SerialExecutor(pool, e -> { throw e; });
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger overlaps = new AtomicInteger();
      int[] unsynchronizedCounter = {0};
      int threads = 4;
      int perThread = 5_000;
      CountDownLatch done = new CountDownLatch(threads * perThread);
      ExecutorService submitters = Executors.newFixedThreadPool(threads);
      for (int t = 0; t < threads; t++) {
        submitters.execute(
            () -> {
              for (int i = 0; i < perThread; i++) {
                serial.execute(
                    () -> {
                      if (inside.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                      }
                      unsynchronizedCounter[0]++;
                      inside.decrementAndGet();
                      done.countDown();
                    });
              }
            });
      }
      submitters.shutdown();
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(overlaps).hasValue(0);
      assertThat(unsynchronizedCounter[0]).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keepsSubmissionOrderAndSurvivesAFailingTask() {
    List<Runnable> pool = new ArrayList<>();
    List<RuntimeException> failures = new ArrayList<>();
    SerialExecutor serial = new SerialExecutor(pool::add, failures::add);
    List<Integer> seen = new ArrayList<>();
    serial.execute(() -> seen.add(1));
    serial.execute(() -> { throw new IllegalStateException("boom"); });
    serial.execute(() -> seen.add(2));
    while (!pool.isEmpty()) {
      pool.remove(0).run();
    }
    assertThat(seen).containsExactly(1, 2);
    assertThat(failures).extracting(Throwable::getMessage).containsExactly("boom");
  }

  @Test
  void yieldsThePoolThreadAfterABatch() {
    List<Runnable> pool = new ArrayList<>();
    SerialExecutor serial = new SerialExecutor(pool::add, e -> { throw e; });
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < SerialExecutor.BATCH + 1; i++) {
      serial.execute(ran::incrementAndGet);
    }
    pool.remove(0).run();
    assertThat(ran).hasValue(SerialExecutor.BATCH);
    assertThat(pool).hasSize(1);
    pool.remove(0).run();
    assertThat(ran).hasValue(SerialExecutor.BATCH + 1);
  }

  @Test
  void tasksSubmittedAfterThePoolStoppedAreDroppedNotThrown() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    SerialExecutor serial = new SerialExecutor(pool, e -> { throw e; });
    CountDownLatch ran = new CountDownLatch(1);
    serial.execute(ran::countDown);
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    AtomicInteger runs = new AtomicInteger();
    serial.execute(runs::incrementAndGet);
    serial.execute(runs::incrementAndGet);

    assertThat(runs).hasValue(0);
  }
}
