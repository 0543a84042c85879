"""DuckDB SQL from sql/ turned into Spark SQL: SQLGlot transpiles, and the rewrites below cover
what it does not carry across. The rules and rollups are written once, in DuckDB's dialect; this
module is the only place where the two engines' SQL differs, and test/spark/ fails when the
results drift.

Rewrites (applied to the DuckDB syntax tree before SQLGlot writes Spark SQL):
  1. CREATE MACRO ... AS expr        -> no macros in Spark SQL: each call is replaced by the body.
  2. regexp_full_match(x, p)         -> x RLIKE '^(?:p)\\z' (SQLGlot leaves the call as it is).
  3. FROM t, range(a, b) AS r(c)     -> LATERAL (SELECT unnest(range(a, b)) AS c) AS r: Spark's range()
                                        table function cannot read the columns of t.
  4. list(DISTINCT x ORDER BY x)     -> array_sort(collect_set(x)) (SQLGlot drops the ORDER BY).
  5. alias.* EXCLUDE (c, ...)        -> the remaining columns listed (Spark has no EXCLUDE / EXCEPT).
  6. to_json(alias) of a whole row   -> to_json(struct(alias.*)).
  7. SELECT 'all', ... GROUP BY ALL  -> SELECT 'all' AS _c0, ...: Spark names an unaliased literal after
                                        its value, and then reads GROUP BY ALL as "group by column all".
  8. x::sex_enum (a type of ours)    -> x: the ENUM storage types of sql/ingest/code_types.sql exist only
                                        in DuckDB; Spark keeps the codes as strings.
$name parameters stay parameters: SQLGlot writes them as :name and Spark binds them (job.py).
"""
from __future__ import annotations

from typing import Callable

import sqlglot
from sqlglot import exp

Columns = Callable[[str], list[str]]


def parse(sql: str) -> list[exp.Expression]:
    """The statements of one sql/ file, in DuckDB's dialect."""
    return [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]


class Macro:
    """A DuckDB scalar macro: parameter names and a body expression."""

    def __init__(self, create: exp.Create):
        udf = create.this
        self.name = udf.this.name.lower() if isinstance(udf.this, exp.Identifier) else str(udf.this).lower()
        self.params = [p.name for p in udf.expressions]
        self.body = create.expression

    def expand(self, args: list[exp.Expression]) -> exp.Expression:
        bound = dict(zip(self.params, args))
        body = self.body.copy()

        def put(node: exp.Expression) -> exp.Expression:
            if isinstance(node, exp.Column) and not node.table and node.name in bound:
                return exp.Paren(this=bound[node.name].copy())
            return node

        return exp.Paren(this=body.transform(put))


def macro_name(create: exp.Create) -> str:
    return Macro(create).name


def _function_name(node: exp.Expression) -> str | None:
    if isinstance(node, exp.Anonymous):
        return str(node.this).lower()
    return None


def expand_macros(tree: exp.Expression, macros: dict[str, Macro]) -> exp.Expression:
    """Rewrite 1."""
    def put(node: exp.Expression) -> exp.Expression:
        name = _function_name(node)
        if name in macros:
            return macros[name].expand(list(node.expressions))
        return node
    return tree.transform(put)


def _regexp_full_match(node: exp.Expression) -> exp.Expression:
    """Rewrite 2: a full match; \\z, not $, so a trailing newline does not match (as in DuckDB)."""
    if isinstance(node, exp.RegexpFullMatch):
        subject, pattern = node.this, node.expression
        if isinstance(pattern, exp.Literal) and pattern.is_string:
            anchored = exp.Literal.string(f"^(?:{pattern.this})\\z")
            return exp.RegexpLike(this=subject.copy(), expression=anchored)
    return node


def _range_in_from(node: exp.Expression) -> exp.Expression:
    """Rewrite 3: a range() table function in FROM becomes a lateral unnest of the same range."""
    if isinstance(node, exp.Table) and isinstance(node.this, exp.GenerateSeries):
        alias = node.args.get("alias")
        if alias is None or len(alias.columns) != 1:
            return node
        column = alias.columns[0].name
        select = exp.select(exp.Alias(this=exp.Unnest(expressions=[node.this.copy()]), alias=exp.to_identifier(column)))
        return exp.Lateral(this=exp.Subquery(this=select), alias=exp.TableAlias(this=exp.to_identifier(alias.name)))
    return node


