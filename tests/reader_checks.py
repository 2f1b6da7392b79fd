"""Invariants every reader's Document must keep, for the robustness tests."""

from __future__ import annotations

from dyad.model import Document, ListBlock, Table


def check_spans(doc: Document) -> None:
    """Every anchor, section, block, item and cell slices back out of the clean text."""
    text = doc.text
    for anchor in doc.anchors:
        assert text[anchor.start : anchor.end] == anchor.text
        assert anchor.text == anchor.text.strip() and anchor.text
    for section in doc.sections:
        assert text[section.start : section.title_end] == section.title
        assert section.start <= section.title_end <= section.end <= len(text)
        assert section.level >= 1
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(text)
        if isinstance(block, ListBlock):
            for item in block.items:
                assert block.start <= item.start < item.end <= block.end
                piece = text[item.start : item.end]
                assert piece == piece.strip() and "\n" not in piece
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    assert block.start <= cell.start <= cell.end <= block.end
                    piece = text[cell.start : cell.end]
                    # A cell may hold several paragraphs, one to a line; never a tab.
                    assert piece == piece.strip() and "\t" not in piece
                    assert "\n\n" not in piece
