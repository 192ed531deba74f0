package io.ballot.checker.symmetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import io.ballot.checker.state.StateLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Symmetry reduction over a large scalarset is prepared in time linear in the state's leaves: a fuzzed Raft model
 * with 400 servers spent minutes in {@link StateShape}, before the search and so beyond {@code --time-limit}.
 */
class LargeScalarsetTest {

  private static final int N = 1200;
  private static final SourceLocation AT = new SourceLocation("t.m", 1, 1, 1, 10);

  @Test
  void aMatrixOverALargeScalarsetIsPreparedInLinearTime() {
    Type.ScalarsetType node = new Type.ScalarsetType("node", N, AT);
    Type matrix = new Type.ArrayType(node, new Type.ArrayType(node, new Type.BooleanType()));
    Model model = new Model("t.m", List.of(), List.of(), List.of(new Variable("m", matrix, AT)), List.of(),
        List.of(), List.of(), List.of());
    StateLayout layout = new StateLayout(model);
    // CPU time, not wall-clock time: the machine may be shared. The quadratic version took about 20 s of CPU here.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    StateShape shape = new StateShape(layout);
    double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
    assertTrue(seconds < 5, "1.44 million leaves in a 1200 x 1200 matrix over one scalarset took " + seconds + " s");
    assertEquals(N * N, shape.leaves);
    // Row i of the group holds the leaves of m[i][*] and m[*][i], each once: 2N - 1 leaves.
    assertEquals(2 * N - 1, shape.rowLeaves[0][7].length);
    assertEquals(N * 7, shape.rowLeaves[0][7][7]); // m[0..6][7] are leaves 7, N + 7, ...; then m[7][0] is leaf 7N
    int[] row = shape.rowLeaves[0][7];
    int[] sorted = row.clone();
    java.util.Arrays.sort(sorted);
    assertArrayEquals(sorted, row, "each row lists its leaves in order, without repeats");
    assertTrue(SymmetryReduction.of(layout, CheckOptions.Symmetry.HEURISTIC).reduces());
  }

  @Test
  void eachScalarsetIndexesItsOwnRows() {
    // A leaf's dimensions over one scalarset do not index the rows of another (smaller) one.
    Type.ScalarsetType big = new Type.ScalarsetType("big", 5, AT);
    Type.ScalarsetType small = new Type.ScalarsetType("small", 2, AT);
    Type grid = new Type.ArrayType(big, new Type.ArrayType(small, new Type.BooleanType()));
    Model model = new Model("t.m", List.of(), List.of(), List.of(new Variable("g", grid, AT)), List.of(),
        List.of(), List.of(), List.of());
    StateShape shape = new StateShape(new StateLayout(model));
    assertEquals(10, shape.leaves);
    assertArrayEquals(new int[] {8, 9}, shape.rowLeaves[0][4]); // g[4][0], g[4][1]
    assertArrayEquals(new int[] {1, 3, 5, 7, 9}, shape.rowLeaves[1][1]); // g[*][1]
  }
}
