package io.ballot.checker.compile;

import io.ballot.checker.state.RealValues;
import io.ballot.checker.state.StoredValues;
import io.ballot.checker.state.Values;
import io.ballot.checker.state.Unsigned;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Type;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.state.Bits;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.state.StateRenderer;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.Instances.Inst;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.List;

/**
 * The hand-written half of a compiled model: everything of {@link TransitionSystem} but the transitions themselves
 * (descriptions of instances, layout, rendering), plus the tables and small checked operations the generated code
 * calls. The generated subclass implements {@link #guard}, {@link #fire}, {@link #runStart} and {@link #holds}.
 *
 * <p>Error sites: generated code names every place that can fail by an index {@code k} into {@link #LOC} (where),
 * {@link #MSG} (the message, or the fixed part of a message that depends on a value), {@link #PROP} and
 * {@link #KIND}, so that a failure costs one call and no string constant in the hot code.
 */
public abstract class CompiledModel implements TransitionSystem {

  /** What a generator hands to the generated class's constructor. */
  public static final class Tables {
    final StateLayout layout;
    final List<Inst<StartState>> starts;
    final List<Inst<Rule>> rules;
    final List<Inst<Property>> properties;
    final List<Instance> coverStatements;
    final SourceLocation[] loc;
    final String[] msg;
    final String[] prop;
    final ViolationKind[] kind;
    final Type[] types;
    final long[][] patterns;
    final long[][] ruleParams;
    final long[][] startParams;
    final long[][] propertyParams;

    Tables(
        StateLayout layout,
        List<Inst<StartState>> starts,
        List<Inst<Rule>> rules,
        List<Inst<Property>> properties,
        List<Instance> coverStatements,
        SourceLocation[] loc,
        String[] msg,
        String[] prop,
        ViolationKind[] kind,
        Type[] types,
        long[][] patterns) {
      this.layout = layout;
      this.starts = starts;
      this.rules = rules;
      this.properties = properties;
      this.coverStatements = coverStatements;
      this.loc = loc;
      this.msg = msg;
      this.prop = prop;
      this.kind = kind;
      this.types = types;
      this.patterns = patterns;
      this.ruleParams = rules.stream().map(Inst::values).toArray(long[][]::new);
      this.startParams = starts.stream().map(Inst::values).toArray(long[][]::new);
      this.propertyParams = properties.stream().map(Inst::values).toArray(long[][]::new);
    }
  }

  /** Error sites: where. */
  protected final SourceLocation[] LOC;
  /** Error sites: the message (or its fixed part). */
  protected final String[] MSG;
  /** Error sites: the property name reported. */
  protected final String[] PROP;
  /** Error sites: the kind of violation. */
  protected final ViolationKind[] KIND;
  /** Types the generated code needs at run time (for {@code put}). */
  protected final Type[] TYPE;
  /** Bit images of {@code clear}ed complex values. */
  protected final long[][] PAT;
  /** Binder values of each rule, start state and property instance (for code not specialised per instance). */
  protected final long[][] RP;
  protected final long[][] SP;
  protected final long[][] PP;
  /** The source (position in the model's list) of each rule, start state and property instance. */
  protected final int[] RS;
  protected final int[] SS;
  protected final int[] PS;

  private final StateLayout layout;
  private final StateRenderer renderer;
  private final List<Inst<StartState>> starts;
  private final List<Inst<Rule>> rules;
  private final List<Inst<Property>> properties;
  private final PropertyKind[] propertyKinds;
  private final List<Instance> coverStatements;

  protected CompiledModel(Tables t) {
    this.layout = t.layout;
    this.renderer = new StateRenderer(t.layout);
    this.starts = t.starts;
    this.rules = t.rules;
    this.properties = t.properties;
    this.propertyKinds = t.properties.stream().map(p -> p.source().kind()).toArray(PropertyKind[]::new);
    this.coverStatements = t.coverStatements;
    this.LOC = t.loc;
    this.MSG = t.msg;
    this.PROP = t.prop;
    this.KIND = t.kind;
    this.TYPE = t.types;
    this.PAT = t.patterns;
    this.RP = t.ruleParams;
    this.SP = t.startParams;
    this.PP = t.propertyParams;
    this.RS = t.rules.stream().mapToInt(Inst::sourceIndex).toArray();
    this.SS = t.starts.stream().mapToInt(Inst::sourceIndex).toArray();
    this.PS = t.properties.stream().mapToInt(Inst::sourceIndex).toArray();
  }

