package io.syncer.protocol.drift;

import io.syncer.protocol.clock.ClockStrategy;

/**
 * A complete way of keeping a participant in sync: how it keeps time with the server and how it
 * corrects its player. Syncer's own is {@link SyncerDriftPolicy}; {@link SyncplayLikePolicy} and
 * {@link JellyfinLikePolicy} reproduce the behaviour of Syncplay and Jellyfin SyncPlay so that a
 * simulator can run all of them side by side through this interface.
 *
 * <p>Thread-safety: implementations are immutable and safe to share; the clocks and controllers
 * they create are not thread-safe and belong to one participant session each.
 */
public interface SyncPolicy {

  /** Short stable name for reports, e.g. {@code "syncer"}. */
  String name();

  /** A fresh clock strategy for one connection to a server. */
  ClockStrategy newClock();

  /** A fresh drift controller for one player. */
  DriftController newController();
}
