package io.syncer.core.room;

/**
 * What a resume token stands for: an identity and the connection that holds it now. Replaced
 * (never mutated) whenever another connection takes the identity over.
 */
record Ticket(String memberId, String name, Principal principal, Connection connection) {}
