package io.ballot.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replaces a file's text without a moment where the file is partly written: the text goes to a temporary file next
 * to it, which is then moved over it (atomically where the file system can). A failure leaves the file as it was. A
 * symbolic link is followed (its target is rewritten, the link stays), and the file's permissions are kept.
 */
final class AtomicFileWriter {

  private AtomicFileWriter() {}

  static void write(Path file, String text, Charset charset) throws IOException {
    Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, text, charset);
      copyPermissions(target, tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) { // absent on Windows, where the new file inherits the directory's access rules
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    }
  }
}
