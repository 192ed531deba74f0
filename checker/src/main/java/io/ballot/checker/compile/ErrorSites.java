package io.ballot.checker.compile;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.state.StoredValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables a generated class indexes at run time: error sites (kind, property, message, location: generated code
 * throws {@code err(k)}), the types it renders or converts reals with ({@code TYPE[k]}) and the patterns it clears
 * complex values with ({@code PAT[k]}).
 */
final class ErrorSites {
  private final boolean unsigned;
  private final Map<List<Object>, Integer> siteIds = new HashMap<>();
  private final List<SourceLocation> siteLoc = new ArrayList<>();
  private final List<String> siteMsg = new ArrayList<>();
  private final List<String> siteProp = new ArrayList<>();
  private final List<ViolationKind> siteKind = new ArrayList<>();
  private final List<Type> types = new ArrayList<>();
  private final List<long[]> patterns = new ArrayList<>();

  ErrorSites(boolean unsigned) {
    this.unsigned = unsigned;
  }

  /** The site of a violation of {@code kind} (one per distinct kind, property, message and location). */
  int site(ViolationKind kind, String prop, String msg, SourceLocation at) {
    List<Object> key = List.of(kind, prop, msg, at == null ? SourceLocation.NONE : at);
    Integer k = siteIds.get(key);
    if (k == null) {
      k = siteLoc.size();
      siteIds.put(key, k);
      siteLoc.add(at);
      siteMsg.add(msg);
      siteProp.add(prop);
      siteKind.add(kind);
    }
    return k;
  }

  /** A run-time error site (kind ASSERTION, property = message). */
  int runtime(String msg, SourceLocation at) {
    return site(ViolationKind.ASSERTION, msg, msg, at);
  }

  /** A "value out of range for T" site: MSG holds the type's description. */
  int rangeSite(Type t, SourceLocation at) {
    return site(ViolationKind.ASSERTION, "#range", describe(t), at);
  }

  int type(Type t) {
    types.add(t);
    return types.size() - 1;
  }

  int clearPattern(Type t) {
    long[] p = new long[Math.max(1, (t.bitWidth() + 63) >>> 6)];
    StoredValues.clear(p, 0, t);
    patterns.add(p);
    return patterns.size() - 1;
  }

  String describe(Type t) {
    if (t instanceof Type.RangeType r) {
      return unsigned ? Long.toUnsignedString(r.lo()) + ".." + Long.toUnsignedString(r.hi()) : r.lo() + ".." + r.hi();
    }
    return t.getClass().getSimpleName();
  }

  SourceLocation[] locations() {
    return siteLoc.toArray(new SourceLocation[0]);
  }

  String[] messages() {
    return siteMsg.toArray(new String[0]);
  }

  String[] properties() {
    return siteProp.toArray(new String[0]);
  }

  ViolationKind[] kinds() {
    return siteKind.toArray(new ViolationKind[0]);
  }

  Type[] types() {
    return types.toArray(new Type[0]);
  }

  long[][] patterns() {
    return patterns.toArray(new long[0][]);
  }
}
