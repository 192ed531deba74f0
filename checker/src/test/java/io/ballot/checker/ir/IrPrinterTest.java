package io.ballot.checker.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrPrinterTest {

  private static SourceLocation at(int line) {
    return new SourceLocation("m.m", line, 1, line, 2);
  }

  /**
   * A small model: {@code const N: 2; type Idx: 0..N; var x: Idx; var c: enum{red,green};
   * function inc(v: Idx): Idx begin return v + 1 end; startstate begin x := 0 end;
   * ruleset i: Idx do rule "step" x < N ==> var t: Idx; begin t := inc(x); x := t end end;
   * invariant "bounded" x <= N}. {@code line} shifts every source location, so that two models built with different
   * lines differ only in locations. {@code stepValue} is the literal added in {@code inc}.
   */
  static Model build(int line, long stepValue) {
    Type idx = new Type.RangeType(0, 2);
    Type bool = new Type.BooleanType();
    Type integer = new Type.IntType();
    Type colour = new Type.EnumType(List.of("red", "green"), at(line));
    Variable x = new Variable("x", idx, at(line + 1));
    Variable c = new Variable("c", colour, at(line + 2));

    Local v = new Local("v", Local.Kind.PARAMETER, idx, at(line + 3));
    Function inc = new Function("inc", List.of(v), idx, at(line + 3));
    inc.define(
        List.of(),
        List.of(
            new Stmt.Return(
                new Expr.Binary(
                    Expr.BinaryOp.ADD,
                    new Expr.LocalRef(v, false, at(line + 4)),
                    new Expr.Literal(integer, stepValue, at(line + 4)),
                    integer,
                    at(line + 4)),
                at(line + 4))));

    StartState start =
        new StartState(
            null,
            List.of(),
            List.of(),
            List.of(
                new Stmt.Assign(
                    new Expr.VarRef(x, at(line + 5)), new Expr.Literal(integer, 0, at(line + 5)), at(line + 5)),
                new Stmt.Assign(
                    new Expr.VarRef(c, at(line + 5)), new Expr.Literal(colour, 1, at(line + 5)), at(line + 5))),
            at(line + 5));

    Local i = new Local("i", Local.Kind.QUANTIFIER, idx, at(line + 6));
    Quantifier q = new Quantifier(i, idx, null, null, null, at(line + 6));
    Local t = new Local("t", Local.Kind.VARIABLE, idx, at(line + 7));
    Expr guard =
        new Expr.Binary(
            Expr.BinaryOp.LT,
            new Expr.VarRef(x, at(line + 7)),
            new Expr.Literal(integer, 2, at(line + 7)),
            bool,
            at(line + 7));
    Rule step =
        new Rule(
            "step",
            List.of(q),
            guard,
            List.of(t),
            List.of(
                new Stmt.Assign(
                    new Expr.LocalRef(t, true, at(line + 8)),
                    new Expr.Call(inc, List.of(new Expr.VarRef(x, at(line + 8))), at(line + 8)),
                    at(line + 8)),
                new Stmt.If(
                    List.of(
                        new Stmt.IfClause(
                            new Expr.Binary(
                                Expr.BinaryOp.EQ,
                                new Expr.LocalRef(i, false, at(line + 9)),
                                new Expr.Literal(integer, 0, at(line + 9)),
                                bool,
                                at(line + 9)),
                            List.of(
                                new Stmt.Assign(
                                    new Expr.VarRef(x, at(line + 9)),
                                    new Expr.LocalRef(t, false, at(line + 9)),
                                    at(line + 9))),
                            at(line + 9)),
                        new Stmt.IfClause(null, List.of(new Stmt.Error("no \"way\"", at(line + 10))), at(line + 10))),
                    at(line + 9))),
            at(line + 7));

    Property bounded =
        new Property(
            PropertyKind.ASSERTION,
            "invariant",
            "bounded",
            List.of(),
            new Expr.Binary(
                Expr.BinaryOp.LE,
                new Expr.VarRef(x, at(line + 11)),
                new Expr.Literal(integer, 2, at(line + 11)),
                bool,
                at(line + 11)),
            at(line + 11));

    return new Model(
        "m.m",
        List.of(new ConstantDecl("N", integer, 2, at(line))),
        List.of(new TypeDecl("Idx", idx, at(line)), new TypeDecl("Colour", colour, at(line))),
        List.of(x, c),
        List.of(inc),
        List.of(start),
        List.of(step),
        List.of(bounded));
  }

  @Test
  void printsTheWholeModelCanonically() {
    String expected =
        """
        model
          const N = 2:int
          type Idx = 0..2
          type Colour = enum{red,green}
          var x: 0..2
          var c: enum{red,green}
          function inc(v#1 (parameter 0..2)) returns 0..2
            begin
              return (v#1 ADD 1:int):int
            end
          end function
          startstate -
            begin
              x := 0:int
              c := 1:enum{red,green}
            end
          end startstate
          rule "step"
            binder quantifier i#2 (quantifier 0..2) in 0..2
            guard (x LT 2:int):boolean
            local t#3 (variable 0..2)
            begin
              t#3{lv} := inc(x)
              if (i#2 EQ 0:int):boolean
                x := t#3
              else
                error "no \\"way\\""
              end if
            end
          end rule
          property ASSERTION invariant "bounded"
            condition (x LE 2:int):boolean
          end property
        end model
        """;
    assertEquals(expected, IrPrinter.print(build(1, 1)));
  }

  @Test
  void separatelyBuiltIdenticalModelsPrintIdentically() {
    Model a = build(1, 1);
    Model b = build(1, 1);
    // Locals are compared by identity, so the models themselves differ; their dumps must not.
    assertNotEquals(a.rules().get(0).locals().get(0), b.rules().get(0).locals().get(0));
    assertEquals(IrPrinter.print(a), IrPrinter.print(b));
  }

  @Test
  void locationsDoNotMatter() {
    assertEquals(IrPrinter.print(build(1, 1)), IrPrinter.print(build(40, 1)));
  }

  @Test
  void aChangedLiteralChangesTheDump() {
    String one = IrPrinter.print(build(1, 1));
    String two = IrPrinter.print(build(1, 2));
    assertNotEquals(one, two);
    assertTrue(two.contains("return (v#1 ADD 2:int):int"), two);
  }

  @Test
  void literalTypesAreShown() {
    Expr five = new Expr.Literal(new Type.IntType(), 5, SourceLocation.NONE);
    Expr truth = new Expr.Literal(new Type.BooleanType(), 1, SourceLocation.NONE);
    Model m =
        new Model(
            "m.m",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Property(PropertyKind.COVER, "cover", null, List.of(), truth, SourceLocation.NONE),
                new Property(
                    PropertyKind.ASSERTION,
                    "invariant",
                    null,
                    List.of(),
                    new Expr.Binary(Expr.BinaryOp.EQ, five, five, new Type.BooleanType(), SourceLocation.NONE),
                    SourceLocation.NONE)));
    String dump = IrPrinter.print(m);
    assertTrue(dump.contains("condition 1:boolean"), dump);
    assertTrue(dump.contains("condition (5:int EQ 5:int):boolean"), dump);
  }

  @Test
  void distinctLocalsWithTheSameNameAreNumberedApart() {
    Type idx = new Type.RangeType(0, 3);
    Local i1 = new Local("i", Local.Kind.QUANTIFIER, idx, SourceLocation.NONE);
    Local i2 = new Local("i", Local.Kind.QUANTIFIER, idx, SourceLocation.NONE);
    Expr sameTwice =
        new Expr.Quantified(
            true,
            new Quantifier(i1, idx, null, null, null, SourceLocation.NONE),
            new Expr.Binary(
                Expr.BinaryOp.EQ,
                new Expr.LocalRef(i1, false, SourceLocation.NONE),
                new Expr.LocalRef(i1, false, SourceLocation.NONE),
                new Type.BooleanType(),
                SourceLocation.NONE),
            SourceLocation.NONE);
    Expr different =
        new Expr.Quantified(
            true,
            new Quantifier(i1, idx, null, null, null, SourceLocation.NONE),
            new Expr.Binary(
                Expr.BinaryOp.EQ,
                new Expr.LocalRef(i1, false, SourceLocation.NONE),
                new Expr.LocalRef(i2, false, SourceLocation.NONE),
                new Type.BooleanType(),
                SourceLocation.NONE),
            SourceLocation.NONE);
    String a = IrPrinter.print(propertyModel(sameTwice));
    String b = IrPrinter.print(propertyModel(different));
    assertTrue(a.contains("(forall i#1 (quantifier 0..3) in 0..3 do (i#1 EQ i#1):boolean)"), a);
    assertTrue(b.contains("(forall i#1 (quantifier 0..3) in 0..3 do (i#1 EQ i#2):boolean)"), b);
  }

  @Test
  void typesPrintStructurally() {
    SourceLocation o = SourceLocation.NONE;
    Type rec =
        new Type.RecordType(
            List.of(
                new Type.Field("a", new Type.ArrayType(new Type.ScalarsetType("P", 3, o), new Type.BooleanType())),
                new Type.Field(
                    "b",
                    new Type.UnionType(
                        List.of(new Type.EnumType(List.of("x"), o), new Type.ScalarsetType("Q", 2, o)))),
                new Type.Field("c", new Type.MultisetType(4, new Type.RangeType(-1, 1)))));
    assertEquals(
        "record{a:array[scalarset(P,3)]of boolean;b:union{enum{x},scalarset(Q,2)};c:multiset[4]of -1..1}",
        IrPrinter.print(rec));
  }

  private static Model propertyModel(Expr condition) {
    return new Model(
        "m.m",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(new Property(PropertyKind.ASSERTION, "invariant", null, List.of(), condition, SourceLocation.NONE)));
  }
}
