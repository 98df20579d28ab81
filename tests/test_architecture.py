"""The house: stages as packages, imports that only point back along the pipeline, small modules."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cnbudget"
MAX_LINES = 400

# A stage may import the core (model, schema, amounts, strings, official data) and the stages before it.
# tables/ comes before recognise/: each table kind declares itself once there (title, label, resources,
# reader), and recognise matches titles against that registry while normalise runs its readers.
ORDER = ["official", "read", "tables", "recognise", "normalise", "checks", "package", "render", "pipeline", "cli"]
CORE = {"model", "schema", "amounts", "strings", "official"}


def module_name(path: Path) -> str:
    """The dotted name of a module file under cnbudget/."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the library by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The library modules a module names in any import statement (also inside functions and TYPE_CHECKING)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in known:
                    found.add(sub)
                elif target in known:
                    found.add(target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    """Module → the library modules it imports."""
    mods = modules()
    known = set(mods)
    return {name: imports_of(name, path, known) for name, path in mods.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def stage_of(module: str) -> str:
    """The stage (or core part) a module belongs to: its first name under cnbudget."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "cnbudget"


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle() -> None:
    assert find_cycle(graph()) is None


def test_stages_import_only_the_core_and_earlier_stages() -> None:
    wrong = []
    for module, targets in graph().items():
        mine = stage_of(module)
        if mine in CORE or mine == "cnbudget":
            allowed = CORE
        else:
            allowed = CORE | set(ORDER[: ORDER.index(mine) + 1])
        for target in targets:
            if stage_of(target) not in allowed:
                wrong.append(f"{module} → {target}")
    assert not wrong, "imports against the pipeline's order:\n" + "\n".join(sorted(wrong))


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_is_small(name: str) -> None:
    lines = modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it (at most {MAX_LINES})"


@pytest.mark.skipif(shutil.which("mypy") is None and not (Path(sys.prefix) / "bin" / "mypy").exists(), reason="mypy is in the test extra")
def test_the_library_is_mypy_strict_clean() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(PACKAGE)], capture_output=True, text=True, cwd=PACKAGE.parent, check=False)
    assert done.returncode == 0, done.stdout[-3000:]


def test_the_code_is_ruff_clean() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "cnbudget", "tests", "tools", "benchmarks"], capture_output=True, text=True, cwd=PACKAGE.parent, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
