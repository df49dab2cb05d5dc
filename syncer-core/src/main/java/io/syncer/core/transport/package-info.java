/**
 * The transport SPI: {@link io.syncer.core.transport.Session} (what Syncer sends through) and
 * {@link io.syncer.core.transport.SessionListener} (what the transport delivers to). Implement both
 * ends to carry Syncer over anything that moves text messages in order.
 */
package io.syncer.core.transport;
