package io.ballot.cli.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Whether the process at the other end of a Unix socket runs as the daemon's own user (SO_PEERCRED). The socket's
 * directory is already private (mode 0700); this is the second lock: a daemon never runs anything for another user.
 */
final class PeerCheck {
  private PeerCheck() {}

  /** True only when the peer's user is known and is this process's user. */
  static boolean sameUser(SocketChannel channel) {
    try {
      UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      UserPrincipal me = FileSystems.getDefault().getUserPrincipalLookupService()
          .lookupPrincipalByName(System.getProperty("user.name"));
      return peer != null && peer.user().equals(me);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
