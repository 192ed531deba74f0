package io.ballot.examples.twophase;

/**
 * A protocol message on the wire: one text line {@code KIND FROM}, where {@code FROM} is the sender's node index
 * (0 the transaction manager, 1..N the resource managers).
 */
record Message(Kind kind, int from) {

  /** What a message says. */
  enum Kind {
    /** TM to RM: please vote. */
    PREPARE,
    /** RM to TM: I am prepared (a durable yes vote). */
    VOTE_YES,
    /** RM to TM: I aborted (a no vote). */
    VOTE_NO,
    /** TM to RM: the transaction committed. */
    COMMIT,
    /** TM to RM: the transaction aborted. */
    ABORT,
    /** RM to TM: what did you decide? (the RM's termination protocol) */
    STATUS
  }

  String encode() {
    return kind + " " + from;
  }

  /** The message of one wire line, or null for a line that is not one (it is ignored, like a corrupt packet). */
  static Message decode(String line) {
    String[] parts = line.trim().split(" ");
    if (parts.length != 2) {
      return null;
    }
    try {
      return new Message(Kind.valueOf(parts[0]), Integer.parseInt(parts[1]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
