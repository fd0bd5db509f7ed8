"""The one exception tree of Marsad.

Every error a user can cause or meet derives from :class:`MarsadError`. The CLI prints
``str(error)`` on one line and exits with ``error.exit_code``; the web answers with
``error.http_status``. Nothing else is translated at the edge::

    MarsadError
    ├── UserError                 bad input or request from the user (exit 2, HTTP 400)
    │   ├── ConfigError           a setting or option that cannot be used
    │   ├── InputError            a file or payload that cannot be parsed (truncated JSON, ...)
    │   ├── NotFound              no such source, document, blob (HTTP 404)
    │   └── QueryError            a search query that cannot be parsed
    ├── FetchError                the safe fetcher refused or failed (exit 3, HTTP 502)
    │   ├── BlockedAddress        loopback/private/link-local target not allow-listed
    │   ├── TooLarge              body or decompressed body over the cap
    │   ├── TooManyRedirects
    │   └── HTTPStatusError       a final 4xx/5xx answer
    ├── StoreError                the database or archive is unusable (exit 4, HTTP 500)
    └── IntegrityError            ``marsad verify`` found missing or altered evidence (exit 5)
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        # One line, always: hostile input may carry newlines into messages.
        return " ".join(self.message.split())


class UserError(MarsadError):
    exit_code = 2
    http_status = 400


class ConfigError(UserError):
    pass


class InputError(UserError):
    pass


class NotFound(UserError):
    http_status = 404


class QueryError(UserError):
    pass


class FetchError(MarsadError):
    exit_code = 3
    http_status = 502


class BlockedAddress(FetchError):
    http_status = 400


class TooLarge(FetchError):
    pass


class TooManyRedirects(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(self, message: str, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


class StoreError(MarsadError):
    exit_code = 4


class IntegrityError(MarsadError):
    exit_code = 5
