package io.syncer.torrent;

/**
 * What a streaming torrent is doing, for a UI: a snapshot taken about once a second.
 *
 * <p>Thread-safety: immutable.
 *
 * @param infoHash the torrent's info-hash (40 lowercase hex digits)
 * @param metadataKnown whether the metadata has arrived (always true for .torrent files)
 * @param downloadBytesPerSecond recent download rate of piece data
 * @param uploadBytesPerSecond recent upload rate of piece data
 * @param downloadedBytes piece data downloaded so far in this session
 * @param uploadedBytes piece data uploaded so far in this session
 * @param peers connected peers
 * @param piecesVerified pieces downloaded and verified
 * @param pieceCount pieces in the torrent (0 until the metadata is known)
 * @param playheadPosition file position of the most recent reader, 0 when none reads
 * @param bufferedAheadBytes verified bytes from the playhead on, without a gap
 * @param bufferedAheadSeconds the same at the media bitrate estimate
 * @param stalls how many times a read has had to wait for a piece
 * @param stalled whether some read is waiting for a piece now
 */
public record StreamStatus(
    String infoHash,
    boolean metadataKnown,
    long downloadBytesPerSecond,
    long uploadBytesPerSecond,
    long downloadedBytes,
    long uploadedBytes,
    int peers,
    int piecesVerified,
    int pieceCount,
    long playheadPosition,
    long bufferedAheadBytes,
    double bufferedAheadSeconds,
    int stalls,
    boolean stalled) {}