def _sorted_distinct_list(node: exp.Expression) -> exp.Expression:
    """Rewrite 4: list(DISTINCT x ORDER BY x), the sorted distinct values."""
    if isinstance(node, exp.ArrayAgg):
        inner = node.this
        order = None
        if isinstance(inner, exp.Order):
            order = inner
            inner = inner.this
        if isinstance(inner, exp.Distinct) and len(inner.expressions) == 1:
            value = inner.expressions[0]
            if order is None or (len(order.expressions) == 1 and order.expressions[0].this == value and not order.expressions[0].args.get("desc")):
                collected = exp.Anonymous(this="collect_set", expressions=[value.copy()])
                return exp.Anonymous(this="array_sort", expressions=[collected])
    return node


def _aliases(select: exp.Select) -> dict[str, str]:
    """alias -> table name for the tables in a SELECT's FROM and JOINs."""
    found: dict[str, str] = {}
    for table in select.find_all(exp.Table):
        if isinstance(table.this, exp.Identifier):
            found[table.alias_or_name] = table.name
    return found


def _star_exclude(node: exp.Expression, columns: Columns) -> exp.Expression:
    """Rewrite 5: alias.* EXCLUDE (...) becomes the remaining columns of that table, in order."""
    if isinstance(node, exp.Select):
        new = []
        changed = False
        for projection in node.expressions:
            star = projection.this if isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star) else projection
            excluded = star.args.get("except_") if isinstance(star, exp.Star) else None
            if excluded:
                alias = projection.table if isinstance(projection, exp.Column) else ""
                table = _aliases(node).get(alias, alias) if alias else next(iter(_aliases(node).values()))
                drop = {e.name for e in excluded}
                new.extend(exp.column(c, table=alias or None) for c in columns(table) if c not in drop)
                changed = True
            else:
                new.append(projection)
        if changed:
            node.set("expressions", new)
    return node


def _row_to_json(node: exp.Expression) -> exp.Expression:
    """Rewrite 6: to_json(s), where s is a table alias, is the whole row as JSON."""
    if _function_name(node) == "to_json" and len(node.expressions) == 1:
        arg = node.expressions[0]
        if isinstance(arg, exp.Column) and not arg.table:
            select = node.find_ancestor(exp.Select)
            if select is not None and arg.name in _aliases(select):
                struct = exp.Anonymous(this="struct", expressions=[exp.Column(this=exp.Star(), table=exp.to_identifier(arg.name))])
                return exp.Anonymous(this="to_json", expressions=[struct])
    return node


def _alias_literals_under_group_by_all(node: exp.Expression) -> exp.Expression:
    """Rewrite 7."""
    if isinstance(node, exp.Select):
        group = node.args.get("group")
        if group is not None and group.args.get("all"):
            node.set("expressions", [
                exp.Alias(this=e, alias=exp.to_identifier(f"_c{i}")) if isinstance(e, exp.Literal) else e
                for i, e in enumerate(node.expressions)
            ])
    return node


def _user_type_cast(node: exp.Expression) -> exp.Expression:
    """Rewrite 8."""
    if isinstance(node, exp.Cast) and node.to.this == exp.DataType.Type.USERDEFINED:
        return node.this
    return node


def rewrite(tree: exp.Expression, macros: dict[str, Macro], columns: Columns) -> exp.Expression:
    tree = expand_macros(tree, macros)
    tree = tree.transform(_regexp_full_match)
    tree = tree.transform(_range_in_from)
    tree = tree.transform(_sorted_distinct_list)
    tree = tree.transform(lambda n: _star_exclude(n, columns))
    tree = tree.transform(_row_to_json)
    tree = tree.transform(_alias_literals_under_group_by_all)
    tree = tree.transform(_user_type_cast)
    return tree


def to_spark(tree: exp.Expression, macros: dict[str, Macro], columns: Columns) -> str:
    """One DuckDB statement (or query) as Spark SQL."""
    return rewrite(tree.copy(), macros, columns).sql(dialect="spark", comments=False)


def parameters(tree: exp.Expression) -> list[str]:
    """The $name parameters a statement binds."""
    names = {p.name for p in tree.find_all(exp.Placeholder) if p.name}
    names |= {p.name for p in tree.find_all(exp.Parameter)}
    return sorted(names)
