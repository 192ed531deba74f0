package io.ballot.checker.ir;

import java.util.List;
import java.util.Map;

/**
 * What a message-passing network declared with Ballot's extensions is, for reports: the front end lowers a network
 * to an ordinary state variable (of the same name) and rules; this description lets traces show messages instead of
 * that encoding. {@code kind} says how the variable holds messages, {@code messages} the declared message kinds in
 * order, {@code rules} the lowered rules that move a message (receives, losses, duplications).
 */
public record NetworkInfo(String name, Kind kind, List<MessageKind> messages, List<MessageRule> rules) {

  /** How a network is encoded (see docs/language.md, "Message passing"). */
  public enum Kind {
    /** A record of boolean arrays, one per message kind, indexed by its fields. */
    SET,
    /** A multiset of records with a {@code kind} field and the fields of every message kind. */
    UNORDERED,
    /** An array [sender] of array [receiver] of a queue record {@code count}, {@code slot[0..N-1]}. */
    ORDERED
  }

  /** A declared message kind and its field names, in declaration order. */
  public record MessageKind(String name, List<String> fields) {}

  /** What a lowered rule does to a network's messages. */
  public enum Role {
    RECEIVE,
    LOSE,
    DUPLICATE
  }

  /**
   * A rule that receives, loses or duplicates a message, identified by its name and location. The parameter names
   * say which message: {@code slot} the multiset index (unordered), {@code from}/{@code to} the queue (ordered; null otherwise) and
   * {@code position} the place in it (ordered; null position: the head), {@code fieldParameters} the quantifiers
   * that hold the fields of message kind {@code message} (a set network's receive). {@code internal} are the
   * parameters that are encoding, not the user's, and are not shown in traces.
   */
  public record MessageRule(
      String rule,
      SourceLocation location,
      Role role,
      String message,
      String slot,
      Endpoint from,
      Endpoint to,
      String position,
      List<String> fieldParameters,
      List<String> internal) {}

  /**
   * An ordered network's sender or receiver as a rule selects it: the rule's parameter that holds it, or a fixed
   * value the rule names (an enum value or a constant, as traces show it). Exactly one of the two is non-null.
   */
  public record Endpoint(String parameter, String fixed) {
    /** The endpoint held by the rule's parameter {@code name}. */
    public static Endpoint parameter(String name) {
      return new Endpoint(name, null);
    }

    /** The endpoint {@code value}, named by the rule itself. */
    public static Endpoint fixed(String value) {
      return new Endpoint(null, value);
    }

    /** This endpoint's value in a step whose parameters had the values {@code params}. */
    public String in(Map<String, String> params) {
      return fixed != null ? fixed : params.get(parameter);
    }

    /** The parameter's name, or {@code fixed VALUE}. */
    @Override
    public String toString() {
      return fixed != null ? "fixed " + fixed : parameter;
    }
  }

  /** The message kind named {@code name}, or null. */
  public MessageKind message(String name) {
    return messages.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }
}
