"""Whether two versions of the scrape reader read the same: 3,428 inputs, canonical JSON compared.

The speed work on the scrape reader (issue 10) must not change what it reads. This script
builds a fixed set of scrape inputs once (``build``) and has each version of ``src/`` read
them all (``hash``), comparing the canonical JSON of each ``Document`` (``dataclasses.asdict``,
sorted keys) or the error raised, by hash (``compare``):

- the seed (``../shared/seeds``), the example, the golden inputs of ``tests/golden/infolist``
  and the test scrapes of ``tests/data/scrapes``;
- the corpus's "Foreign relations of X" wikitext pages (the ten of the dev3 gold left out,
  but for Iceland and São Tomé and Príncipe, drawn for the blind measure) built into scrapes by
  ``tests/scrape_maker.py`` with its budget (60 links) and without it (whole pages);
- 3,000 inputs generated from those with a fixed seed: windows of 5-150 lines from one to three
  built pages, some link lines put in the other layout (the anchor alone, its preview on the
  next line), stripped of `` ...``, cut short, with blank lines and random 2019 abstracts put
  in, with the site's chrome and a ``{{DEFAULTSORT:`` line or not.

The inputs and the hashes live in ``bench/.cache/scrape-equality/`` (not committed). Run:

    PYTHONPATH=src .venv/bin/python bench/scrape_equality.py build
    .venv/bin/python bench/scrape_equality.py compare --baseline /tmp/base/src [--src src]

where ``/tmp/base`` holds main's ``src`` taken out with ``git archive <commit> src``. The
baseline's hashes are kept by the baseline's path and reused while its files are unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache" / "scrape-equality"
INPUTS = CACHE / "inputs"
SHARED = ROOT.parent / "shared"
GENERATED = 3000
SEED = 10  # (issue 10)
CHROME = ["HOME", "", "TheInfoList", "", "", "", "OR:", ""]
# Pages of the dev3 gold kept for its own measures; two of them were drawn for the blind one.
DEV3_KEPT = {"Foreign_relations_of_Iceland", "Foreign_relations_of_São_Tomé_and_Príncipe"}


def build() -> None:
    """Write every input to ``INPUTS`` (numbered files, a name each in ``index.json``)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import scrape_maker
    from dyad.read import read_file

    INPUTS.mkdir(parents=True, exist_ok=True)
    named: dict[str, str] = {}
    named["seed"] = next((SHARED / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    for path in sorted((ROOT / "examples").glob("*.infolist.txt")):
        named[f"example/{path.name}"] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests" / "golden" / "infolist").glob("*.txt")):
        named[f"golden/{path.name}"] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests" / "data" / "scrapes").glob("*.infolist.txt")):
        named[f"scrapes/{path.name}"] = path.read_text(encoding="utf-8")
    corpus = SHARED / "corpus"
    abstracts = scrape_maker.load_abstracts(corpus / "abstracts" / "abstracts-2019.jsonl.gz")
    built: list[tuple[list[str], list[tuple[str, str]]]] = []
    for path in sorted((corpus / "foreign-relations-wikitext").glob("*.wiki")):
        if path.stem in _dev3_pages() and path.stem not in DEV3_KEPT:
            continue
        document = read_file(path)
        for budget in (True, False):
            saved = scrape_maker.LINK_BUDGET, scrape_maker.CHAR_BUDGET
            if not budget:
                scrape_maker.LINK_BUDGET, scrape_maker.CHAR_BUDGET = 10**9, 10**9
            try:
                page = scrape_maker.render(document, abstracts)
            finally:
                scrape_maker.LINK_BUDGET, scrape_maker.CHAR_BUDGET = saved
            named[f"built/{path.stem}/{'budget' if budget else 'whole'}"] = (
                "\n".join(page.lines) + "\n"
            )
            if not budget:
                links = [(link.anchor, link.preview) for link in page.links]
                built.append((page.lines, links))
    texts = list(abstracts.values())
    draw = random.Random(SEED)
    for number in range(GENERATED):
        named[f"generated/{number:04d}"] = _generated(draw, built, texts)
    index = {}
    for number, (name, text) in enumerate(named.items()):
        file = f"{number:05d}.txt"
        (INPUTS / file).write_text(text, encoding="utf-8")
        index[file] = name
    (CACHE / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=0) + "\n")
    print(f"{len(index)} inputs in {INPUTS}")


def _dev3_pages() -> set[str]:
    """The dev3 gold's pages by their corpus names (file names only: none is opened)."""
    folder = ROOT / "tests" / "data" / "gold" / "dev3"
    corpus = SHARED / "corpus" / "foreign-relations-wikitext"
    wanted = {p.name.removesuffix(".gold.json") for p in folder.glob("*.gold.json")}
    return {p.stem for p in corpus.glob("*.wiki") if _slug(p.stem) in wanted}


def _slug(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(plain.casefold().replace("_", " ").split())


def _generated(
    draw: random.Random, built: list[tuple[list[str], list[tuple[str, str]]]], texts: list[str]
) -> str:
    """One input: windows of one to three built pages, disturbed as real scrapes are."""
    lines: list[str] = []
    for _ in range(draw.randint(1, 3)):
        page, links = draw.choice(built)
        length = draw.randint(5, 150)
        start = draw.randrange(max(1, len(page) - length))
        lines += _disturbed(draw, page[start : start + length], dict(links))
    head = [draw.choice(["Some Title", "Foreign Relations Of Somewhere"]), *CHROME]
    tail = ["{{DEFAULTSORT:Somewhere}}", "Category one", "Category two"]
    if draw.random() < 0.5:
        lines = head + lines
    if draw.random() < 0.5:
        lines += tail
    for _ in range(draw.randint(0, 3)):
        text = draw.choice(texts)
        at = draw.randrange(len(lines) + 1)
        word = text.split()[0] if text.split() else "Word"
        lines.insert(at, f"{word} {text[:240]} ..." if draw.random() < 0.5 else text[:240])
    return "\n".join(lines) + "\n"


def _disturbed(draw: random.Random, lines: list[str], links: dict[str, str]) -> list[str]:
    """Some link lines in the other layout, stripped of `` ...`` or cut; blank lines put in."""
    anchors = {f"{anchor} {preview}": anchor for anchor, preview in links.items()}
    out: list[str] = []
    for line in lines:
        roll = draw.random()
        if line in anchors and roll < 0.1:
            anchor = anchors[line]
            out += [anchor, line[len(anchor) :].strip()]
            continue
        if line.endswith(" ...") and roll < 0.2:
            line = line.removesuffix(" ...")
        elif roll < 0.25 and len(line) > 10:
            line = line[: draw.randrange(5, len(line))].rstrip()
        out.append(line)
        if draw.random() < 0.03:
            out += [""] * draw.randint(1, 3)
    return out


def hashes(src: Path) -> dict[str, str]:
    """Each input's hash as ``src``'s reader reads it (in a process of its own)."""
    code = (
        "import sys; sys.argv=['x']; "
        f"sys.path.insert(0, {str(ROOT / 'bench')!r}); "
        "import scrape_equality as s; s._hash_here()"
    )
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    result: dict[str, str] = json.loads(done.stdout)
    return result


def _hash_here() -> None:
    import dataclasses

    from dyad.read import infolist

    out = {}
    for path in sorted(INPUTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        try:
            document = infolist.read(text, source=path.name)
            canonical = json.dumps(
                dataclasses.asdict(document), sort_keys=True, ensure_ascii=False, default=str
            )
        except Exception as error:  # (an error is an outcome to compare too)
            canonical = f"error {type(error).__name__}: {error}"
        out[path.name] = hashlib.sha256(canonical.encode()).hexdigest()
    print(json.dumps(out))


def _fingerprint(src: Path) -> str:
    """A hash of the reader's files under ``src`` (to reuse a baseline's hashes)."""
    digest = hashlib.sha256()
    for path in sorted((src / "dyad").rglob("*.py")):
        digest.update(str(path.relative_to(src)).encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def compare(baseline: Path, src: Path) -> int:
    index = json.loads((CACHE / "index.json").read_text())
    kept = CACHE / f"hashes-{_fingerprint(baseline)}.json"
    if kept.exists():
        before = json.loads(kept.read_text())
    else:
        before = hashes(baseline)
        kept.write_text(json.dumps(before))
    after = hashes(src)
    differ = sorted(name for name in before if before[name] != after.get(name))
    for name in differ:
        print(f"differs: {name} ({index.get(name, '?')})")
    print(f"{len(before)} inputs, {len(differ)} differences")
    return 1 if differ else 0


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("step", choices=["build", "compare"])
    options.add_argument("--baseline", type=Path, help="the src/ folder of the version before")
    options.add_argument("--src", type=Path, default=ROOT / "src")
    arguments = options.parse_args()
    if arguments.step == "build":
        build()
        return
    if arguments.baseline is None:
        options.error("compare needs --baseline")
    sys.exit(compare(arguments.baseline.resolve(), arguments.src.resolve()))


if __name__ == "__main__":
    main()
