package io.ballot.eclipse.check;

import io.ballot.checker.result.Result;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.messages.TraceLines;
import io.ballot.dsl.ide.check.Traces;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

/** The last check's result: a headline, and the counterexample as a step / rule / variable / value table. */
public class CounterexampleView extends ViewPart {
  public static final String ID = "io.ballot.eclipse.counterexample";
  private Label headline;
  private Table table;

  @Override
  public void createPartControl(Composite parent) {
    parent.setLayout(new GridLayout(1, false));
    headline = new Label(parent, SWT.WRAP);
    headline.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    headline.setText("Run Check Model on a Murphi model.");
    table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
    table.setHeaderVisible(true);
    table.setLinesVisible(true);
    table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    for (String[] c : new String[][] {{"Step", "50"}, {"Rule", "220"}, {"Variable", "200"}, {"Value", "160"}}) {
      TableColumn column = new TableColumn(table, SWT.LEFT);
      column.setText(c[0]);
      column.setWidth(Integer.parseInt(c[1]));
    }
  }

  /** Shows {@code result} of checking {@code name}: the first violation's trace, one row per changed variable. */
  public void show(String name, Result result) {
    table.removeAll();
    String counts = String.format(Locale.ROOT, "%,d states, depth %d, %.2f s", result.states(), result.depth(),
        result.seconds());
    if (result.violations().isEmpty()) {
      headline.setText(name + ": " + (result.verdict() == Verdict.HOLDS ? "all properties hold" : "stopped: "
          + result.stopReason()) + " (" + counts + ")");
      headline.getParent().layout();
      return;
    }
    Violation v = result.violations().get(0);
    headline.setText(name + ": " + Traces.headline(v) + " (" + counts + ")");
    int step = 0;
    for (TraceStep s : v.trace()) {
      step++;
      boolean first = true;
      String rule = s.parameters().isEmpty() ? s.rule() : s.rule() + " (" + String.join(", ", s.parameters()) + ")";
      // messages sent/received/lost/duplicated, changed variables, networks as message lists
      for (VariableValue value : TraceLines.entries(v.trace(), step - 1, false)) {
        TableItem row = new TableItem(table, SWT.NONE);
        row.setText(new String[] {first ? String.valueOf(step) : "", first ? rule : "", value.name(), value.value()});
        first = false;
      }
      if (first) {
        new TableItem(table, SWT.NONE).setText(new String[] {String.valueOf(step), rule, "", "(no change)"});
      }
    }
    headline.getParent().layout();
  }

  @Override
  public void setFocus() {
    table.setFocus();
  }
}
