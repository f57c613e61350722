"""The mutation score of the last `mutmut run`: killed / (killed + survived), per file and in all.

Usage: python tools/mutation_score.py [MINIMUM]; exits 1 when the score is below MINIMUM (percent).
mutmut writes one `mutants/<module>.py.meta` per mutated file, with an exit code per mutant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KILLED = {1, 3}  # the tests failed (or crashed) on the mutant
SURVIVED = {0}  # the tests passed on the mutant
LABELS = {33: "no tests", 36: "timeout", 34: "skipped", None: "not checked"}


def main(argv: list[str]) -> int:
    metas = sorted(Path("mutants").rglob("*.py.meta"))
    if not metas:
        print("no mutmut results: run `mutmut run` first", file=sys.stderr)
        return 2
    total = {"killed": 0, "survived": 0}
    other: dict[str, int] = {}
    for meta in metas:
        codes = list(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values())
        killed = sum(code in KILLED for code in codes)
        survived = sum(code in SURVIVED for code in codes)
        for code in codes:
            if code not in KILLED | SURVIVED:
                other[LABELS.get(code, str(code))] = other.get(LABELS.get(code, str(code)), 0) + 1
        total["killed"] += killed
        total["survived"] += survived
        name = meta.relative_to("mutants").as_posix().removesuffix(".meta")
        print(f"{name:<40} {killed:>5} killed {survived:>5} survived")
    checked = total["killed"] + total["survived"]
    score = 100 * total["killed"] / checked if checked else 0.0
    extra = ", ".join(f"{n} {label}" for label, n in sorted(other.items()))
    print(f"mutation score {score:.1f}% ({total['killed']} killed, {total['survived']} survived{', ' + extra if extra else ''})")
    if len(argv) > 1 and score < float(argv[1]):
        print(f"below the minimum of {argv[1]}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
