package io.syncer.player.api;

import java.time.Instant;

/**
 * A comment on a movie.
 *
 * <p>Thread-safety: immutable.
 */
public record MovieComment(String id, String author, String text, Instant createdAt) {}
