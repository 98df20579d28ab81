"""Safety: the build deletes nothing that is not its own, runs one at a time per output folder, publishes
packages and site together (a crash at any point is repaired by the next build without losing the last
good package of any source), bounds the work on each source in time and memory, and answers every
hostile input with a code of its own and every mishap with a message, never a traceback.

Crashes are made with the build's own test hooks (``CNBUDGET_TEST_KILL_AT`` kills it at a named point,
``CNBUDGET_TEST_HOLD_AT`` holds it there) and with kills at random moments drawn from a fixed seed.
Builds killed or started together run in forked processes or through ``build.py``; the site of those
builds comes from a quick stand-in renderer, since mkdocs is not what they test.
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cnbudget import cli
from cnbudget.package import publish
from cnbudget.package import write as package
from cnbudget.package.outputs import MARKER, marker_text
from cnbudget.package.publication import HOLD_AT, KILL_AT
from cnbudget.pipeline import build as pipeline
from cnbudget.pipeline import per_source
from cnbudget.pipeline.cache import Cache
from cnbudget.pipeline.inputs import accept_inputs
from cnbudget.pipeline.per_source import Limits
from cnbudget.render import site as render

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build.py"
TEMPLATES = ROOT / "templates"
SEEDS = sorted((ROOT / "sources").glob("*.txt"))


# --- helpers ---------------------------------------------------------------------------------------


def _sources(folder: Path, seeds: list[Path]) -> Path:
    folder.mkdir(parents=True)
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def _tree(folder: Path) -> dict[str, bytes | None]:
    """Every entry under ``folder`` (a folder as None), to show nothing was added, changed or removed."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() and not p.is_symlink() else None) for p in sorted(folder.rglob("*"))}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".cnbudget-" in p.name)


def _report(folder: Path) -> dict[str, dict[str, object]]:
    return {e["path"]: e for e in json.loads((folder / "build-report.json").read_text(encoding="utf-8"))["sources"]}


def _codes(err: str) -> dict[str, str]:
    """Path → code of the sources the build printed as failed (printed even when nothing could be published)."""
    return {m.group(1): m.group(2) for m in re.finditer(r"^failed: (\S+?)(?: \(page \d+\))?: ([a-z-]+): ", err, re.MULTILINE)}


def _main(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str]:
    code = cli.main([str(a) for a in argv])
    return code, capsys.readouterr().err


def _argv(where: Path, src: Path, *extra: str) -> list[str]:
    return ["--source", str(src), "--datapackages", str(where / "dp"), "--site", str(where / "site"), "--no-cache", "--jobs", "2", *extra]


def _child(argv: list[str], env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.exit(cli.main(argv))


def _forked(argv: list[str], env: dict[str, str]) -> multiprocessing.process.BaseProcess:
    """A build in a forked copy of this process (it has the stand-in renderer, and starts at once)."""
    process = multiprocessing.get_context("fork").Process(target=_child, args=(argv, env))
    process.start()
    return process


def _fake_render(datapackages: Path, site: Path, templates: Path, *, log: Callable[[str], None] = print) -> None:
    """A site that tells which packages it was made from, in a few milliseconds."""
    (site / "data").mkdir()
    shutil.copyfile(datapackages / "build-report.json", site / "data" / "build-report.json")
    ids = sorted(p.name for p in datapackages.iterdir() if (p / "datapackage.json").is_file())
    (site / "index.html").write_text("\n".join(ids) + "\n", encoding="utf-8")


@pytest.fixture
def fake_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "render_site", _fake_render)


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _bomb(path: Path, megabytes: int) -> None:
    """A PDF of a few hundred bytes whose page inflates (twice) to ``megabytes`` of zeros."""
    inner = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    layer = b"".join(inner.compress(chunk) for _ in range(megabytes)) + inner.flush()
    data = zlib.compress(layer, 9)
    stream = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n%s\nendstream" % (len(data), data)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream,
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))