  // ------------------------------------------------------------------------------------------ TransitionSystem

  @Override
  public final StateLayout layout() {
    return layout;
  }

  @Override
  public final int startCount() {
    return starts.size();
  }

  @Override
  public final Instance start(int i) {
    return starts.get(i).description();
  }

  @Override
  public final int ruleCount() {
    return rules.size();
  }

  @Override
  public final Instance rule(int i) {
    return rules.get(i).description();
  }

  @Override
  public final int propertyCount() {
    return properties.size();
  }

  @Override
  public final Instance property(int i) {
    return properties.get(i).description();
  }

  @Override
  public final PropertyKind propertyKind(int i) {
    return propertyKinds[i];
  }

  @Override
  public final int coverStatementCount() {
    return coverStatements.size();
  }

  @Override
  public final Instance coverStatement(int site) {
    return coverStatements.get(site);
  }

  @Override
  public final List<VariableValue> render(long[] state) {
    return renderer.render(state);
  }

  // ------------------------------------------------------------------------------------------ errors

  /** The error of site {@code k}. */
  protected final ModelError err(int k) {
    return new ModelError(KIND[k], PROP[k], MSG[k], LOC[k]);
  }

  /** A stored raw value that must be defined: {@code raw}, or the "read of undefined value" error of site k. */
  protected final long def(long raw, int k) throws ModelError {
    if (raw == 0) {
      throw err(k);
    }
    return raw;
  }

  /** Throws the error of site {@code k}; typed so that it can stand where an int offset is expected. */
  protected final int failInt(int k) throws ModelError {
    throw err(k);
  }

  // ------------------------------------------------------------------------------------------ arithmetic

