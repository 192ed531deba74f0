package io.ballot.checker.checkpoint;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ir.ConstantDecl;
import io.ballot.checker.ir.IrPrinter;
import io.ballot.checker.ir.Model;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What a checkpoint must match to be resumed: the model and every option that changes which states are explored or
 * what the search reports on the way. The model is its IR (the location-free dump of {@link IrPrinter}, so a
 * comment or a blank line does not matter, a changed rule, type or constant does) and its state width; its
 * constants are kept apart as text so that a refusal can name the one that differs (a {@code --const} or header
 * override changes them). The options: symmetry reduction (which states are stored), the depth bound (where the
 * search ends), deadlock detection and {@code --max-errors} (which states are reported and where the search stops).
 * Threads, memory, engine and time limit do not change the result and may differ between runs.
 */
public record Fingerprint(String modelDigest, long stateBits, String constants, String options) {

  /** The fingerprint of checking {@code model} with {@code options}. */
  public static Fingerprint of(Model model, CheckOptions options) {
    StringJoiner consts = new StringJoiner(", ");
    for (ConstantDecl c : model.constants()) {
      consts.add(c.name() + "=" + c.value());
    }
    String opts = "--symmetry-reduction " + lower(options.symmetry()) + " --deadlock-detection "
        + lower(options.deadlock()) + " --bound " + options.bound() + " --max-errors " + options.maxErrors();
    return new Fingerprint(sha256(IrPrinter.print(model)), model.stateBits(), consts.toString(), opts);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Null when a checkpoint written with {@code written} can be resumed by a run with this fingerprint, else what
   * differs, in words.
   */
  public String mismatch(Fingerprint written) {
    if (!constants.equals(written.constants)) {
      return "it was written with other constants (" + written.constants + "; this run: " + constants + ")";
    }
    if (!modelDigest.equals(written.modelDigest) || stateBits != written.stateBits) {
      return "it was written for another model (its rules, types, variables or properties differ)";
    }
    if (!options.equals(written.options)) {
      return "it was written with other options that change the search (" + written.options + "; this run: "
          + options + ")";
    }
    return null;
  }
}
