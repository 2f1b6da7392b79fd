"""The home page's world view: which pairs of states have relations on record, as a network.

No map tiles or shapes are fetched: states are nodes placed by a small force-directed layout
(Fruchterman–Reingold, deterministic, computed on the server and cached per set of edges),
pairs are edges whose width grows with the number of facts. Every edge links to its dyad page
and every node to its state page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

WIDTH = 760
HEIGHT = 460
MARGIN = 28
ITERATIONS = 90


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    name: str
    x: float
    y: float
    r: float
    degree: int


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    title: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True, slots=True)
class Network:
    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


PairRow = tuple[str, str, str, str, int]  # a, b, a_name, b_name, facts


def network(pairs: Sequence[PairRow]) -> Network | None:
    """Layout of the pairs (``a``, ``b``, names, facts); ``None`` when there are none."""
    if not pairs:
        return None
    return _layout(tuple(pairs))


@lru_cache(maxsize=16)
def _layout(pairs: tuple[PairRow, ...]) -> Network:
    names: dict[str, str] = {}
    degree: dict[str, int] = {}
    for a, b, a_name, b_name, _ in pairs:
        names[a], names[b] = a_name, b_name
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    codes = sorted(names, key=lambda c: (-degree[c], c))
    n = len(codes)
    index = {c: i for i, c in enumerate(codes)}
    cx, cy = WIDTH / 2, HEIGHT / 2
    # start on a sunflower spiral, hubs in the middle: deterministic, and already spread out
    spread = min(WIDTH, HEIGHT) / 2 - MARGIN
    pos = [
        [
            cx + spread * math.sqrt((i + 0.5) / n) * math.cos(i * 2.39996) * WIDTH / HEIGHT,
            cy + spread * math.sqrt((i + 0.5) / n) * math.sin(i * 2.39996),
        ]
        for i in range(n)
    ]
    edges = [(index[a], index[b]) for a, b, *_ in pairs]
    k = 0.75 * math.sqrt((WIDTH - 2 * MARGIN) * (HEIGHT - 2 * MARGIN) / n)
    temperature = WIDTH / 8
    for step in range(ITERATIONS):
        disp = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                d2 = dx * dx + dy * dy or 0.01
                force = k * k / d2  # repulsion k²/d along the unit vector: (dx, dy) k²/d²
                disp[i][0] += dx * force
                disp[i][1] += dy * force
                disp[j][0] -= dx * force
                disp[j][1] -= dy * force
        for i, j in edges:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            force = math.hypot(dx, dy) / k  # attraction d²/k along the unit vector
            disp[i][0] -= dx * force
            disp[i][1] -= dy * force
            disp[j][0] += dx * force
            disp[j][1] += dy * force
        limit = temperature * (1 - step / ITERATIONS) + 0.5
        for i in range(n):
            dx = disp[i][0] - (pos[i][0] - cx) * 0.02 * k  # gravity: loose parts stay near
            dy = disp[i][1] - (pos[i][1] - cy) * 0.02 * k
            d = math.hypot(dx, dy) or 1e-9
            move = min(d, limit)
            pos[i][0] = min(WIDTH - MARGIN, max(MARGIN, pos[i][0] + dx / d * move))
            pos[i][1] = min(HEIGHT - MARGIN, max(MARGIN, pos[i][1] + dy / d * move))
    placed = [(p[0], p[1]) for p in pos]
    top = max(degree.values())
    nodes = tuple(
        Node(c, names[c], *placed[index[c]], 4 + 8 * math.sqrt(degree[c] / top), degree[c])
        for c in codes
    )
    most = max(f for *_, f in pairs)
    out_edges = tuple(
        Edge(
            a,
            b,
            f"{a_name} – {b_name}: {f} fact{'s' if f != 1 else ''}",
            *placed[index[a]],
            *placed[index[b]],
            1 + 5 * math.log1p(f) / math.log1p(most),
        )
        for a, b, a_name, b_name, f in pairs
    )
    return Network(WIDTH, HEIGHT, nodes, out_edges)