def _prose(path: Path, megabytes: int) -> None:
    """A real disclosure followed by ``megabytes`` of prose: quick to read, slow to check."""
    line = "本部门2024年一般公共预算支出12345.67万元，比上年增加123.45万元，增长1.2%，主要原因是人员增加。\n"
    path.write_text(SEEDS[0].read_text(encoding="utf-8") + line * ((megabytes << 20) // len(line.encode())), encoding="utf-8")


# --- misdirected output folders: refused, nothing touched ------------------------------------------


def _home(tmp: Path) -> Path:
    """A folder like a user's home: documents, keys, dot-files, a project with .git and .env, sources."""
    home = tmp / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "tax.pdf").write_bytes(b"%PDF-1.4 mine")
    (home / ".ssh").mkdir()
    (home / ".ssh" / "id_rsa").write_text("KEY\n")
    (home / ".bashrc").write_text("alias ll='ls -l'\n")
    (home / "project" / ".git").mkdir(parents=True)
    (home / "project" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (home / "project" / ".env").write_text("SECRET=1\n")
    (home / "project" / "data").mkdir()
    (home / "notes.txt").write_text("a file\n")
    _sources(tmp / "src", SEEDS[:1])  # beside the home folder, so that only the output folder is wrong
    (home / "theirs").mkdir()
    (home / "theirs" / MARKER).write_text(marker_text("datapackages"))
    return home


MISDIRECTED = {
    "site-is-the-current-home-folder": (["--datapackages", "../dp", "--site", "."], "--site", "not made by cnbudget"),
    "site-is-a-home-folder": (["--datapackages", "../dp", "--site", "{home}"], "--site", "not made by cnbudget"),
    "packages-in-a-project-with-git": (["--datapackages", "project", "--no-site"], "--datapackages", "not made by cnbudget"),
    "site-is-the-source-folder": (["--datapackages", "../dp", "--site", "../src"], "--site", "is the source"),
    "packages-are-the-site": (["--datapackages", "../out", "--site", "../out"], "--datapackages", "is --site"),
    "packages-inside-the-site": (["--datapackages", "../out/data", "--site", "../out"], "--datapackages", "lies inside --site"),
    "site-inside-the-packages": (["--datapackages", "../out", "--site", "../out/site"], "--datapackages", "contains --site"),
    "packages-inside-the-source": (["--datapackages", "../src/out", "--no-site"], "--datapackages", "lies inside the source"),
    "packages-contain-the-source": (["--datapackages", "..", "--no-site"], "--datapackages", "contains the source"),
    "packages-are-a-file": (["--datapackages", "notes.txt", "--no-site"], "--datapackages", "not a folder"),
    "site-holds-someone-elses-packages": (["--datapackages", "../dp", "--site", "theirs"], "--site", "holds cnbudget's datapackages"),
}


@pytest.mark.parametrize("case", sorted(MISDIRECTED))
def test_a_misdirected_output_folder_is_refused_and_nothing_is_touched(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _home(tmp_path)
    args, flag, why = MISDIRECTED[case]
    monkeypatch.chdir(home)  # relative paths are resolved against the current folder
    before = _tree(tmp_path)
    code, err = _main(capsys, "--source", "../src", "--no-cache", *[a.format(home=home) for a in args])
    assert code == 2, err
    assert f"build.py: {flag} " in err and why in err and "Traceback" not in err
    assert _tree(tmp_path) == before  # no file deleted, changed or added (no lock, no staging folder)


def test_a_relative_site_is_written_where_the_user_is(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs resolves a relative site folder against its config's folder: the build hands it absolute paths."""
    _sources(tmp_path / "src", SEEDS[:2])
    monkeypatch.chdir(tmp_path)
    code, err = _main(capsys, "--source", "src", "--datapackages", "dp", "--site", "site", "--no-cache", "-q")
    assert code == 0, err
    assert (tmp_path / "site" / "index.html").is_file() and len(list((tmp_path / "site" / "disclosures").glob("*/index.html"))) == 2
    assert (tmp_path / "site" / MARKER).read_text() == marker_text("site") and (tmp_path / "dp" / MARKER).read_text() == marker_text("datapackages")
    assert _leftovers(tmp_path) == []  # the lock is gone with the build


def test_the_committed_packages_carry_the_marker_and_older_outputs_are_adopted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (ROOT / "datapackages" / MARKER).read_text(encoding="utf-8") == marker_text("datapackages")
    legacy = tmp_path / "dp"
    shutil.copytree(ROOT / "datapackages", legacy)
    (legacy / MARKER).unlink()  # as an earlier cnbudget left it: recognised by its build-report.json
    code, err = _main(capsys, "--source", ROOT / "sources", "--datapackages", legacy, "--no-site", "--no-cache", "-q")
    assert code == 0, err
    assert _snapshot(legacy) == _snapshot(ROOT / "datapackages")


def test_what_a_user_keeps_beside_the_packages_stays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _sources(tmp_path / "src", SEEDS[:2])
    args = ("--source", src, "--datapackages", tmp_path / "dp", "--no-site", "--no-cache", "-q")
    assert _main(capsys, *args)[0] == 0
    (tmp_path / "dp" / "README.md").write_text("mine\n")
    (tmp_path / "dp" / ".env").write_text("SECRET=1\n")
    (tmp_path / "dp" / "notes").mkdir()
    (tmp_path / "dp" / "notes" / "a.txt").write_text("mine too\n")
    (src / SEEDS[1].name).unlink()  # its package goes; what the user keeps does not
    assert _main(capsys, *args)[0] == 0
    kept = _snapshot(tmp_path / "dp")
    assert (kept["README.md"], kept[".env"], kept["notes/a.txt"]) == (b"mine\n", b"SECRET=1\n", b"mine too\n")
    assert len([p for p in (tmp_path / "dp").iterdir() if (p / "datapackage.json").is_file()]) == 2  # one package and all/


# --- one build at a time --------------------------------------------------------------------------


def test_a_second_build_is_refused_while_the_first_holds_the_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, go = _sources(tmp_path / "src", SEEDS[:2]), tmp_path / "go"
    args = ["--source", str(src), "--datapackages", str(tmp_path / "dp"), "--no-site", "--no-cache", "-q"]
    first = subprocess.Popen([sys.executable, str(BUILD), *args], env={**os.environ, HOLD_AT: f"locked:{go}"}, stderr=subprocess.PIPE, text=True)
    try:
        lock = tmp_path / ".dp.cnbudget-lock"
        _wait_for(lambda: lock.is_file() and lock.read_text().strip() == str(first.pid))
        code, err = _main(capsys, *args)
        assert code == 2 and f"another build (process {first.pid}) is writing into {tmp_path / 'dp'}" in err and "Traceback" not in err
    finally:
        go.touch()
        _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert _report(tmp_path / "dp") and _leftovers(tmp_path) == []


def test_a_lock_left_by_a_dead_build_is_taken_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _sources(tmp_path / "src", SEEDS[:1])
    dead = subprocess.Popen(["true"])
    dead.wait()
    (tmp_path / ".dp.cnbudget-lock").write_text(f"{dead.pid}\n")
    code, err = _main(capsys, "--source", src, "--datapackages", tmp_path / "dp", "--no-site", "--no-cache")
    assert code == 0, err
    assert f"was left by process {dead.pid}, which stopped without releasing it; taken over" in err
    assert _leftovers(tmp_path) == []


def test_builds_started_together_never_publish_half(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _sources(tmp_path / "src", SEEDS[:3])
    assert _main(capsys, "--source", src, "--datapackages", tmp_path / "ref", "--no-site", "--no-cache", "-q")[0] == 0
    reference = _snapshot(tmp_path / "ref")
    for trial in range(2):
        out = tmp_path / f"out{trial}"
        args = [sys.executable, str(BUILD), "--source", str(src), "--datapackages", str(out), "--no-site", "--no-cache", "-q"]
        together = [subprocess.Popen(args, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.communicate(timeout=120)[1], p.returncode)[::-1] for p in together]
        for code, err in results:
            assert code in (0, 2) and "Traceback" not in err, err
            assert code == 0 or "another build" in err
        assert 0 in [code for code, _ in results]
        assert _snapshot(out) == reference  # complete, never a mix
        assert _leftovers(tmp_path) == []


# --- crashes at every point, and at random moments: repaired, nothing lost ------------------------


@dataclass
class States:
    v1: Path  # dp/ and site/ as the first build left them
    src: Path  # the second build's sources: one unchanged, one broken (kept stale), one removed
    v1_state: tuple[dict[str, bytes], dict[str, bytes]]
    v2_state: tuple[dict[str, bytes], dict[str, bytes]]
    seconds: float  # how long the second build takes


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> Iterator[States]:
    base = tmp_path_factory.mktemp("states")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "render_site", _fake_render)
        first = _sources(base / "v1" / "src", SEEDS[:3])
        assert cli.main(_argv(base / "v1", first, "-q")) == 0
        second = base / "v2" / "src"
        shutil.copytree(first, second)
        (second / SEEDS[1].name).write_bytes(b"\x00 a failed download")
        (second / SEEDS[2].name).unlink()
        shutil.copytree(base / "v1", base / "ref", symlinks=True)
        start = time.monotonic()
        assert cli.main(_argv(base / "ref", second, "-q")) == 1  # the broken source fails
        seconds = time.monotonic() - start
    entry = _report(base / "ref" / "dp")[f"src/{SEEDS[1].name}"]
    assert entry["stale"] is True and (base / "ref" / "dp" / str(entry["disclosure_id"]) / "datapackage.json").is_file()
    yield States(
        base / "v1",
        second,
        (_snapshot(base / "v1" / "dp"), _snapshot(base / "v1" / "site")),
        (_snapshot(base / "ref" / "dp"), _snapshot(base / "ref" / "site")),
        seconds,
    )


def _visible(where: Path) -> tuple[dict[str, bytes], dict[str, bytes]] | None:
    """The packages and site a reader sees now; None while a journal waits for the next build to finish a swap."""
    if (where / ".dp.cnbudget-journal").exists():
        return None
    return (_snapshot(where / "dp") if (where / "dp").is_dir() else {}, _snapshot(where / "site") if (where / "site").is_dir() else {})


def _repaired(where: Path, states: States, capsys: pytest.CaptureFixture[str]) -> str:
    """The log of the build run after a crash, which must end where a build never stopped ends."""
    code, err = _main(capsys, *_argv(where, states.src))
    assert code == 1 and "Traceback" not in err, err
    assert (_snapshot(where / "dp"), _snapshot(where / "site")) == states.v2_state  # the broken source's package kept, stale
    assert _leftovers(where) == []
    return err


KILL_POINTS = [
    "staging-datapackages",
    "staging-site",
    "staged-site",
    "journal-written",
    "moved-out-datapackages",
    "moved-in-datapackages",
    "moved-out-site",
    "journal-removed",
]


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_build_killed_at_any_point_is_repaired_by_the_next(
    point: str, states: States, fake_site: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(states.v1, tmp_path, symlinks=True, dirs_exist_ok=True)
    killed = _forked(_argv(tmp_path, states.src, "-q"), {KILL_AT: point})
    killed.join(120)
    assert killed.exitcode == -signal.SIGKILL  # it reached the point
    assert _visible(tmp_path) in (states.v1_state, states.v2_state, None)  # packages and site of one build, or a swap to finish
    assert "taken over" in _repaired(tmp_path, states, capsys)


def test_builds_killed_at_random_moments_are_repaired_by_the_next(states: States, fake_site: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    moments = random.Random(20261130)
    for trial in range(3):
        where = tmp_path / str(trial)
        shutil.copytree(states.v1, where, symlinks=True)
        build = _forked(_argv(where, states.src, "-q"), {})
        time.sleep(moments.uniform(0.05, states.seconds))
        os.kill(build.pid, signal.SIGKILL)
        build.join(120)
        assert _visible(where) in (states.v1_state, states.v2_state, None)
        _repaired(where, states, capsys)


def test_a_folder_an_older_build_left_swapped_out_is_restored(states: States, fake_site: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Killed between its two renames, an older build left no dp/ but .dp.old: its packages are the last good ones."""
    shutil.copytree(states.v1, tmp_path, symlinks=True, dirs_exist_ok=True)
    (tmp_path / "dp").rename(tmp_path / ".dp.old")
    (tmp_path / ".dp.old" / MARKER).unlink()  # older builds wrote no marker: their build-report.json tells
    assert "restored the last complete one" in _repaired(tmp_path, states, capsys)


# --- Ctrl-C and a full disk -----------------------------------------------------------------------


def _built_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[object], dict[str, bytes]]:
    src = _sources(tmp_path / "src", SEEDS[:2])
    args: list[object] = ["--source", src, "--datapackages", tmp_path / "dp", "--no-site", "--no-cache", "-q"]
    assert _main(capsys, *args)[0] == 0
    (src / SEEDS[1].name).unlink()  # the next build would change the packages
    return src, args, _snapshot(tmp_path / "dp")


def test_ctrl_c_exits_130_and_leaves_the_output_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, args, before = _built_once(tmp_path, capsys)
    never = tmp_path / "never"
    # a suite started in the background (`pytest … &` from a script) runs with SIGINT ignored, which a child inherits
    # and Python then keeps: the build is started with Python's own Ctrl-C handler, as a user's terminal gives it
    with_ctrl_c = "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); sys.argv = sys.argv[1:]; sys.path[0] = sys.argv[0].rpartition('/')[0]; runpy.run_path(sys.argv[0], run_name='__main__')"
    build = subprocess.Popen(
        [sys.executable, "-c", with_ctrl_c, str(BUILD), *map(str, args)],
        env={**os.environ, HOLD_AT: f"staged-datapackages:{never}"},
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(lambda: (tmp_path / ".dp.cnbudget-new" / "build-report.json").is_file())
    time.sleep(0.2)
    build.send_signal(signal.SIGINT)
    _, err = build.communicate(timeout=60)
    assert build.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert _snapshot(tmp_path / "dp") == before and _leftovers(tmp_path) == []


def test_a_full_disk_is_a_message_and_the_output_stays(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _, args, before = _built_once(tmp_path, capsys)

    def full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(package, "write_text", full)
    monkeypatch.setattr(publish, "write_text", full)
    code, err = _main(capsys, *args)
    assert code == 1 and "the disk is full" in err and "the output folders hold the last complete build" in err and "Traceback" not in err
    assert _snapshot(tmp_path / "dp") == before and _leftovers(tmp_path) == []


# --- every input accounted for --------------------------------------------------------------------


def test_every_hostile_input_gets_its_own_code(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    src = _sources(tmp_path / "src", SEEDS[:2])
    os.mkfifo(src / "pipe.txt")
    shutil.copy(SEEDS[2], tmp_path / "outside.txt")
    (src / "outside-link.txt").symlink_to(tmp_path / "outside.txt")
    (src / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (src / "sub").mkdir()
    (src / "folder-link").symlink_to(src / "sub")
    (Path(os.fsdecode(os.path.join(os.fsencode(src), b"bad-\xff.txt")))).write_bytes(SEEDS[2].read_bytes())
    shutil.copy(SEEDS[3], src / "unreadable.txt")
    _sources(src / "locked", SEEDS[4:5])
    (tmp_path / "empty").mkdir()
    if os.geteuid() == 0:  # root reads anything: refuse the two as the system refuses a user
        real_open, real_scandir = os.open, os.scandir

        def refused(path: object) -> bool:
            return isinstance(path, str | bytes | os.PathLike) and Path(os.fsdecode(path)).name in ("unreadable.txt", "locked")

        def open_(path: object, *args: object, **kwargs: object) -> int:
            if refused(path):
                raise PermissionError(errno.EACCES, "Permission denied", path)
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        def scandir(path: object = ".") -> object:
            if refused(path):
                raise PermissionError(errno.EACCES, "Permission denied", path)
            return real_scandir(path)  # type: ignore[call-overload]

        monkeypatch.setattr(os, "open", open_)
        monkeypatch.setattr(os, "scandir", scandir)
    else:
        (src / "unreadable.txt").chmod(0)
        (src / "locked").chmod(0)
    try:
        sources = ["--source", src, "--source", "/dev/null", "--source", tmp_path / "empty"]
        code, err = _main(capsys, *sources, "--datapackages", tmp_path / "dp", "--no-site", "--cache", tmp_path / "cache", "-q")
    finally:
        (src / "locked").chmod(0o755)
    assert code == 1 and "Traceback" not in err, err
    codes = {path: (e["status"], e["code"]) for path, e in _report(tmp_path / "dp").items()}
    assert codes == {
        f"src/{SEEDS[0].name}": ("ok", codes[f"src/{SEEDS[0].name}"][1]),
        f"src/{SEEDS[1].name}": ("ok", codes[f"src/{SEEDS[1].name}"][1]),
        "src/pipe.txt": ("failed", "not-a-file"),
        "null": ("failed", "not-a-file"),
        "src/outside-link.txt": ("failed", "link-outside-source"),
        "src/gone.pdf": ("failed", "broken-link"),
        "src/folder-link": ("skipped", "link-to-folder"),
        "src/bad-\\xff.txt": ("failed", "file-name-not-utf8"),
        "src/unreadable.txt": ("failed", "unreadable-file"),
        "src/locked": ("failed", "unreadable-folder"),
        "empty/": ("failed", "no-sources"),
    }


def test_a_path_that_is_not_there_is_reported(tmp_path: Path) -> None:
    entries: list[dict[str, object]] = []
    assert accept_inputs([tmp_path / "missing.pdf"], entries, lambda _m: None) == []
    assert [(e["path"], e["code"]) for e in entries] == [("missing.pdf", "not-found")]


def test_the_cache_treats_a_file_it_cannot_hash_as_a_miss(tmp_path: Path) -> None:
    assert Cache(tmp_path / "cache").get(tmp_path / "gone.pdf") is None


def test_a_build_that_reads_nothing_removes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, args, before = _built_once(tmp_path, capsys)
    os.mkfifo(tmp_path / "fifo.pdf")
    code, err = _main(capsys, "--source", "/dev/null", "--source", tmp_path / "fifo.pdf", *args[2:])
    assert code == 1 and "not-a-file" in err and "Traceback" not in err
    assert _snapshot(tmp_path / "dp") == before


# --- bounded work ----------------------------------------------------------------------------------


def _limited(capsys: pytest.CaptureFixture[str], tmp_path: Path, *limits: str) -> dict[str, str]:
    code, err = _main(capsys, "--source", tmp_path / "src", "--datapackages", tmp_path / "dp", "--no-site", "--no-cache", "--jobs", "2", "-q", *limits)
    assert code == 1 and "Traceback" not in err, err
    print(err)  # shown by pytest only when the test fails: the worker's own message says why a code differs
    return _codes(err)


def test_a_compression_bomb_is_stopped_by_the_memory_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a time limit far beyond the inflation's few seconds, so that a loaded machine cannot make it the time limit
    _bomb(_sources(tmp_path / "src", []) / "bomb.pdf", 256)  # 256 MB of zeros from a few hundred bytes
    assert _limited(capsys, tmp_path, "--memory-limit", "100", "--time-limit", "120") == {"src/bomb.pdf": "memory-limit"}


def test_a_stalling_pdf_is_stopped_by_the_time_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _bomb(_sources(tmp_path / "src", []) / "stall.pdf", 32)  # inflates within the memory limit, then keeps pdfminer busy for a minute
    assert _limited(capsys, tmp_path, "--memory-limit", "1000", "--time-limit", "2") == {"src/stall.pdf": "time-limit"}


def test_a_long_prose_is_stopped_by_the_time_limit_while_it_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _prose(_sources(tmp_path / "src", []) / "prose.txt", 4)  # read in a second, then checked for a minute
    assert _limited(capsys, tmp_path, "--time-limit", "2") == {"src/prose.txt": "time-limit"}


def test_a_huge_text_is_stopped_by_the_memory_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _prose(_sources(tmp_path / "src", []) / "huge.txt", 20)
    assert _limited(capsys, tmp_path, "--memory-limit", "50", "--time-limit", "60") == {"src/huge.txt": "memory-limit"}


def _one_source(tmp_path: Path, limits: Limits) -> dict[str, object]:
    src = _sources(tmp_path / "src", SEEDS[:1])
    report = pipeline.build([src], tmp_path / "dp", None, TEMPLATES, jobs=1, log=lambda _m: None, limits=limits)
    [entry] = report.entries
    return entry


def test_the_time_limit_covers_checking_not_only_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def stalls(*args: object) -> None:
        time.sleep(60)

    monkeypatch.setattr(pipeline, "build_disclosure", stalls)
    start = time.monotonic()
    entry = _one_source(tmp_path, Limits(seconds=1.5))
    assert (entry["status"], entry["code"]) == ("failed", "time-limit") and time.monotonic() - start < 30


def test_the_memory_limit_covers_checking_not_only_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def swells(*args: object) -> bytes:
        return bytes(1 << 30)

    monkeypatch.setattr(pipeline, "build_disclosure", swells)
    entry = _one_source(tmp_path, Limits(memory=100))
    assert (entry["status"], entry["code"]) == ("failed", "memory-limit")


def test_a_worker_that_dies_is_reported_and_the_build_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(*args: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)  # as the system's out-of-memory killer would

    monkeypatch.setattr(per_source, "read_source", killed)
    entry = _one_source(tmp_path, Limits())
    assert (entry["status"], entry["code"]) == ("failed", "worker-crashed") and "SIGKILL" in str(entry["message"])
