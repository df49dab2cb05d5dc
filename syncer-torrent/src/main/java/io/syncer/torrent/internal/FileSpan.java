package io.syncer.torrent.internal;

/**
 * Where one file of a torrent lies in the torrent's pieces.
 *
 * @param fileOffset byte offset of the file's first byte in the torrent's concatenated data
 * @param fileLength the file's length in bytes
 * @param pieceLength bytes per piece
 * @param pieceCount pieces in the whole torrent
 */
public record FileSpan(long fileOffset, long fileLength, long pieceLength, int pieceCount) {

  public FileSpan {
    if (fileOffset < 0 || fileLength < 0 || pieceLength <= 0 || pieceCount <= 0) {
      throw new IllegalArgumentException("invalid file span");
    }
  }

  /** The piece holding the file's byte at {@code position}, clamped to the file's pieces. */
  public int pieceAt(long position) {
    long clamped = Math.max(0, Math.min(position, Math.max(0, fileLength - 1)));
    return (int) Math.min(pieceCount - 1L, (fileOffset + clamped) / pieceLength);
  }

  public int firstPiece() {
    return pieceAt(0);
  }

  public int lastPiece() {
    return pieceAt(fileLength - 1);
  }

  /** File position of the first byte of {@code piece} (0 if the piece starts before the file). */
  public long filePositionOf(int piece) {
    return Math.max(0, piece * pieceLength - fileOffset);
  }

  /** File position just past the last byte of {@code piece} that belongs to the file. */
  public long filePositionAfter(int piece) {
    return Math.min(fileLength, (piece + 1L) * pieceLength - fileOffset);
  }

  /** Number of pieces that hold at least one byte of {@code bytes} starting at a piece start. */
  public int piecesFor(long bytes) {
    return (int) Math.min(pieceCount, Math.max(1, (bytes + pieceLength - 1) / pieceLength));
  }
}
