package io.ballot.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a mutant of a model from a seed: the same seed and models give the same mutant, so that a failure is replayed
 * from its seed alone. Models are handled as bytes (a Latin-1 string holds one byte per char), so that a mutant can
 * hold any byte sequence.
 */
final class Mutator {

  private static final Pattern TOKEN =
      Pattern.compile("--[^\\n]*|/\\*(?s:.*?)\\*/|\"[^\"\\n]*\"|\\w+|:=|\\.\\.|==>|==|<=|>=|!=|->|<<|>>|&&|\\|\\||\\S");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern RANGE_END = Pattern.compile("\\.\\.\\s*(\\w+)");
  private static final String[][] OPERATORS = {
    {"+", "-", "*", "/", "%"}, {"<", "<=", ">", ">=", "=", "!="}, {"&", "|", "->"}, {"<<", ">>"}
  };
  private static final String[] EDGE_NUMBERS = {
    "0", "1", "-1", "255", "256", "65536", "2147483647", "-2147483648", "2147483646", "4294967295"
  };
  private static final String[] HUGE_NUMBERS = {
    "99999999999999999999999", "2147483648", "-2147483649", "4294967296", "9223372036854775807",
    "9223372036854775808", "-9223372036854775809", "18446744073709551616"
  };
  private static final int[] DEPTHS = {150, 400, 1000, 2500, 5000};
  private static final String[] HUGE_BOUNDS = {
    "100000", "16777216", "2147483647", "4294967295", "99999999999999999999999"
  };
  private static final String[] HUGE_ARRAYS = {
    "array [0..99999] of array [0..99999] of boolean", // 10^10 bits: more than 2^31
    "array [0..2147483647] of boolean",
    "array [0..65535] of array [0..65535] of 0..255",
    "array [0..200000] of boolean", // 200001 bits: a big state that fits
    "array [0..99999999999999999999999] of boolean"
  };
  private static final byte[][] NOT_UTF8 = {
    {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE}
  };

  private final List<Source> sources;

  /** A model to mutate: its name (for messages) and its bytes. */
  record Source(String name, byte[] bytes) {}

