/**
 * The JSON codec of the wire protocol: {@link io.syncer.protocol.codec.MessageCodec} encodes
 * messages canonically and decodes untrusted input strictly, failing only with {@link
 * io.syncer.protocol.codec.ProtocolException}, which carries the error code to send back.
 *
 * <p>Thread-safety: {@code MessageCodec} is immutable and may be shared by every connection and
 * thread; it keeps no per-call state. {@code ProtocolException} is immutable.
 */
package io.syncer.protocol.codec;
