package io.ballot.dsl.settings;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checker's options as text, keyed by their long option names without dashes ({@code threads}, {@code memory},
 * {@code deadlock-detection}, {@code bound}, {@code max-errors}, {@code time-limit}, {@code symmetry-reduction},
 * {@code engine}, {@code hash-compaction}, {@code compact-states}),
 * and their parsing into {@link CheckOptions}. Shared by the command line and the project file, so that both accept
 * exactly the same values, and by the model header ({@link ModelHeader}), for the command line, the CI gate and
 * the language server alike.
 */
public final class CheckSettings {

  /** The keys a project file may set for a model, in the order {@code --help} lists the options. */
  public static final List<String> KEYS =
      List.of("threads", "memory", "deadlock-detection", "bound", "max-errors", "symmetry-reduction", "time-limit",
          "engine", "hash-compaction", "compact-states");

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);
  /** Plain decimal seconds: digits with an optional fraction (no sign, exponent, hex or {@code Infinity}). */
  private static final Pattern SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

  /** The most worker threads a check may ask for ({@link CheckOptions#MAX_THREADS}, which says why). */
  public static final int MAX_THREADS = CheckOptions.MAX_THREADS;
  /** The longest {@code --time-limit}: one year, in seconds (longer is a typo; 0 means no limit). */
  public static final long MAX_TIME_LIMIT_SECONDS = 365L * 24 * 3600;
  /** The largest {@code --memory}: 1 TiB (the states of a check live in one JVM heap). */
  public static final long MAX_MEMORY_BYTES = 1L << 40;
  /** The largest {@code --bound} and {@code --max-errors}: a state has an int id, so no search goes further. */
  public static final int MAX_COUNT = Integer.MAX_VALUE;

  /** A value that does not parse: which key, the value, and what was expected. */
  public static final class InvalidValue extends IllegalArgumentException {
    private final String key;
    private final String value;
    private final String expected;

    InvalidValue(String key, String value, String expected) {
      super("invalid value for " + key + ": '" + value + "' (expected " + expected + ")");
      this.key = key;
      this.value = value;
      this.expected = expected;
    }

    /** The key (without dashes) whose value was bad. */
    public String key() {
      return key;
    }

    /** The message with the key written as {@code prefix + key}, e.g. {@code --threads}. */
    public String message(String prefix) {
      return "invalid value for " + prefix + key + ": '" + value + "' (expected " + expected + ")";
    }
  }

  private final Map<String, String> values;

  private CheckSettings(Map<String, String> values) {
    this.values = values;
  }

  /** Ballot's defaults (as {@code ballot check --help} states them). */
  public static CheckSettings defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("threads", "0");
    m.put("memory", "0");
    m.put("deadlock-detection", "stuttering");
    m.put("bound", "0");
    m.put("max-errors", "1");
    m.put("symmetry-reduction", "heuristic");
    m.put("time-limit", "0");
    m.put("engine", "compiled");
    m.put("hash-compaction", "0");
    m.put("compact-states", "auto");
    return new CheckSettings(m);
  }

  /** The settings that give {@code options} back (but for its first-level threading, which they lack). */
  public static CheckSettings of(CheckOptions options) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("threads", Integer.toString(Math.min(MAX_THREADS, Math.max(0, options.threads()))));
    m.put("memory", Long.toString(Math.min(MAX_MEMORY_BYTES, Math.max(0, options.memoryBytes()))));
    m.put("deadlock-detection", options.deadlock().name().toLowerCase(Locale.ROOT));
    m.put("bound", Integer.toString(Math.max(0, options.bound())));
    m.put("max-errors", Integer.toString(options.maxErrors()));
    m.put("symmetry-reduction", options.symmetry().name().toLowerCase(Locale.ROOT));
    double seconds = Math.min(MAX_TIME_LIMIT_SECONDS, Math.max(0, options.timeLimitSeconds()));
    m.put("time-limit", new java.math.BigDecimal(String.format(Locale.ROOT, "%.9f", seconds)).stripTrailingZeros()
        .toPlainString());
    m.put("engine", options.engine().name().toLowerCase(Locale.ROOT));
    m.put("hash-compaction", Integer.toString(options.hashCompactionBits()));
    m.put("compact-states", COMPACT.get(options.wideStore()));
    return new CheckSettings(m);
  }

  /** These settings with {@code key} set to {@code value}; {@code key} must be one of {@link #KEYS}. */
  public CheckSettings with(String key, String value) {
    if (!KEYS.contains(key)) {
      throw new IllegalArgumentException("unknown setting " + key);
    }
    Map<String, String> m = new LinkedHashMap<>(values);
    m.put(key, value);
    return new CheckSettings(m);
  }

  /** These settings with every entry of {@code values} set (keys of {@link #KEYS}). */
  public CheckSettings withAll(Map<String, String> values) {
    CheckSettings s = this;
    for (Map.Entry<String, String> e : values.entrySet()) {
      s = s.with(e.getKey(), e.getValue());
    }
    return s;
  }

  /** The text of {@code key}. */
  public String get(String key) {
    return values.get(key);
  }

  /** Checks that {@code key}'s value parses; throws {@link InvalidValue} if not. */
  public void validate(String key) {
    CheckSettings probe = defaults().with(key, values.get(key));
    probe.toOptions();
  }

  /** The checker's options; throws {@link InvalidValue} for the first value that does not parse. */
  public CheckOptions toOptions() {
    int n = integer("threads", 0, MAX_THREADS);
    if (n == 0) {
      n = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }
    long memoryBytes = size("memory");
    DeadlockMode deadlockMode = choice("deadlock-detection", DeadlockMode.class);
    int depthBound = integer("bound", 0, MAX_COUNT);
    int errors = integer("max-errors", 1, MAX_COUNT);
    double seconds = seconds("time-limit");
    CheckOptions.Symmetry symmetryMode = choice("symmetry-reduction", CheckOptions.Symmetry.class);
    CheckOptions.Engine engine = choice("engine", CheckOptions.Engine.class);
    int hashBits = hashBits("hash-compaction");
    CheckOptions.WideStore wideStore = compact("compact-states");
    return new CheckOptions(n, memoryBytes, deadlockMode, depthBound, errors, seconds).withEngine(engine)
        .withSymmetry(symmetryMode)
        .withHashCompaction(hashBits)
        .withWideStore(wideStore);
  }

  /** {@code compact-states}' values, by the store they choose for the expanded states wider than 63 bits. */
  private static final Map<CheckOptions.WideStore, String> COMPACT = Map.of(CheckOptions.WideStore.AUTO, "auto",
      CheckOptions.WideStore.TREE, "on", CheckOptions.WideStore.RECORDS, "off");

  /** auto, on (tree-compressed from the start) or off (the id-indexed records throughout). */
  private CheckOptions.WideStore compact(String key) {
    String value = values.get(key);
    for (Map.Entry<CheckOptions.WideStore, String> e : COMPACT.entrySet()) {
      if (e.getValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return e.getKey();
      }
    }
    throw new InvalidValue(key, value, "one of auto, on or off");
  }

  /** 0 (an exact search) or a signature width of {@link CheckOptions#MIN_HASH_BITS} to 64 bits. */
  private int hashBits(String key) {
    String value = values.get(key);
    String expected = "0 (off) or a number of signature bits from " + CheckOptions.MIN_HASH_BITS + " to 64, e.g. 40";
    String digits = value.strip();
    if (!digits.matches("\\d{1,3}")) {
      throw new InvalidValue(key, value, expected);
    }
    int bits = Integer.parseInt(digits);
    if (bits != 0 && (bits < CheckOptions.MIN_HASH_BITS || bits > 64)) {
      throw new InvalidValue(key, value, expected);
    }
    return bits;
  }

  /** An integer in {@code min..max} written in decimal digits; anything else (sign, overflow) is invalid. */
  private int integer(String key, int min, int max) {
    String value = values.get(key);
    String expected = (min == 0 ? "an integer from 0" : "an integer from " + min) + " to " + max;
    String digits = value.strip();
    if (!digits.matches("\\d{1,10}")) {
      throw new InvalidValue(key, value, expected);
    }
    long v = Long.parseLong(digits);
    if (v < min || v > max) {
      throw new InvalidValue(key, value, expected);
    }
    return (int) v;
  }

  private double seconds(String key) {
    String value = values.get(key);
    String expected = "a number of seconds from 0 to " + MAX_TIME_LIMIT_SECONDS + " (one year), e.g. 15 or 2.5";
    if (!SECONDS.matcher(value.strip()).matches()) {
      throw new InvalidValue(key, value, expected);
    }
    double v = Double.parseDouble(value.strip());
    if (v > MAX_TIME_LIMIT_SECONDS) {
      throw new InvalidValue(key, value, expected);
    }
    return v;
  }

  /** A size: a number of bytes, or with a binary suffix K, M, G or T (an optional B or iB may follow). */
  private long size(String key) {
    String value = values.get(key);
    Matcher m = SIZE.matcher(value.strip());
    String expected = "a size such as 512M, 4G, 100K or a number of bytes, at most 1T";
    if (!m.matches() || m.group(1).length() > 19) {
      throw new InvalidValue(key, value, expected);
    }
    int shift =
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          case "T" -> 40;
          default -> 0;
        };
    try {
      long n = Long.parseLong(m.group(1));
      if (n > (MAX_MEMORY_BYTES >> shift)) {
        throw new InvalidValue(key, value, expected);
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new InvalidValue(key, value, expected);
    }
  }

  /** One of an enum's constants, written in lower case (e.g. {@code stuck}). */
  public static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
    List<String> names =
        Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    int i = names.indexOf(value.strip().toLowerCase(Locale.ROOT));
    if (i < 0) {
      String expected =
          "one of " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
      throw new InvalidValue(key, value, expected);
    }
    return type.getEnumConstants()[i];
  }

  private <E extends Enum<E>> E choice(String key, Class<E> type) {
    return choice(key, values.get(key), type);
  }
}
