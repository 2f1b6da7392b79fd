"""The Office of the Historian's chiefs of mission (``historyatstate-pocom``) -> Document.

One file ``missions-countries/<country>.xml`` lists every US chief of mission to a country:
``person-id``, ``role-title-id``, ``contemporary-territory-id`` and the dates ``appointed``,
``started`` (credentials presented) and ``ended`` (with a note: "Left post on", "Relations
severed", ...). People's names live in ``people/<letter>/<person-id>.xml`` and role titles in
``roles-country-chiefs/<role-title-id>.xml``, beside the folder, so this reader resolves them
from the file's path; a missing one is a :class:`~dyad.read.errors.ReadError` saying to give the
whole folder.

The clean text is one table, a row a chief: name, title, the territory as the Historian names
it, appointed, arrived, credentials presented, left post (with its note) and the note on the
appointment; every date is a :class:`~dyad.model.DateMark`. Nominees who never served
(``other-nominees``) are not chiefs of mission and are left out. The document is curated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree as ET

from dyad.model import Document
from dyad.read.builder import DocumentBuilder
from dyad.read.errors import ReadError
from dyad.read.xmlsafe import flat_text, parse_xml

FORMAT = "pocom"
TITLE_PREFIX = "Office of the Historian, chiefs of mission: "
HEADER = (
    "Chief of mission",
    "Title",
    "Accredited to",
    "Appointed",
    "Arrived",
    "Credentials presented",
    "Left post",
    "Note",
)
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def read(text: str, *, source: str, title: str | None = None) -> Document:
    """Read one ``missions-countries`` file (its folder's siblings give names and titles)."""
    root = parse_xml(text, source)
    if root.tag != "country-mission":
        raise ReadError(source, "not a chiefs-of-mission file of the Office of the Historian")
    territory = _child_text(root, "territory-id") or Path(source).stem
    folder = Path(source).resolve().parent.parent
    builder = DocumentBuilder(
        title=title or TITLE_PREFIX + humane(territory), format=FORMAT, source=source
    )
    builder.heading(1, "Chiefs of mission")
    builder.begin_table("Chiefs of mission")
    builder.row()
    for name in HEADER:
        builder.cell(header=True)
        builder.text(name)
    chiefs = root.find("chiefs")
    for chief in chiefs if chiefs is not None else ():
        if chief.tag == "chief":
            _row(builder, chief, lambda pid: person_name(folder, pid, source), folder, source)
    builder.end_table()
    return replace(builder.build(), curated=True)


def humane(territory_id: str) -> str:
    """``united-arab-emirates`` -> United Arab Emirates (the Historian's ids are slugs)."""
    words = territory_id.replace("-", " ").split()
    small = {"and", "of", "the"}
    return " ".join(w if w in small and i else w.capitalize() for i, w in enumerate(words))


def _row(
    builder: DocumentBuilder,
    chief: ET.Element,
    name_of: Callable[[str], str],
    folder: Path,
    source: str,
) -> None:
    builder.row()
    builder.cell()
    builder.text(name_of(_child_text(chief, "person-id") or ""))
    builder.cell()
    builder.text(role_title(folder, _child_text(chief, "role-title-id") or "", source))
    builder.cell()
    builder.text(_child_text(chief, "contemporary-territory-id") or "")
    for event in ("appointed", "arrived", "started", "ended"):
        builder.cell()
        _dated(builder, chief.find(event), note_first=event == "ended")
    builder.cell()
    builder.text(_child_text(chief, "note") or "")


def _dated(builder: DocumentBuilder, element: ET.Element | None, *, note_first: bool) -> None:
    """A date cell: the date marked, its note before it ("Left post on") or after it."""
    if element is None:
        return
    date = _child_text(element, "date") or ""
    note = _child_text(element, "note") or ""
    if note and note_first:
        builder.text(note + " ")
    if _DATE.fullmatch(date):
        builder.date(date, date)
    else:
        builder.text(date)
    if note and not note_first:
        builder.text(f" ({note})")


def _child_text(element: ET.Element, name: str) -> str | None:
    child = element.find(name)
    return flat_text(child) or None if child is not None else None


def person_name(folder: Path, person_id: str, source: str) -> str:
    """ "Forename Surname (Suffix)" from ``people/<letter>/<id>.xml``."""
    return _person_name(str(folder), person_id, source)


@lru_cache(maxsize=8192)
def _person_name(folder: str, person_id: str, source: str) -> str:
    path = Path(folder) / "people" / person_id[:1] / f"{person_id}.xml"
    root = _sibling(path, source)
    name = root.find("persName")
    if name is None:
        raise ReadError(path, "a person file without <persName>")
    parts = [_child_text(name, part) for part in ("forename", "surname", "genName")]
    return " ".join(p for p in parts if p) or person_id


@lru_cache(maxsize=256)
def _role_title(folder: str, role_id: str, source: str) -> str:
    path = Path(folder) / "roles-country-chiefs" / f"{role_id}.xml"
    root = _sibling(path, source)
    singular = root.find("names/singular")
    return flat_text(singular) if singular is not None else role_id


def role_title(folder: Path, role_id: str, source: str) -> str:
    """The role's title as the Historian writes it ("Envoy Extraordinary and Minister ...")."""
    return _role_title(str(folder), role_id, source)


def _sibling(path: Path, source: str) -> ET.Element:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ReadError(
            source, f"{path} cannot be read ({exc.strerror}): give the whole pocom folder"
        ) from exc
    return parse_xml(text, path)
