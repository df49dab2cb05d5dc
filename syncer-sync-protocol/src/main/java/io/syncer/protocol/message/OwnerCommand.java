package io.syncer.protocol.message;

/**
 * A playback control that only the room's owner may send; the server answers anyone else with
 * {@code error{code:"forbidden"}} and changes nothing.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public sealed interface OwnerCommand extends Request
    permits Play, Pause, Seek, SetRate, SetMedia, TransferOwner {}
