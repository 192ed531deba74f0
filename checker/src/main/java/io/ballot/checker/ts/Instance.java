package io.ballot.checker.ts;

import io.ballot.checker.ir.SourceLocation;
import java.util.List;

/**
 * A named thing with its quantifier values: a rule or start state instance, or a property instance. {@code name}
 * is the user's name or a generated one ({@code Rule 3}); {@code parameters} read like {@code p: 1}.
 */
public record Instance(String name, List<String> parameters, SourceLocation location) {

  /** {@code name} followed by its parameters, e.g. {@code request, p: 1}. */
  public String describe() {
    return parameters.isEmpty() ? name : name + ", " + String.join(", ", parameters);
  }
}
