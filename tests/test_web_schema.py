"""The API is true to its OpenAPI schema: schemathesis, every check, on generated requests.

The number of examples per operation is bounded so that ``make test`` stays short; the
generated requests still cover every route, parameter and status code the schema declares.
Each operation alone, in the examples, coverage and fuzzing phases; the stateful phase needs
links the schema does not declare (``st run --checks all`` infers them from live replies).
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from dyad.web.app import create_app
from web_helpers import kb_path

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(kb_path()))


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_web_schema_every_operation(case: schemathesis.Case) -> None:
    case.call_and_validate()