  protected final long add(long a, long b, int k) throws ModelError {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw err(k);
    }
    return r;
  }

  protected final long sub(long a, long b, int k) throws ModelError {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      throw err(k);
    }
    return r;
  }

  protected final long mul(long a, long b, int k) throws ModelError {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return lo;
    }
    throw err(k);
  }

  /** Division: site {@code kz} is "division by zero", {@code ko} the overflow. */
  protected final long div(long a, long b, int kz, int ko) throws ModelError {
    if (b == 0) {
      throw err(kz);
    }
    if (a == Long.MIN_VALUE && b == -1) {
      throw err(ko);
    }
    return a / b;
  }

  protected final long mod(long a, long b, int kz) throws ModelError {
    if (b == 0) {
      throw err(kz);
    }
    return a % b;
  }

  protected final long neg(long a, int k) throws ModelError {
    if (a == Long.MIN_VALUE) {
      throw err(k);
    }
    return -a;
  }

  /** Rumur's {@code <<}: shifts of 64 or more either way give 0; a negative amount shifts the other way. */
  protected static long shl(long l, long r) {
    if (r >= 64 || r <= -64) {
      return 0;
    }
    return r < 0 ? l >> -r : l << r;
  }

  /** Rumur's {@code >>}. */
  protected static long shr(long l, long r) {
    if (r >= 64 || r <= -64) {
      return 0;
    }
    return r < 0 ? l << -r : l >> r;
  }

  // ------------------------------------------------------------------------------------------ values

  /** Position of array index value {@code v} in {@code lo..hi}, or the "index out of range" error of site k. */
  protected final int ix(long v, long lo, long hi, int k) throws ModelError {
    if (v < lo || v > hi) {
      throw ModelError.runtime("index " + v + " out of range", LOC[k]);
    }
    return (int) (v - lo);
  }

  /** The stored form of {@code v} in a type of values {@code lo..hi}, or "value out of range" (site k). */
  protected final long enc(long v, long lo, long hi, int k) throws ModelError {
    if (v < lo || v > hi) {
      throw ModelError.runtime("value " + v + " out of range for " + MSG[k], LOC[k]);
    }
    return v - lo + 1;
  }

  // ---------------------------------------------------------------------------------------- CMurphi's reals

  /** The double a real value's bits carry. */
  protected static double rv(long bits) {
    return Double.longBitsToDouble(bits);
  }

  /** The bits of a double, as real values are carried. */
  protected static long rb(double d) {
    return Double.doubleToRawLongBits(d);
  }

  /** The value (double bits) of a defined raw stored real of type {@code TYPE[t]}. */
  protected final long rdec(long raw, int t) {
    return Values.value(TYPE[t], raw - 1);
  }

  /** The raw stored form of real {@code bits} in type {@code TYPE[t]}: rounded; NaN, overflow are errors at site k. */
  protected final long renc(long bits, int t, int k) throws ModelError {
    try {
      return RealValues.index((Type.RealType) TYPE[t], rv(bits)) + 1;
    } catch (RealValues.OutOfBounds e) {
      throw ModelError.runtime(e.getMessage(), LOC[k]);
    }
  }

  /**
   * A value parameter of real type {@code TYPE[to]} from a stored argument of another type {@code TYPE[from]}
   * (integer or real): undefined stays undefined, a value is converted and rounded.
   */
  protected final long rpass(long raw, int from, int to, int k) throws ModelError {
    if (raw == 0) {
      return 0;
    }
    long v = Values.value(TYPE[from], raw - 1);
    Type f = TYPE[from];
    double d = f instanceof Type.RealType || f instanceof Type.DoubleType ? rv(v) : (double) v;
    return renc(rb(d), to, k);
  }

  /** Checks that {@code v} is a value of {@code lo..hi} (a quantifier binding), else "value out of range". */
  protected final long chk(long v, long lo, long hi, int k) throws ModelError {
    if (v < lo || v > hi) {
      throw ModelError.runtime("value " + v + " out of range for " + MSG[k], LOC[k]);
    }
    return v;
  }

  /** A union value converted to the member whose values start at {@code off}; error of site k if it is not one. */
  protected final long unmember(long v, long off, long card, int k) throws ModelError {
    long inner = v - off;
    if (inner < 0 || inner >= card) {
      throw err(k);
    }
    return inner;
  }

  /**
   * A simple argument read from storage ({@code raw}, of a type whose first value is {@code argLo}) passed to a
   * value parameter of values {@code pLo..pHi}: undefined stays undefined; {@code conv} 1 adds {@code off} (member to
   * union), 2 converts a union value to the member at {@code off} (error site {@code kc}); the range error is site
   * {@code kr}.
   */
  protected final long pass(
      long raw, long argLo, int conv, long off, long card, long pLo, long pHi, int kc, int kr) throws ModelError {
    return raw == 0 ? 0 : enc(passed(raw, argLo, conv, off, card, kc), pLo, pHi, kr);
  }

  /** The value {@link #pass} and {@link #passu} store, before its range check: {@code raw} decoded and converted. */
  private long passed(long raw, long argLo, int conv, long off, long card, int kc) throws ModelError {
    long v = raw - 1 + argLo;
    if (conv == 1) {
      v = off + v;
    } else if (conv == 2) {
      v = unmember(v, off, card, kc);
    }
    return v;
  }

  /** Offset of the element of present multiset slot {@code slot}, or "multiset element is not present" (site k). */
  protected final int msel(long[] b, int off, long slot, int stride, int k) throws ModelError {
    int at = off + Math.toIntExact(slot * stride);
    if (Bits.get(b, at, 1) == 0) {
      throw ModelError.runtime("multiset element " + slot + " is not present", LOC[k]);
    }
    return at + 1;
  }

  // ------------------------------------------------------------------------------------------ unsigned values
  // Models whose integers are unsigned 64-bit (Model.unsignedValues) use these instead of their signed twins.

  protected final long addu(long a, long b, int k) throws ModelError {
    long r = a + b;
    if (Long.compareUnsigned(r, a) < 0) {
      throw err(k);
    }
    return r;
  }

  protected final long subu(long a, long b, int k) throws ModelError {
    if (Long.compareUnsigned(a, b) < 0) {
      throw err(k);
    }
    return a - b;
  }

  protected final long mulu(long a, long b, int k) throws ModelError {
    try {
      return Unsigned.multiply(a, b);
    } catch (ArithmeticException overflow) {
      throw err(k);
    }
  }

  protected final long divu(long a, long b, int kz) throws ModelError {
    if (b == 0) {
      throw err(kz);
    }
    return Long.divideUnsigned(a, b);
  }

  protected final long modu(long a, long b, int kz) throws ModelError {
    if (b == 0) {
      throw err(kz);
    }
    return Long.remainderUnsigned(a, b);
  }

  protected static long shlu(long a, long b) {
    return Unsigned.shiftLeft(a, b);
  }

  protected static long shru(long a, long b) {
    return Unsigned.shiftRight(a, b);
  }

  private static boolean outside(long v, long lo, long hi) {
    return Long.compareUnsigned(v, lo) < 0 || Long.compareUnsigned(v, hi) > 0;
  }

  /** {@link #ix} with unsigned bounds. */
  protected final int ixu(long v, long lo, long hi, int k) throws ModelError {
    if (outside(v, lo, hi)) {
      throw ModelError.runtime("index " + Long.toUnsignedString(v) + " out of range", LOC[k]);
    }
    return (int) (v - lo);
  }

  /** {@link #enc} with unsigned bounds. */
  protected final long encu(long v, long lo, long hi, int k) throws ModelError {
    if (outside(v, lo, hi)) {
      throw ModelError.runtime("value " + Long.toUnsignedString(v) + " out of range for " + MSG[k], LOC[k]);
    }
    return v - lo + 1;
  }

  /** {@link #chk} with unsigned bounds. */
  protected final long chku(long v, long lo, long hi, int k) throws ModelError {
    if (outside(v, lo, hi)) {
      throw ModelError.runtime("value " + Long.toUnsignedString(v) + " out of range for " + MSG[k], LOC[k]);
    }
    return v;
  }

  /** {@link #pass} with unsigned bounds. */
  protected final long passu(
      long raw, long argLo, int conv, long off, long card, long pLo, long pHi, int kc, int kr) throws ModelError {
    return raw == 0 ? 0 : encu(passed(raw, argLo, conv, off, card, kc), pLo, pHi, kr);
  }

  protected static boolean in(long v, long lo, long hi) {
    return v >= lo && v <= hi;
  }

  // ------------------------------------------------------------------------------------------ storage

  protected static long get(long[] b, int off, int w) {
    return Bits.get(b, off, w);
  }

  protected static void set(long[] b, int off, int w, long v) {
    Bits.set(b, off, w, v);
  }

  protected static void copy(long[] from, int fromOff, long[] to, int toOff, int w) {
    Bits.copy(from, fromOff, to, toOff, w);
  }

  protected static void zero(long[] b, int off, int w) {
    Bits.clear(b, off, w);
  }

  protected static long[] copyOf(long[] b, int off, int w) {
    long[] out = new long[Math.max(1, (w + 63) >>> 6)];
    Bits.copy(b, off, out, 0, w);
    return out;
  }

  // Comparisons and boolean conversions that yield a value (a guard's result, an operand), as calls rather than
  // Java operators. javac compiles `a == b` to a branch, which the JIT profiles per place in the code: a guard whose
  // comparison has always been false when the expansion loop is compiled gets that outcome compiled as a trap, and
  // the first state where it holds deoptimises the whole inlined loop, which is then compiled again, several times a
  // run as rules become enabled level after level. Inlined from here, the branch is profiled over every comparison
  // the model makes, sees both outcomes from the start and is compiled as a conditional move.

  protected static boolean eq(long a, long b) {
    return a == b;
  }

  protected static boolean ne(long a, long b) {
    return a != b;
  }

  protected static boolean lt(long a, long b) {
    return a < b;
  }

  protected static boolean le(long a, long b) {
    return a <= b;
  }

  protected static boolean gt(long a, long b) {
    return a > b;
  }

  protected static boolean ge(long a, long b) {
    return a >= b;
  }

  protected static boolean not(boolean b) {
    return !b;
  }

  protected static long bit(boolean b) {
    return b ? 1L : 0L;
  }

  protected static boolean eqBits(long[] a, int ao, long[] b, int bo, int w) {
    for (int done = 0; done < w; done += 63) {
      int n = Math.min(63, w - done);
      if (Bits.get(a, ao + done, n) != Bits.get(b, bo + done, n)) {
        return false;
      }
    }
    return true;
  }

  /** A stored value as {@code put} prints it (the interpreter's rendering). */
  protected static String render(long[] b, int off, Type t) {
    return StoredValues.render(b, off, t);
  }

  /** {@link #render(long[], int, Type)}, integers printed unsigned when {@code unsigned}. */
  protected static String render(long[] b, int off, Type t, boolean unsigned) {
    return StoredValues.render(b, off, t, unsigned);
  }

  /** Signals a failed {@code assume}; one shared instance (no stack trace), caught by the entry methods. */
  protected static final AssumptionFailed ASSUME = new AssumptionFailed();

  /** Unchecked, so that it passes through generated functions called from expressions. */
  protected static final class AssumptionFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AssumptionFailed() {
      super("assumption failed", null, false, false);
    }
  }
}
