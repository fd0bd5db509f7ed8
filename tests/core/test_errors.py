from __future__ import annotations

from marsad.core.errors import (
    BlockedAddress,
    FetchError,
    InputError,
    MarsadError,
    NotFound,
    UserError,
)


def test_tree_and_codes() -> None:
    assert issubclass(InputError, UserError) and issubclass(UserError, MarsadError)
    assert issubclass(BlockedAddress, FetchError)
    assert NotFound("x").http_status == 404 and InputError("x").exit_code == 2


def test_message_is_one_line() -> None:
    err = InputError("bad\ninput\r\n  from a hostile file")
    assert str(err) == "bad input from a hostile file"
