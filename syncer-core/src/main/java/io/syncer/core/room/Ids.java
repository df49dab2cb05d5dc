package io.syncer.core.room;

import io.syncer.protocol.message.RoomCodes;
import java.util.random.RandomGenerator;

/**
 * The random identifiers the authority hands out. Room codes use the room alphabet ({@link
 * RoomCodes#ALPHABET}, Crockford's Base32: 5 bits a character, look-alikes folded on input), so
 * {@value #ROOM_CODE_LENGTH} characters carry 50 bits; resume tokens carry 160 bits.
 *
 * <p>Thread-safety: as safe as the generator ({@link java.security.SecureRandom} is).
 */
final class Ids {

  static final int ROOM_CODE_LENGTH = 10;
  private static final int MEMBER_ID_LENGTH = 12;
  private static final int RESUME_TOKEN_LENGTH = 32;
  private static final String LOWER_ALPHABET =
      RoomCodes.ALPHABET.toLowerCase(java.util.Locale.ROOT);

  private final RandomGenerator random;

  Ids(RandomGenerator random) {
    this.random = random;
  }

  String roomCode() {
    return draw(RoomCodes.ALPHABET, ROOM_CODE_LENGTH);
  }

  String memberId() {
    return "m" + draw(LOWER_ALPHABET, MEMBER_ID_LENGTH);
  }

  String sessionId() {
    return "s" + draw(LOWER_ALPHABET, MEMBER_ID_LENGTH);
  }

  String resumeToken() {
    return draw(LOWER_ALPHABET, RESUME_TOKEN_LENGTH);
  }

  private String draw(String alphabet, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return new String(chars);
  }
}
