package io.ballot.checker.ts;

import io.ballot.checker.ir.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named thing with its quantifier values: a rule or start state instance, or a property instance. {@code name}
 * is the user's name or a generated one ({@code Rule 3}); {@code parameters} read like {@code p: 1}.
 */
public record Instance(String name, List<String> parameters, SourceLocation location) {

  /** Parameters as instances and trace steps print them ({@code p: Node_1}), as a map from name to value text, in their order. */
  public static Map<String, String> parameterValues(List<String> parameters) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : parameters) {
      int colon = p.indexOf(": ");
      if (colon > 0) {
        out.put(p.substring(0, colon), p.substring(colon + 2));
      }
    }
    return out;
  }

  /** {@code name} followed by its parameters, e.g. {@code request, p: 1}. */
  public String describe() {
    return parameters.isEmpty() ? name : name + ", " + String.join(", ", parameters);
  }
}
