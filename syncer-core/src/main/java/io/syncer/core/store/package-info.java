/**
 * The persistence SPI ({@link io.syncer.core.store.SyncerStore}, joining {@link
 * io.syncer.core.account.AccountStore} and {@link io.syncer.core.library.LibraryStore}) and its
 * in-memory implementation; {@code io.syncer.core.store.jdbc} holds the JDBC one.
 */
package io.syncer.core.store;
