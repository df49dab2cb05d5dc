package io.syncer.core.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the token signing key from the data directory, creating it on first start. */
final class SigningKeyFile {

  static final String FILE_NAME = "jwt-signing.key";
  private static final int GENERATED_KEY_BYTES = 64;
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFile.class);

  private SigningKeyFile() {}

  static byte[] loadOrCreate(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(directory, file);
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (key.length < SigningKeyProvider.MIN_KEY_BYTES) {
        throw new IllegalStateException(
            file + " holds a key of " + key.length + " bytes; at least "
                + SigningKeyProvider.MIN_KEY_BYTES + " are needed (delete the file to generate one;"
                + " every issued token becomes invalid)");
      }
      return key;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the token signing key " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " is not Base64 text", e);
    }
  }

  private static void create(Path directory, Path file) throws IOException {
    Files.createDirectories(directory);
    byte[] key = new byte[GENERATED_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    // Written to a private temporary file first so the key is never visible half-written or to
    // other users, then moved into place in one step.
    Path temporary = createOwnerOnlyFile(directory);
    try {
      Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n",
          StandardCharsets.US_ASCII);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      LOG.debug("token signing key appeared concurrently, using the existing one");
    } finally {
      Files.deleteIfExists(temporary);
    }
    LOG.info("generated a new token signing key in {}", file);
  }

  private static Path createOwnerOnlyFile(Path directory) throws IOException {
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(directory, FILE_NAME, ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(directory, FILE_NAME, ".tmp");
  }
}
