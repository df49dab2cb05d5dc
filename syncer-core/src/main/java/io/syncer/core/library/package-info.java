/**
 * Each user's movie library: {@link io.syncer.core.library.LibraryService} adds movies by magnet
 * link or .torrent file (parsed by a {@link io.syncer.core.library.TorrentInspector}), keeps
 * details, tags, ratings and comments, searches, and derives the {@link
 * io.syncer.core.library.RoomMedia} a room streams; {@link io.syncer.core.library.LibraryStore} is
 * the persistence SPI behind it.
 */
package io.syncer.core.library;
