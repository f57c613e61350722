"""Editors' tools stay true to the project: VS Code's schema map covers every kind and every record file,
the pre-commit hook runs `wise check` when data, pages or mkdocs.yml change, the committed data obeys
.editorconfig, and the editing guide's examples are the real files.

Each rule is a small function from a project folder (or a file's text) to a list of problems, run on the
project here and, in the last tests, on broken copies, so every rule is seen to fail when it should.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from macros.data import YAML_SUFFIXES
from macros.kinds import KINDS

SETTINGS = Path(".vscode/settings.json")
PRE_COMMIT = Path(".pre-commit-config.yaml")
EDITORCONFIG = Path(".editorconfig")
GUIDE = Path("docs/reference/editing.md")
CHANGELOG = Path("CHANGELOG.md")

# Paths the hook must fire on, and paths it must leave alone (nothing they hold is read by `wise check`).
HOOK_FIRES_ON = ("data/enterprises/x.yml", "data/manifesto.yml", "docs/index.md", "docs/reference/editing.md", "mkdocs.yml")
HOOK_IGNORES = ("README.md", "macros/x.py", "tests/fixtures/tiny/data/enterprises/x.yml", "mkdocs.yml.bak")

# Which real file the guide's fenced examples are copied from, by their language tag.
EXAMPLE_SOURCES = {"json": SETTINGS, "yaml": PRE_COMMIT, "ini": EDITORCONFIG}


def glob_regex(pattern: str) -> str:
    """A glob as VS Code and EditorConfig read it: `*` within one folder, `**` across folders, `{a,b}` either."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        elif pattern[i] == "{":
            end = pattern.index("}", i)
            out, i = out + "(?:" + "|".join(re.escape(part) for part in pattern[i + 1 : end].split(",")) + ")", end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return out


def matches(glob: str, relative: str) -> bool:
    return re.fullmatch(glob_regex(glob.lstrip("/")), relative) is not None


# -- VS Code: which schema describes which files -------------------------------------------------------------


def schema_map(root: Path) -> dict[str, list[str]]:
    """`yaml.schemas` of the settings: schema path -> globs (the extension also takes one glob as a string)."""
    mapping = json.loads((root / SETTINGS).read_text(encoding="utf-8"))["yaml.schemas"]
    return {schema: [globs] if isinstance(globs, str) else globs for schema, globs in mapping.items()}


def record_files(root: Path) -> list[str]:
    """Every YAML file under data/ but the generated ones in data/schemas/, as the editor names it (relative to the project)."""
    data = root / "data"
    found = [p for pattern in ("*", "*/*") for p in data.glob(pattern) if p.suffix in YAML_SUFFIXES and p.is_file() and p.parent.name != "schemas"]
    return sorted(p.relative_to(root).as_posix() for p in found)


def kind_of(relative: str) -> str | None:
    """The kind whose reader takes this file: a single kind's one file, or a file in a kind's folder."""
    folder = relative.split("/")[1]
    return next((name for name, kind in KINDS.items() if kind.folder == folder), None)


def schema_of(kind: str) -> str:
    return f"./data/schemas/{kind}.schema.json"


def schema_map_problems(root: Path) -> list[str]:
    """Every kind has its schema, every schema file exists, and every record (and any new one, in either YAML
    suffix the reader takes) is matched by exactly one schema's globs: its own kind's."""
    mapping = schema_map(root)
    problems = [f"{kind}: no {schema_of(kind)} in yaml.schemas" for kind in KINDS if schema_of(kind) not in mapping]
    problems += [f"{schema}: no such file" for schema in mapping if not (root / schema).is_file()]
    new_records = [f"data/{k.folder}/new-record{suffix}" for k in KINDS.values() if not k.single for suffix in YAML_SUFFIXES]
    for relative in record_files(root) + new_records:
        schemas = [schema for schema, globs in mapping.items() if any(matches(glob, relative) for glob in globs)]
        kind = kind_of(relative)
        if kind is not None and schemas != [schema_of(kind)]:
            problems.append(f"{relative}: matched by {schemas or 'no schema'}, not by {schema_of(kind)} alone")
    return problems


def test_every_kind_and_every_record_file_has_its_own_schema_in_vscode_settings():
    assert schema_map_problems(ROOT) == []


def stray_yaml_problems(root: Path) -> list[str]:
    # A YAML file no kind reads would pass the schema map's rule above in silence.
    return [f"{relative}: no kind reads it" for relative in record_files(root) if kind_of(relative) is None]


def test_every_yaml_file_under_data_belongs_to_a_kind():
    assert stray_yaml_problems(ROOT) == []


# -- pre-commit: the hook that runs wise check ---------------------------------------------------------------


def wise_check_hooks(root: Path) -> list[dict]:
    config = yaml.safe_load((root / PRE_COMMIT).read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo.get("hooks", [])]
    return [hook for hook in hooks if runs_wise_check(shlex.split(hook.get("entry", "")))]


def runs_wise_check(argv: list[str]) -> bool:
    """`wise check` by any path to the program (`.venv/bin/wise check`)."""
    return len(argv) >= 2 and Path(argv[0]).name == "wise" and argv[1] == "check"


def hook_problems(root: Path) -> list[str]:
    """One hook runs `wise check` with no file names (they would be taken as DATA_DIR and fail), as a system
    command, and its `files` pattern (searched, as pre-commit does) picks exactly what the check reads."""
    hooks = wise_check_hooks(root)
    if len(hooks) != 1:
        return [f"{len(hooks)} hooks run wise check; expected one"]
    hook = hooks[0]
    problems = [] if hook.get("pass_filenames") is False else ["pass_filenames must be false"]
    problems += [] if hook.get("language") == "system" else ["language must be system (the project's .venv runs it)"]
    pattern = hook.get("files", "")
    problems += [f"files {pattern!r} misses {path}" for path in HOOK_FIRES_ON if not re.search(pattern, path)]
    problems += [f"files {pattern!r} fires on {path}" for path in HOOK_IGNORES if re.search(pattern, path)]
    return problems


def test_pre_commit_runs_wise_check_on_the_whole_tree_when_data_docs_or_mkdocs_yml_change():
    assert hook_problems(ROOT) == []


# -- EditorConfig: how files are saved -----------------------------------------------------------------------


def editorconfig_sections(text: str) -> list[tuple[str, dict[str, str]]]:
    """The file's sections in order, as (glob, properties); the preamble (root = true) is the section ''."""
    sections: list[tuple[str, dict[str, str]]] = [("", {})]
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            sections.append((line[1:-1], {}))
        else:
            key, _, value = line.partition("=")
            sections[-1][1][key.strip().lower()] = value.strip().lower()
    return sections


def editorconfig_properties(sections: list[tuple[str, dict[str, str]]], relative: str) -> dict[str, str]:
    """The properties that apply to a file: later sections win; a glob without `/` matches in any folder."""
    props: dict[str, str] = {}
    for glob, values in sections[1:]:
        regex = glob_regex(glob.lstrip("/")) if "/" in glob else "(?:.*/)?" + glob_regex(glob)
        if re.fullmatch(regex, relative):
            props.update(values)
    return {key: value for key, value in props.items() if value != "unset"}


def saving_problems(relative: str, raw: bytes, props: dict[str, str]) -> list[str]:
    """What an editor obeying `props` would have changed in this file."""
    problems = []
    if props.get("charset") == "utf-8" and raw.startswith(b"\xef\xbb\xbf"):
        problems.append("starts with a byte order mark")
    if props.get("end_of_line") == "lf" and b"\r" in raw:
        problems.append("has CR line ends")
    if props.get("insert_final_newline") == "true" and raw and not raw.endswith(b"\n"):
        problems.append("has no final newline")
    lines = raw.decode("utf-8-sig").splitlines()
    if props.get("trim_trailing_whitespace") == "true":
        problems += [f"line {n}: trailing whitespace" for n, line in enumerate(lines, 1) if line != line.rstrip(" \t")]
    if props.get("indent_style") == "space":
        problems += [f"line {n}: indented with a tab" for n, line in enumerate(lines, 1) if "\t" in line[: len(line) - len(line.lstrip())]]
    return [f"{relative}: {problem}" for problem in problems]


def data_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "data").rglob("*") if p.is_file())


