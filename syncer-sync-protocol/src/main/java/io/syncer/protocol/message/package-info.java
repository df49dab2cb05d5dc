/**
 * The messages of the Syncer wire protocol v1 ({@code docs/protocol/PROTOCOL.md}) as a sealed
 * hierarchy of immutable records, plus the value records they carry ({@link
 * io.syncer.protocol.message.Timeline}, {@link io.syncer.protocol.message.Member}, {@link
 * io.syncer.protocol.message.Media}, {@link io.syncer.protocol.message.SwarmPeer}) and their enums.
 *
 * <p>Every record validates its fields in its constructor (ranges, lengths, character sets) and
 * throws {@link java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException}
 * for a null) otherwise, so an instance is always a valid, encodable message. Times and positions
 * are integer microseconds; optional fields are {@link java.util.Optional} or {@link
 * java.util.OptionalLong}, never null. Lists are unmodifiable copies.
 *
 * <p>Thread-safety: every type in this package is immutable and safe to share between threads.
 * {@code toString()} of messages that carry secrets ({@code hello}, {@code welcome}) redacts them.
 */
package io.syncer.protocol.message;
