"""The strict loader: what it keeps, what it refuses, and where it says so."""

from __future__ import annotations

from macros.load import MAX_DEPTH, load_text, loc_text


def lines(text: str) -> list[str]:
    return [p.text() for p in load_text(text, "f.yml").problems]


def test_scalars_stay_as_written():
    data = load_text("a: NO\nb: 01234\nc: 12:30\nd: 1.10\ne: ~\nf: Null\ng: yes\nh: 0612345670\n", "f.yml").data
    assert data == {"a": "NO", "b": "01234", "c": "12:30", "d": "1.10", "e": "~", "f": "Null", "g": "yes", "h": "0612345670"}


def test_only_true_false_and_empty_are_typed():
    assert load_text("a: true\nb: False\nc:\nd: ''\n", "f.yml").data == {"a": True, "b": False, "c": None, "d": ""}


def test_quoted_true_stays_text():
    assert load_text('a: "true"\n', "f.yml").data == {"a": "true"}


def test_positions_of_values_and_keys():
    loaded = load_text("x:\n  - a: 1\n    b: [2, {c: 3}]\n", "f.yml")
    assert loaded.where(("x", 0, "b", 1, "c")) == (3, 16)
    assert loaded.where(("x", 0, "b"), key=True) == (3, 5)
    assert loaded.where(("x", 0, "missing")) == (2, 5)


def test_loc_text():
    assert loc_text(("asks", 1, "history", 0, "officials", 0)) == "asks[1].history[0].officials[0]"
    assert loc_text(()) == "file"


def test_valid_file_has_no_problems():
    assert lines("name: x\nlist:\n  - 1\n") == []


def test_nesting_at_the_limit_is_fine_beyond_it_is_not():
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert lines(ok) == []
    deep = "a: " + "[" * 1000 + "]" * 1000 + "\n"
    assert lines(deep)[0].endswith(f"nested more than {MAX_DEPTH} levels deep [too-deep]")


def test_complex_keys_are_refused():
    assert lines("? [a, b]\n: 1\n") == ["f.yml:1:3: error: file: a key must be plain text, not a list or mapping [yaml-syntax]"]


def test_syntax_error_has_position():
    assert lines("a: [1, 2\nb: 3\n") == ["f.yml:2:2: error: a[2]: invalid YAML: did not find expected ',' or ']' [yaml-syntax]"]


def test_the_pure_python_parser_gives_the_same_data_and_positions(monkeypatch):
    from macros import load

    text = "a: NO\nb:\n  - {c: 1, d: true}\n  - 'x'\n"
    fast = load.load_text(text, "f.yml")
    monkeypatch.setattr(load, "_EventStream", load._PureEventStream)
    slow = load.load_text(text, "f.yml")
    assert (fast.data, fast.values, fast.keys) == (slow.data, slow.values, slow.keys)
    assert [p.text() for p in load.load_text("a: 1\na: 2\n", "f.yml").problems] == [
        "f.yml:2:1: error: a: key 'a' appears twice in one mapping: lines 1 and 2 [duplicate-key]"
    ]


def test_characters_yaml_reads_as_line_breaks_but_git_does_not_are_refused_at_their_position():
    for char, name in (
        ("\u2028", "U+2028 (line separator)"),
        ("\u2029", "U+2029 (paragraph separator)"),
        ("\x85", "U+0085 (next line)"),
        ("\r", "a carriage return on its own"),
    ):
        loaded = load_text(f"name: Fine\nsummary: Looks like one line{char}website: https://evil.example\n", "f.yml")
        assert [p.text() for p in loaded.problems] == [
            f"f.yml:2:29: error: file: {name} is a line break to YAML but not to git or a diff; remove it [hidden-line-break]"
        ]
        assert loaded.data is None
    assert load_text("name: Fine\r\nsummary: Windows line ends\r\n", "f.yml").data == {"name": "Fine", "summary": "Windows line ends"}
