"""The collector contract: one class per input kind, one ``collect`` method."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from marsad.core.records import DocumentRecord, Evidence
from marsad.core.settings import Settings

if TYPE_CHECKING:
    from marsad.collect.fetch import Fetcher


@dataclass
class SourceInfo:
    """What a collector may know of the source the user named (``--source``)."""

    id: int
    platform: str
    handle: str
    url: str = ""
    name: str = ""


@dataclass
class CollectContext:
    """Everything a collector may touch. The pipeline runner builds it.

    ``state`` is the collector's cursor for this source (e.g. the oldest post id seen on
    a channel page); a collector updates it in place and the runner saves it after the
    records yielded so far are committed, so a crash resumes from the last commit.
    """

    settings: Settings
    run_id: int
    archive_file: Callable[..., Evidence]  # (path, *, origin, media_type=...) -> Evidence
    archive_bytes: Callable[..., Evidence]  # (data, *, origin, media_type=...) -> Evidence
    error: Callable[[str, str], None]  # (locator, message): a per-item problem, run goes on
    source: SourceInfo | None = None
    options: dict[str, str] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)
    fetcher_factory: Callable[[], Fetcher] | None = None
    progress_total: Callable[[int], None] = lambda _n: None  # expected item count, if known
    _fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            if self.fetcher_factory is None:
                from marsad.collect.fetch import Fetcher

                self._fetcher = Fetcher(self.settings)
            else:
                self._fetcher = self.fetcher_factory()
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


class Collector(ABC):
    """Base of every collector.

    Attributes:
        name: the stable name users type (``--collector NAME``).
        version: bumped when parsing changes; stored with every capture.
        platform: platform of the documents it yields.
        description: one line for ``marsad collectors``.
        targets: what it accepts, for help text ("PATH to result.json", "URL").
    """

    name: ClassVar[str]
    version: ClassVar[str]
    platform: ClassVar[str]
    description: ClassVar[str]
    targets: ClassVar[str]

    def detect(self, target: str, path: Path | None, head: bytes) -> bool:
        """Return True when this collector recognises the target (auto-detection).

        ``path`` is set when the target is an existing local file; ``head`` holds its
        first bytes (empty for URLs).
        """
        return False

    @abstractmethod
    def collect(self, target: str, ctx: CollectContext) -> Iterator[DocumentRecord]:
        """Archive the raw input, then yield records parsed from it."""
