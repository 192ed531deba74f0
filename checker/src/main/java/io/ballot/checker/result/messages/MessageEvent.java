package io.ballot.checker.result.messages;

/**
 * What one step did to one message: sent, received, lost or duplicated it (or removed it otherwise). {@code from}
 * and {@code to} name the queue of an ordered network (null for the other kinds). {@code full}: a message
 * {@link Action#LOST lost} because the step sent it to a full network (or queue) that drops ({@code when full: drop}).
 */
public record MessageEvent(Action action, String network, String from, String to, Message message, boolean full) {

  /** An event that is not a drop at a full network. */
  public MessageEvent(Action action, String network, String from, String to, Message message) {
    this(action, network, from, to, message, false);
  }

  /** What happened to the message. */
  public enum Action {
    SENT("sent"),
    RECEIVED("received"),
    LOST("lost"),
    DUPLICATED("duplicated"),
    REMOVED("removed");

    private final String word;

    Action(String word) {
      this.word = word;
    }

    /** The lower-case word traces print, e.g. {@code sent}. */
    public String word() {
      return word;
    }
  }

  /**
   * {@code sent Vote(src: Node_1)}, with {@code from A to B} for an ordered network's queue, {@code on NET} when
   * {@code withNetwork} (a model with several networks), and {@code (network full)} or {@code (queue full)} for a
   * message dropped at a full network.
   */
  public String describe(boolean withNetwork) {
    StringBuilder b = new StringBuilder(action.word()).append(' ').append(message);
    if (from != null) {
      b.append(" from ").append(from).append(" to ").append(to);
    }
    if (withNetwork) {
      b.append(" on ").append(network);
    }
    if (full) {
      b.append(from != null ? " (queue full)" : " (network full)");
    }
    return b.toString();
  }
}
