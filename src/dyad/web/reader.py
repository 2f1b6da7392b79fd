"""The article reader: a stored document's clean text as a tree of blocks and inline nodes.

The document record keeps the text, its sections, its blocks (paragraphs, lists, tables) and
its anchors; events cite evidence spans of the same text. :func:`article` walks the text once:
headings and blocks become the page's structure, text that no block covers becomes plain
paragraphs (nothing of the text is dropped), and inside each block the spans nest as
evidence sentence > link > highlight. Every node holds plain strings: the template escapes
them (``templates/_reader.html``). Offsets are Python string indices, so a highlighted span
shows exactly ``text[start:end]``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Node = dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    key: int


class _Index:
    """Anchors, evidence groups and the highlight, for slicing a range into nested nodes."""

    def __init__(
        self,
        anchors: Sequence[Mapping[str, Any]],
        events: Sequence[Mapping[str, Any]],
        hl: tuple[int, int] | None,
    ) -> None:
        self.anchors = sorted(
            (_Span(a["span"][0], a["span"][1], k) for k, a in enumerate(anchors) if a.get("span")),
            key=lambda s: (s.start, s.end),
        )
        self.anchor_starts = [s.start for s in self.anchors]
        groups: dict[tuple[int, int], list[Mapping[str, Any]]] = {}
        for event in events:
            ev = event["evidence"]
            groups.setdefault((ev["start"], ev["end"]), []).append(event)
        self.groups = sorted(groups.items())
        self.group_spans = [_Span(s, e, k) for k, ((s, e), _) in enumerate(self.groups)]
        self.hl = hl
        self.seen: set[int] = set()
        self.hl_seen = False

    def anchors_in(self, start: int, end: int) -> list[_Span]:
        # anchors do not nest, so the ones starting before `start` can only be the one before
        i = max(0, bisect.bisect_left(self.anchor_starts, start) - 1)
        out = []
        for span in self.anchors[i:]:
            if span.start >= end:
                break
            if span.end > start:
                out.append(span)
        return out

    def groups_in(self, start: int, end: int) -> list[_Span]:
        return [g for g in self.group_spans if g.start < end and g.end > start]


def _text_nodes(text: str, *, tabs: bool) -> list[Node]:
    out: list[Node] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append({"t": "br"})
        if line:
            out.append({"t": "text", "text": line.replace("\t", "  ") if tabs else line})
    return out


Piece = tuple[tuple[int, ...], int | None, bool, int, int]  # groups, anchor, lit, start, end


def inline(text: str, start: int, end: int, index: _Index, *, tabs: bool = False) -> list[Node]:
    """The range ``text[start:end]`` as nodes: evidence spans hold links hold highlights."""
    out: list[Node] = []
    for ev, run in itertools.groupby(_pieces(start, end, index), key=lambda piece: piece[0]):
        children = _anchored(text, list(run), index, tabs=tabs)
        if ev:
            out.append(_evidence(ev, children, index))
        else:
            out.extend(children)
    return out


def _pieces(start: int, end: int, index: _Index) -> list[Piece]:
    """``start``..``end`` cut wherever an anchor, an evidence group or the highlight begins
    or ends, each piece with what covers it."""
    anchors = index.anchors_in(start, end)
    groups = index.groups_in(start, end)
    cuts = {start, end}
    for span in (*anchors, *groups):
        cuts.update(c for c in (span.start, span.end) if start < c < end)
    hl = index.hl
    if hl is not None:
        cuts.update(c for c in hl if start < c < end)
    pieces: list[Piece] = []
    for p, q in itertools.pairwise(sorted(cuts)):
        ev = tuple(g.key for g in groups if g.start <= p and g.end >= q)
        anchor = next((a.key for a in anchors if a.start <= p and a.end >= q), None)
        lit = hl is not None and hl[0] <= p and hl[1] >= q and hl[0] < hl[1]
        pieces.append((ev, anchor, lit, p, q))
    return pieces


def _evidence(ev: tuple[int, ...], children: list[Node], index: _Index) -> Node:
    """An evidence span over ``children``: the events of the groups ``ev``; each event's id
    is given once, by the first span of the page that cites it."""
    new = [k for k in ev if k not in index.seen]
    index.seen.update(new)
    ids = [str(e["id"]) for k in new for e in index.groups[k][1]]
    events = [e for k in ev for e in index.groups[k][1]]
    return {
        "t": "ev",
        "ids": ids,
        "title": "; ".join(
            f"{e.get('label', e['type'])} ({e.get('date') or 'undated'})" for e in events
        ),
        "children": children,
    }


def _anchored(text: str, pieces: Sequence[Piece], index: _Index, *, tabs: bool) -> list[Node]:
    out: list[Node] = []
    for anchor, run in itertools.groupby(pieces, key=lambda piece: piece[1]):
        children: list[Node] = []
        for _, _, lit, p, q in run:
            nodes = _text_nodes(text[p:q], tabs=tabs)
            if lit:
                first = not index.hl_seen
                index.hl_seen = True
                children.append({"t": "hl", "first": first, "children": nodes})
            else:
                children.extend(nodes)
        if anchor is None:
            out.extend(children)
        else:
            out.append({"t": "a", "k": anchor, "children": children})
    return out


def _gap(text: str, start: int, end: int, index: _Index) -> list[Node]:
    """Text no block covers, as paragraphs split at blank lines."""
    out: list[Node] = []
    pos = start
    while pos < end:
        stop = text.find("\n\n", pos, end)
        stop = end if stop < 0 else stop
        chunk = text[pos:stop]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if chunk.strip():
            nodes = inline(text, pos + lead, pos + trail, index, tabs=True)
            out.append({"kind": "paragraph", "children": nodes})
        pos = stop + 2
    return out


def article(data: Mapping[str, Any]) -> list[Node]:
    """The reader's blocks for a ``doc`` page's data (``data.doc``)."""
    text: str = data["text"]
    hl = (int(data["hl"][0]), int(data["hl"][1])) if data.get("hl") else None
    index = _Index(data["anchors"], data["events"], hl)
    units: list[tuple[int, int, Node | None, Mapping[str, Any] | None]] = []
    for section in data["sections"]:
        start = section["span"][0]
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        units.append((start, line_end, {"kind": "heading", **section}, None))
    for block in data["blocks"]:
        units.append((block["span"][0], block["span"][1], None, block))
    units.sort(key=lambda u: (u[0], u[2] is None))
    out: list[Node] = []
    pos = 0
    for start, end, heading, block in units:
        if start < pos:
            continue  # overlaps what was already shown
        out.extend(_gap(text, pos, start, index))
        if heading is not None:
            out.append(
                {
                    "kind": "heading",
                    "level": heading["level"],
                    "id": heading["id"],
                    "children": inline(text, start, end, index),
                }
            )
        elif block is not None:
            out.append(_block(text, block, index))
        pos = max(pos, end)
    out.extend(_gap(text, pos, len(text), index))
    return out


def _block(text: str, block: Mapping[str, Any], index: _Index) -> Node:
    kind = block.get("kind")
    if kind == "list":
        return {
            "kind": "list",
            "ordered": bool(block.get("ordered")),
            "title": block.get("title"),
            "items": [inline(text, s, e, index) for s, e in block.get("items", [])],
        }
    if kind == "table":
        return {
            "kind": "table",
            "title": block.get("title"),
            "rows": [
                [
                    {
                        "header": bool(cell.get("header")),
                        "children": inline(text, cell["span"][0], cell["span"][1], index),
                    }
                    for cell in row
                ]
                for row in block.get("rows", [])
            ],
        }
    start, end = block["span"]
    return {"kind": "paragraph", "children": inline(text, start, end, index, tabs=True)}