def data_saving_problems(root: Path) -> list[str]:
    sections = editorconfig_sections((root / EDITORCONFIG).read_text(encoding="utf-8"))
    problems = []
    for path in data_files(root):
        relative = path.relative_to(root).as_posix()
        problems += saving_problems(relative, path.read_bytes(), editorconfig_properties(sections, relative))
    return problems


RECORD_SAVING = {"charset": "utf-8", "end_of_line": "lf", "insert_final_newline": "true", "trim_trailing_whitespace": "true", "indent_style": "space"}


def editorconfig_problems(root: Path) -> list[str]:
    """The file is the root (no parent folder's file mixes in) and asks of records what they need: without
    this, the rule below would hold the data to nothing."""
    sections = editorconfig_sections((root / EDITORCONFIG).read_text(encoding="utf-8"))
    props = editorconfig_properties(sections, "data/enterprises/x.yml")
    problems = [f"records get {key} = {props.get(key)}, not {value}" for key, value in RECORD_SAVING.items() if props.get(key) != value]
    return problems + ([] if sections[0][1].get("root") == "true" else ["no root = true"])


def test_editorconfig_is_the_root_and_asks_for_what_the_data_needs():
    assert editorconfig_problems(ROOT) == []


def test_every_data_file_is_saved_as_editorconfig_says():
    assert data_saving_problems(ROOT) == []


