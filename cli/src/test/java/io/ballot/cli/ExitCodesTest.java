package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

  private static List<Integer> constants() throws IllegalAccessException {
    List<Integer> codes = new ArrayList<>();
    for (Field f : ExitCodes.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        codes.add(f.getInt(null));
      }
    }
    return codes;
  }

  @Test
  void codesAreDistinctAndAllDescribed() throws IllegalAccessException {
    List<Integer> codes = constants();
    assertEquals(codes.size(), new HashSet<>(codes).size(), "distinct: " + codes);
    Set<Integer> described = new HashSet<>();
    ExitCodes.descriptions().keySet().forEach(k -> described.add(Integer.parseInt(k.trim())));
    assertEquals(new HashSet<>(codes), described);
  }

  /** docs/exit-codes.md has a table row per code, and no other. Surefire runs in cli/, so the docs are in ../docs. */
  @Test
  void docsListEveryCode() throws IOException, IllegalAccessException {
    String doc = Files.readString(Path.of("..", "docs", "exit-codes.md"));
    Matcher row = Pattern.compile("(?m)^\\|\\s*(\\d+)\\s*\\|").matcher(doc);
    Set<Integer> documented = new HashSet<>();
    while (row.find()) {
      assertTrue(documented.add(Integer.parseInt(row.group(1))), "documented twice: " + row.group(1));
    }
    assertEquals(new HashSet<>(constants()), documented);
  }
}
