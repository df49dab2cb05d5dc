package io.syncer.player.api;

/**
 * A user account as the server names it.
 *
 * <p>Thread-safety: immutable.
 */
public record Account(String id, String username) {}
