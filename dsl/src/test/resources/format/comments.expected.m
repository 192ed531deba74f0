-- Header: what this model is.
-- A second header line.

/* A block comment
   over two lines. */

const
  -- leading a const
  N: 2; -- trailing a const
  /* leading M */
  M: 3;

-- at the end of the const section

type
  Pid: scalarset(N); -- processes
  Val: enum {
    lo, /* middle? */
    hi
  }; -- values
  Loc: enum {
    home, -- at home
    -- own line before away
    away -- last value, with a trailing comma
  };
  Rec: record
    -- leading a field
    v: Val; -- trailing a field
    ok: boolean;
    -- before the record's end
  end;

var
  -- on the var keyword line
  st: array [Pid] of Rec;
  n: 0 .. M;

-- a function
function inc(x: 0 .. M -- the argument
    ): 0 .. M;
-- before the locals
var
  y: 0 .. M; -- a local
begin
  y := x + /* one */ 1;
  return y;
end;

startstate begin -- on the startstate line
  n := 0; -- trailing n
  for p: Pid do
    -- inside for
    st[p].v := lo;
    st[p].ok := false;
  end;
  -- last in startstate
end;

ruleset p: Pid do
  -- on the ruleset line

  -- leading a rule, after a blank line
  rule "step" st[p].v = lo -- first conjunct
      & n < M -- second conjunct
      -- own line before the third
      & !st[p].ok
  ==> begin
    if n = 0 then -- after then
      n := inc(n);
    elsif n = 1 then
      -- in elsif
      n := 2;
    else
      switch n
        -- before a case
        case 2:
          n := 0; -- in a case
        else -- on else
          n := 0;
      end;
    end;

    st[p].v := hi; -- after a blank line
  end;
  -- between rules

  rule "reset" st[p].v = hi ==> begin
    st[p].v /* target */ := /* value */ lo;
  end;
  -- before the ruleset's end
end; -- after the ruleset

invariant "bounded" n <= M; -- on the invariant
-- the last line, with no newline at the end
