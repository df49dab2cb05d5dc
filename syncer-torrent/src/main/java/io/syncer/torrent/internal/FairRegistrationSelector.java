package io.syncer.torrent.internal;

import bt.net.SharedSelector;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * bt 1.10's {@link SharedSelector} with a registration that cannot starve.
 *
 * <p>In bt 1.10 a new peer connection registers with the selector by spinning on a non-fair
 * lock that the receiving loop takes again for every {@code select}, and it only wakes the
 * selector when a flag set after taking the lock says so. On a busy two-core machine the
 * registration can lose that race for a long time: the connection is open and handshaken but its
 * messages (the peer's bitfield first) are never read, and the download never starts. bt fixed it
 * after 1.10 (issue #252, a registration queue). Here the lock is fair and the selector is woken
 * before waiting, so a registration waits for at most the select in progress.
 *
 * <p>Thread-safety: safe for concurrent use, like the selector it wraps.
 */
public final class FairRegistrationSelector extends SharedSelector {
  private final Selector delegate;
  private final ReentrantReadWriteLock registration = new ReentrantReadWriteLock(true);

  public FairRegistrationSelector(Selector delegate) {
    super(delegate);
    this.delegate = delegate;
  }

  @Override
  public int selectNow() throws IOException {
    registration.writeLock().lock();
    try {
      return delegate.selectNow();
    } finally {
      registration.writeLock().unlock();
    }
  }

  @Override
  public int select(long timeout) throws IOException {
    registration.writeLock().lock();
    try {
      return delegate.select(timeout);
    } finally {
      registration.writeLock().unlock();
    }
  }

  @Override
  public int select() throws IOException {
    registration.writeLock().lock();
    try {
      return delegate.select();
    } finally {
      registration.writeLock().unlock();
    }
  }

  @Override
  public void wakeupAndRegister(SelectableChannel channel, int ops, Object attachment) {
    // A wakeup before the select starts makes that select return at once, so this never waits
    // longer than one select; the fair lock then lets this registration in before the next one.
    delegate.wakeup();
    registration.readLock().lock();
    try {
      channel.register(delegate, ops, attachment);
    } catch (ClosedChannelException e) {
      throw new IllegalStateException("Failed to register channel", e);
    } finally {
      registration.readLock().unlock();
    }
  }
}