  Mutator(List<Source> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no models to mutate");
    }
    this.sources = List.copyOf(sources);
  }

  /** The mutant of {@code seed}: which model, which mutation and where all follow from it. */
  Mutant mutant(long seed) {
    Random r = new Random(seed);
    Source source = sources.get(r.nextInt(sources.size()));
    Mutation m = pick(r);
    String text = new String(source.bytes(), StandardCharsets.ISO_8859_1);
    return new Mutant(seed, source.name(), m, apply(m, text, r).getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Mutation pick(Random r) {
    int total = 0;
    for (Mutation m : Mutation.values()) {
      total += m.weight;
    }
    int x = r.nextInt(total);
    for (Mutation m : Mutation.values()) {
      x -= m.weight;
      if (x < 0) {
        return m;
      }
    }
    throw new AssertionError();
  }

  /** {@code text} (one char per byte) with mutation {@code m} applied at a place drawn from {@code r}. */
  static String apply(Mutation m, String text, Random r) {
    List<int[]> tokens = spans(TOKEN, text, 0);
    return switch (m) {
      case DELETE_TOKEN -> tokens.isEmpty() ? text : replace(text, any(tokens, r), "");
      case DUPLICATE_TOKEN -> {
        if (tokens.isEmpty()) {
          yield text;
        }
        int[] t = any(tokens, r);
        yield text.substring(0, t[1]) + " " + text.substring(t[0], t[1]) + text.substring(t[1]);
      }
      case SWAP_TOKENS -> swap(text, tokens, r);
      case TRUNCATE -> tokens.isEmpty() ? "" : text.substring(0, any(tokens, r)[0]);
      case REPLACE_OPERATOR -> replaceOperator(text, tokens, r);
      case EDGE_NUMBER -> {
        String edge = EDGE_NUMBERS[r.nextInt(EDGE_NUMBERS.length)];
        String mutant = replaceNumber(text, edge, r);
        yield mutant.equals(text) ? replaceNumber(text, edge.equals("0") ? "-1" : "0", r) : mutant; // not the same
      }
      case RANDOM_BYTES -> randomBytes(text, r);
      case INVALID_UTF8 -> {
        byte[] b = NOT_UTF8[r.nextInt(NOT_UTF8.length)];
        yield insert(text, r.nextInt(text.length() + 1), new String(b, StandardCharsets.ISO_8859_1));
      }
      case HUGE_LITERAL -> {
        String huge = HUGE_NUMBERS[r.nextInt(HUGE_NUMBERS.length)];
        yield r.nextBoolean() || spans(NUMBER, text, 0).isEmpty()
            ? declare(text, "const fuzz_huge: " + huge + ";")
            : replaceNumber(text, huge, r);
      }
      case DEEP_PARENTHESES -> {
        int depth = DEPTHS[r.nextInt(DEPTHS.length)];
        String deep = "(".repeat(depth) + "1" + ")".repeat(depth);
        yield r.nextBoolean() || spans(NUMBER, text, 0).isEmpty()
            ? declare(text, "const fuzz_deep: " + deep + ";")
            : replaceNumber(text, deep, r);
      }
      case DEEP_IFS -> deepIfs(text, DEPTHS[r.nextInt(DEPTHS.length)], r);
      case LONG_CHAIN -> {
        int length = DEPTHS[r.nextInt(DEPTHS.length)];
        String chain = "1" + "+1".repeat(length - 1);
        yield r.nextBoolean() || spans(NUMBER, text, 0).isEmpty()
            ? declare(text, "const fuzz_chain: " + chain + ";")
            : replaceNumber(text, "(" + chain + ")", r);
      }
      case HUGE_ARRAY -> {
        List<int[]> ends = spans(RANGE_END, text, 1);
        yield r.nextBoolean() || ends.isEmpty()
            ? declare(text, "var fuzz_huge: " + HUGE_ARRAYS[r.nextInt(HUGE_ARRAYS.length)] + ";")
            : replace(text, any(ends, r), HUGE_BOUNDS[r.nextInt(HUGE_BOUNDS.length)]);
      }
    };
  }

  private static String swap(String text, List<int[]> tokens, Random r) {
    if (tokens.size() < 2) {
      return text;
    }
    int i = r.nextInt(tokens.size() - 1);
    int[] a = tokens.get(i);
    int[] b = tokens.get(i + 1);
    return text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0])
        + text.substring(a[0], a[1]) + text.substring(b[1]);
  }

  private static String replaceOperator(String text, List<int[]> tokens, Random r) {
    List<int[]> ops = new ArrayList<>();
    List<String[]> groups = new ArrayList<>();
    for (int[] t : tokens) {
      String tok = text.substring(t[0], t[1]);
      for (String[] group : OPERATORS) {
        if (List.of(group).contains(tok)) {
          ops.add(t);
          groups.add(group);
        }
      }
    }
    if (ops.isEmpty()) {
      return text;
    }
    int i = r.nextInt(ops.size());
    int[] op = ops.get(i);
    List<String> others = new ArrayList<>(List.of(groups.get(i)));
    others.remove(text.substring(op[0], op[1]));
    return replace(text, op, others.get(r.nextInt(others.size())));
  }

  private static String replaceNumber(String text, String by, Random r) {
    List<int[]> numbers = new ArrayList<>();
    for (int[] n : spans(NUMBER, text, 0)) {
      // a whole number, not the digits of a name such as x1
      if ((n[0] == 0 || !isWordChar(text.charAt(n[0] - 1))) && !inComment(text, n[0])) {
        numbers.add(n);
      }
    }
    return numbers.isEmpty() ? text : replace(text, any(numbers, r), by);
  }

  private static String randomBytes(String text, Random r) {
    int at = r.nextInt(text.length() + 1);
    StringBuilder bytes = new StringBuilder();
    for (int i = 1 + r.nextInt(8); i > 0; i--) {
      bytes.append((char) r.nextInt(256));
    }
    if (r.nextBoolean() || at == text.length()) {
      return insert(text, at, bytes.toString()); // inserted
    }
    int end = Math.min(text.length(), at + bytes.length());
    return text.substring(0, at) + bytes + text.substring(end); // written over
  }

  /** {@code depth} nested ifs after a {@code begin} of the model, or in a rule of their own. */
  private static String deepIfs(String text, int depth, Random r) {
    String ifs = "if true then ".repeat(depth) + "end; ".repeat(depth);
    List<int[]> begins = new ArrayList<>();
    for (int[] b : spans(Pattern.compile("\\bbegin\\b", Pattern.CASE_INSENSITIVE), text, 0)) {
      if (!inComment(text, b[0])) {
        begins.add(b);
      }
    }
    if (r.nextBoolean() && !begins.isEmpty()) {
      int[] b = any(begins, r);
      return insert(text, b[1], " " + ifs);
    }
    return text + "\nrule \"fuzz deep ifs\" true ==> begin " + ifs + "end;\n";
  }

  /** {@code declaration} inserted before the model's first line that is not blank or a comment. */
  static String declare(String text, String declaration) {
    int at = 0;
    while (at < text.length()) {
      int eol = text.indexOf('\n', at);
      String line = (eol < 0 ? text.substring(at) : text.substring(at, eol)).strip();
      if (!line.isEmpty() && !line.startsWith("--")) {
        break;
      }
      at = eol < 0 ? text.length() : eol + 1;
    }
    return insert(text, at, declaration + "\n");
  }

  private static boolean inComment(String text, int at) {
    int bol = text.lastIndexOf('\n', at) + 1;
    return text.substring(bol, at).contains("--");
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static List<int[]> spans(Pattern p, String text, int group) {
    List<int[]> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(new int[] {m.start(group), m.end(group)});
    }
    return out;
  }

  private static int[] any(List<int[]> spans, Random r) {
    return spans.get(r.nextInt(spans.size()));
  }

  private static String replace(String text, int[] span, String by) {
    return text.substring(0, span[0]) + by + text.substring(span[1]);
  }

  private static String insert(String text, int at, String what) {
    return text.substring(0, at) + what + text.substring(at);
  }
}
