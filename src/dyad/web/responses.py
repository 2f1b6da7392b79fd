"""What the API declares besides its pages: the JSON error body and the statuses that carry it.

Every error a route can give is in its OpenAPI description, with the shape ``app._error``
writes, so that a client (or schemathesis) finds in the schema every status it may receive.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Suggestion(BaseModel):
    """A page to try instead."""

    label: str
    href: str


class ErrorBody(BaseModel):
    """An error: what went wrong, in words and as a code, and where to go instead."""

    error: str = Field(description="not_found, unknown_state, invalid_parameter, ...")
    status: int
    message: str
    suggestions: list[Suggestion]
    detail: list[dict[str, Any]] | None = Field(
        default=None, description="For 422: each parameter refused, with why."
    )


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


NOT_FOUND = _error("Nothing under that id or name; the body suggests where to look.")
INVALID = _error("A parameter the page cannot use; `detail` names it.")

#: The error statuses of every page and export route.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {404: NOT_FOUND, 422: INVALID}