def tab_problems(root: Path) -> list[str]:
    # YAML refuses a tab as indentation, and anywhere else a tab in a record hides in a diff.
    return [f"{relative}: holds a tab" for relative in record_files(root) if "\t" in (root / relative).read_text(encoding="utf-8")]


def test_no_record_holds_a_tab():
    assert tab_problems(ROOT) == []


def nesting_steps(node: yaml.Node) -> list[tuple[int, int]]:
    """(line, columns) for every block mapping or sequence nested under a key on an earlier line: how far an
    editor indented it. A sequence item's own mapping is left out: `- ` fixes where it starts."""
    steps = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(value, yaml.CollectionNode) and not value.flow_style and value.start_mark.line > key.start_mark.line:
                steps.append((value.start_mark.line + 1, value.start_mark.column - key.start_mark.column))
            steps += nesting_steps(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            steps += nesting_steps(item)
    return steps


def yaml_indent_problems(root: Path) -> list[str]:
    """Every record nests by exactly the indent .editorconfig declares for YAML."""
    sections = editorconfig_sections((root / EDITORCONFIG).read_text(encoding="utf-8"))
    problems = []
    for relative in record_files(root):
        size = int(editorconfig_properties(sections, relative).get("indent_size", "0"))
        node = yaml.compose((root / relative).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        problems += [f"{relative}:{line}: indented {step}, .editorconfig says {size}" for line, step in nesting_steps(node) if step != size]
    return problems


def test_records_are_indented_as_editorconfig_declares_for_yaml():
    assert yaml_indent_problems(ROOT) == []


# -- The editing guide shows the real files ------------------------------------------------------------------


def tools_section(guide: str) -> str:
    """The guide's "Editors' tools" section, up to the next heading of its level."""
    start = guide.index("\n## Editors' tools\n")
    end = guide.find("\n## ", start + 1)
    return guide[start : end if end != -1 else len(guide)]


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    return re.findall(r"^```(\w*)\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)


def stripped_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def contains_run(lines: list[str], run: list[str]) -> bool:
    return any(lines[i : i + len(run)] == run for i in range(len(lines) - len(run) + 1))


def example_problems(root: Path) -> list[str]:
    """Every json/yaml/ini example in the section is a run of lines of its real file (indentation aside), and
    each of the three files is shown at least once."""
    blocks = [(tag, body) for tag, body in fenced_blocks(tools_section((root / GUIDE).read_text(encoding="utf-8"))) if tag in EXAMPLE_SOURCES]
    problems = [f"no {tag} example from {source}" for tag, source in EXAMPLE_SOURCES.items() if tag not in {t for t, _ in blocks}]
    for tag, body in blocks:
        source = EXAMPLE_SOURCES[tag]
        if not contains_run(stripped_lines((root / source).read_text(encoding="utf-8")), stripped_lines(body)):
            problems.append(f"the {tag} example is not in {source}: {body.strip().splitlines()[0]!r}")
    return problems


def test_the_editing_guides_examples_are_copied_from_the_real_files():
    assert example_problems(ROOT) == []


# -- The changelog --------------------------------------------------------------------------------------------


def changelog_problems(root: Path) -> list[str]:
    path = root / CHANGELOG
    if not path.is_file():
        return ["no CHANGELOG.md"]
    text = path.read_text(encoding="utf-8")
    unreleased = re.search(r"^## \[?Unreleased\]?\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    if unreleased is None:
        return ["no '## Unreleased' section"]
    return [] if re.search(r"^- \S", unreleased.group(1), re.MULTILINE) else ["the Unreleased section lists nothing"]


def test_changelog_has_an_unreleased_section_with_entries():
    assert changelog_problems(ROOT) == []


# -- Each rule fails when it should: broken copies of the project's files -------------------------------------


def copy_of_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    for name in (SETTINGS, PRE_COMMIT, EDITORCONFIG, GUIDE, CHANGELOG):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, root / name)
    return root


def replace(name: Path | str, old: str, new: str):
    """A breakage: the first `old` in the copy's file becomes `new`."""

    def apply(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}: this breakage would test nothing"
        path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")

    return apply


def cut_final_newline(name: str):
    def apply(root: Path) -> None:
        (root / name).write_bytes((root / name).read_bytes().rstrip(b"\n"))

    return apply


def add_file(name: str, text: str):
    def apply(root: Path) -> None:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")

    return apply


BREAKAGES = {
    "a kind without its schema": (schema_map_problems, replace(SETTINGS, "seminar.schema.json", "seminars.schema.json")),
    "a glob missing the kind's files": (schema_map_problems, replace(SETTINGS, '"data/posts/*.yml", ', "")),
    "a glob matching two kinds": (schema_map_problems, replace(SETTINGS, '"data/networks/*.yml"', '"data/*/*.yml"')),
    "a YAML file no kind reads": (stray_yaml_problems, add_file("data/enterprise/typo.yml", "name: x\n")),
    "a hook that passes file names": (hook_problems, replace(PRE_COMMIT, "pass_filenames: false\n", "pass_filenames: true\n")),
    "a hook blind to mkdocs.yml": (hook_problems, replace(PRE_COMMIT, r"|mkdocs\.yml$", "")),
    "a hook firing on every file": (hook_problems, replace(PRE_COMMIT, r"files: ^(data/|docs/|mkdocs\.yml$)", "files: .")),
    "no hook running wise check": (hook_problems, replace(PRE_COMMIT, "entry: .venv/bin/wise check", "entry: .venv/bin/wise stats")),
    "records saved with CRLF by editorconfig": (editorconfig_problems, replace(EDITORCONFIG, "end_of_line = lf", "end_of_line = crlf")),
    "a nested editorconfig": (editorconfig_problems, replace(EDITORCONFIG, "root = true", "root = false")),
    "a tab inside a record's text": (tab_problems, replace("data/manifesto.yml", "  nl: ", "  nl: \t")),
    "trailing whitespace in a record": (data_saving_problems, replace("data/manifesto.yml", "\n", "  \n")),
    "a record without its final newline": (data_saving_problems, cut_final_newline("data/procurement.yml")),
    "a record with CRLF line ends": (data_saving_problems, replace("data/manifesto.yml", "\n", "\r\n")),
    "a schema with a byte order mark": (data_saving_problems, replace("data/schemas/post.schema.json", "{", "\ufeff{")),
    "YAML declared at four spaces": (yaml_indent_problems, replace(EDITORCONFIG, "[*.{yml,yaml}]\nindent_size = 2", "[*.{yml,yaml}]\nindent_size = 4")),
    "a record indented by four": (yaml_indent_problems, add_file("data/posts/deep.yml", "title: Deep\nholder:\n    name: x\n")),
    "a guide example edited by hand": (example_problems, replace(GUIDE, "  pass_filenames: false\n```", "  pass_filenames: true\n```")),
    "a guide example that is not in the file": (example_problems, replace(GUIDE, "indent_size = 2\n```", "indent_size = 3\n```")),
    "a guide without the settings example": (example_problems, replace(GUIDE, "```json\n", "```text\n")),
    "a changelog without Unreleased": (changelog_problems, replace(CHANGELOG, "## Unreleased", "## 0.1.0")),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_each_rule_reports_a_broken_copy(tmp_path, breakage):
    rule, breaks = BREAKAGES[breakage]
    root = copy_of_project(tmp_path)
    assert rule(root) == []
    breaks(root)
    assert rule(root) != []
