package io.ballot.dsl.lower;

import io.ballot.dsl.murphi.IntLiteral;
import java.math.BigInteger;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Chooses a model's integer representation as Rumur's {@code --value-type auto} does for the widths Ballot has:
 * signed 64-bit unless a literal exceeds {@link Long#MAX_VALUE}, in which case the model's integers are unsigned
 * 64-bit (Rumur's {@code uint64_t}) and a negative constant is an error. The largest storable value is
 * {@link #MAX}, 2^64-2: one of the 2^64 codes of a 64-bit field means "undefined".
 */
final class UnsignedValues {
  private UnsignedValues() {}

  /** 2^64-2, the largest value of an unsigned 64-bit model. */
  static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.TWO);

  /** Whether the model's integers must be unsigned: some literal is above {@link Long#MAX_VALUE}. */
  static boolean needed(EObject model) {
    for (var it = EcoreUtil.<EObject>getAllContents(model, false); it.hasNext(); ) {
      if (it.next() instanceof IntLiteral i && value(i.getValue()).bitLength() > 63) {
        return true;
      }
    }
    return false;
  }

  /** The value of a NUMBER token (decimal, 0x hexadecimal or 0 octal); 0 for a malformed one (reported later). */
  static BigInteger value(String text) {
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return new BigInteger(text.substring(2), 16);
      }
      if (text.length() > 1 && text.startsWith("0")) {
        return new BigInteger(text.substring(1), 8);
      }
      return new BigInteger(text);
    } catch (NumberFormatException e) {
      return BigInteger.ZERO;
    }
  }
}
