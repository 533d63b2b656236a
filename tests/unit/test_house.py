"""The shape of the house: stages import only from earlier stages, each piece of
language knowledge has one home, every error has a code, every module a test."""
import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

# Stages in pipeline order. A module may import from its own stage and earlier
# ones; Neo4j and the views both read the graph and know nothing of each other.
STAGES = [
    ("base", ("kg", "kg.settings", "kg.errors", "kg.language", "kg.queries")),
    ("text in", ("loaders",)),
    ("extraction", ("kg.extract",)),
    ("graph", ("kg.graph",)),
    ("neo4j", ("kg.neo4j",)),
    ("views", ("kg.views",)),
    ("runtime", ("kg.runtime",)),
    ("cli", ("kg.cli",)),
]
SIBLINGS = {("neo4j", "views"), ("views", "neo4j")}


def modules() -> dict[str, Path]:
    out = {}
    for top in ("kg", "loaders"):
        for path in sorted((ROOT / top).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def stage_of(module: str) -> int | None:
    best = None
    for rank, (_, prefixes) in enumerate(STAGES):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and (best is None or len(p) > len(best[1])):
                best = (rank, p)
    return best[0] if best else None


def imports_of(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return {m for m in out if m.split(".")[0] in ("kg", "loaders")}


def test_no_module_imports_from_a_later_stage():
    wrong = []
    for module, path in modules().items():
        mine = stage_of(module)
        for imported in imports_of(path):
            theirs = stage_of(imported if imported in modules() else imported.rsplit(".", 1)[0])
            if theirs is None:
                continue
            names = (STAGES[mine][0], STAGES[theirs][0])
            if theirs > mine or names in SIBLINGS:
                wrong.append(f"{module} ({names[0]}) imports {imported} ({names[1]})")
    assert wrong == []


def test_every_module_belongs_to_a_stage():
    assert [m for m in modules() if stage_of(m) is None] == []


def _string_constants(path: Path) -> list[str]:
    """String literals of a module that are code, not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


# A word that only a home of language knowledge may define, and where that home is.
KNOWLEDGE = [
    ("我县", "kg/language/units.py"),      # self-reference words
    ("我旗", "kg/language/units.py"),
    ("盟行政公署", "kg/language/units.py"),
    ("不少于", "kg/language/numbers.py"),   # qualifiers of a figure
    ("将近", "kg/language/numbers.py"),
    ("镇长", "kg/language/titles.py"),      # post vocabulary
    ("秘书长", "kg/language/titles.py"),
    ("纪委监委", "kg/language/titles.py"),
    ("嘎查村", "kg/language/units.py"),      # unit suffixes
    ("融媒体中心", "kg/language/press.py"),   # news outlets
]


@pytest.mark.parametrize("word,home", KNOWLEDGE)
def test_language_knowledge_is_defined_in_one_place(word, home):
    holders = [str(path.relative_to(ROOT)) for path in modules().values()
               if any(word in s for s in _string_constants(path))]
    assert holders == [home]


def test_dates_are_parsed_in_one_place():
    """Four-digit years are read only by kg.language.dates (three copies disagreed on the bounds)."""
    year = re.compile(r"\\d\{4\}|\(\\d\{4\}\)")
    holders = [str(p.relative_to(ROOT)) for p in modules().values()
               if any(year.search(s) for s in _string_constants(p))]
    assert holders == ["kg/language/dates.py"]


def test_error_codes_are_unique_and_every_error_is_a_kg_error():
    from kg import errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.KGError)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)) and len(classes) > 10
    assert all(c.exit_status in (1, 2, 3) for c in classes)  # README: 1 part-way, 2 cannot start, 3 failed


def test_every_public_module_has_tests():
    """A module is tested when some test imports it (or an object from it)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    untested = []
    for module in modules():
        if module.split(".")[-1].startswith("_") or module in ("kg", "loaders", "kg.language.data"):
            continue
        parent, _, leaf = module.rpartition(".")
        if not (re.search(rf"\b{re.escape(module)}\b", text)
                or re.search(rf"from {re.escape(parent)} import [^\n]*\b{leaf}\b", text)):
            untested.append(module)
    assert untested == []


def test_the_wheel_lists_every_package_and_its_data():
    import tomllib

    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for top in ("kg", "loaders")
               for p in (ROOT / top).rglob("__init__.py")}
    data_only = {"kg.queries", "kg.queries.setup", "kg.views.templates"}  # folders of data files, listed so setuptools ships them
    assert set(setup["packages"]) == on_disk | data_only
    assert setup["package-dir"] == {"kg.queries": "queries"}
    data = setup["package-data"]
    for package, patterns in data.items():
        mapped = next((d + package[len(p):].replace(".", "/") for p, d in setup["package-dir"].items()
                       if package == p or package.startswith(p + ".")), None)
        folder = ROOT / (mapped or package.replace(".", "/"))
        assert all(list(folder.glob(p)) for p in patterns), package
